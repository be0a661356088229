// A party's request to read or copy the record of its case (薛城区 附件2 第三十二条: "经行政机关
// 负责人同意，可以查阅、复制"). An officer registers the request the party made; the head of the
// agency approves or refuses it; an approval grants access to the named evidence for a limited time
// through a token handed to the party once. Request and decision are write-once rows, each with its
// ledger entry in the same transaction; every reading by the party goes to the access log.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { AppContext } from '../../app.ts';
import { AppError } from '../../shared/errors.ts';
import {
  requireAgencyScope,
  type Actor,
  type Principal,
  type RoutePolicy,
} from '../../shared/policy.ts';
import { disposalRepository } from '../archive/disposal.repository.ts';
import { requireCaseTarget } from '../cases/cases.scope.ts';
import { evidenceRepository } from '../evidence/evidence.repository.ts';
import { appendLedgerEntry } from '../ledger/ledger.repository.ts';
import { sm3, toHex } from '../ledger/crypto/hash.ts';
import { getEffectiveRules } from '../profile/profile.service.ts';
import { accessPolicies as p } from './access.policy.ts';
import { recordPartyAccess } from './access.service.ts';
import {
  partyAccessRepository as repo,
  type PartyAccessRequest,
} from './party-access.repository.ts';

/** How long a granted access may last at most: a design bound, the law names no period. */
export const MAX_GRANT_DAYS = 30;
const RULE_KEY = 'archive.partyAccessNeedsHeadApproval';

export interface PartyAccessRequestBody {
  partyId: string;
  purpose: 'read' | 'copy';
  evidenceIds: string[];
  statedNeed: string;
}

export interface PartyAccessDecisionBody {
  approve: boolean;
  note: string;
  validForDays?: number | undefined;
}

const tokenHash = (token: string) => toHex(sm3(token));

export function createPartyAccessService(ctx: AppContext) {
  const { db } = ctx;

  async function scopedCase(principal: Principal, policy: RoutePolicy, caseId: string) {
    const target = await requireCaseTarget(db, caseId);
    requireAgencyScope(principal, policy, target);
    return target;
  }

  async function requireRequest(caseId: string, requestId: string): Promise<PartyAccessRequest> {
    const request = await repo.find(db, caseId, requestId);
    if (!request) throw new AppError('PARTY_ACCESS_REQUEST_NOT_FOUND');
    return request;
  }

  /** The approval a granted token stands on; refuses pending, refused and expired ones. */
  async function requireGrant(token: string): Promise<PartyAccessRequest> {
    const request = await repo.findByToken(db, tokenHash(token));
    if (!request?.decision?.isApproved || !request.decision.validUntil) {
      throw new AppError('PARTY_ACCESS_TOKEN_INVALID');
    }
    if (request.decision.validUntil.getTime() <= ctx.clock().getTime()) {
      throw new AppError('PARTY_ACCESS_EXPIRED');
    }
    return request;
  }

  return {
    async request(
      principal: Principal,
      actor: Actor,
      caseId: string,
      body: PartyAccessRequestBody,
    ) {
      const target = await scopedCase(principal, p.requestPartyAccess, caseId);
      const party = await repo.findParty(db, caseId, body.partyId);
      if (!party) throw new AppError('PARTY_NOT_OF_CASE');
      const evidenceIds = [...new Set(body.evidenceIds)];
      if ((await repo.countEvidenceOfCase(db, caseId, evidenceIds)) !== evidenceIds.length) {
        throw new AppError('PARTY_ACCESS_EVIDENCE_INVALID');
      }
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        const seq = await appendLedgerEntry(trx, actor, {
          kind: 'access.party_request.created',
          subjectType: 'party_access_request',
          subjectId: id,
          agencyId: target.agencyId,
          caseId,
          payload: {
            partyName: party.name,
            purpose: body.purpose,
            evidenceIds,
            statedNeed: body.statedNeed,
          },
        });
        await repo.insertRequest(trx, {
          id,
          agency_id: target.agencyId,
          case_id: caseId,
          party_id: party.id,
          party_name: party.name,
          purpose: body.purpose,
          evidence_ids: evidenceIds,
          stated_need: body.statedNeed,
          requested_by: principal.userId,
          ledger_seq: seq,
        });
      });
      return requireRequest(caseId, id);
    },

    async list(principal: Principal, caseId: string) {
      await scopedCase(principal, p.listPartyAccess, caseId);
      return repo.listOfCase(db, caseId);
    },

    /**
     * The head's decision. Returns the access token once, on approval: only its hash is kept, so
     * it cannot be shown again (a lost token needs a new request).
     */
    async decide(
      principal: Principal,
      actor: Actor,
      caseId: string,
      requestId: string,
      body: PartyAccessDecisionBody,
    ) {
      const target = await scopedCase(principal, p.decidePartyAccess, caseId);
      await requireRequest(caseId, requestId);
      if (body.approve && body.validForDays === undefined) {
        throw new AppError('PARTY_ACCESS_PERIOD_REQUIRED');
      }
      const rules = await getEffectiveRules(db, target.agencyId, ctx.config.PROFILE);
      const rule = rules.archive.partyAccessNeedsHeadApproval;
      const now = ctx.clock();
      const token = body.approve ? randomBytes(32).toString('base64url') : null;
      const validUntil =
        body.approve && body.validForDays !== undefined
          ? new Date(now.getTime() + body.validForDays * 86_400_000)
          : null;
      await db.transaction().execute(async (trx) => {
        await repo.lock(trx, requestId);
        const current = await repo.find(trx, caseId, requestId);
        if (current?.decision) throw new AppError('PARTY_ACCESS_ALREADY_DECIDED');
        const seq = await appendLedgerEntry(trx, actor, {
          kind: body.approve ? 'access.party_request.approved' : 'access.party_request.refused',
          subjectType: 'party_access_request',
          subjectId: requestId,
          agencyId: target.agencyId,
          caseId,
          payload: {
            note: body.note,
            validUntil: validUntil?.toISOString() ?? null,
            // The rule the decision applied, so the record says why the head had to decide.
            rule: RULE_KEY,
            ruleSource: rule.source,
          },
        });
        await repo.insertDecision(trx, {
          request_id: requestId,
          is_approved: body.approve,
          note: body.note,
          decided_by: principal.userId,
          decided_by_name: principal.displayName,
          valid_until: validUntil,
          token_sm3: token ? tokenHash(token) : null,
          ledger_seq: seq,
        });
      });
      return { request: await requireRequest(caseId, requestId), token };
    },

    /** What the party may read with its token (a reading itself, so it is logged). */
    async grantOf(token: string, actor: Actor) {
      const request = await requireGrant(token);
      await recordPartyAccess(db, actor, request, 'party_access', request.id);
      const evidence = await Promise.all(
        request.evidenceIds.map((id) => evidenceRepository.find(db, request.caseId, id)),
      );
      return { request, evidence: evidence.filter((e) => e !== undefined) };
    },

    async openContent(
      token: string,
      actor: Actor,
      evidenceId: string,
    ): Promise<{
      contentType: string;
      originalName: string;
      size: number;
      sm3: string;
      open(): Readable;
    }> {
      const request = await requireGrant(token);
      if (!request.evidenceIds.includes(evidenceId)) {
        throw new AppError('PARTY_ACCESS_NOT_IN_SCOPE');
      }
      const evidence = await evidenceRepository.find(db, request.caseId, evidenceId);
      if (!evidence) throw new AppError('EVIDENCE_NOT_FOUND');
      const { sm3: hash, size, contentType, originalName } = evidence;
      if (hash === null || size === null || contentType === null || originalName === null) {
        throw new AppError('EVIDENCE_HAS_NO_FILE');
      }
      if (await disposalRepository.tombstoneOf(db, evidenceId)) {
        throw new AppError('EVIDENCE_DISPOSED');
      }
      const stat = await ctx.blobs.stat(hash);
      if (stat?.size !== size) throw new AppError('EVIDENCE_BLOB_UNAVAILABLE');
      await recordPartyAccess(db, actor, request, 'evidence_content', evidenceId);
      return { contentType, originalName, size, sm3: hash, open: () => ctx.blobs.openRead(hash) };
    },
  };
}

export type PartyAccessService = ReturnType<typeof createPartyAccessService>;
