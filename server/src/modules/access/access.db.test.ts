import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDemoApp } from '../../test/test-app.ts';

const t = await createDemoApp();
const caseUrl = `/api/cases/${t.ids.cases.market}`;

async function read(username: string, url: string) {
  const response = await t.app.inject({
    method: 'GET',
    url,
    headers: { cookie: await t.login(username) },
  });
  return { status: response.statusCode, body: response.json() };
}

describe('调阅监督: every reading of a case record is logged', () => {
  it('lets a case officer read without a reason, and logs it', async () => {
    expect((await read('officer2', caseUrl)).status).toBe(200);
    const log = await read('supervisor1', `${caseUrl}/access-log`);
    expect(log.body.items[0]).toMatchObject({
      readerName: '李秀英',
      resource: 'case',
      isHandler: true,
      reason: null,
    });
  });

  it('asks anyone outside the case for a reason, and records the reason given', async () => {
    const refused = await read('reviewer1', caseUrl);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('ACCESS_REASON_REQUIRED');
    expect(
      (await read('reviewer1', `${caseUrl}/timeline?reason=${encodeURIComponent('法制审核需要')}`))
        .status,
    ).toBe(200);
    const log = await read('head1', `${caseUrl}/access-log`);
    expect(log.body.items[0]).toMatchObject({
      readerName: '陈静',
      resource: 'timeline',
      isHandler: false,
      reason: '法制审核需要',
    });
    // The refused attempt read nothing and so left nothing.
    expect(
      log.body.items.filter((i: { readerName: string }) => i.readerName === '陈静'),
    ).toHaveLength(1);
  });

  it('shows the log to supervisors and heads, not to officers', async () => {
    const officer = await read('officer1', `${caseUrl}/access-log`);
    expect(officer.status).toBe(403);
    expect(officer.body.code).toBe('FORBIDDEN');
  });

  it('cannot be edited or deleted', async () => {
    await expect(sql`delete from access_log`.execute(t.handle.db)).rejects.toMatchObject({
      code: 'SX001',
    });
    await expect(
      sql`update access_log set reason = 'x'`.execute(t.handle.db),
    ).rejects.toMatchObject({ code: 'SX001' });
  });
});
