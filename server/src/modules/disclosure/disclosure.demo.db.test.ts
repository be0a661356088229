// The demo's decided penalty cases (一般程序) carry the history the workflow itself requires
// before a decision: an approved filing, a transcript, the 事先告知 with the party's last day to
// state and defend, that day passed or the right waived or used, and the decision after the
// filing. A workbench user opening them sees steps the system would have let an officer take.
import { describe, expect, it } from 'vitest';
import { createDemoApp } from '../../test/test-app.ts';
import type { Notice } from '../cases/workflows/penalty.guards.ts';

const t = await createDemoApp();

describe('demo penalty cases', () => {
  it('were decided only after filing, transcript, notice and the statement period', async () => {
    const decided = await t.handle.db
      .selectFrom('cases')
      .select(['id', 'case_no', 'filed_on', 'decided_on', 'details'])
      .where('kind', '=', 'penalty')
      .where('procedure', '=', 'ordinary')
      .where('decided_on', 'is not', null)
      .execute();
    expect(decided.length).toBeGreaterThanOrEqual(5);
    for (const c of decided) {
      const details = c.details;
      const notice = details.notice as Notice | undefined;
      const decidedOn = String(c.decided_on);
      const why = `${c.case_no}: ${JSON.stringify(details)}`;
      expect(details.filing, why).toBeDefined();
      expect(String(c.filed_on) < decidedOn, why).toBe(true);
      expect((details.transcripts as unknown[] | undefined)?.length, why).toBeGreaterThan(0);
      expect(notice?.defenceDueOn, why).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/));
      if (!notice?.defenceDueOn) continue;
      expect(notice.servedOn >= String(c.filed_on), why).toBe(true);
      const heard = details.defenceWaiver !== undefined || details.defences !== undefined;
      expect(heard || decidedOn > notice.defenceDueOn, why).toBe(true);
      expect(decidedOn >= notice.servedOn, why).toBe(true);
      // The steps are on the case's timeline, as the actions record them.
      const actions = await t.handle.db
        .selectFrom('case_actions')
        .select('action')
        .where('case_id', '=', c.id)
        .execute();
      expect(actions.map((a) => a.action)).toEqual(
        expect.arrayContaining(['approve_filing', 'record_transcript', 'notify_intent', 'decide']),
      );
      // The periods the steps ran, as the engine keeps them: the decision period (art.60) from
      // filing and the statement period from service, each met by the step that ended it.
      const deadlines = await t.handle.db
        .selectFrom('deadlines')
        .select(['kind', 'start_on', 'status'])
        .where('case_id', '=', c.id)
        .where('kind', 'in', ['case.penalty_decision', 'case.defence'])
        .orderBy('kind')
        .execute();
      expect(deadlines, why).toEqual([
        { kind: 'case.defence', start_on: notice.servedOn, status: 'met' },
        { kind: 'case.penalty_decision', start_on: String(c.filed_on), status: 'met' },
      ]);
    }
  });
});
