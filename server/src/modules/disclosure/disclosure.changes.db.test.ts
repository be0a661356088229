// After publication: the agency's correction (redacted, recorded), withdrawal of a revoked
// decision within 《行政处罚法》 art.48's 3 working days across the National Day holiday, the
// display period ending by itself, early end refused for 停产停业, and a citizen's correction
// request answered within Shanghai's 5 working days.
import { describe, expect, it } from 'vitest';
import { createDemoApp } from '../../test/test-app.ts';
import { SYSTEM_ACTOR } from '../../shared/policy.ts';
import { createCorrectionRequestService } from './disclosure.corrections.ts';
import { findPrivateData } from './disclosure.redact.ts';
import { decideOnTheSpot, queue } from './disclosure.test-support.ts';

let now = new Date('2026-09-28T10:00:00+08:00');
const setToday = (date: string) => (now = new Date(`${date}T10:00:00+08:00`));
const t = await createDemoApp({ clock: () => now });
const cookies = {
  officer1: await t.login('officer1'),
  officer2: await t.login('officer2'),
  head1: await t.login('head1'),
};

// Answers are read as a client reads JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function call(method: 'GET' | 'POST', url: string, payload?: object, cookie = cookies.head1) {
  const r = await t.app.inject({
    method,
    url,
    headers: { cookie },
    ...(payload ? { payload } : {}),
  });
  return { status: r.statusCode, body: r.json<Json>() };
}

async function publishOnTheSpot(decidedOn: string, penalty = { types: ['fine'], fineYuan: 200 }) {
  setToday(decidedOn);
  const caseId = await decideOnTheSpot(t, cookies, decidedOn, penalty);
  const q = await queue(t, caseId, now);
  expect(q.status).toBe('published');
  return q.publication_id ?? '';
}

async function withdrawalDeadline(id: string) {
  return t.handle.db
    .selectFrom('deadlines')
    .select(['due_on', 'status', 'rule_key'])
    .where('subject_id', '=', id)
    .where('kind', '=', 'disclosure.withdraw')
    .executeTakeFirstOrThrow();
}

describe('after publication', () => {
  it('corrects an error, redacting what the correction adds, with a new ledger entry', async () => {
    const id = await publishOnTheSpot('2026-09-28');
    const before = await call('GET', `/api/public/decisions/${id}`);
    const corrected = await call('POST', `/api/disclosure/decisions/${id}/correction`, {
      result: '罚款人民币200元（当事人张三已当场缴纳，联系电话13906329876）',
      reason: '处理结果表述不完整',
    });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    expect(corrected.body.status).toBe('corrected');
    expect(corrected.body.result).toContain('张某某');
    expect(findPrivateData(JSON.stringify(corrected.body))).toEqual([]);
    expect(corrected.body.ledgerIndex).toBeGreaterThan(before.body.ledgerIndex);
    const events = await t.handle.db
      .selectFrom('disclosure_events')
      .select(['event', 'reason'])
      .where('decision_id', '=', id)
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      { event: 'published', reason: null },
      { event: 'corrected', reason: '处理结果表述不完整' },
    ]);
  });

  it('withdraws within 3 working days of the revocation across 国庆 (met), leaving a notice', async () => {
    const id = await publishOnTheSpot('2026-09-28');
    // Revoked Tue 29 Sep: Wed 30 Sep, Thu 8 Oct, Fri 9 Oct → due Fri 9 Oct.
    setToday('2026-10-09');
    const r = await call('POST', `/api/disclosure/decisions/${id}/withdrawal`, {
      reason: '经行政复议，该行政处罚决定被撤销',
      revokedOn: '2026-09-29',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.deadline).toEqual({ rule: '3个工作日内', dueOn: '2026-10-09', isLate: false });
    expect(await withdrawalDeadline(id)).toMatchObject({
      due_on: '2026-10-09',
      status: 'met',
      rule_key: 'statute.penaltyDisclosureWithdrawal',
    });
    const shown = await call('GET', `/api/public/decisions/${id}`);
    expect(shown.body).toMatchObject({
      status: 'withdrawn',
      party: '（原公示内容已撤下）',
      withdrawal: { reason: '经行政复议，该行政处罚决定被撤销' },
    });
    const again = await call('POST', `/api/disclosure/decisions/${id}/withdrawal`, {
      reason: '重复撤下',
      revokedOn: '2026-09-29',
    });
    expect(again.body.code).toBe('DISCLOSURE_WITHDRAWN');
  });

  it('records a late withdrawal as missed, and refuses impossible revocation dates', async () => {
    const id = await publishOnTheSpot('2026-09-28');
    setToday('2026-10-12');
    const future = await call('POST', `/api/disclosure/decisions/${id}/withdrawal`, {
      reason: '被撤销',
      revokedOn: '2026-10-13',
    });
    expect(future.body.code).toBe('INVALID_DATE_RANGE');
    const late = await call('POST', `/api/disclosure/decisions/${id}/withdrawal`, {
      reason: '经行政诉讼，该决定被确认违法',
      revokedOn: '2026-09-28',
    });
    // Revoked Mon 28 Sep: due Thu 8 Oct; withdrawn Mon 12 Oct.
    expect(late.body.deadline).toEqual({ rule: '3个工作日内', dueOn: '2026-10-08', isLate: true });
    expect(await withdrawalDeadline(id)).toMatchObject({ status: 'missed' });
  });

  it('ends the display by itself after 3 months for a small fine', async () => {
    const id = await publishOnTheSpot('2026-09-30');
    const shown = await call('GET', `/api/public/decisions/${id}`);
    expect(shown.body.displayUntil).toBe('2026-12-30');
    setToday('2026-12-30');
    expect((await call('GET', `/api/public/decisions/${id}`)).status).toBe(200);
    setToday('2026-12-31');
    expect((await call('GET', `/api/public/decisions/${id}`)).body.code).toBe(
      'DECISION_DISPLAY_ENDED',
    );
    const list = await call('GET', '/api/public/decisions?pageSize=100');
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
  });

  it('ends the display early after credit repair, but never for 停产停业 or 吊销', async () => {
    const id = await publishOnTheSpot('2026-10-08');
    setToday('2026-10-20');
    const ended = await call('POST', `/api/disclosure/decisions/${id}/end-display`, {
      reason: '当事人已完成信用修复',
    });
    expect(ended.body).toEqual({ id, displayUntil: '2026-10-19' });
    expect((await call('GET', `/api/public/decisions/${id}`)).body.code).toBe(
      'DECISION_DISPLAY_ENDED',
    );

    // A 责令停产停业 decision is major and needs legal review to reach 'decided', which this test
    // does not walk; the flag the pipeline sets for it is set here directly.
    const barred = await publishOnTheSpot('2026-10-08');
    await t.handle.db
      .updateTable('disclosure_decisions')
      .set({ is_early_end_barred: true })
      .where('id', '=', barred)
      .execute();
    setToday('2026-10-20');
    const refused = await call('POST', `/api/disclosure/decisions/${barred}/end-display`, {
      reason: '当事人已完成信用修复',
    });
    expect(refused.body.code).toBe('DISPLAY_EARLY_END_BARRED');
  });

  it('answers a correction request within Shanghai’s 5 working days, across the holiday', async () => {
    const id = await publishOnTheSpot('2026-09-29');
    setToday('2026-09-30');
    const shanghai = createCorrectionRequestService(t.handle.db, {
      profile: 'shanghai',
      clock: () => now,
    });
    const created = await shanghai.submit(SYSTEM_ACTOR, {
      decisionId: id,
      name: '陈某',
      contact: 'chen@example.com',
      content: '处罚金额有误，请核实。',
    });
    // Wed 30 Sep + 5 working days: 8, 9, 10 (Sat, worked), 12, 13 Oct.
    expect(created).toMatchObject({ dueBy: '2026-10-13', rule: '5个工作日内' });
  });
});
