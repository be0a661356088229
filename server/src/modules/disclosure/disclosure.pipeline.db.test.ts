// The publishing pipeline end to end: a case decided through the case API is queued the way the
// case engine does it, published at once or after the head's sign-off, with due dates across the
// 2026 National Day holiday, redaction, the deadline's outcome, and the publication's ledger
// record that anyone can re-hash against an inclusion proof.
import { describe, expect, it } from 'vitest';
import { createDemoApp } from '../../test/test-app.ts';
import { canonicalJson } from '../ledger/crypto/canonical-json.ts';
import { sm3, toHex } from '../ledger/crypto/hash.ts';
import { findPrivateData } from './disclosure.redact.ts';
import { decideOnTheSpot, queue } from './disclosure.test-support.ts';

let now = new Date('2026-09-28T10:00:00+08:00');
const setToday = (date: string) => (now = new Date(`${date}T10:00:00+08:00`));
const t = await createDemoApp({ clock: () => now });
const cookies = {
  officer1: await t.login('officer1'),
  officer2: await t.login('officer2'),
  head1: await t.login('head1'),
  supervisor1: await t.login('supervisor1'),
};

// Answers are read as a client reads JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function get(url: string, cookie?: string) {
  const r = await t.app.inject({ url, headers: cookie ? { cookie } : {} });
  return { status: r.statusCode, body: r.json<Json>() };
}

async function post(url: string, cookie: string, payload: object, method: 'POST' | 'PUT' = 'POST') {
  const r = await t.app.inject({ method, url, headers: { cookie }, payload });
  return { status: r.statusCode, body: r.json<Json>() };
}

async function deadlineOf(id: string | null) {
  return t.handle.db
    .selectFrom('deadlines')
    .select(['due_on', 'status', 'rule_key'])
    .where('id', '=', id ?? '00000000-0000-0000-0000-000000000000')
    .executeTakeFirstOrThrow();
}

describe('publishing a decided case', () => {
  it('publishes at once within 7 working days (national value beats 薛城区’s 20), redacted', async () => {
    setToday('2026-09-28');
    const caseId = await decideOnTheSpot(t, cookies, '2026-09-28', {
      types: ['fine'],
      fineYuan: 200,
    });
    const q = await queue(t, caseId, now);
    // Mon 28 Sep + 7 working days across 中秋/国庆 (1–7 Oct off, Sat 10 Oct on) = Tue 13 Oct.
    expect(q.rule_key).toBe('disclosure.penaltyDecision');
    expect(q.rule_text).toBe('7个工作日内');
    expect(q.due_on).toBe('2026-10-13');
    expect(q.status).toBe('published');
    expect(await deadlineOf(q.deadline_id)).toMatchObject({ status: 'met', due_on: '2026-10-13' });
    // Queueing again changes nothing.
    expect((await queue(t, caseId, now)).id).toBe(q.id);

    const d = await get(`/api/public/decisions/${q.publication_id}`);
    expect(d.status).toBe(200);
    expect(d.body).toMatchObject({
      party: '张某某',
      category: 'penalty',
      status: 'published',
      result: '罚款人民币200元',
      decidedOn: '2026-09-28',
      displayUntil: '2026-12-28',
    });
    const text = JSON.stringify(d.body);
    expect(text).not.toContain('张三');
    expect(text).not.toContain('幸福小区');
    expect(findPrivateData(text)).toEqual([]);
    expect(d.body.facts).toContain('（已隐去）');
  });

  it('lets anyone re-hash the publication record against the signed tree', async () => {
    const list = await get('/api/public/decisions');
    const decision = (list.body.items as { id: string; ledgerIndex: number }[])[0];
    if (!decision) throw new Error('no decision');
    const record = await get(`/api/public/decisions/${decision.id}/record`);
    expect(record.status).toBe(200);
    const { leaf, payload, leafHash } = record.body as {
      leaf: { payloadHash: string; actor: { ip: null } };
      payload: { decision: Record<string, unknown> };
      leafHash: string;
    };
    expect(leaf.payloadHash).toBe(toHex(sm3(canonicalJson(payload))));
    expect(leaf.actor.ip).toBeNull();
    const { ledgerIndex, ...shown } = decision as Record<string, unknown>;
    expect(payload.decision).toEqual(shown);
    const head = await get('/api/ledger/head');
    const proof = await get(
      `/api/ledger/proof/inclusion?index=${String(ledgerIndex)}&treeSize=${String(head.body.treeSize)}`,
    );
    expect(proof.body.leafHash).toBe(leafHash);
  });

  it('waits for the head’s sign-off when the agency asks for it, and flags it when overdue', async () => {
    const market = t.ids.agencies.market;
    const settings = await post(
      `/api/agencies/${market}/disclosure/settings`,
      cookies.head1,
      { requiresSignoff: true },
      'PUT',
    );
    expect(settings.status).toBe(200);
    setToday('2026-09-29');
    const caseId = await decideOnTheSpot(t, cookies, '2026-09-29', { types: ['warning'] });
    const q = await queue(t, caseId, now);
    expect(q.status).toBe('pending_signoff');
    expect(q.due_on).toBe('2026-10-14');

    const pending = await get(
      `/api/agencies/${market}/disclosure/queue?status=pending_signoff`,
      cookies.officer1,
    );
    expect(pending.body).toEqual([expect.objectContaining({ id: q.id, isOverdue: false })]);

    setToday('2026-10-16');
    const overdue = await get('/api/disclosure/overdue', cookies.supervisor1);
    expect(overdue.body.publications).toEqual([
      expect.objectContaining({ id: q.id, dueOn: '2026-10-14' }),
    ]);
    const otherOfficer = await get('/api/disclosure/overdue', await t.login('officer3'));
    expect(otherOfficer.status).toBe(403);

    const refused = await post(`/api/disclosure/queue/${q.id}/publish`, cookies.officer1, {});
    expect(refused.body.code).toBe('FORBIDDEN');
    const published = await post(`/api/disclosure/queue/${q.id}/publish`, cookies.head1, {
      withheldFields: ['facts'],
      withholdReason: 'trade_secret',
    });
    expect(published.status).toBe(200);
    expect(published.body.decision).toMatchObject({
      facts: '（涉及商业秘密，依法不予公开）',
      result: '警告',
    });
    const again = await post(`/api/disclosure/queue/${q.id}/publish`, cookies.head1, {});
    expect(again.body.code).toBe('DISCLOSURE_NOT_PENDING');
    expect(await deadlineOf(q.deadline_id)).toMatchObject({ status: 'missed' });
    const after = await get('/api/disclosure/overdue', cookies.supervisor1);
    expect(after.body.publications).toEqual([]);
  });

  it('withholds a whole decision by flag and publishes nothing', async () => {
    setToday('2026-10-19');
    const caseId = await decideOnTheSpot(t, cookies, '2026-10-19', { types: ['warning'] });
    const q = await queue(t, caseId, now);
    const withheld = await post(`/api/disclosure/queue/${q.id}/publish`, cookies.head1, {
      isWithheld: true,
      withholdReason: 'safety',
      withholdNote: '公开后可能危及举报人安全',
    });
    expect(withheld.body).toEqual({ status: 'withheld', decision: null });
    expect((await get(`/api/public/decisions/${q.id}`)).status).toBe(404);
    expect(await deadlineOf(q.deadline_id)).toMatchObject({ status: 'cancelled' });
    await post(
      `/api/agencies/${t.ids.agencies.market}/disclosure/settings`,
      cookies.head1,
      { requiresSignoff: false },
      'PUT',
    );
  });
});
