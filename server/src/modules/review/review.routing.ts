// Which body reviews a case (rules.review.body): the agency's legal unit (XC 附件3 第三条; SH
// 附件3 四), a unit other than the handling one where there is none (SH 四), a street office's 司法所
// (CY 第20项), and for decisions in a government's name the 司法局 (NC 14(1)). Where the profile's
// choice does not exist in the organisation, its fallback is tried, then (reading of N 四（十一）,
// "明确具体负责…的工作机构") the agency's legal unit; otherwise the submission is refused.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import type { EffectiveRules } from '../profile/profile.resolve.ts';
import { REVIEW_BODY_LABELS } from '../profile/profile.vocabulary.ts';
import type { DecisionFacts } from './review.catalog.ts';
import { reviewRepository as repo } from './review.repository.ts';

type Db = Kysely<Database>;
type BodyKind = keyof typeof REVIEW_BODY_LABELS;

export interface ReviewBodyChoice {
  kind: BodyKind;
  agencyId: string;
  unitId: string | null;
  name: string;
}

interface RouteInput {
  agencyId: string;
  handlingUnitId: string | null;
  /** A unit the agency designated (only where the profile lets any other unit review). */
  requestedUnitId: string | null;
  facts: DecisionFacts;
  rules: EffectiveRules;
}

async function resolveKind(
  db: Db,
  kind: BodyKind,
  input: RouteInput,
): Promise<ReviewBodyChoice | null> {
  const agency = await repo.agencyWithRegion(db, input.agencyId);
  if (!agency) return null;
  const units = await repo.unitsOf(db, input.agencyId);
  const unitOf = (unitKind: string) => units.find((u) => u.kind === unitKind);
  const inAgency = (u: { id: string; name: string } | undefined) =>
    u ? { kind, agencyId: agency.id, unitId: u.id, name: `${agency.name}${u.name}` } : null;
  switch (kind) {
    case 'legal_unit':
    case 'designated_unit':
      return inAgency(unitOf('legal'));
    case 'judicial_office':
      return inAgency(unitOf('judicial_office'));
    case 'unit_other_than_handling': {
      const requested = units.find((u) => u.id === input.requestedUnitId);
      const isOther =
        requested && requested.id !== input.handlingUnitId && requested.kind !== 'archive';
      return inAgency(isOther ? requested : undefined);
    }
    case 'justice_bureau': {
      const bureau = (await repo.justiceBureausAbove(db, agency.path))[0];
      if (!bureau) return null;
      const legal = (await repo.unitsOf(db, bureau.id)).find((u) => u.kind === 'legal');
      return {
        kind,
        agencyId: bureau.id,
        unitId: legal?.id ?? null,
        name: legal ? `${bureau.name}${legal.name}` : bureau.name,
      };
    }
  }
}

export async function routeReview(db: Db, input: RouteInput): Promise<ReviewBodyChoice> {
  const body = input.rules.review.body.effective ?? {
    primary: 'designated_unit',
    fallback: null,
    forGovernmentNameDecisions: null,
  };
  const order: BodyKind[] = [];
  if (input.facts.facts.in_government_name === true && body.forGovernmentNameDecisions) {
    order.push(body.forGovernmentNameDecisions);
  } else {
    order.push(body.primary);
    if (body.fallback) order.push(body.fallback);
    order.push('legal_unit');
  }
  for (const kind of order) {
    const choice = await resolveKind(db, kind, input);
    if (choice) return choice;
  }
  throw new AppError('REVIEW_BODY_NOT_FOUND', {
    message: `未找到负责本案法制审核的机构（本辖区规定：${order.map((k) => REVIEW_BODY_LABELS[k]).join('；或')}）`,
  });
}
