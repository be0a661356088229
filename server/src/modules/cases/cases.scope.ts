// Where a case lives, for scope checks by every module that attaches records to cases
// (evidence, documents, review, disclosure).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import type { AgencyTarget } from '../../shared/policy.ts';

export interface CaseTarget extends AgencyTarget {
  caseId: string;
  state: string;
  kind: string;
  handlingUnitId: string | null;
}

export async function findCaseTarget(
  db: Kysely<Database> | Transaction<Database>,
  caseId: string,
): Promise<CaseTarget | undefined> {
  const row = await db
    .selectFrom('cases')
    .innerJoin('agencies', 'agencies.id', 'cases.agency_id')
    .innerJoin('regions', 'regions.id', 'agencies.region_id')
    .select([
      'cases.id',
      'cases.agency_id',
      'cases.state',
      'cases.kind',
      'cases.handling_unit_id',
      'regions.path',
    ])
    .where('cases.id', '=', caseId)
    .executeTakeFirst();
  return row
    ? {
        caseId: row.id,
        agencyId: row.agency_id,
        regionPath: row.path,
        state: row.state,
        kind: row.kind,
        handlingUnitId: row.handling_unit_id,
      }
    : undefined;
}

export async function requireCaseTarget(
  db: Kysely<Database> | Transaction<Database>,
  caseId: string,
): Promise<CaseTarget> {
  const target = await findCaseTarget(db, caseId);
  if (!target) throw new AppError('CASE_NOT_FOUND');
  return target;
}
