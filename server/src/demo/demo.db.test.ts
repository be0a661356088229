import { describe, expect, it } from 'vitest';
import { createDemoApp } from '../test/test-app.ts';
import { assertNoDemoPasswords, DEMO_USERNAMES } from './demo.seed.ts';

const t = await createDemoApp();

describe('demo data', () => {
  it('opens every demo account of API.md with the demo password', async () => {
    for (const username of DEMO_USERNAMES) {
      await expect(t.login(username), username).resolves.toMatch(/^sx_session=/);
    }
  });

  it('gives officer1 and officer2 valid credentials in one agency and officer3 another', async () => {
    const rows = await t.handle.db
      .selectFrom('users')
      .innerJoin('people', 'people.id', 'users.person_id')
      .innerJoin('credentials', 'credentials.person_id', 'people.id')
      .select(['users.username', 'people.agency_id', 'credentials.status'])
      .where('users.username', 'in', ['officer1', 'officer2', 'officer3'])
      .orderBy('users.username')
      .execute();
    expect(rows.map((r) => r.status)).toEqual(['valid', 'valid', 'valid']);
    expect(rows[0]?.agency_id).toBe(rows[1]?.agency_id);
    expect(rows[2]?.agency_id).not.toBe(rows[0]?.agency_id);
  });

  it('is refused by production mode while a demo password still works', async () => {
    await expect(assertNoDemoPasswords(t.handle.db)).rejects.toThrow(/演示密码/);
  });
});
