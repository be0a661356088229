// Taking a workflow step once the engine has checked who may take it and when: every guard in
// order (the first refusal wins), then the step's own changes, the case saved, the periods it
// starts or ends kept as deadline rows, its ledger entry and its action row, all in the caller's
// transaction. The engine (cases.service.ts) and the demo data's past steps
// (disclosure.demo-steps.ts) both go through here, so a demo case holds what the engine writes.
import type { Actor } from '../../shared/policy.ts';
import { AppError } from '../../shared/errors.ts';
import { appendLedgerEntry } from '../ledger/ledger.repository.ts';
import { caseAfter, syncCaseDeadlines } from './case-deadlines.sync.ts';
import { casesRepository as repo } from './cases.repository.ts';
import { firstRefusal, type ActionSpec, type GuardContext } from './workflow.ts';

/** Takes `spec` on the case of `ctx`; returns the state the case is in afterwards. */
export async function takeStep(
  ctx: GuardContext<never> & { action: string; actor: Actor },
  spec: ActionSpec<never>,
  record: { actorUserId: string | null; idempotencyKey: string | null },
): Promise<string> {
  const { trx, snapshot, input, action, actor } = ctx;
  const refusal = await firstRefusal(spec.guards, ctx);
  if (refusal) {
    throw new AppError(refusal.code, { message: refusal.message, details: refusal.details });
  }
  const patch = spec.apply ? await spec.apply(ctx) : {};
  const toState = typeof spec.to === 'function' ? spec.to(ctx) : spec.to;
  const details = { ...snapshot.details, ...patch.details };
  await repo.saveCase(trx, snapshot.id, { ...patch, state: toState, details });
  // The periods running after this step become (or stop being) durable deadlines.
  await syncCaseDeadlines(
    trx,
    actor,
    snapshot,
    caseAfter(snapshot, toState, patch, details),
    ctx.rules,
    ctx.now,
  );
  const ledgerSeq = await appendLedgerEntry(trx, actor, {
    kind: `case.${action}`,
    subjectType: 'case',
    subjectId: snapshot.id,
    agencyId: snapshot.agencyId,
    caseId: snapshot.id,
    payload: { action, from: snapshot.state, to: toState, input },
  });
  await repo.insertAction(trx, {
    caseId: snapshot.id,
    action,
    fromState: snapshot.state,
    toState,
    actorUserId: record.actorUserId,
    payload: { input },
    idempotencyKey: record.idempotencyKey,
    ledgerSeq,
  });
  return toState;
}
