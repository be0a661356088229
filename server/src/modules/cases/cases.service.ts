// The case engine: registers cases and runs workflow actions. An action is one transaction —
// lock the case, replay a retried action, check version, state, role and scope, every guard;
// apply; store the case, the action record and its ledger entry — or it changes nothing.
import type { Kysely, Transaction } from 'kysely';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { chinaToday } from '../../shared/dates.ts';
import { AppError } from '../../shared/errors.ts';
import {
  listScope,
  requireAgencyScope,
  ROLE_LABELS,
  type Actor,
  type Principal,
} from '../../shared/policy.ts';
import { validateInput } from '../../shared/validate.ts';
import { listAccess, recordAccess } from '../access/access.service.ts';
import { syncInspection } from '../disclosure/disclosure.inspections.ts';
import { queueCaseDecision } from '../disclosure/disclosure.pipeline.ts';
import { deadlinesRepository } from '../deadlines/deadlines.repository.ts';
import { toDeadlineView } from '../deadlines/deadlines.views.ts';
import { createOnce, findKeyedResource } from '../idempotency/idempotency.ts';
import { canonicalJson } from '../ledger/crypto/canonical-json.ts';
import { appendLedgerEntry } from '../ledger/ledger.repository.ts';
import { requireAgencyTarget } from '../org/org.service.ts';
import { getEffectiveRules } from '../profile/profile.service.ts';
import { takeStep } from './case-step.ts';
import { casesPolicies } from './cases.policy.ts';
import { casesReadRepository as reads } from './cases.read.repository.ts';
import { newParty, casesRepository as repo } from './cases.repository.ts';
import type { ActionBodyInput, CaseView, CreateCaseInput } from './cases.schemas.ts';
import { canTake, toCaseListItem, toCaseView } from './cases.view.ts';
import { requireCaseTarget } from './cases.scope.ts';
import type { Workflow } from './workflow.ts';
import { findWorkflow } from './workflows/index.ts';

export interface CasesServiceOptions {
  config: Config;
  /** The clock every guard reads; tests move it. */
  now: () => Date;
}

function requireWorkflow(kind: string, procedure: string): Workflow {
  const workflow = findWorkflow(kind, procedure);
  if (!workflow) throw new AppError('CASE_PROCEDURE_UNKNOWN');
  return workflow;
}

export function createCasesService(db: Kysely<Database>, options: CasesServiceOptions) {
  async function view(caseId: string, principal: Principal): Promise<CaseView> {
    const snapshot = await repo.loadSnapshot(db, caseId, false);
    if (!snapshot) throw new AppError('CASE_NOT_FOUND');
    const now = options.now();
    const deadlines = (await deadlinesRepository.listOfCase(db, caseId)).map((x) =>
      toDeadlineView(x, now),
    );
    return toCaseView(
      snapshot,
      requireWorkflow(snapshot.kind, snapshot.procedure),
      principal,
      deadlines,
    );
  }

  return {
    async createCase(principal: Principal, actor: Actor, agencyId: string, body: CreateCaseInput) {
      requireAgencyScope(
        principal,
        casesPolicies.createCase,
        await requireAgencyTarget(db, agencyId),
      );
      const { idempotencyKey, ...input } = body;
      // A registration sent again under its key answers with the case the first one registered.
      const keyed = idempotencyKey
        ? {
            scope: 'cases.create',
            userId: principal.userId,
            key: idempotencyKey,
            request: { agencyId, ...input },
          }
        : undefined;
      const registered = keyed && (await findKeyedResource(db, keyed));
      if (registered) return view(registered, principal);
      const workflow = requireWorkflow(input.kind, input.procedure);
      if (input.powerId) {
        const power = await repo.findPower(db, input.powerId);
        if (!power || power.agency_id !== agencyId || power.status !== 'active') {
          throw new AppError('REFERENCE_INVALID', {
            message: '权力事项不存在、已废止或不属于本执法主体',
          });
        }
      }
      if (input.officers.filter((o) => o.role === 'lead').length !== 1) {
        throw new AppError('VALIDATION_FAILED', { message: '须指定一名主办执法人员' });
      }
      const officers: { personId: string; role: 'lead' | 'assist'; credentialId: string }[] = [];
      for (const officer of input.officers) {
        const credential = await repo.findCredentialOfAgencyPerson(db, agencyId, officer.personId);
        if (!credential) throw new AppError('OFFICER_NOT_OF_AGENCY');
        officers.push({ ...officer, credentialId: credential.id });
      }
      const now = options.now();
      const year = Number(chinaToday(now).slice(0, 4));
      const agency = await requireAgencyTarget(db, agencyId);
      const caseId = await db.transaction().execute(async (trx) => {
        if (!keyed) return registerCase(trx);
        return (await createOnce(trx, keyed, () => registerCase(trx))).resourceId;
      });
      return view(caseId, principal);

      async function registerCase(trx: Transaction<Database>): Promise<string> {
        const seq = await repo.nextSeq(trx, agencyId, year);
        const caseNo = `${await repo.caseNoPrefix(trx, agency.agencyId)}案〔${year}〕${seq}号`;
        const id = await repo.insertCase(
          trx,
          {
            agencyId,
            kind: input.kind,
            procedure: input.procedure,
            state: workflow.initial,
            source: input.source,
            sourceDetail: input.sourceDetail,
            powerId: input.powerId,
            handlingUnitId: input.handlingUnitId,
            title: input.title,
            facts: input.facts,
            createdBy: principal.userId,
            year,
          },
          seq,
          caseNo,
        );
        await repo.insertParties(trx, id, input.parties.map(newParty));
        await repo.insertOfficers(trx, id, officers);
        await appendLedgerEntry(trx, actor, {
          kind: 'case.registered',
          subjectType: 'case',
          subjectId: id,
          agencyId,
          caseId: id,
          // Identity numbers stay out of the widely read ledger: the party is named, not numbered.
          payload: {
            caseNo,
            kind: input.kind,
            procedure: input.procedure,
            source: input.source,
            title: input.title,
            powerId: input.powerId,
            parties: input.parties.map((p) => ({ kind: p.kind, name: p.name })),
            officers: input.officers,
          },
        });
        return id;
      }
    },

    async getCase(principal: Principal, actor: Actor, caseId: string, reason?: string) {
      const target = await requireCaseTarget(db, caseId);
      requireAgencyScope(principal, casesPolicies.readCase, target);
      await recordAccess(db, principal, actor, {
        agencyId: target.agencyId,
        caseId,
        resource: 'case',
        reason,
      });
      return view(caseId, principal);
    },

    async listCases(
      principal: Principal,
      filter: { agencyId?: string; state?: string; page?: number; pageSize?: number },
    ) {
      const pageSize = filter.pageSize ?? 20;
      const { rows, total } = await reads.listCases(
        db,
        listScope(principal, casesPolicies.listCases),
        {
          agencyId: filter.agencyId,
          state: filter.state,
          limit: pageSize,
          offset: ((filter.page ?? 1) - 1) * pageSize,
        },
      );
      return {
        total,
        items: rows.map(toCaseListItem),
      };
    },

    async declareRecusal(principal: Principal, actor: Actor, caseId: string) {
      const target = await requireCaseTarget(db, caseId);
      requireAgencyScope(principal, casesPolicies.declareRecusal, target);
      const personId = await db
        .selectFrom('users')
        .select('person_id')
        .where('id', '=', principal.userId)
        .executeTakeFirst();
      await db.transaction().execute(async (trx) => {
        const outcome = personId?.person_id
          ? await repo.declareRecusal(trx, caseId, personId.person_id, options.now())
          : 'not_on_case';
        if (outcome === 'not_on_case')
          throw new AppError('OFFICER_NOT_OF_AGENCY', {
            message: '只有本案执法人员本人可以作出回避声明',
          });
        // Sent again (an answer lost): the first declaration and its record stand.
        if (outcome === 'already_declared') return;
        await appendLedgerEntry(trx, actor, {
          kind: 'case.recusal_declared',
          subjectType: 'case',
          subjectId: caseId,
          agencyId: target.agencyId,
          caseId,
          payload: {
            personId: personId?.person_id,
            statement: '本人与本案当事人无利害关系，不存在应当回避的情形',
          },
        });
      });
      return view(caseId, principal);
    },

    async performAction(
      principal: Principal,
      actor: Actor,
      caseId: string,
      actionName: string,
      body: ActionBodyInput,
    ) {
      const target = await requireCaseTarget(db, caseId);
      requireAgencyScope(principal, casesPolicies.act, target);
      await db.transaction().execute(async (trx) => {
        const snapshot = await repo.loadSnapshot(trx, caseId, true);
        if (!snapshot) throw new AppError('CASE_NOT_FOUND');
        const workflow = requireWorkflow(snapshot.kind, snapshot.procedure);
        const spec = workflow.actions.find((a) => a.name === actionName);
        if (!spec) throw new AppError('CASE_ACTION_UNKNOWN');
        // A retry of an action already taken answers with the case as it stands and changes
        // nothing; the same key sent by someone else, or with another action or input, is
        // refused, not taken as done.
        const earlier =
          body.idempotencyKey && (await repo.findActionByKey(trx, caseId, body.idempotencyKey));
        if (earlier) {
          const input = validateInput<unknown>(spec.input, body.input ?? {}, 'input');
          const taken = earlier.payload.input ?? {};
          const isSameRequest =
            earlier.actor_user_id === principal.userId &&
            earlier.action === actionName &&
            canonicalJson(taken) === canonicalJson(input);
          if (!isSameRequest) {
            throw new AppError('IDEMPOTENCY_KEY_REUSED');
          }
          return;
        }
        if (!spec.from.includes(snapshot.state)) {
          throw new AppError('CASE_ACTION_NOT_ALLOWED', {
            message: `案件处于“${workflow.states[snapshot.state] ?? snapshot.state}”阶段，不能${spec.label}`,
          });
        }
        if (!canTake(spec, principal, snapshot.agencyId)) {
          throw new AppError('STEP_ROLE_REQUIRED', {
            message: `“${spec.label}”须由${spec.roles.map((r) => ROLE_LABELS[r]).join('或')}办理`,
          });
        }
        if (body.expectedVersion !== undefined && body.expectedVersion !== snapshot.version) {
          throw new AppError('CASE_VERSION_CONFLICT');
        }
        const input = validateInput<never>(spec.input, body.input ?? {}, 'input');
        const now = options.now();
        const toState = await takeStep(
          {
            trx,
            snapshot,
            input,
            principal,
            rules: await getEffectiveRules(trx, snapshot.agencyId, options.config.PROFILE),
            today: chinaToday(now),
            now,
            action: actionName,
            actor,
          },
          spec,
          { actorUserId: principal.userId, idempotencyKey: body.idempotencyKey ?? null },
        );
        // A decision is queued for disclosure in the same transaction (its due date starts now).
        if (toState === 'decided' && snapshot.state !== 'decided') {
          await queueCaseDecision(trx, actor, caseId, { profile: options.config.PROFILE, now });
        }
        // An inspection's public record (扫码入企) follows its state; its result is published.
        if (snapshot.kind === 'inspection' && toState !== snapshot.state) {
          await syncInspection(trx, actor, caseId, { profile: options.config.PROFILE, now });
        }
      });
      return view(caseId, principal);
    },

    async accessLog(principal: Principal, caseId: string, page: { limit: number; offset: number }) {
      requireAgencyScope(
        principal,
        casesPolicies.readAccessLog,
        await requireCaseTarget(db, caseId),
      );
      return listAccess(db, { caseId, ...page });
    },

    async partyRecords(principal: Principal, identity: { creditCode?: string; idCardNo?: string }) {
      const rows = await reads.casesOfParty(
        db,
        listScope(principal, casesPolicies.partyRecords),
        identity,
      );
      return rows.map(toCaseListItem);
    },

    async timeline(principal: Principal, actor: Actor, caseId: string, reason?: string) {
      const target = await requireCaseTarget(db, caseId);
      requireAgencyScope(principal, casesPolicies.readCase, target);
      await recordAccess(db, principal, actor, {
        agencyId: target.agencyId,
        caseId,
        resource: 'timeline',
        reason,
      });
      const rows = await reads.timeline(db, caseId);
      return rows.map((r) => ({
        seq: r.leaf_index ?? -1,
        kind: r.kind,
        actorName: r.actor_name,
        recordedAt: r.recorded_at.toISOString(),
        entryHash: r.entry_hash ?? '',
        payload: r.payload,
      }));
    },
  };
}

export type CasesService = ReturnType<typeof createCasesService>;
