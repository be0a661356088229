// Guards shared by the workflows. Each returns a refusal with a stable code, or nothing. Every
// number the law sets is read from the effective rules (statute section: 《行政处罚法》).
import { evidenceRepository, type Evidence } from '../evidence/evidence.repository.ts';
import type { AvEntry } from '../profile/profile.values.ts';
import type { AvAct } from '../profile/profile.vocabulary.ts';
import type { Guard, GuardContext, Refusal } from './workflow.ts';

function refuse(code: Refusal['code'], message?: string, details?: unknown): Refusal {
  return { code, ...(message ? { message } : {}), ...(details === undefined ? {} : { details }) };
}

/**
 * At least the statutory number of officers (art.42: two), each with a valid, unexpired
 * enforcement credential whose law areas cover the power, each having declared recusal
 * (art.43).
 */
export const officersQualified: Guard = ({ snapshot, rules, today }) => {
  const required = Number(rules.statute.officersRequired.effective);
  const valid = snapshot.officers.filter(
    (o) => o.credentialStatus === 'valid' && o.credentialExpiresOn >= today,
  );
  if (valid.length < required) {
    return refuse('OFFICERS_INSUFFICIENT', `须有至少 ${required} 名持有效执法证的执法人员`, {
      required,
      valid: valid.map((o) => o.name),
    });
  }
  if (snapshot.powerLawAreas.length > 0) {
    const outside = valid.filter(
      (o) => !snapshot.powerLawAreas.some((a) => o.lawAreas.includes(a)),
    );
    if (outside.length > 0) {
      return refuse(
        'OFFICER_LAW_AREA_MISMATCH',
        `执法人员${outside.map((o) => o.name).join('、')}的执法证领域不包含本事项（${snapshot.powerLawAreas.join('、')}）`,
      );
    }
  }
  const undeclared = snapshot.officers.filter((o) => o.recusalDeclaredAt === null);
  if (undeclared.length > 0) {
    return refuse(
      'RECUSAL_NOT_DECLARED',
      `执法人员${undeclared.map((o) => o.name).join('、')}尚未作出回避声明`,
    );
  }
  return undefined;
};

export const hasParty: Guard = ({ snapshot }) =>
  snapshot.parties.length > 0 ? undefined : refuse('PARTY_REQUIRED');

export const hasPower: Guard = ({ snapshot }) =>
  snapshot.powerId ? undefined : refuse('POWER_REQUIRED');

export function detailOf<T>(ctx: GuardContext, key: string): T | undefined {
  return ctx.snapshot.details[key] as T | undefined;
}

/** Whether an evidence row is an audio/video record (or its exemption) of the act at this step. */
function recordsAct(e: Evidence, acts: readonly AvAct[], step: string): boolean {
  if (e.kind !== 'audio' && e.kind !== 'video') return false;
  // A record that names its act is matched by the act, wherever it was filed; one that does not,
  // by the step it was filed under.
  const act = e.av?.act;
  return act ? (acts as readonly string[]).includes(act) : e.step === step;
}

function avRefusal(required: readonly AvEntry[], step: string): Refusal {
  const labels = required.map((e) => e.label).join('、');
  return refuse(
    'AV_RECORD_REQUIRED',
    `${labels}应当全程音像记录：请先上传音像记录（执法行为选择“${required[0]?.label ?? ''}”），或登记未作音像记录的理由`,
    { step, acts: required.map((e) => e.code) },
  );
}

/**
 * Audio/video the profile requires for an act (rules.av.alwaysRecord, e.g. 查封扣押、强制拆除、
 * 现场检查): the case has an evidence row of kind audio or video for it — a recording, or the
 * recorded exemption (the same row without a file, with a reason the profile recognises).
 * `act` may name several codes, since profiles word the same act differently (查封扣押财产 in
 * the national guideline, 查封 and 扣押 in 薛城区).
 */
export function avRecorded(act: AvAct | readonly AvAct[], step: string): Guard {
  const acts: readonly AvAct[] = typeof act === 'string' ? [act] : act;
  return async ({ trx, snapshot, rules }) => {
    const required = rules.av.alwaysRecord.effective.filter((e) => acts.includes(e.code));
    if (required.length === 0) return undefined;
    const evidence = await evidenceRepository.listOfCase(trx, snapshot.id, {});
    return evidence.some((e) => recordsAct(e, acts, step)) ? undefined : avRefusal(required, step);
  };
}

/**
 * For acts done again and again on one case (each 现场检查 with its 笔录): the audio/video record
 * of this occurrence, one not yet linked to an earlier one (`claimed`). Returns its evidence id,
 * or null when there is none; `required` tells whether the profile requires one at all.
 */
export async function unclaimedAvRecord(
  ctx: GuardContext,
  acts: readonly AvAct[],
  step: string,
  claimed: readonly string[],
): Promise<{ evidenceId: string | null; required: AvEntry[] }> {
  const required = ctx.rules.av.alwaysRecord.effective.filter((e) => acts.includes(e.code));
  const evidence = await evidenceRepository.listOfCase(ctx.trx, ctx.snapshot.id, {});
  const found = evidence.find((e) => recordsAct(e, acts, step) && !claimed.includes(e.id));
  return { evidenceId: found?.id ?? null, required };
}

/** The guard over unclaimedAvRecord: refuses when the profile requires a record and none is left. */
export function avRecordedEach(
  actsOf: (ctx: GuardContext) => readonly AvAct[],
  step: string,
  claimedOf: (ctx: GuardContext) => readonly string[],
): Guard {
  return async (ctx) => {
    const { evidenceId, required } = await unclaimedAvRecord(
      ctx,
      actsOf(ctx),
      step,
      claimedOf(ctx),
    );
    return required.length > 0 && !evidenceId ? avRefusal(required, step) : undefined;
  };
}
