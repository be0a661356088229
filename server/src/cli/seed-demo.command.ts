import { loadConfig } from '../config.ts';
import { isDatabaseEmpty, seedDemo } from '../demo/demo.seed.ts';
import { openRuntime } from '../runtime.ts';

export async function runSeedDemo(): Promise<number> {
  const config = loadConfig();
  if (config.NODE_ENV === 'production') {
    console.error('生产环境不得导入演示数据 (refusing to load demo data in production)');
    return 1;
  }
  const { handle, seeded } = await openRuntime(config, { seed: false });
  try {
    if (seeded || !(await isDatabaseEmpty(handle.db))) {
      console.error('数据库已有数据，未导入演示数据 (database is not empty; nothing loaded)');
      return 1;
    }
    await seedDemo(handle.db);
    console.log('演示数据已导入 (demo data loaded)');
    return 0;
  } finally {
    await handle.close();
  }
}
