// Reading evidence (scoped to the case's agency), streaming its bytes, and recording an AV
// exemption — the record that a recording was NOT made, and why, which has no file.
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { AppContext } from '../../app.ts';
import { AppError } from '../../shared/errors.ts';
import {
  requireAgencyScope,
  type Actor,
  type Principal,
  type RoutePolicy,
} from '../../shared/policy.ts';
import { recordAccess } from '../access/access.service.ts';
import { disposalRepository } from '../archive/disposal.repository.ts';
import { requireCaseTarget } from '../cases/cases.scope.ts';
import { getEffectiveRules } from '../profile/profile.service.ts';
import { exemptionTimeIssues, refuseAv, type AvExemptionBody } from './evidence.av.ts';
import { evidencePolicies as p } from './evidence.policy.ts';
import { recordEvidence } from './evidence.record.ts';
import { evidenceRepository as repo, type Evidence } from './evidence.repository.ts';
import type { EvidenceListQuery } from './evidence.schemas.ts';
import { requireAgencyOfficers } from './uploads.rules.ts';

export interface EvidenceContent {
  evidence: Evidence & { sm3: string; size: number; contentType: string; originalName: string };
  /** Inclusive byte range to send, or undefined for the whole file. */
  range: { start: number; end: number } | undefined;
  open(): Readable;
}

/** `bytes=a-b`, `bytes=a-` or `bytes=-n` (one range only); undefined when absent or multiple. */
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | undefined {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const [first, last] = [match[1] ?? '', match[2] ?? ''];
  const range =
    first === ''
      ? { start: Math.max(0, size - Number(last)), end: size - 1 }
      : { start: Number(first), end: last === '' ? size - 1 : Math.min(Number(last), size - 1) };
  if (size === 0 || range.start > range.end || range.start >= size) {
    throw new AppError('RANGE_NOT_SATISFIABLE', { details: { size } });
  }
  return range;
}

export function createEvidenceService(ctx: AppContext) {
  const { db, blobs } = ctx;

  async function scopedCase(principal: Principal, policy: RoutePolicy, caseId: string) {
    const target = await requireCaseTarget(db, caseId);
    requireAgencyScope(principal, policy, target);
    return target;
  }

  /** 调阅监督: every reading of evidence is logged before it is answered (reason if outside). */
  async function scopedRead(
    principal: Principal,
    actor: Actor,
    policy: RoutePolicy,
    caseId: string,
    read: { resource: string; resourceId: string | null; reason: string | undefined },
  ) {
    const target = await scopedCase(principal, policy, caseId);
    await recordAccess(db, principal, actor, { agencyId: target.agencyId, caseId, ...read });
    return target;
  }

  async function findEvidence(caseId: string, evidenceId: string): Promise<Evidence> {
    const evidence = await repo.find(db, caseId, evidenceId);
    if (!evidence) throw new AppError('EVIDENCE_NOT_FOUND');
    return evidence;
  }

  return {
    async list(principal: Principal, actor: Actor, caseId: string, query: EvidenceListQuery) {
      const { reason, ...filter } = query;
      await scopedRead(principal, actor, p.list, caseId, {
        resource: 'evidence_list',
        resourceId: null,
        reason,
      });
      return repo.listOfCase(db, caseId, filter);
    },

    async get(
      principal: Principal,
      actor: Actor,
      caseId: string,
      evidenceId: string,
      reason: string | undefined,
    ) {
      await scopedCase(principal, p.read, caseId);
      const evidence = await findEvidence(caseId, evidenceId);
      await scopedRead(principal, actor, p.read, caseId, {
        resource: 'evidence',
        resourceId: evidenceId,
        reason,
      });
      return evidence;
    },

    /** The file's bytes; a stored blob that is missing or of another size is an integrity fault. */
    async openContent(
      principal: Principal,
      actor: Actor,
      caseId: string,
      evidenceId: string,
      read: { range: string | undefined; reason: string | undefined },
    ): Promise<EvidenceContent> {
      await scopedCase(principal, p.download, caseId);
      const evidence = await findEvidence(caseId, evidenceId);
      const { sm3, size, contentType, originalName } = evidence;
      if (sm3 === null || size === null || contentType === null || originalName === null) {
        throw new AppError('EVIDENCE_HAS_NO_FILE');
      }
      const tombstone = await disposalRepository.tombstoneOf(db, evidenceId);
      if (tombstone) {
        throw new AppError('EVIDENCE_DISPOSED', {
          details: { registerNo: Number(tombstone.register_no) },
        });
      }
      const stat = await blobs.stat(sm3);
      if (stat?.size !== size) throw new AppError('EVIDENCE_BLOB_UNAVAILABLE');
      const range = parseRange(read.range, size);
      await scopedRead(principal, actor, p.download, caseId, {
        resource: 'evidence_content',
        resourceId: evidenceId,
        reason: read.reason,
      });
      return {
        evidence: { ...evidence, sm3, size, contentType, originalName },
        range,
        open: () => blobs.openRead(sm3, range),
      };
    },

    async recordExemption(
      principal: Principal,
      actor: Actor,
      caseId: string,
      body: AvExemptionBody,
    ): Promise<Evidence> {
      const target = await scopedCase(principal, p.recordExemption, caseId);
      const issues = exemptionTimeIssues(body, new Date());
      if (issues.length > 0) throw refuseAv(issues);
      // A profile that names its exemptions allows only those; a silent one leaves it to the
      // officer's stated reason (the vocabulary still bounds what can be said).
      const rules = await getEffectiveRules(db, target.agencyId, ctx.config.PROFILE);
      const allowed = rules.av.exemptions.effective.map((e) => e.code);
      if (allowed.length > 0 && !allowed.includes(body.reason)) {
        throw new AppError('AV_EXEMPTION_NOT_RECOGNISED', { details: { allowed } });
      }
      await requireAgencyOfficers(db, target.agencyId, body.officerIds);
      const id = randomUUID();
      await db.transaction().execute((trx) =>
        recordEvidence(trx, actor, {
          id,
          caseId,
          agencyId: target.agencyId,
          step: body.step,
          kind: body.kind,
          file: null,
          uploadId: null,
          uploadedBy: principal.userId,
          recordedAt: new Date(body.occurredAt),
          uploadDueAt: null,
          av: {
            act: body.act ?? null,
            device: null,
            officerIds: body.officerIds,
            startedAt: null,
            endedAt: null,
            place: body.place,
            isPartyNotified: null,
            isContinuous: null,
            interruptions: [],
            exemptionReason: body.reason,
            exemptionExplanation: body.explanation,
          },
        }),
      );
      return findEvidence(caseId, id);
    },
  };
}
