// The penalty workflow's documents come from what the steps recorded, with nothing typed twice:
// a case walked through the case engine's API (filing, inspection, sampling, notice, decision,
// service, closing), and at each step its instrument issued with no data at all.
import { describe, expect, it } from 'vitest';
import { demoRecordId } from '../powers/powers.demo.ts';
import { createDemoApp } from '../../test/test-app.ts';
import { extractPdfText } from './instruments.render.test-support.ts';
import type { InstrumentKind } from './instruments.templates.ts';

let now = new Date('2026-03-02T10:00:00+08:00');
const setToday = (date: string) => (now = new Date(`${date}T10:00:00+08:00`));
const t = await createDemoApp({ clock: () => now });
const cookies = {
  officer1: await t.login('officer1'),
  officer2: await t.login('officer2'),
  head1: await t.login('head1'),
};
type Who = keyof typeof cookies;

async function act(caseId: string, who: Who, action: string, input: unknown, state: string) {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/actions/${action}`,
    headers: { cookie: cookies[who] },
    payload: { input },
  });
  expect(response.statusCode, `${action}: ${response.body}`).toBe(200);
  expect(response.json<{ state: string }>().state).toBe(state);
}

async function issue(caseId: string, kind: InstrumentKind) {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/instruments`,
    headers: { cookie: cookies.officer1 },
    payload: { kind },
  });
  expect(response.statusCode, `${kind}: ${response.body}`).toBe(201);
  return response.json<{ id: string; docNo: string }>();
}

const officersShown = [
  { personId: t.ids.people.officer1, credentialNo: '37040320001' },
  { personId: t.ids.people.officer2, credentialNo: '37040320002' },
];

/**
 * A 笔录 of an act 薛城区 records on video (附件2 第十三条), its recording excused as an emergency
 * (`why`) at `occurredAt`: the exemption, then the transcript, made on 3 March by both officers.
 */
async function excusedTranscript(
  caseId: string,
  avAct: string,
  why: string,
  occurredAt: string,
  transcript: Record<string, unknown>,
) {
  const exemption = await t.app.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/evidence/exemptions`,
    headers: { cookie: cookies.officer1 },
    payload: {
      step: 'record_transcript',
      kind: 'video',
      act: avAct,
      reason: 'emergency',
      explanation: why,
      occurredAt,
      place: transcript.place,
      officerIds: [t.ids.people.officer1, t.ids.people.officer2],
    },
  });
  expect(exemption.statusCode, exemption.body).toBe(201);
  await act(
    caseId,
    'officer1',
    'record_transcript',
    { madeOn: '2026-03-03', officers: officersShown, partySigned: true, ...transcript },
    'investigating',
  );
}

describe('行政处罚 一般程序: each step’s instrument from the case alone', () => {
  it('issues 立案审批表, 检查笔录, 抽样取证凭证, 事先告知书, 决定书, 送达回证 and 结案审批表 without typing', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/agencies/${t.ids.agencies.market}/cases`,
      headers: { cookie: cookies.officer1 },
      payload: {
        kind: 'penalty',
        procedure: 'ordinary',
        source: 'inspection',
        sourceDetail: '日常监督检查',
        powerId: demoRecordId('power', t.ids.agencies.market, 'XC-SCJG-CF-001'),
        handlingUnitId: null,
        title: '某食品公司经营超过保质期食品案',
        facts: '当事人在经营场所存放超过保质期的食品原料。',
        parties: [
          {
            kind: 'organisation',
            name: '枣庄市薛城区某食品有限公司',
            creditCode: '91350100M000100Y43',
            legalRepresentative: '周某',
            address: '枣庄市薛城区常庄街道光明路6号',
            phone: null,
          },
        ],
        officers: [
          { personId: t.ids.people.officer1, role: 'lead' },
          { personId: t.ids.people.officer2, role: 'assist' },
        ],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const caseId = created.json<{ id: string }>().id;
    for (const who of ['officer1', 'officer2'] as const) {
      await t.app.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/recusal`,
        headers: { cookie: cookies[who] },
      });
    }

    await act(caseId, 'officer1', 'request_filing', {}, 'filing_pending');
    await act(caseId, 'head1', 'approve_filing', {}, 'investigating');
    expect((await issue(caseId, 'filing_approval')).docNo).toBe('薛市监立审〔2026〕1号');

    setToday('2026-03-03');
    // 薛城区 records an on-site inspection on video; here the recording is excused.
    await excusedTranscript(
      caseId,
      'site_inspection',
      '现场突发情况，未能同步录像，事后书面说明',
      '2026-03-03T01:00:00.000Z',
      {
        transcriptKind: 'inspection',
        place: '当事人经营场所',
        content: '现场检查发现过期食品原料 12 包。',
      },
    );
    await issue(caseId, 'inspection_transcript');

    // 抽样取证 is a 笔录 of its own (recorded on video in 薛城区, excused here): its 凭证 is
    // filled from the record — samples, method, officers, the party's signature.
    await excusedTranscript(
      caseId,
      'sampling',
      '执法记录仪电量耗尽，未能同步录像，事后书面说明',
      '2026-03-03T02:00:00.000Z',
      {
        transcriptKind: 'sampling',
        place: '当事人经营场所冷库',
        content: '在当事人冷库内抽取牛肉样品，当场封样，样品封条由当事人签字确认。',
        samples: '牛肉样品 2 份，每份 500 克',
        samplingMethod: '随机抽取，现场封样',
      },
    );
    const samplingReceipt = await t.app.inject({
      method: 'GET',
      url: `/api/instruments/${(await issue(caseId, 'sampling_receipt')).id}/versions/1`,
      headers: { cookie: cookies.officer1 },
    });
    expect(samplingReceipt.json()).toMatchObject({
      fields: {
        time: '2026-03-03',
        place: '当事人经营场所冷库',
        items: '牛肉样品 2 份，每份 500 克',
        samplingMethod: '随机抽取，现场封样',
        partySignature: '当事人已核对并签名',
      },
    });

    setToday('2026-03-05');
    await act(
      caseId,
      'officer1',
      'notify_intent',
      {
        servedOn: '2026-03-05',
        proposed: {
          types: ['warning'],
          isMitigated: false,
          legalBasis: '《中华人民共和国食品安全法》第一百二十四条第一款',
          reasons: '当事人经营超过保质期的食品原料，情节轻微。',
        },
        isLargeAmount: false,
      },
      'notified',
    );
    await issue(caseId, 'penalty_prior_notice');

    setToday('2026-03-16');
    await act(caseId, 'head1', 'decide', { decidedOn: '2026-03-16' }, 'decided');
    const decision = await issue(caseId, 'penalty_decision');
    expect(decision.docNo).toBe('薛市监罚决〔2026〕1号');
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/instruments/${decision.id}/pdf`,
      headers: { cookie: cookies.officer1 },
    });
    const text = await extractPdfText(pdf.rawPayload);
    for (const expected of [
      '枣庄市薛城区常庄街道光明路6号',
      '处罚种类和内容：警告',
      '现场检查笔录',
      '抽样取证凭证',
    ]) {
      expect(text).toContain(expected);
    }

    setToday('2026-03-17');
    await act(
      caseId,
      'officer1',
      'serve',
      { method: 'direct', servedOn: '2026-03-17', receiptNo: 'SD-20260317' },
      'executed',
    );
    const receipt = await t.app.inject({
      method: 'GET',
      url: `/api/instruments/${(await issue(caseId, 'service_receipt')).id}/versions/1`,
      headers: { cookie: cookies.officer1 },
    });
    expect(receipt.json()).toMatchObject({
      fields: {
        documentServed: '行政处罚决定书（薛市监罚决〔2026〕1号）',
        serviceMethod: '直接送达',
      },
    });

    setToday('2026-03-18');
    await act(
      caseId,
      'head1',
      'close',
      { closedOn: '2026-03-18', summary: '警告已送达，处罚决定执行完毕。' },
      'closed',
    );
    await issue(caseId, 'closing_approval');
  });
});
