// Evidence as users see it: the type from the bytes, the download (ETag, Chinese file names,
// ranges), audio/video metadata with its rules, the profile's upload deadline (late uploads
// flagged, not refused), exemptions without a file, and the write-once guarantee.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDemoApp } from '../../test/test-app.ts';
import { hashesOf, insertTestCase, tusClient } from './evidence.test-support.ts';

const t = await createDemoApp();
const db = t.handle.db;
const officer = await t.login('officer1');
const tus = tusClient(() => t.app, officer);
const caseId = await insertTestCase(db, t.ids.agencies.market);
// officer1 handles the case, so reads without a reason (调阅监督: see modules/access).
await db
  .insertInto('case_officers')
  .values({
    case_id: caseId,
    person_id: t.ids.people.officer1 ?? '',
    credential_id: t.ids.credentials.officer1 ?? '',
    role: 'lead',
  })
  .execute();
const READ_REASON = `reason=${encodeURIComponent('执法监督检查')}`;
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('....IHDR 现场照片'),
]);
const MP4 = Buffer.concat([
  Buffer.from([0, 0, 0, 0x18]),
  Buffer.from('ftypisom\0\0\0\0isommp41 录像数据'),
]);

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

function avMetadata(endedHoursAgo: number, overrides: Record<string, unknown> = {}) {
  return JSON.stringify({
    act: 'site_inspection',
    device: 'DSJ-3704-017',
    officerIds: [t.ids.people.officer1, t.ids.people.officer2],
    startedAt: hoursAgo(endedHoursAgo + 1),
    endedAt: hoursAgo(endedHoursAgo),
    place: '薛城区临城街道某农贸市场',
    isPartyNotified: true,
    isContinuous: false,
    interruptions: [
      {
        startedAt: hoursAgo(endedHoursAgo + 0.5),
        endedAt: hoursAgo(endedHoursAgo + 0.4),
        reason: '设备电量不足更换电池',
        reasonStatedIn: 'recording',
      },
    ],
    ...overrides,
  });
}

async function upload(bytes: Buffer, metadata: Record<string, string>) {
  const created = await tus.create(caseId, bytes.length, metadata, { body: bytes });
  return { ...created, evidenceId: created.headers['evidence-id'] as string | undefined };
}

async function getJson(url: string, cookie = officer) {
  return t.app.inject({ method: 'GET', url, headers: { cookie } });
}

describe('evidence', () => {
  it('takes the type from the bytes, not the name: a PNG named .pdf is image/png', async () => {
    const { evidenceId } = await upload(PNG, { filename: '询问笔录.pdf', step: 'investigate' });
    const view = (await getJson(`/api/cases/${caseId}/evidence/${evidenceId}`)).json();
    expect(view).toMatchObject({
      contentType: 'image/png',
      kind: 'photo',
      originalName: '询问笔录.pdf',
    });
  });

  it('streams the download with ETag = SM3, the Chinese name (RFC 5987) and byte ranges', async () => {
    const { evidenceId } = await upload(PNG, { filename: '现场照片 1.png', step: 'investigate' });
    const url = `/api/cases/${caseId}/evidence/${evidenceId}/content`;
    const response = await getJson(url);
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(PNG)).toBe(true);
    expect(response.headers).toMatchObject({
      'content-type': 'image/png',
      etag: `"${hashesOf(PNG).sm3}"`,
      'content-disposition': `attachment; filename="____ 1.png"; filename*=UTF-8''${encodeURIComponent('现场照片 1.png')}`,
    });
    const cached = await t.app.inject({
      method: 'GET',
      url,
      headers: { cookie: officer, 'if-none-match': `"${hashesOf(PNG).sm3}"` },
    });
    expect(cached.statusCode).toBe(304);
    const part = await t.app.inject({
      method: 'GET',
      url,
      headers: { cookie: officer, range: 'bytes=1-3' },
    });
    expect(part.statusCode).toBe(206);
    expect(part.body).toBe('PNG');
    expect(part.headers['content-range']).toBe(`bytes 1-3/${PNG.length}`);
    const bad = await t.app.inject({
      method: 'GET',
      url,
      headers: { cookie: officer, range: 'bytes=999-' },
    });
    expect(bad.json()).toMatchObject({ code: 'RANGE_NOT_SATISFIABLE' });
  });

  it('lists only recorded evidence, readable by reviewers and supervisors, not by other agencies', async () => {
    const list = (
      await getJson(
        `/api/cases/${caseId}/evidence?kind=photo&${READ_REASON}`,
        await t.login('reviewer1'),
      )
    ).json();
    expect(list.length).toBeGreaterThanOrEqual(2);
    expect(
      (await getJson(`/api/cases/${caseId}/evidence?${READ_REASON}`, await t.login('supervisor1')))
        .statusCode,
    ).toBe(200);
    const other = await getJson(`/api/cases/${caseId}/evidence`, await t.login('officer3'));
    expect(other.json()).toMatchObject({ code: 'OUT_OF_SCOPE' });
  });

  it('records AV metadata and flags an upload later than the profile allows (薛城区: 24 hours)', async () => {
    const late = await upload(MP4, {
      filename: '录像.mp4',
      step: 'inspection',
      av: avMetadata(30),
    });
    expect(late.status).toBe(201);
    const view = (await getJson(`/api/cases/${caseId}/evidence/${late.evidenceId}`)).json();
    expect(view).toMatchObject({ kind: 'video', contentType: 'video/mp4', isLate: true });
    const ended = JSON.parse(avMetadata(30)) as { endedAt: string; startedAt: string };
    expect(Date.parse(view.uploadDueAt) - Date.parse(ended.endedAt)).toBeCloseTo(
      24 * 3_600_000,
      -4,
    );
    expect(view.av).toMatchObject({
      device: 'DSJ-3704-017',
      actLabel: '现场检查',
      isContinuous: false,
      interruptions: [{ reason: '设备电量不足更换电池', reasonStatedIn: 'recording' }],
    });
    const deadline = await db
      .selectFrom('deadlines')
      .select(['status', 'rule_key'])
      .where('subject_type', '=', 'upload')
      .where('subject_id', '=', (await uploadOf(late.evidenceId)) ?? '')
      .executeTakeFirstOrThrow();
    expect(deadline).toEqual({ status: 'missed', rule_key: 'av.uploadDeadline' });

    const onTime = await upload(MP4, {
      filename: '录像2.mp4',
      step: 'inspection',
      av: avMetadata(2),
    });
    const fresh = (await getJson(`/api/cases/${caseId}/evidence/${onTime.evidenceId}`)).json();
    expect(fresh).toMatchObject({ isLate: false });
    expect(fresh.uploadDueAt).not.toBeNull();
  });

  it('refuses AV metadata that breaks its rules, in Chinese, before any byte is sent', async () => {
    const backwards = await tus.create(caseId, 10, {
      filename: 'v.mp4',
      step: 'inspection',
      av: avMetadata(2, {
        startedAt: hoursAgo(1),
        endedAt: hoursAgo(2),
        interruptions: [],
        isContinuous: true,
      }),
    });
    expect(backwards).toMatchObject({ status: 400, body: { code: 'AV_METADATA_INVALID' } });
    expect(backwards.body.message).toContain('结束时间不能早于开始时间');
    const outside = await tus.create(caseId, 10, {
      filename: 'v.mp4',
      step: 'inspection',
      av: avMetadata(2, {
        interruptions: [
          {
            startedAt: hoursAgo(10),
            endedAt: hoursAgo(9),
            reason: '离开',
            reasonStatedIn: 'written',
          },
        ],
      }),
    });
    expect(outside.body.message).toContain('中断须在记录的开始与结束时间之内');
    const stranger = await tus.create(caseId, 10, {
      filename: 'v.mp4',
      step: 'inspection',
      av: avMetadata(2, { officerIds: [t.ids.people.officer3] }),
    });
    expect(stranger).toMatchObject({ status: 422, body: { code: 'AV_OFFICER_NOT_OF_AGENCY' } });
  });

  it('records an exemption without a file, within the reasons the profile recognises', async () => {
    const body = {
      step: 'inspection',
      kind: 'video',
      reason: 'emergency',
      explanation: '现场突发险情，先行处置，未能同步录像',
      occurredAt: hoursAgo(1),
      place: '薛城区某仓库',
      officerIds: [t.ids.people.officer1],
    };
    const url = `/api/cases/${caseId}/evidence/exemptions`;
    const created = await t.app.inject({
      method: 'POST',
      url,
      payload: body,
      headers: { cookie: officer },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      isExemption: true,
      sm3: null,
      av: { exemptionReason: 'emergency', exemptionReasonLabel: '遇到紧急情况的除外' },
    });
    const entry = await db
      .selectFrom('ledger_entries')
      .select('kind')
      .where('subject_id', '=', created.json().id)
      .executeTakeFirstOrThrow();
    expect(entry.kind).toBe('evidence.av_exemption.recorded');
    const content = await getJson(`/api/cases/${caseId}/evidence/${created.json().id}/content`);
    expect(content.json()).toMatchObject({ code: 'EVIDENCE_HAS_NO_FILE' });
    // 薛城区 names only emergencies; the Shanghai high-risk-site exemption is not its rule.
    const highRisk = await t.app.inject({
      method: 'POST',
      url,
      payload: { ...body, reason: 'high_risk_site' },
      headers: { cookie: officer },
    });
    expect(highRisk.json()).toMatchObject({ code: 'AV_EXEMPTION_NOT_RECOGNISED' });
  });

  it('refuses to change or delete recorded evidence in the database itself', async () => {
    const { evidenceId } = await upload(PNG, { filename: 'x.png', step: 'investigate' });
    await expect(
      sql`update evidence set sm3 = repeat('0', 64) where id = ${evidenceId}`.execute(db),
    ).rejects.toThrow(/write-once/);
    await expect(sql`delete from evidence where id = ${evidenceId}`.execute(db)).rejects.toThrow(
      /write-once/,
    );
  });
});

async function uploadOf(evidenceId: string | undefined) {
  const row = await db
    .selectFrom('evidence')
    .select('upload_id')
    .where('id', '=', evidenceId ?? '')
    .executeTakeFirst();
  return row?.upload_id ?? undefined;
}
