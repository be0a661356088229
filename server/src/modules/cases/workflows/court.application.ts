// 申请人民法院强制执行 after a penalty (罚款 not paid) or an expropriation (补偿决定 not complied
// with): a coercion decision that 南昌 lists as major (NC 二（三）12（3）, seed 002 line 87), so
// it passes the legal-review gate like the coercion execution's own court application. The
// proposal is derived from the case's decision, so the one recorded for review by
// `propose_court_application` and the one the gate checks are the same (SM3 of canonical JSON).
import { legalReviewGateFor } from '../../review/review.gate.ts';
import { action, type Guard, type GuardContext } from '../workflow.ts';
import { NoInput } from './kinds.schemas.ts';

type Details = Record<string, unknown>;

/** The catalogue's reading of a court application: an execution by the court. */
export function courtApplicationProposal(base: Details): Details {
  return { ...base, isCoercionExecution: true, coercionActs: ['court_enforcement'] };
}

/** Records the court application as the case's proposal, so that it can be sent for review. */
export function proposeCourtApplication(from: string[], baseOf: (details: Details) => Details) {
  return action({
    name: 'propose_court_application',
    label: '拟申请人民法院强制执行',
    from,
    to: (ctx) => ctx.snapshot.state,
    roles: ['officer'],
    input: NoInput,
    guards: [],
    apply: (ctx) => ({
      details: { proposed: courtApplicationProposal(baseOf(ctx.snapshot.details)) },
    }),
  });
}

/** The gate of a court application; `appliesTo` says when the action is one. */
export function courtApplicationGate<I>(
  action: string,
  baseOf: (details: Details) => Details,
  appliesTo?: (ctx: GuardContext<I>) => boolean,
): Guard<I> {
  return legalReviewGateFor<I>(
    action,
    (ctx) => courtApplicationProposal(baseOf(ctx.snapshot.details)),
    appliesTo ? { appliesTo } : {},
  );
}
