// The demo data set loaded on first start (never in production): one district with a 市场监管局,
// a 综合行政执法局 (城管) and a street office with its 司法所, certified officers, a legal
// reviewer, a head, a 司法局 supervisor and the demo accounts of API.md. Every row is written in
// one transaction with its change record, like any other change.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { hashPassword, verifyPassword } from '../modules/auth/auth.service.ts';
import { appendLedgerEntry } from '../modules/ledger/ledger.repository.ts';
import { SYSTEM_ACTOR } from '../shared/policy.ts';
import { DEMO_DISTRICT, type DemoIds } from './demo.org.ts';
import { seedDemoModules } from './demo.modules.ts';

export const DEMO_PASSWORD = 'Sanxiang@2026';
export const DEMO_USERNAMES = [
  'officer1',
  'officer2',
  'officer3',
  'reviewer1',
  'head1',
  'archivist1',
  'supervisor1',
  'admin',
] as const;

export async function isDatabaseEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

export async function seedDemo(db: Kysely<Database>): Promise<DemoIds> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    const ids = await DEMO_DISTRICT.insert(trx, passwordHash);
    await seedDemoModules(trx, ids);
    await appendLedgerEntry(trx, SYSTEM_ACTOR, {
      kind: 'demo.seeded',
      subjectType: 'deployment',
      subjectId: null,
      payload: { accounts: [...DEMO_USERNAMES] },
    });
    return ids;
  });
}

/** Production refuses to start while any demo account still opens with the demo password. */
export async function assertNoDemoPasswords(db: Kysely<Database>): Promise<void> {
  const users = await db
    .selectFrom('users')
    .select(['username', 'password_hash'])
    .where('username', 'in', [...DEMO_USERNAMES])
    .where('is_active', '=', true)
    .execute();
  for (const user of users) {
    if (await verifyPassword(user.password_hash, DEMO_PASSWORD)) {
      throw new Error(
        `生产环境拒绝启动：账号 ${user.username} 仍使用演示密码 (demo password in production)`,
      );
    }
  }
}

export type { DemoIds, Transaction };
