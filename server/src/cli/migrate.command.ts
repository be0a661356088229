import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';

export async function runMigrate(): Promise<number> {
  const config = loadConfig();
  const handle = await openDatabase({ dataDir: config.DATA_DIR, databaseUrl: config.DATABASE_URL });
  try {
    const applied = await migrateToLatest(handle.db);
    console.log(
      applied.length === 0
        ? '数据库已是最新 (database is up to date)'
        : `已执行迁移 (applied): ${applied.join(', ')}`,
    );
    return 0;
  } finally {
    await handle.close();
  }
}
