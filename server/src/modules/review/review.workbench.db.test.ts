// What the reviewer's workbench reads from one answer (GET /api/cases/:caseId/review): the
// checklist for the decision kind, the profile's outcomes with citations, the time limit and the
// extension the profile allows, the countdown in calendar and working days, the materials, every
// version with its diff, and the responsibility chain (who, when, on which version). And the
// 法制审核意见书: issued with the opinion as a numbered, sealed instrument of the case, its PDF
// carrying the outcome and the reasons as text, its seal verifying.
import type { Readable } from 'node:stream';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { checkSeal } from '../instruments/instruments.seal.ts';
import { AGREE, checklist, fine, reviewApp } from './review.fixtures.ts';
import type { ReviewView } from './review.schemas.ts';

const a = await reviewApp();
const { t, act, ok, review } = a;

async function bytesOf(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await pdf.destroy();
  return pages.join('\n');
}

const asView = (body: unknown) => body as ReviewView;

describe('the review record as the workbench reads it (薛城区)', () => {
  it('gives checklist, outcomes, limits and the countdown in working days across 清明', async () => {
    // Submitted on Thursday 2 April 2026: 5 days end on 7 April, after 清明 (4–6 April) — a
    // period of 日 ending on a day off ends on the next working day (XC 5 days).
    a.setToday('2026-04-02');
    const id = await a.noticedCase(fine(60000));
    const view = asView(await ok(review.submit(id), 'submit'));
    expect(view.checklist.filter((c) => c.group === 'decision_kind').map((c) => c.code)).toEqual([
      'penalty_kind_and_performance',
    ]);
    expect(view.checklist.filter((c) => c.group === 'general')).toHaveLength(10);
    expect(view.outcomes.map((o) => o.label)).toEqual(['同意', '退回补充', '不同意']);
    for (const o of view.outcomes) expect(o.citation).toContain('薛政办发〔2017〕74号');
    expect(view.outcomes.find((o) => o.code === 'return')?.isReasonRequired).toBe(true);
    expect(view.timeLimit).toMatchObject({ display: '5日内', isSetByAgency: false });
    expect(view.extensionRule).toMatchObject({ amount: 3, approverTitle: '机关负责人' });
    expect(view.extensionRule?.citation).toContain('薛政办发〔2017〕74号');
    expect(view.pending).toMatchObject({
      roundNo: 1,
      dueOn: '2026-04-07',
      daysLeft: 5,
      // 3 April (Fri) and 7 April (Tue); the 4th–6th are days off.
      workingDaysLeft: 2,
      isOverdue: false,
      canExtend: true,
    });
    const round = view.rounds[0];
    expect(round?.materials.items.map((m) => m.code)).toContain('situation');
    expect(round?.proposalVersion).toBe(1);

    // The queue shows the same countdown.
    const queue = await ok(
      a.call('reviewer1', 'GET', `/api/agencies/${t.ids.agencies.market}/review-queue`),
    );
    const item = (queue as unknown as { caseId: string; workingDaysLeft: number }[]).find(
      (q) => q.caseId === id,
    );
    expect(item?.workingDaysLeft).toBe(2);

    // Overdue: counted back in working days too.
    a.setToday('2026-04-09');
    const late = asView(await ok(review.get(id)));
    expect(late.pending).toMatchObject({ daysLeft: -2, workingDaysLeft: -2, isOverdue: true });
    expect(late.pending?.canExtend).toBe(false);
  });

  it('issues the 意见书 as a sealed instrument of the case, with outcome and reasons as text', async () => {
    a.setToday('2026-04-13');
    const id = await a.noticedCase(fine(70000));
    await ok(review.submit(id), 'submit');
    const reasons = '违法所得数额的证据不足，须补充当事人银行流水';
    const returned = asView(
      await ok(
        review.opinion(id, {
          outcome: 'return',
          reasons,
          checklist: checklist(['facts_and_evidence']),
        }),
        'return',
      ),
    );
    const instrument = returned.rounds[0]?.opinion?.instrument;
    expect(instrument?.docNo).toMatch(/〔2026〕\d+号$/);
    expect(instrument?.pdfUrl).toBe(`/api/instruments/${instrument?.id}/pdf`);

    const db = t.handle.db;
    const row = await db
      .selectFrom('instruments as i')
      .innerJoin('instrument_versions as v', 'v.instrument_id', 'i.id')
      .select([
        'i.case_id',
        'i.kind',
        'i.doc_no',
        'v.pdf_sm3',
        'v.seal_payload',
        'v.seal_signature',
        'v.seal_key_id',
        'v.seal_public_key_pem',
      ])
      .where('i.id', '=', instrument?.id ?? '')
      .executeTakeFirstOrThrow();
    // Archived with the case: an instrument of this case, of the review opinion's kind.
    expect(row).toMatchObject({ case_id: id, kind: 'legal_review_opinion' });
    expect(row.doc_no).toBe(instrument?.docNo);

    const pdf = await bytesOf(t.ctx.blobs.openRead(row.pdf_sm3));
    const text = (await pdfText(pdf)).replace(/\s+/g, '');
    for (const expected of [
      '重大执法决定法制审核意见书',
      row.doc_no,
      '退回补充',
      reasons,
      '案件事实是否清楚',
      '存在问题',
    ]) {
      expect(text).toContain(expected);
    }
    const seal = checkSeal(
      {
        payload: row.seal_payload,
        signature: row.seal_signature,
        keyId: row.seal_key_id,
        publicKeyPem: row.seal_public_key_pem,
        pdfSm3: row.pdf_sm3,
      },
      pdf,
    );
    expect(seal).toMatchObject({
      isSignatureValid: true,
      isKeyIdConsistent: true,
      isPdfMatching: true,
    });
    // One ledger entry binds the opinion to its document.
    const entry = await db
      .selectFrom('ledger_entries')
      .select('payload')
      .where('case_id', '=', id)
      .where('kind', '=', 'review.opinion_given')
      .executeTakeFirstOrThrow();
    expect(entry.payload).toMatchObject({
      instrumentId: instrument?.id,
      instrumentDocNo: row.doc_no,
      instrumentPdfSm3: row.pdf_sm3,
    });
  });

  it('shows versions with their diff and a responsibility chain of who, when and which version', async () => {
    a.setToday('2026-04-14');
    const id = await a.noticedCase(fine(80000));
    await ok(review.submit(id), 'submit');
    await ok(
      review.opinion(id, {
        outcome: 'return',
        reasons: '罚款数额裁量过重',
        checklist: checklist(['discretion']),
      }),
    );
    await ok(act(id, 'officer1', 'propose_decision', { proposed: fine(60000) }), 'propose');
    const second = asView(await ok(review.submit(id, { fixNote: '按裁量基准调整罚款数额' })));
    const [first, again] = second.rounds;
    expect(first?.status).toBe('answered');
    expect(again?.proposalVersion).toBe(2);
    expect(again?.diff?.find((c) => c.field === 'fineYuan')).toMatchObject({
      part: 'proposal',
      label: '罚款数额（元）',
      before: 80000,
      after: 60000,
    });
    await ok(review.opinion(id, AGREE), 'agree');
    await ok(act(id, 'head1', 'decide', { decidedOn: '2026-04-14' }), 'decide');
    const view = asView(await ok(review.get(id)));
    const chain = view.responsibility.map((s) => [s.step, s.who, s.roundNo, s.proposalVersion]);
    expect(chain).toEqual([
      ['submission', '王建国', 1, 1],
      ['opinion', '陈静', 1, 1],
      ['submission', '王建国', 2, 2],
      ['opinion', '陈静', 2, 2],
      ['decision', '孙志强', null, 2],
    ]);
    expect(view.responsibility.at(-1)?.label).toBe('审批：作出行政处罚决定');
    const seqs = view.responsibility.map((s) => s.ledgerSeq);
    expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
    expect(view.responsibility.every((s) => !Number.isNaN(Date.parse(s.at)))).toBe(true);
  });
});
