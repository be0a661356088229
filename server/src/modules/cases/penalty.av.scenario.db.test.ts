// Audio/video on the penalty path, through the API, per the profile in force: 薛城区 records an
// on-site inspection, a survey and a hearing simultaneously unless an emergency prevents it
// (附件2 第十三条); 上海 records 证据先行登记保存 throughout and excuses high-risk sites. Each
// transcript needs its own recording (or recorded exemption), which it is linked to.
import { describe, expect, it } from 'vitest';
import { tusClient } from '../evidence/evidence.test-support.ts';
import { company, createScenario } from './workflows/scenario.test-support.ts';

const MP4 = Buffer.concat([
  Buffer.from([0, 0, 0, 0x18]),
  Buffer.from('ftypisom\0\0\0\0isommp41 现场检查录像'),
]);
const party = company('枣庄市薛城区某食品有限公司', '91350100M000100Y43');
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

async function penaltyCaseUnderInvestigation(s: Awaited<ReturnType<typeof createScenario>>) {
  const c = await s.newCase('penalty', 'ordinary', s.power('XC-SCJG-CF-001'), [party]);
  await s.done(c.id, 'officer1', 'request_filing', {}, 'filing_pending');
  await s.done(c.id, 'head1', 'approve_filing', {}, 'investigating');
  return c;
}

function transcript(
  s: Awaited<ReturnType<typeof createScenario>>,
  transcriptKind: string,
  madeOn: string,
) {
  return {
    transcriptKind,
    madeOn,
    place: '当事人经营场所',
    officers: s.officersShown,
    content: '执法人员出示执法证件，对当事人经营场所进行检查，发现过期食品原料 12 包。',
    partySigned: true,
  };
}

async function exemption(
  s: Awaited<ReturnType<typeof createScenario>>,
  caseId: string,
  body: Record<string, unknown>,
) {
  return s.t.app.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/evidence/exemptions`,
    headers: { cookie: s.cookies.officer1 },
    payload: {
      kind: 'video',
      explanation: '现场情况特殊，未能同步录像，事后书面说明',
      occurredAt: hoursAgo(1),
      place: '当事人经营场所',
      officerIds: [s.officer1, s.officer2],
      ...body,
    },
  });
}

describe('薛城区: on-site inspections, surveys and hearings recorded on audio/video', () => {
  it('refuses a transcript without its recording; each one takes its own, by act or by step', async () => {
    const s = await createScenario('2026-03-02');
    const c = await penaltyCaseUnderInvestigation(s);
    const inspection = transcript(s, 'inspection', '2026-03-02');

    const refused = await s.refused(
      c.id,
      'officer1',
      'record_transcript',
      inspection,
      'AV_RECORD_REQUIRED',
    );
    expect(refused.message).toMatch(/现场检查应当全程音像记录/);

    // Only the reasons the profile recognises excuse a recording: 薛城区 names emergencies only.
    const highRisk = await exemption(s, c.id, {
      step: 'record_transcript',
      reason: 'high_risk_site',
    });
    expect(highRisk.statusCode).toBe(422);
    expect(highRisk.json<{ code: string }>().code).toBe('AV_EXEMPTION_NOT_RECOGNISED');
    await s.avExemption(c.id, 'record_transcript');
    const first = await s.done(c.id, 'officer1', 'record_transcript', inspection, 'investigating');
    const firstLink = (first.details as unknown as { transcripts: { avEvidenceId: string }[] })
      .transcripts[0]?.avEvidenceId;
    expect(firstLink).toMatch(/^[0-9a-f-]{36}$/);

    // A second inspection, the next day, is a second act to record: the first exemption is taken.
    s.setToday('2026-03-03');
    const second = transcript(s, 'inspection', '2026-03-03');
    await s.refused(c.id, 'officer1', 'record_transcript', second, 'AV_RECORD_REQUIRED');
    // A video filed under the workbench's own step, naming its act (现场检查), counts.
    const tus = tusClient(() => s.t.app, s.cookies.officer1);
    const av = JSON.stringify({
      act: 'site_inspection',
      device: 'DSJ-3704-021',
      officerIds: [s.officer1, s.officer2],
      startedAt: hoursAgo(2),
      endedAt: hoursAgo(1),
      place: '当事人经营场所',
      isPartyNotified: true,
      isContinuous: true,
      interruptions: [],
    });
    const uploaded = await tus.create(
      c.id,
      MP4.length,
      { filename: '现场检查.mp4', step: 'inspection', av },
      { body: MP4 },
    );
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    const both = await s.done(c.id, 'officer1', 'record_transcript', second, 'investigating');
    const links = (
      both.details as unknown as { transcripts: { avEvidenceId: string }[] }
    ).transcripts.map((x) => x.avEvidenceId);
    expect(links).toHaveLength(2);
    expect(links[1]).not.toBe(links[0]);

    // A 询问笔录 is recorded as circumstances require: no recording needed. A 勘验笔录 is not.
    const inquiry = await s.done(
      c.id,
      'officer1',
      'record_transcript',
      transcript(s, 'inquiry', '2026-03-03'),
      'investigating',
    );
    expect(
      (inquiry.details as unknown as { transcripts: { avEvidenceId: null }[] }).transcripts[2]
        ?.avEvidenceId,
    ).toBeNull();
    const survey = await s.refused(
      c.id,
      'officer1',
      'record_transcript',
      transcript(s, 'survey', '2026-03-03'),
      'AV_RECORD_REQUIRED',
    );
    expect(survey.message).toMatch(/勘验/);
  }, 120_000);

  it('takes 抽样取证 as a 笔录 of its own: samples named, recorded on video', async () => {
    const s = await createScenario('2026-03-02');
    const c = await penaltyCaseUnderInvestigation(s);
    const sampling = {
      ...transcript(s, 'sampling', '2026-03-02'),
      content: '执法人员出示执法证件，在当事人冷库内抽取样品，当场封样。',
      samplingMethod: '随机抽取，现场封样',
    };
    // Like every 笔录: the officers with their credential numbers, the party's signature or refusal.
    await s.refused(
      c.id,
      'officer1',
      'record_transcript',
      { ...sampling, samples: '牛肉样品 2 份，每份 500 克', partySigned: false },
      'TRANSCRIPT_INCOMPLETE',
    );
    const unnamed = await s.refused(
      c.id,
      'officer1',
      'record_transcript',
      sampling,
      'TRANSCRIPT_INCOMPLETE',
    );
    expect(unnamed.message).toMatch(/样品/);
    const withSamples = { ...sampling, samples: '牛肉样品 2 份，每份 500 克' };
    // 薛城区 附件2 第十三条: 抽样调查 is recorded on audio/video at the same time.
    const refused = await s.refused(
      c.id,
      'officer1',
      'record_transcript',
      withSamples,
      'AV_RECORD_REQUIRED',
    );
    expect(refused.message).toMatch(/抽样取证应当全程音像记录/);
    // A recording of another act (an inspection) does not stand for the sampling.
    const tus = tusClient(() => s.t.app, s.cookies.officer1);
    const av = (act: string) =>
      JSON.stringify({
        act,
        device: 'DSJ-3704-021',
        officerIds: [s.officer1, s.officer2],
        startedAt: hoursAgo(2),
        endedAt: hoursAgo(1),
        place: '当事人经营场所',
        isPartyNotified: true,
        isContinuous: true,
        interruptions: [],
      });
    const upload = (act: string, filename: string) =>
      tus.create(c.id, MP4.length, { filename, step: 'evidence', av: av(act) }, { body: MP4 });
    expect((await upload('site_inspection', '现场检查.mp4')).status).toBe(201);
    await s.refused(c.id, 'officer1', 'record_transcript', withSamples, 'AV_RECORD_REQUIRED');
    const video = await upload('sampling', '抽样取证.mp4');
    expect(video.status, JSON.stringify(video.body)).toBe(201);
    const recorded = await s.done(
      c.id,
      'officer1',
      'record_transcript',
      withSamples,
      'investigating',
    );
    expect(
      (recorded.details as unknown as { transcripts: Record<string, unknown>[] }).transcripts[0],
    ).toMatchObject({
      transcriptKind: 'sampling',
      samples: '牛肉样品 2 份，每份 500 克',
      samplingMethod: '随机抽取，现场封样',
      avEvidenceId: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
    });
  }, 120_000);

  it('refuses to record a hearing without its recording or exemption', async () => {
    const s = await createScenario('2026-03-02');
    const c = await penaltyCaseUnderInvestigation(s);
    await s.done(
      c.id,
      'officer1',
      'record_transcript',
      transcript(s, 'inquiry', '2026-03-02'),
      'investigating',
    );
    await s.done(
      c.id,
      'officer1',
      'notify_intent',
      {
        servedOn: '2026-03-02',
        proposed: {
          types: ['fine'],
          fineYuan: 60000,
          isMitigated: false,
          legalBasis: '《中华人民共和国食品安全法》第一百二十四条第一款',
          reasons: '当事人经营超过保质期的食品原料，事实清楚，证据确凿。',
        },
        isLargeAmount: true,
      },
      'notified',
    );
    s.setToday('2026-03-04');
    await s.done(
      c.id,
      'officer1',
      'request_hearing',
      { requestedOn: '2026-03-03' },
      'hearing_requested',
    );
    await s.done(
      c.id,
      'officer1',
      'notify_hearing',
      { noticeServedOn: '2026-03-04', hearingOn: '2026-03-16' },
      'hearing_scheduled',
    );
    s.setToday('2026-03-16');
    const held = { heldOn: '2026-03-16', record: '当事人对事实无异议，请求从轻处罚。' };
    const refused = await s.refused(c.id, 'officer1', 'record_hearing', held, 'AV_RECORD_REQUIRED');
    expect(refused.message).toMatch(/听证应当全程音像记录/);
    await s.avExemption(c.id, 'record_hearing');
    await s.done(c.id, 'officer1', 'record_hearing', held, 'notified');
  }, 120_000);
});

describe('上海: 证据先行登记保存 recorded throughout; high-risk sites excused', () => {
  it('asks for no recording of an inspection or a sampling, but for one of a preservation', async () => {
    const s = await createScenario('2026-03-02', { PROFILE: 'shanghai' });
    const c = await penaltyCaseUnderInvestigation(s);
    await s.done(
      c.id,
      'officer1',
      'record_transcript',
      transcript(s, 'inspection', '2026-03-02'),
      'investigating',
    );
    // 上海 records 抽样取证 as circumstances require (附件2 三（二）2 (3)): no recording asked.
    await s.done(
      c.id,
      'officer1',
      'record_transcript',
      { ...transcript(s, 'sampling', '2026-03-02'), samples: '牛肉样品 2 份' },
      'investigating',
    );
    const preservation = { preservedOn: '2026-03-02', items: '过期食品原料 12 包' };
    await s.refused(c.id, 'officer1', 'preserve_evidence', preservation, 'AV_RECORD_REQUIRED');
    const excused = await exemption(s, c.id, {
      step: 'preserve_evidence',
      act: 'evidence_preservation',
      reason: 'high_risk_site',
    });
    expect(excused.statusCode, excused.body).toBe(201);
    await s.done(c.id, 'officer1', 'preserve_evidence', preservation, 'investigating');
  }, 120_000);
});
