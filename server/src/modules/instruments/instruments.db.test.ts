// Instruments through the API on the demo case: every template issues (the case fills what it
// holds, the officer the rest) except those waiting for a step the case has not recorded, a
// missing legal field is refused and changes nothing, 20 parallel issues are numbered 1..20, the
// PDF's Chinese text extracts, the DOCX holds it, the seal verifies and fails after a flipped
// byte, versions are write-once, readings are logged and scoped.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp } from '../../test/test-app.ts';
import { CASE_RECORD_FIELDS } from './instruments.fields.ts';
import { extractPdfText, unzipEntry } from './instruments.render.test-support.ts';
import { INSTRUMENT_KINDS, TEMPLATES, type InstrumentKind } from './instruments.templates.ts';

const NOW = new Date('2026-11-21T02:00:00Z');
const t = await createDemoApp({ clock: () => NOW });
const caseId = t.ids.cases.market;
const officer = await t.login('officer1');

interface Missing {
  field: string;
  label: string;
}
interface Available {
  kind: InstrumentKind;
  isSuggested: boolean;
  missing: Missing[];
}
interface InstrumentBody {
  id: string;
  docNo: string;
  kind: string;
  verificationUrl: string;
  versions: { version: number; pdfSm3: string; reason: string | null }[];
}

async function request(
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  options: { cookie?: string; payload?: unknown; headers?: Record<string, string> } = {},
) {
  return t.app.inject({
    method,
    url,
    ...(options.payload === undefined ? {} : { payload: options.payload as object }),
    headers: { ...(options.cookie ? { cookie: options.cookie } : {}), ...options.headers },
  });
}

async function issue(kind: InstrumentKind, data: Record<string, string>) {
  return request('POST', `/api/cases/${caseId}/instruments`, {
    cookie: officer,
    payload: { kind, data },
  });
}

const isFromRecord = (m: Missing) => (CASE_RECORD_FIELDS as readonly string[]).includes(m.field);

/** What an officer types for the fields the demo case cannot supply (the record's are not typed). */
function typed(missing: Missing[]): Record<string, string> {
  return Object.fromEntries(
    missing.filter((m) => !isFromRecord(m)).map((m) => [m.field, `（经办人填写）${m.label}`]),
  );
}

async function act(action: string, input: unknown) {
  const response = await request('POST', `/api/cases/${caseId}/actions/${action}`, {
    cookie: officer,
    payload: { input },
  });
  expect(response.statusCode, `${action}: ${response.body}`).toBe(200);
}

async function available(): Promise<Available[]> {
  const response = await request('GET', `/api/cases/${caseId}/instruments`, { cookie: officer });
  expect(response.statusCode).toBe(200);
  return response.json<{ available: Available[] }>().available;
}

describe('issuing from the demo case', () => {
  it('refuses a 决定书 missing what 第五十九条 requires, naming each field, and changes nothing', async () => {
    const before = await t.handle.db
      .selectFrom('ledger_entries')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const response = await issue('penalty_decision', {});
    expect(response.statusCode).toBe(422);
    const body = response.json<{
      code: string;
      message: string;
      details: { missing: Missing[] };
    }>();
    expect(body.code).toBe('INSTRUMENT_FIELDS_MISSING');
    expect(body.message).toContain('第五十九条');
    expect(body.message).toContain('处罚种类和内容');
    expect(body.details.missing.map((m) => m.field)).toEqual(
      expect.arrayContaining(['partyAddress', 'penalty', 'performance']),
    );
    const after = await t.handle.db
      .selectFrom('ledger_entries')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toEqual(before.n);
    const counters = await t.handle.db.selectFrom('instrument_counters').selectAll().execute();
    expect(counters).toEqual([]);
  });

  it('refuses a field the instrument does not print, and the system fields', async () => {
    expect((await issue('penalty_decision', { docNo: '伪造〔2026〕1号' })).json()).toMatchObject({
      code: 'INSTRUMENT_FIELD_UNKNOWN',
    });
    expect((await issue('service_receipt', { facts: 'x' })).statusCode).toBe(400);
  });

  it('lists what each template still lacks and issues every template once it is supplied', async () => {
    const list = await available();
    expect(list.map((a) => a.kind).sort()).toEqual([...INSTRUMENT_KINDS].sort());
    // The case under investigation calls for transcripts; the prior notice comes once its
    // service date is recorded, as its periods run from that day.
    const suggested = list.filter((a) => a.isSuggested).map((a) => a.kind);
    expect(suggested).toContain('inquiry_transcript');
    expect(suggested).not.toContain('penalty_prior_notice');
    const filing = list.find((a) => a.kind === 'filing_approval');
    expect(filing?.missing.map((m) => m.field)).not.toContain('officers');
    // No notice yet: the party's last days and what became of its statement are not on record.
    const waiting = list.filter((a) => a.missing.some(isFromRecord)).map((a) => a.kind);
    expect(waiting.sort()).toEqual(
      ['hearing_rights_notice', 'penalty_decision', 'penalty_prior_notice'].sort(),
    );
    for (const entry of list) {
      const response = await issue(entry.kind, typed(entry.missing));
      if (waiting.includes(entry.kind)) {
        expect(response.statusCode, `${entry.kind}: ${response.body}`).toBe(422);
        expect(response.json()).toMatchObject({ code: 'INSTRUMENT_FIELDS_MISSING' });
        continue;
      }
      expect(response.statusCode, `${entry.kind}: ${response.body}`).toBe(201);
      const body = response.json<InstrumentBody>();
      expect(body.docNo).toBe(`薛市监${TEMPLATES[entry.kind].code}〔2026〕1号`);
      expect(body.versions).toHaveLength(1);
    }
  });
});

describe('numbering', () => {
  it('numbers 20 parallel issues 1..20 without a gap or a repeat', async () => {
    const data = { rectification: '立即停止违法行为', rectifyBy: '2026年12月1日前' };
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => issue('rectification_order', data)),
    );
    const numbers = responses.map((r) => {
      expect(r.statusCode, r.body).toBe(201);
      const match = /〔2026〕(\d+)号$/.exec(r.json<InstrumentBody>().docNo);
      return Number(match?.[1]);
    });
    // One was issued by the previous test.
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
  });

  it('uses the agency pattern a head sets, and refuses a pattern without the sequence', async () => {
    const head = await t.login('head1');
    const url = `/api/agencies/${t.ids.agencies.market}/instrument-numbering`;
    const bad = await request('PUT', url, {
      cookie: head,
      payload: { abbreviation: '薛市监', pattern: '{abbr}{code}〔{year}〕号' },
    });
    expect(bad.json()).toMatchObject({ code: 'INSTRUMENT_NUMBERING_INVALID' });
    const set = await request('PUT', url, {
      cookie: head,
      payload: {
        abbreviation: '薛市监',
        pattern: '{abbr}{code}字〔{year}〕第{seq}号',
        kindCodes: { hearing_notice: '听' },
      },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ example: '薛市监罚决字〔2026〕第1号', isDefault: false });
    const response = await issue('hearing_notice', {
      hearingTime: '2026年12月1日9时',
      hearingPlace: '听证室',
    });
    expect(response.json<InstrumentBody>().docNo).toBe('薛市监听字〔2026〕第2号');
  });
});

describe('files, seal and versions', () => {
  let response: Awaited<ReturnType<typeof issue>>;
  let instrument: InstrumentBody;
  let base: string;
  beforeAll(async () => {
    // The notice's service is recorded first: the prior notice counts the party's days from it.
    await act('record_transcript', {
      transcriptKind: 'inquiry',
      madeOn: '2026-11-21',
      place: '当事人经营场所',
      officers: [
        { personId: t.ids.people.officer1, credentialNo: '37040320001' },
        { personId: t.ids.people.officer2, credentialNo: '37040320002' },
      ],
      content: '问：冷库内的牛肉是否超过保质期？答：是。',
      partySigned: true,
    });
    await act('notify_intent', {
      servedOn: '2026-11-21',
      proposed: {
        types: ['fine'],
        fineYuan: 5000,
        isMitigated: false,
        legalBasis: '《中华人民共和国食品安全法》第一百二十四条第一款',
        reasons: '当事人经营超过保质期的食品',
      },
      isLargeAmount: false,
    });
    response = await issue('penalty_prior_notice', {
      partyAddress: '枣庄市薛城区临城街道泰山路18号',
    });
    instrument = response.json<InstrumentBody>();
    base = `/api/instruments/${instrument.id}`;
  });

  it('serves a PDF whose Chinese text extracts, and a DOCX holding it', async () => {
    expect(response.statusCode, response.body).toBe(201);
    const pdf = await request('GET', `${base}/pdf`, { cookie: officer });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await extractPdfText(pdf.rawPayload);
    for (const expected of [
      '行政处罚事先告知书',
      instrument.docNo,
      '枣庄市薛城区味美餐饮有限公司',
      '枣庄市薛城区市场监督管理局',
      // Served on Saturday 21 November: five working days end on Friday 27 November.
      '陈述、申辩的截止日期：2026年11月27日',
    ]) {
      expect(text).toContain(expected);
    }
    const docx = await request('GET', `${base}/docx`, { cookie: officer });
    expect(docx.statusCode).toBe(200);
    const xml = unzipEntry(docx.rawPayload, 'word/document.xml') ?? '';
    expect(xml).toContain('行政处罚事先告知书');
    expect(xml).toContain('罚款人民币5,000元');
  });

  it('verifies the seal, and fails the same PDF with one byte flipped', async () => {
    const stored = await request('GET', `${base}/verification`);
    expect(stored.json()).toMatchObject({
      docNo: instrument.docNo,
      versions: [
        { version: 1, isSignatureValid: true, isKeyIdConsistent: true, isStoredFileIntact: true },
      ],
    });
    const pdf = (await request('GET', `${base}/pdf`, { cookie: officer })).rawPayload;
    const good = await request('POST', `${base}/verification`, {
      payload: pdf,
      headers: { 'content-type': 'application/pdf' },
    });
    expect(good.json()).toMatchObject({ offered: { matchesVersion: 1, isValid: true } });
    const flipped = Buffer.from(pdf);
    const middle = Math.floor(flipped.length / 2);
    flipped[middle] = (flipped[middle] ?? 0) ^ 0x01;
    const bad = await request('POST', `${base}/verification`, {
      payload: flipped,
      headers: { 'content-type': 'application/pdf' },
    });
    expect(bad.json()).toMatchObject({ offered: { matchesVersion: null, isValid: false } });
    const page = await request('GET', `/instruments/verify/${instrument.id}`, {
      headers: { accept: 'text/html' },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(instrument.docNo);
    expect(page.body).not.toContain('味美餐饮');
    const missing = `/instruments/verify/00000000-0000-4000-8000-000000000000`;
    expect((await request('GET', missing, { headers: { accept: 'text/html' } })).statusCode).toBe(
      404,
    );
    expect((await request('GET', missing)).json()).toMatchObject({ code: 'INSTRUMENT_NOT_FOUND' });
  });

  it('records the issue in the ledger with the PDF hash and the seal', async () => {
    const entry = await t.handle.db
      .selectFrom('ledger_entries')
      .select(['kind', 'payload'])
      .where('subject_id', '=', instrument.id)
      .executeTakeFirstOrThrow();
    expect(entry.kind).toBe('instrument.issued');
    expect(entry.payload).toMatchObject({
      docNo: instrument.docNo,
      pdfSm3: instrument.versions[0]?.pdfSm3,
    });
  });

  it('re-issues a new version with its reason and keeps the first; versions are write-once', async () => {
    const reissued = await request('POST', `${base}/versions`, {
      cookie: officer,
      payload: { reason: '更正拟处罚金额的笔误', data: { proposed: '罚款人民币4,000元' } },
    });
    expect(reissued.statusCode, reissued.body).toBe(201);
    const body = reissued.json<InstrumentBody>();
    expect(body.docNo).toBe(instrument.docNo);
    expect(body.versions.map((v) => [v.version, v.reason])).toEqual([
      [1, null],
      [2, '更正拟处罚金额的笔误'],
    ]);
    const first = await request('GET', `${base}/versions/1`, { cookie: officer });
    expect(first.json()).toMatchObject({ fields: { proposed: '罚款人民币5,000元' } });
    const second = await request('GET', `${base}/pdf?version=2`, { cookie: officer });
    expect(await extractPdfText(second.rawPayload)).toContain('罚款人民币4,000元');

    await expect(
      sql`update instrument_versions set reason = 'x' where instrument_id = ${instrument.id}`.execute(
        t.handle.db,
      ),
    ).rejects.toThrow(/write-once/);
    await expect(
      sql`delete from instruments where id = ${instrument.id}`.execute(t.handle.db),
    ).rejects.toThrow(/write-once/);
  });

  it('logs every reading and keeps other agencies and roles out', async () => {
    await request('GET', base, { cookie: officer });
    const log = await t.handle.db
      .selectFrom('access_log')
      .select(['resource', 'resource_id', 'reader_name'])
      .where('resource', '=', 'instrument')
      .where('resource_id', '=', instrument.id)
      .execute();
    expect(log.length).toBeGreaterThan(0);
    expect(log[0]).toMatchObject({ reader_name: '王建国' });

    const other = await request('GET', base, { cookie: await t.login('officer3') });
    expect(other.json()).toMatchObject({ code: 'OUT_OF_SCOPE' });
    const reviewer = await t.login('reviewer1');
    expect((await request('GET', base, { cookie: reviewer })).json()).toMatchObject({
      code: 'ACCESS_REASON_REQUIRED',
    });
    expect(
      (
        await request('GET', `${base}?reason=${encodeURIComponent('法制审核需要')}`, {
          cookie: reviewer,
        })
      ).statusCode,
    ).toBe(200);
    const issueByReviewer = await request('POST', `/api/cases/${caseId}/instruments`, {
      cookie: reviewer,
      payload: { kind: 'rectification_order' },
    });
    expect(issueByReviewer.json()).toMatchObject({ code: 'FORBIDDEN' });
  });
});
