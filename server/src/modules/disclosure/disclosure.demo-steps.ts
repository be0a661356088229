// The steps of a demo penalty case (一般程序), taken through the workflow's own actions: their
// guards and what they store (details, the case_actions timeline, the ledger), on the day each
// step happened. A demo case then carries the history the system itself would let an officer
// record: an approved filing, a transcript, the 事先告知 with the party's last days, a waiver or
// a lapsed period, and the decision after it.
import type { Transaction } from 'kysely';
import type { ProfileId } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import type { DemoIds } from '../../demo/demo.org.ts';
import { SYSTEM_ACTOR } from '../../shared/policy.ts';
import { takeStep } from '../cases/case-step.ts';
import { casesRepository as cases } from '../cases/cases.repository.ts';
import { PENALTY_ORDINARY } from '../cases/workflows/penalty.workflow.ts';
import { getEffectiveRules } from '../profile/profile.service.ts';

/**
 * Takes one action of the 一般程序 on `today` through the engine's own step (guards, apply, the
 * periods it starts or ends as deadline rows, timeline and ledger), as the demo user `who`.
 */
export async function demoStep(
  trx: Transaction<Database>,
  ids: DemoIds,
  step: { caseId: string; who: string; action: string; input: unknown; today: string },
  profile: ProfileId,
): Promise<void> {
  const snapshot = await cases.loadSnapshot(trx, step.caseId, true);
  if (!snapshot) throw new Error(`demo case ${step.caseId} vanished`);
  const spec = PENALTY_ORDINARY.actions.find((a) => a.name === step.action);
  if (!spec?.from.includes(snapshot.state)) {
    throw new Error(`demo step ${step.action} not allowed from ${snapshot.state}`);
  }
  const now = new Date(`${step.today}T09:00:00+08:00`);
  const ctx = {
    trx,
    snapshot,
    input: step.input as never,
    principal: {
      userId: ids.users[step.who] ?? '',
      username: step.who,
      displayName: '演示数据',
      grants: [],
    },
    rules: await getEffectiveRules(trx, snapshot.agencyId, profile),
    today: step.today,
    now,
    action: step.action,
    actor: SYSTEM_ACTOR,
  };
  await takeStep(ctx, spec, {
    actorUserId: ids.users[step.who] ?? null,
    idempotencyKey: null,
  }).catch((error: Error) => {
    throw new Error(`demo step ${step.action} of ${snapshot.caseNo} refused: ${error.message}`);
  });
}
