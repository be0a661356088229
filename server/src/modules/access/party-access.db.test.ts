// 调阅监督 of evidence: every reading of evidence (list, metadata, bytes) is logged, with a reason
// from readers outside the case; a party's request to read or copy needs the head's consent
// (薛城区 附件2 第三十二条), grants access for a limited time, and is recorded in the ledger.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDemoApp } from '../../test/test-app.ts';
import { tusClient } from '../evidence/evidence.test-support.ts';

let now = new Date();
const t = await createDemoApp({ clock: () => now });
const db = t.handle.db;
const caseId = t.ids.cases.market;
const officer = await t.login('officer1');
const head = await t.login('head1');
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('....IHDR 现场检查照片'),
]);

async function uploadPng(name: string): Promise<string> {
  const created = await tusClient(() => t.app, officer).create(
    caseId,
    PNG.length,
    { filename: name, step: 'investigate' },
    { body: PNG },
  );
  const id = created.headers['evidence-id'];
  if (typeof id !== 'string') throw new Error(`upload failed: ${created.status}`);
  return id;
}

const evidenceId = await uploadPng('现场照片1.png');
const otherEvidenceId = await uploadPng('现场照片2.png');
const party = await db
  .selectFrom('case_parties')
  .select(['id', 'name'])
  .where('case_id', '=', caseId)
  .executeTakeFirstOrThrow();

async function call(method: 'GET' | 'POST', url: string, cookie?: string, payload?: object) {
  const response = await t.app.inject({
    method,
    url,
    headers: cookie ? { cookie } : {},
    ...(payload ? { payload } : {}),
  });
  const isJson = String(response.headers['content-type']).startsWith('application/json');
  return {
    status: response.statusCode,
    body: isJson ? response.json() : undefined,
    raw: response.rawPayload,
  };
}

async function accessLog() {
  const log = await call('GET', `/api/cases/${caseId}/access-log`, await t.login('supervisor1'));
  return log.body.items as {
    readerName: string;
    resource: string;
    resourceId: string | null;
    reason: string | null;
    isHandler: boolean;
  }[];
}

const evidenceUrl = `/api/cases/${caseId}/evidence/${evidenceId}`;

describe('every reading of evidence is logged', () => {
  it('logs a handler reading the metadata, the list and the bytes, without a reason', async () => {
    expect((await call('GET', evidenceUrl, officer)).status).toBe(200);
    expect((await call('GET', `/api/cases/${caseId}/evidence`, officer)).status).toBe(200);
    const content = await call('GET', `${evidenceUrl}/content`, officer);
    expect(content.status).toBe(200);
    expect(content.raw.equals(PNG)).toBe(true);
    const log = await accessLog();
    expect(log.slice(0, 3).map((e) => e.resource)).toEqual([
      'evidence_content',
      'evidence_list',
      'evidence',
    ]);
    expect(log[0]).toMatchObject({ readerName: '王建国', resourceId: evidenceId, isHandler: true });
  });

  it('refuses a reader outside the case without a reason, and logs the reason given', async () => {
    const reviewer = await t.login('reviewer1');
    const refused = await call('GET', `${evidenceUrl}/content`, reviewer);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('ACCESS_REASON_REQUIRED');
    expect((await call('GET', evidenceUrl, reviewer)).body.code).toBe('ACCESS_REASON_REQUIRED');
    const reason = encodeURIComponent('法制审核核对证据');
    expect((await call('GET', `${evidenceUrl}/content?reason=${reason}`, reviewer)).status).toBe(
      200,
    );
    const log = await accessLog();
    expect(log[0]).toMatchObject({
      resource: 'evidence_content',
      isHandler: false,
      reason: '法制审核核对证据',
    });
    expect(log.filter((e) => !e.isHandler && e.resource.startsWith('evidence'))).toHaveLength(1);
  });
});

describe("a party's request to read or copy needs the head's consent", () => {
  const requestsUrl = `/api/cases/${caseId}/party-access-requests`;
  const body = {
    partyId: party.id,
    purpose: 'copy',
    evidenceIds: [evidenceId],
    statedNeed: '申请行政复议，需复制现场检查照片',
  };

  async function newRequest() {
    const created = await call('POST', requestsUrl, officer, body);
    expect(created.status).toBe(201);
    return created.body as { id: string; state: string };
  }

  it('registers a request as pending, for a party of the case and evidence of the case only', async () => {
    const request = await newRequest();
    expect(request).toMatchObject({ state: 'pending', partyName: party.name, purpose: 'copy' });
    const stranger = await call('POST', requestsUrl, officer, {
      ...body,
      partyId: '00000000-0000-4000-8000-000000000001',
    });
    expect(stranger.body.code).toBe('PARTY_NOT_OF_CASE');
    const foreign = await call('POST', requestsUrl, officer, {
      ...body,
      evidenceIds: ['00000000-0000-4000-8000-000000000002'],
    });
    expect(foreign.body.code).toBe('PARTY_ACCESS_EVIDENCE_INVALID');
  });

  it('lets only the head decide, once, and only with a time limit when approving', async () => {
    const request = await newRequest();
    const decisionUrl = `${requestsUrl}/${request.id}/decision`;
    const byOfficer = await call('POST', decisionUrl, officer, {
      approve: true,
      note: '同意',
      validForDays: 3,
    });
    expect(byOfficer).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    const noPeriod = await call('POST', decisionUrl, head, { approve: true, note: '同意复制' });
    expect(noPeriod.body.code).toBe('PARTY_ACCESS_PERIOD_REQUIRED');
    const tooLong = await call('POST', decisionUrl, head, {
      approve: true,
      note: '同意复制',
      validForDays: 365,
    });
    expect(tooLong.status).toBe(400);
    const approved = await call('POST', decisionUrl, head, {
      approve: true,
      note: '同意复制',
      validForDays: 7,
    });
    expect(approved.status).toBe(200);
    expect(approved.body.request).toMatchObject({ state: 'approved' });
    expect(approved.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const again = await call('POST', decisionUrl, head, { approve: false, note: '不同意' });
    expect(again).toMatchObject({ status: 409, body: { code: 'PARTY_ACCESS_ALREADY_DECIDED' } });

    // Request and decision are in the ledger, the decision citing the rule it applied.
    const entries = await db
      .selectFrom('ledger_entries')
      .select(['kind', 'payload'])
      .where('subject_id', '=', request.id)
      .orderBy('seq')
      .execute();
    expect(entries.map((e) => e.kind)).toEqual([
      'access.party_request.created',
      'access.party_request.approved',
    ]);
    expect(JSON.stringify(entries[1]?.payload)).toContain('附件2 第三十二条');
  });

  it('lets the party read the approved evidence with the token until the time limit, logged', async () => {
    const request = await newRequest();
    const approved = await call('POST', `${requestsUrl}/${request.id}/decision`, head, {
      approve: true,
      note: '同意复制',
      validForDays: 2,
    });
    const token = approved.body.token as string;
    const grant = await call('GET', `/api/party-access/${token}`);
    expect(grant.status).toBe(200);
    expect(grant.body.evidence).toEqual([expect.objectContaining({ id: evidenceId })]);
    const content = await call('GET', `/api/party-access/${token}/evidence/${evidenceId}/content`);
    expect(content.status).toBe(200);
    expect(content.raw.equals(PNG)).toBe(true);
    const outside = await call(
      'GET',
      `/api/party-access/${token}/evidence/${otherEvidenceId}/content`,
    );
    expect(outside.body.code).toBe('PARTY_ACCESS_NOT_IN_SCOPE');

    const log = await accessLog();
    expect(log[0]).toMatchObject({
      readerName: party.name,
      resource: 'evidence_content',
      resourceId: evidenceId,
      isHandler: false,
    });
    expect(log[0]?.reason).toContain(request.id);

    now = new Date(Date.now() + 3 * 86_400_000);
    try {
      const late = await call('GET', `/api/party-access/${token}/evidence/${evidenceId}/content`);
      expect(late).toMatchObject({ status: 403, body: { code: 'PARTY_ACCESS_EXPIRED' } });
      const listed = await call('GET', requestsUrl, officer);
      expect(listed.body.find((r: { id: string }) => r.id === request.id).state).toBe('expired');
    } finally {
      now = new Date();
    }
  });

  it('gives no token on refusal, and an unknown token reads nothing', async () => {
    const request = await newRequest();
    const refused = await call('POST', `${requestsUrl}/${request.id}/decision`, head, {
      approve: false,
      note: '涉及他人隐私，不同意',
    });
    expect(refused.body).toMatchObject({ token: null, request: { state: 'refused' } });
    const unknown = await call('GET', `/api/party-access/${'B'.repeat(43)}`);
    expect(unknown).toMatchObject({ status: 404, body: { code: 'PARTY_ACCESS_TOKEN_INVALID' } });
  });

  it("shows supervisors the agency's whole access log, not officers", async () => {
    const url = `/api/access-log?agencyId=${t.ids.agencies.market}`;
    const log = await call('GET', url, await t.login('supervisor1'));
    expect(log.status).toBe(200);
    expect(log.body.items.some((e: { readerName: string }) => e.readerName === party.name)).toBe(
      true,
    );
    expect((await call('GET', url, officer)).status).toBe(403);
  });

  it('keeps requests and decisions write-once', async () => {
    await expect(
      sql`update party_access_decisions set note = 'x'`.execute(db),
    ).rejects.toMatchObject({ code: 'SX001' });
    await expect(sql`delete from party_access_requests`.execute(db)).rejects.toMatchObject({
      code: 'SX001',
    });
  });
});
