// `npx sanxiang <command>`: the operator's tools. Every command reads the same configuration as
// the server (DATA_DIR, DATABASE_URL, PROFILE).
import { ConfigError } from '../config.ts';
import { DataDirInUseError } from '../db/data-dir-lock.ts';
import { runCalendar } from './calendar.command.ts';
import { runExportArchive } from './export-archive.command.ts';
import { runMigrate } from './migrate.command.ts';
import { runSeedDemo } from './seed-demo.command.ts';
import { runServe } from './serve.command.ts';
import { runVerify } from './verify.command.ts';
import { runVerifyArchive } from './verify-archive.command.ts';

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, { run: Command; help: string }> = {
  serve: { run: runServe, help: '启动服务 (start the server)' },
  migrate: { run: runMigrate, help: '执行数据库迁移 (run database migrations)' },
  'seed-demo': { run: runSeedDemo, help: '导入演示数据 (load the demo data set)' },
  verify: {
    run: runVerify,
    help: '核验全过程记录账本：verify [--witness <file>]… [--json] (verify the ledger)',
  },
  'export-archive': {
    run: runExportArchive,
    help: '导出案件档案包：export-archive <caseId> <out> (archive package of a case)',
  },
  'verify-archive': {
    run: runVerifyArchive,
    help: '档案包四性检测（离线）：verify-archive <package> [--trusted-key <pem>] [--json]',
  },
  calendar: {
    run: runCalendar,
    help: '节假日安排：calendar import <file> | calendar show [year] (working-day calendar)',
  },
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    const lines = Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(16)} ${c.help}`);
    console.error(`用法 (usage): npx sanxiang <command>\n${lines.join('\n')}`);
    return name ? 2 : 0;
  }
  return command.run(args);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exitCode = 78;
  } else if (error instanceof DataDirInUseError) {
    console.error(error.message);
    process.exitCode = 75; // EX_TEMPFAIL: try again once the other process has stopped
  } else {
    console.error(error);
    process.exitCode = 1;
  }
}
