// Retention and disposal (销毁). A legal hold blocks disposal while it stands. An archivist
// proposes to dispose of records whose retention has ended; the disposal happens only with two
// approvals by two different people other than the proposer, one of them the agency's head; it then
// leaves a destruction register entry (销毁清册), a tombstone per record and one ledger entry, in one
// transaction — and only after that commit is the blob content deleted from the store. The
// evidence rows, their ledger entries and hashes stay: the proof that the record existed remains.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../app.ts';
import type { Database } from '../../db/schema.ts';
import { chinaToday } from '../../shared/dates.ts';
import { AppError } from '../../shared/errors.ts';
import {
  requireAgencyScope,
  type Actor,
  type Principal,
  type RoutePolicy,
} from '../../shared/policy.ts';
import { requireCaseTarget } from '../cases/cases.scope.ts';
import { appendLedgerEntry } from '../ledger/ledger.repository.ts';
import { getEffectiveRules } from '../profile/profile.service.ts';
import { archivePolicies as p } from './archive.policy.ts';
import type { RegisterEvidence, RetentionSnapshot } from './archive.tables.ts';
import { disposalRepository as repo } from './disposal.repository.ts';
import { retentionOf, type InspectionVideoException } from './retention.ts';

export const DISPOSAL_EXECUTED = 'archive.disposal.executed';
/** Two approvals by different people, neither the proposer, at least one the head. */
export const APPROVALS_REQUIRED = 2;

export interface ProposalBody {
  evidenceIds: string[];
  reason: string;
  inspectionVideoException?: InspectionVideoException | undefined;
}

export function createDisposalService(ctx: AppContext) {
  const { db } = ctx;

  async function scoped(principal: Principal, policy: RoutePolicy, caseId: string) {
    const target = await requireCaseTarget(db, caseId);
    requireAgencyScope(principal, policy, target);
    return target;
  }

  async function refuseIfHeld(q: Kysely<Database>, caseId: string) {
    const holds = await repo.activeHolds(q, caseId);
    if (holds.length > 0) {
      throw new AppError('LEGAL_HOLD_ACTIVE', {
        details: { holds: holds.map((h) => ({ id: h.id, reason: h.reason })) },
      });
    }
  }

  /** Each record's retention, refusing when one has not ended (or never ends). */
  async function retentionOfRecords(
    q: Kysely<Database>,
    caseId: string,
    agencyId: string,
    evidenceIds: string[],
    exception: InspectionVideoException | null,
  ) {
    const kase = await repo.caseForRetention(q, caseId);
    if (!kase) throw new AppError('CASE_NOT_FOUND');
    const rows = await repo.evidenceOfCase(q, caseId, evidenceIds);
    if (rows.length !== evidenceIds.length) throw new AppError('DISPOSAL_EVIDENCE_INVALID');
    if (rows.some((r) => r.register_no !== null)) throw new AppError('DISPOSAL_ALREADY_DISPOSED');
    const rules = await getEffectiveRules(q, agencyId, ctx.config.PROFILE);
    const today = chinaToday(ctx.clock());
    const snapshots: RetentionSnapshot[] = rows.map((r) => {
      const retention = retentionOf({
        caseKind: kase.kind,
        evidenceKind: r.kind,
        closedOn: kase.closed_on,
        exception,
        inspectionVideoRule: rules.archive.inspectionVideoRetention,
      });
      return { evidenceId: r.id, ...retention };
    });
    const open = snapshots.filter((s) => s.endsOn === null || s.endsOn > today);
    if (open.length > 0) {
      throw new AppError(
        kase.closed_on === null ? 'DISPOSAL_CASE_NOT_CLOSED' : 'DISPOSAL_BEFORE_RETENTION_END',
        { details: { today, records: open } },
      );
    }
    return { rows, snapshots };
  }

  async function proposalOf(caseId: string, id: string) {
    const found = (await proposalView(caseId)).find((v) => v.id === id);
    if (!found) throw new AppError('DISPOSAL_PROPOSAL_NOT_FOUND');
    return found;
  }

  async function proposalView(caseId: string) {
    const proposals = await repo.proposalsOfCase(db, caseId);
    return Promise.all(
      proposals.map(async (proposal) => ({
        id: proposal.id,
        evidenceIds: proposal.evidence_ids,
        reason: proposal.reason,
        exception: proposal.exception,
        retention: proposal.retention,
        proposedByName: proposal.proposed_by_name,
        proposedAt: proposal.proposed_at.toISOString(),
        approvals: (await repo.approvals(db, proposal.id)).map((a) => ({
          approverName: a.approver_name,
          role: a.role,
          approvedAt: a.approved_at.toISOString(),
        })),
        registerNo: proposal.register_no === null ? null : Number(proposal.register_no),
      })),
    );
  }

  return {
    async placeHold(principal: Principal, actor: Actor, caseId: string, reason: string) {
      const target = await scoped(principal, p.placeHold, caseId);
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        const seq = await appendLedgerEntry(trx, actor, {
          kind: 'archive.legal_hold.placed',
          subjectType: 'legal_hold',
          subjectId: id,
          agencyId: target.agencyId,
          caseId,
          payload: { reason },
        });
        await repo.insertHold(trx, {
          id,
          agency_id: target.agencyId,
          case_id: caseId,
          reason,
          placed_by: principal.userId,
          placed_by_name: principal.displayName,
          ledger_seq: seq,
        });
      });
      return this.holds(principal, caseId);
    },

    async releaseHold(
      principal: Principal,
      actor: Actor,
      caseId: string,
      holdId: string,
      reason: string,
    ) {
      const target = await scoped(principal, p.releaseHold, caseId);
      const hold = await repo.findHold(db, caseId, holdId);
      if (!hold) throw new AppError('LEGAL_HOLD_NOT_FOUND');
      if (hold.released) throw new AppError('LEGAL_HOLD_ALREADY_RELEASED');
      await db.transaction().execute(async (trx) => {
        const seq = await appendLedgerEntry(trx, actor, {
          kind: 'archive.legal_hold.released',
          subjectType: 'legal_hold',
          subjectId: holdId,
          agencyId: target.agencyId,
          caseId,
          payload: { reason },
        });
        await repo.insertRelease(trx, {
          hold_id: holdId,
          reason,
          released_by: principal.userId,
          released_by_name: principal.displayName,
          ledger_seq: seq,
        });
      });
      return this.holds(principal, caseId);
    },

    async holds(principal: Principal, caseId: string) {
      await scoped(principal, p.readRetention, caseId);
      return (await repo.holdsOfCase(db, caseId)).map((h) => ({
        id: h.id,
        reason: h.reason,
        placedByName: h.placed_by_name,
        placedAt: h.placed_at.toISOString(),
        isActive: h.released_at === null,
        releaseReason: h.release_reason,
        releasedByName: h.released_by_name,
        releasedAt: h.released_at?.toISOString() ?? null,
      }));
    },

    async propose(principal: Principal, actor: Actor, caseId: string, body: ProposalBody) {
      const target = await scoped(principal, p.propose, caseId);
      const evidenceIds = [...new Set(body.evidenceIds)];
      await refuseIfHeld(db, caseId);
      const { snapshots } = await retentionOfRecords(
        db,
        caseId,
        target.agencyId,
        evidenceIds,
        body.inspectionVideoException ?? null,
      );
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        const seq = await appendLedgerEntry(trx, actor, {
          kind: 'archive.disposal.proposed',
          subjectType: 'disposal_proposal',
          subjectId: id,
          agencyId: target.agencyId,
          caseId,
          payload: {
            evidenceIds,
            reason: body.reason,
            exception: body.inspectionVideoException ?? null,
            retention: snapshots,
          },
        });
        await repo.insertProposal(trx, {
          id,
          agency_id: target.agencyId,
          case_id: caseId,
          evidence_ids: evidenceIds,
          reason: body.reason,
          exception: body.inspectionVideoException ?? null,
          retention: JSON.stringify(snapshots),
          proposed_by: principal.userId,
          proposed_by_name: principal.displayName,
          ledger_seq: seq,
        });
      });
      return proposalOf(caseId, id);
    },

    async proposals(principal: Principal, caseId: string) {
      await scoped(principal, p.readRetention, caseId);
      return proposalView(caseId);
    },

    /**
     * One approval. The second valid one executes the disposal in the same transaction; the
     * blob files are deleted after it commits (a crash in between leaves content that the register
     * already counts as disposed; approving again — refused as done — or `verify` shows it).
     */
    async approve(principal: Principal, actor: Actor, caseId: string, proposalId: string) {
      const target = await scoped(principal, p.approve, caseId);
      // The capacity in which the approver signs: head where they are one of this agency.
      const roles = principal.grants
        .filter(
          (g) =>
            p.approve.access === 'roles' &&
            p.approve.roles.includes(g.role) &&
            (g.agencyId === target.agencyId ||
              (g.agencyId === null &&
                g.regionPath !== null &&
                target.regionPath.startsWith(g.regionPath))),
        )
        .map((g) => g.role);
      const approverRole = roles.includes('head') ? 'head' : roles[0];
      if (!approverRole) throw new AppError('OUT_OF_SCOPE');
      const toDelete: { sm3: string; registerNo: number }[] = [];
      await db.transaction().execute(async (trx) => {
        const proposal = await repo.lockProposal(trx, caseId, proposalId);
        if (!proposal) throw new AppError('DISPOSAL_PROPOSAL_NOT_FOUND');
        if (await repo.registerOfProposal(trx, proposalId)) {
          throw new AppError('DISPOSAL_ALREADY_DISPOSED');
        }
        if (proposal.proposed_by === principal.userId) {
          throw new AppError('DISPOSAL_APPROVER_IS_PROPOSER');
        }
        const approvals = await repo.approvals(trx, proposalId);
        if (approvals.some((a) => a.approver_id === principal.userId)) {
          throw new AppError('DISPOSAL_ALREADY_APPROVED_BY_YOU');
        }
        const all = [...approvals.map((a) => a.role), approverRole];
        const isLast = all.length >= APPROVALS_REQUIRED;
        if (isLast && !all.includes('head')) throw new AppError('DISPOSAL_HEAD_APPROVAL_REQUIRED');
        // Conditions are checked again at each approval: a hold placed meanwhile wins.
        await refuseIfHeld(trx, caseId);
        const { rows } = await retentionOfRecords(
          trx,
          caseId,
          target.agencyId,
          proposal.evidence_ids,
          (proposal.exception as InspectionVideoException | null) ?? null,
        );
        const seq = await appendLedgerEntry(trx, actor, {
          kind: 'archive.disposal.approved',
          subjectType: 'disposal_proposal',
          subjectId: proposalId,
          agencyId: target.agencyId,
          caseId,
          payload: { role: approverRole, approvalNo: all.length },
        });
        await repo.insertApproval(trx, {
          proposal_id: proposalId,
          approver_id: principal.userId,
          approver_name: principal.displayName,
          role: approverRole,
          ledger_seq: seq,
        });
        if (!isLast) return;

        const retention = new Map(proposal.retention.map((r) => [r.evidenceId, r.retentionClass]));
        const evidence: RegisterEvidence[] = [];
        const blobs = new Map<string, { sha256: string; size: number }>();
        for (const r of rows) {
          const shared =
            r.sm3 === null ? 0 : await repo.liveHolders(trx, r.sm3, proposal.evidence_ids);
          const blobDeleted = r.sm3 !== null && shared === 0;
          if (blobDeleted && r.sm3 !== null && r.sha256 !== null && r.size !== null) {
            blobs.set(r.sm3, { sha256: r.sha256, size: Number(r.size) });
          }
          evidence.push({
            evidenceId: r.id,
            originalName: r.original_name,
            kind: r.kind,
            sm3: r.sm3,
            sha256: r.sha256,
            size: r.size === null ? null : Number(r.size),
            retentionClass: retention.get(r.id) ?? '',
            blobDeleted,
          });
        }
        const approvers = [
          ...approvals.map((a) => ({ name: a.approver_name, role: a.role })),
          { name: principal.displayName, role: approverRole },
        ];
        const registerNo = await repo.nextRegisterNo(trx);
        const executedSeq = await appendLedgerEntry(trx, actor, {
          kind: DISPOSAL_EXECUTED,
          subjectType: 'destruction_register',
          subjectId: String(registerNo),
          agencyId: target.agencyId,
          caseId,
          payload: { registerNo, proposalId, evidence, blobs: [...blobs.keys()], approvers },
        });
        await repo.insertRegister(trx, {
          register_no: registerNo,
          proposal_id: proposalId,
          agency_id: target.agencyId,
          case_id: caseId,
          evidence: JSON.stringify(evidence),
          approvers: JSON.stringify(approvers),
          ledger_seq: executedSeq,
        });
        await repo.insertTombstones(
          trx,
          rows.map((r) => ({ evidence_id: r.id, register_no: registerNo })),
        );
        await repo.insertBlobDisposals(
          trx,
          [...blobs].map(([sm3, b]) => ({
            sm3,
            sha256: b.sha256,
            size: b.size,
            register_no: registerNo,
          })),
        );
        for (const sm3 of blobs.keys()) toDelete.push({ sm3, registerNo });
      });
      for (const blob of toDelete) await ctx.blobs.dispose(blob.sm3, blob);
      return proposalOf(caseId, proposalId);
    },

    async register(
      principal: Principal,
      agency: { agencyId: string; regionPath: string },
      page: number,
      pageSize: number,
    ) {
      requireAgencyScope(principal, p.readRegister, agency);
      const rows = await repo.register(db, agency.agencyId, pageSize, (page - 1) * pageSize);
      return rows.map((r) => ({
        registerNo: Number(r.register_no),
        caseId: r.case_id,
        proposalId: r.proposal_id,
        evidence: r.evidence,
        approvers: r.approvers,
        disposedAt: r.disposed_at.toISOString(),
        ledgerSeq: Number(r.ledger_seq),
      }));
    },
  };
}
