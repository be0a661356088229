// Retention and disposal: a legal hold blocks disposal, records whose retention has not ended
// cannot be disposed of, one approval is not enough and the same person cannot approve twice (nor
// the proposer); two approvals leave a destruction register entry, tombstones and a ledger entry,
// the blob's content is deleted, and `verify` reports it as disposed, not missing.
import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDemoApp } from '../../test/test-app.ts';
import { auditEvidence } from '../evidence/evidence.audit.ts';
import { hashesOf, insertTestCase, tusClient } from '../evidence/evidence.test-support.ts';
import { loadDisposedBlobs } from './disposal.audit.ts';
import { DISPOSAL_EXECUTED } from './disposal.service.ts';
import { retentionOf } from './retention.ts';

const t = await createDemoApp();
const db = t.handle.db;
const tus = tusClient(() => t.app, await t.login('officer1'));
const [archivist, head, supervisor] = [
  await t.login('archivist1'),
  await t.login('head1'),
  await t.login('supervisor1'),
];

async function closedCase(closedOn: string | null): Promise<string> {
  const id = await insertTestCase(db, t.ids.agencies.market);
  if (closedOn) {
    await sql`update cases set state = 'closed', closed_on = ${closedOn} where id = ${id}`.execute(
      db,
    );
  }
  return id;
}

async function upload(caseId: string, text: string) {
  const bytes = Buffer.from(`%PDF-1.4\n${text}\n%%EOF\n`);
  const created = await tus.create(
    caseId,
    bytes.length,
    { filename: `${text}.pdf`, step: 'investigate' },
    { body: bytes },
  );
  return { id: created.headers['evidence-id'] as string, sm3: hashesOf(bytes).sm3 };
}

const blobFile = (sm3: string) =>
  path.join(t.ctx.config.BLOB_DIR, sm3.slice(0, 2), sm3.slice(2, 4), sm3);
const exists = (file: string) =>
  fs.stat(file).then(
    () => true,
    () => false,
  );

async function call(method: 'GET' | 'POST', url: string, cookie: string, payload?: object) {
  const response = await t.app.inject({
    method,
    url,
    headers: { cookie },
    ...(payload ? { payload } : {}),
  });
  return { status: response.statusCode, body: response.json() };
}

// A penalty case closed in 1990: its records (30 years) may go; one closed in 2020 may not.
const oldCase = await closedCase('1990-03-01');
const recentCase = await closedCase('2020-06-01');
const openCase = await closedCase(null);
const old = await upload(oldCase, '1990年现场检查笔录');
const recent = await upload(recentCase, '2020年询问笔录');
const stillOpen = await upload(openCase, '在办案件照片');

const propose = (caseId: string, evidenceIds: string[]) =>
  call('POST', `/api/cases/${caseId}/disposals`, archivist, {
    evidenceIds,
    reason: '保管期限已满，经鉴定无继续保存价值',
  });

describe('retention and disposal', () => {
  it('refuses records whose retention has not ended, or not started (case still open)', async () => {
    const early = await propose(recentCase, [recent.id]);
    expect(early).toMatchObject({
      status: 422,
      body: { code: 'DISPOSAL_BEFORE_RETENTION_END' },
    });
    expect(early.body.details.records[0]).toMatchObject({
      retentionClass: 'y30',
      endsOn: '2050-06-01',
    });
    expect((await propose(openCase, [stillOpen.id])).body.code).toBe('DISPOSAL_CASE_NOT_CLOSED');
  });

  it('refuses disposal while a legal hold stands, and allows it once released', async () => {
    const placed = await call('POST', `/api/cases/${oldCase}/legal-holds`, head, {
      reason: '当事人已提起行政诉讼',
    });
    expect(placed.status).toBe(201);
    expect((await propose(oldCase, [old.id])).body.code).toBe('LEGAL_HOLD_ACTIVE');
    const holdId = placed.body[0].id as string;
    const officerRelease = await call(
      'POST',
      `/api/cases/${oldCase}/legal-holds/${holdId}/release`,
      archivist,
      { reason: '诉讼已终结' },
    );
    expect(officerRelease.status).toBe(403);
    const released = await call(
      'POST',
      `/api/cases/${oldCase}/legal-holds/${holdId}/release`,
      supervisor,
      { reason: '诉讼已终结，判决已生效' },
    );
    expect(released.body[0]).toMatchObject({ isActive: false });
  });

  it('needs two approvals by different people, not the proposer, before anything goes', async () => {
    const proposed = await propose(oldCase, [old.id]);
    expect(proposed.status).toBe(201);
    expect(proposed.body.retention[0]).toMatchObject({
      retentionClass: 'y30',
      endsOn: '2020-03-01',
    });
    const approvals = `/api/cases/${oldCase}/disposals/${proposed.body.id}/approvals`;

    expect((await call('POST', approvals, archivist)).body.code).toBe(
      'DISPOSAL_APPROVER_IS_PROPOSER',
    );
    const first = await call('POST', approvals, head);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ registerNo: null, approvals: [{ role: 'head' }] });
    expect(await exists(blobFile(old.sm3))).toBe(true); // one approval is not enough
    const twice = await call('POST', approvals, head);
    expect(twice).toMatchObject({
      status: 409,
      body: { code: 'DISPOSAL_ALREADY_APPROVED_BY_YOU' },
    });

    const second = await call('POST', approvals, supervisor);
    expect(second.status).toBe(200);
    const registerNo = second.body.registerNo as number;
    expect(registerNo).toBeGreaterThan(0);
    expect(await exists(blobFile(old.sm3))).toBe(false);
    expect((await call('POST', approvals, supervisor)).body.code).toBe('DISPOSAL_ALREADY_DISPOSED');

    // The content is gone; the proof that it existed stays.
    const content = await call(
      'GET',
      `/api/cases/${oldCase}/evidence/${old.id}/content?reason=${encodeURIComponent('档案核对')}`,
      archivist,
    );
    expect(content).toMatchObject({ status: 410, body: { code: 'EVIDENCE_DISPOSED' } });
    const meta = await call(
      'GET',
      `/api/cases/${oldCase}/evidence/${old.id}?reason=${encodeURIComponent('档案核对')}`,
      archivist,
    );
    expect(meta.body.sm3).toBe(old.sm3);
    const register = await call(
      'GET',
      `/api/destruction-register?agencyId=${t.ids.agencies.market}`,
      archivist,
    );
    expect(register.body[0]).toMatchObject({
      registerNo,
      caseId: oldCase,
      evidence: [{ evidenceId: old.id, sm3: old.sm3, blobDeleted: true, retentionClass: 'y30' }],
      approvers: [{ role: 'head' }, { role: 'supervisor' }],
    });
    const entry = await db
      .selectFrom('ledger_entries')
      .select(['kind', 'payload'])
      .where('subject_id', '=', String(registerNo))
      .where('kind', '=', DISPOSAL_EXECUTED)
      .executeTakeFirstOrThrow();
    expect(entry.payload).toMatchObject({ registerNo, blobs: [old.sm3] });

    // verify: disposed (register #n), not missing; the other blobs are still re-hashed.
    const tombstones = await loadDisposedBlobs(db);
    expect(tombstones.issues).toEqual([]);
    const report = await auditEvidence(db, t.ctx.blobs, tombstones.disposed);
    expect(report.issues).toEqual([]);
    expect(report.disposed).toEqual([{ sm3: old.sm3, registerNo }]);
    const unaware = await auditEvidence(db, t.ctx.blobs);
    expect(unaware.issues.map((i) => i.kind)).toEqual(['blob_missing']);
  });

  it('lets a hold placed between the approvals win', async () => {
    const otherOld = await closedCase('1991-01-01');
    const file = await upload(otherOld, '1991年抽样记录');
    const proposed = await propose(otherOld, [file.id]);
    const approvals = `/api/cases/${otherOld}/disposals/${proposed.body.id}/approvals`;
    expect((await call('POST', approvals, head)).status).toBe(200);
    await call('POST', `/api/cases/${otherOld}/legal-holds`, supervisor, { reason: '信访调查中' });
    expect((await call('POST', approvals, supervisor)).body.code).toBe('LEGAL_HOLD_ACTIVE');
    expect(await exists(blobFile(file.sm3))).toBe(true);
  });

  it('keeps holds, approvals, the register and tombstones write-once', async () => {
    for (const table of [
      'legal_holds',
      'disposal_approvals',
      'destruction_register',
      'blob_disposals',
    ]) {
      await expect(sql`delete from ${sql.table(table)}`.execute(db)).rejects.toMatchObject({
        code: 'SX001',
      });
    }
  });

  it('keeps undisputed inspection video the profile minimum (上海: 6 months), else the class', () => {
    const rule = {
      effective: { amount: 6, unit: 'months' },
      label: '不归档的行政检查视音频记录最短保存期限',
      source: { quote: '可不对视音频记录资料进行归档,但保存时间不少于6个月' },
    } as unknown as Parameters<typeof retentionOf>[0]['inspectionVideoRule'];
    const base = { caseKind: 'inspection', evidenceKind: 'video', closedOn: '2026-01-31' };
    expect(
      retentionOf({ ...base, exception: 'no_dispute', inspectionVideoRule: rule }),
    ).toMatchObject({
      retentionClass: 'inspection_video',
      endsOn: '2026-07-31',
    });
    expect(retentionOf({ ...base, exception: null, inspectionVideoRule: rule })).toMatchObject({
      retentionClass: 'y10',
      endsOn: '2036-01-31',
    });
    expect(
      retentionOf({
        ...base,
        caseKind: 'expropriation',
        exception: null,
        inspectionVideoRule: rule,
      }),
    ).toMatchObject({ retentionClass: 'permanent', endsOn: null });
  });
});
