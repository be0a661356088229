// The rules an upload of a recording is held to: its officers belong to the case's agency, and
// it must reach the agency's storage within the profile's upload deadline (薛城区: 24 hours after
// the recording ends). The deadline opens when the upload is created — the moment the system
// learns that the recording exists — and is closed as met or missed when the evidence is
// recorded; a late upload is accepted and flagged, never refused.
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../../app.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import type { Actor } from '../../shared/policy.ts';
import type { CaseTarget } from '../cases/cases.scope.ts';
import {
  closeDeadline,
  listDeadlinesOfSubject,
  openDeadline,
} from '../deadlines/deadlines.service.ts';
import { getEffectiveRules } from '../profile/profile.service.ts';
import type { AvMetadata } from './evidence.av.ts';
import { evidenceRepository } from './evidence.repository.ts';

export const UPLOAD_DEADLINE_RULE = 'av.uploadDeadline';
export const UPLOAD_DEADLINE_KIND = 'evidence.av.upload';

export async function requireAgencyOfficers(
  db: Kysely<Database> | Transaction<Database>,
  agencyId: string,
  personIds: string[],
): Promise<void> {
  const found = await evidenceRepository.peopleOfAgency(db, agencyId, personIds);
  const strangers = personIds.filter((id) => !found.has(id));
  if (strangers.length > 0) {
    throw new AppError('AV_OFFICER_NOT_OF_AGENCY', { details: { personIds: strangers } });
  }
}

/** Opens the upload deadline when the agency's rules set one in hours; null otherwise. */
export async function openUploadDeadline(
  trx: Transaction<Database>,
  actor: Actor,
  ctx: Pick<AppContext, 'config'>,
  target: CaseTarget,
  uploadId: string,
  av: AvMetadata,
): Promise<string | null> {
  const rules = await getEffectiveRules(trx, target.agencyId, ctx.config.PROFILE);
  const limit = rules.av.uploadDeadline.effective;
  // "Promptly" and silent profiles set no computable time: nothing to open, nothing to flag.
  if (!limit || limit.mode !== 'within' || limit.unit !== 'hours') return null;
  const deadline = await openDeadline(trx, actor, {
    agencyId: target.agencyId,
    caseId: target.caseId,
    subjectType: 'upload',
    subjectId: uploadId,
    kind: UPLOAD_DEADLINE_KIND,
    ruleKey: UPLOAD_DEADLINE_RULE,
    unit: 'hours',
    amount: limit.amount,
    startAt: new Date(av.endedAt),
  });
  return deadline.id;
}

/** The due time of an upload's open deadline (null when none is open). */
export async function uploadDueAt(
  trx: Transaction<Database>,
  uploadId: string,
  deadlineId: string | null,
): Promise<{ dueAt: Date; deadlineId: string } | null> {
  if (!deadlineId) return null;
  const deadline = (await listDeadlinesOfSubject(trx, 'upload', uploadId)).find(
    (d) => d.id === deadlineId && d.status === 'open',
  );
  return deadline?.dueAt ? { dueAt: deadline.dueAt, deadlineId } : null;
}

export async function closeUploadDeadline(
  trx: Transaction<Database>,
  actor: Actor,
  deadlineId: string,
  isLate: boolean,
): Promise<void> {
  await closeDeadline(trx, actor, {
    deadlineId,
    status: isLate ? 'missed' : 'met',
    note: isLate ? '音像记录逾期上传（已接收并标记）' : null,
  });
}
