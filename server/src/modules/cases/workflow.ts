// Case workflows are data plus typed guards: each kind and procedure is a table of actions, each
// with the states it may start from, the state it leads to, who may take it, the input it needs
// and the guards that must all pass. The engine (cases.service.ts) runs an action in one
// transaction: lock the case, check state, role and every guard, apply, record, commit.
import type { Static, TSchema } from 'typebox';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ErrorCode } from '../../shared/errors.ts';
import type { Actor, Principal, Role } from '../../shared/policy.ts';
import type { EffectiveRules } from '../profile/profile.resolve.ts';
import type { CaseKind } from './cases.tables.ts';

export interface CaseParty {
  id: string;
  kind: 'person' | 'organisation';
  name: string;
  idCardNo: string | null;
  creditCode: string | null;
}

export interface CaseOfficer {
  personId: string;
  name: string;
  role: 'lead' | 'assist';
  credentialNo: string;
  credentialStatus: 'valid' | 'suspended' | 'revoked';
  credentialExpiresOn: string;
  lawAreas: string[];
  recusalDeclaredAt: string | null;
}

export interface CaseSnapshot {
  id: string;
  agencyId: string;
  caseNo: string;
  kind: CaseKind;
  procedure: string;
  state: string;
  version: number;
  powerId: string | null;
  powerLawAreas: string[];
  isEmergencyStart: boolean;
  filedOn: string | null;
  decidedOn: string | null;
  closedOn: string | null;
  details: Record<string, unknown>;
  parties: CaseParty[];
  officers: CaseOfficer[];
}

/** What a guard sees. `today` and `now` come from the injectable clock. */
export interface GuardContext<I = unknown> {
  trx: Transaction<Database>;
  snapshot: CaseSnapshot;
  input: I;
  principal: Principal;
  rules: EffectiveRules;
  today: string;
  now: Date;
  /** The action being taken and who takes it from where (IP, user agent), for guards that write
   * their own record, such as the legal-review gate; set by the engine, absent in demo data. */
  action?: string;
  actor?: Actor;
}

export interface Refusal {
  code: ErrorCode;
  message?: string;
  details?: unknown;
}

export type Guard<I = unknown> = (
  ctx: GuardContext<I>,
) => Promise<Refusal | undefined> | Refusal | undefined;

/** What an action changes on the case besides its state. */
export interface CasePatch {
  details?: Record<string, unknown>;
  filedOn?: string;
  decidedOn?: string;
  closedOn?: string;
  archivedOn?: string;
  isEmergencyStart?: boolean;
}

export interface ActionSpec<I = unknown> {
  name: string;
  /** The button a person presses, in Chinese. */
  label: string;
  from: readonly string[];
  /** The next state; a function when the outcome depends on the input (e.g. 不予立案). */
  to: string | ((ctx: GuardContext<I>) => string);
  roles: readonly Role[];
  input: TSchema;
  guards: readonly Guard<I>[];
  apply?: (ctx: GuardContext<I>) => Promise<CasePatch> | CasePatch;
}

export interface Workflow {
  kind: CaseKind;
  procedure: string;
  label: string;
  initial: string;
  /** Every state with its Chinese label; terminal states have no outgoing action. */
  states: Record<string, string>;
  actions: readonly ActionSpec<never>[];
}

/** Declares an action with its input type inferred from its schema, then erases it for the table. */
export function action<S extends TSchema>(
  spec: Omit<ActionSpec<Static<S>>, 'input'> & { input: S },
): ActionSpec<never> {
  return spec;
}

/** Runs guards in order and returns the first refusal. */
export async function firstRefusal<I>(
  guards: readonly Guard<I>[],
  ctx: GuardContext<I>,
): Promise<Refusal | undefined> {
  for (const guard of guards) {
    const refusal = await guard(ctx);
    if (refusal) return refusal;
  }
  return undefined;
}
