// Rules for the organisation tree: where an agency sits, who may change it, and that every change
// is recorded with its actor in the same transaction.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import {
  listScope,
  requireAgencyScope,
  requireRegionScope,
  type Actor,
  type AgencyTarget,
  type Principal,
} from '../../shared/policy.ts';
import { appendLedgerEntry } from '../ledger/ledger.repository.ts';
import { orgPolicies } from './org.policy.ts';
import { findAgencyTarget, orgRepository as repo } from './org.repository.ts';
import type {
  AgencyView,
  CreateAgencyInput,
  CreateEntrustmentInput,
  CreateUnitInput,
  REGION_LEVELS,
  RegionView,
  UpdateAgencyInput,
  UpdateEntrustmentInput,
  UpdateUnitInput,
} from './org.schemas.ts';

const LEVEL_DEPTH: Record<(typeof REGION_LEVELS)[number], number> = {
  province: 0,
  city: 1,
  district: 2,
  street: 3,
};

/** The agency's place for scope checks; NOT_FOUND when it does not exist. */
export async function requireAgencyTarget(
  db: Kysely<Database>,
  agencyId: string,
): Promise<AgencyTarget> {
  const target = await findAgencyTarget(db, agencyId);
  if (!target) throw new AppError('NOT_FOUND', { message: '执法主体不存在' });
  return target;
}

export function createOrgService(db: Kysely<Database>) {
  async function scopedAgency(principal: Principal, policy: keyof typeof orgPolicies, id: string) {
    const target = await requireAgencyTarget(db, id);
    requireAgencyScope(principal, orgPolicies[policy], target);
    return target;
  }

  return {
    listRegions: () => repo.listRegions(db),

    async createRegion(
      principal: Principal,
      actor: Actor,
      input: Omit<RegionView, 'id' | 'path'>,
    ): Promise<RegionView> {
      const parent = input.parentId ? await repo.findRegion(db, input.parentId) : undefined;
      if (input.parentId && !parent) {
        throw new AppError('REFERENCE_INVALID', { message: '上级行政区划不存在' });
      }
      if (parent && LEVEL_DEPTH[input.level] <= LEVEL_DEPTH[parent.level]) {
        throw new AppError('VALIDATION_FAILED', { message: '行政区划层级必须低于上级区划' });
      }
      const path = `${parent?.path ?? '/'}${input.code}/`;
      requireRegionScope(principal, orgPolicies.createRegion, path);
      return db.transaction().execute(async (trx) => {
        const region = await repo.insertRegion(trx, { ...input, path });
        await appendLedgerEntry(trx, actor, {
          kind: 'org.region.created',
          subjectType: 'region',
          subjectId: region.id,
          payload: { ...region },
        });
        return region;
      });
    },

    listAgencies(principal: Principal, filter: { regionId?: string; kind?: string }) {
      return repo.listAgencies(db, listScope(principal, orgPolicies.listAgencies), filter);
    },

    async getAgency(principal: Principal, id: string): Promise<AgencyView> {
      await scopedAgency(principal, 'readAgency', id);
      const agency = await repo.findAgency(db, id);
      if (!agency) throw new AppError('NOT_FOUND', { message: '执法主体不存在' });
      return agency;
    },

    async createAgency(
      principal: Principal,
      actor: Actor,
      input: CreateAgencyInput,
    ): Promise<AgencyView> {
      const region = await repo.findRegion(db, input.regionId);
      if (!region) throw new AppError('REFERENCE_INVALID', { message: '所属行政区划不存在' });
      requireRegionScope(principal, orgPolicies.createAgency, region.path);
      await requireRegionsExist(input.jurisdictionRegionIds);
      return db.transaction().execute(async (trx) => {
        const id = await repo.insertAgency(trx, input);
        await appendLedgerEntry(trx, actor, {
          kind: 'org.agency.created',
          subjectType: 'agency',
          subjectId: id,
          agencyId: id,
          payload: { ...input },
        });
        const agency = await repo.findAgency(trx, id);
        if (!agency) throw new Error('agency vanished inside its own transaction');
        return agency;
      });
    },

    async updateAgency(
      principal: Principal,
      actor: Actor,
      id: string,
      patch: UpdateAgencyInput,
    ): Promise<AgencyView> {
      await scopedAgency(principal, 'updateAgency', id);
      if (patch.jurisdictionRegionIds) await requireRegionsExist(patch.jurisdictionRegionIds);
      return db.transaction().execute(async (trx) => {
        await repo.updateAgency(trx, id, {
          ...(patch.name !== undefined && { name: patch.name }),
          ...(patch.shortName !== undefined && { short_name: patch.shortName }),
          ...(patch.lawAreas !== undefined && { law_areas: patch.lawAreas }),
          ...(patch.jurisdictionArea !== undefined && {
            jurisdiction_area: patch.jurisdictionArea,
          }),
          ...(patch.jurisdictionRegionIds !== undefined && {
            jurisdiction_region_ids: patch.jurisdictionRegionIds,
          }),
          ...(patch.address !== undefined && { address: patch.address }),
          ...(patch.postcode !== undefined && { postcode: patch.postcode }),
          ...(patch.phone !== undefined && { phone: patch.phone }),
          ...(patch.email !== undefined && { email: patch.email }),
          ...(patch.supervisionPhone !== undefined && {
            supervision_phone: patch.supervisionPhone,
          }),
          ...(patch.isActive !== undefined && { is_active: patch.isActive }),
        });
        await appendLedgerEntry(trx, actor, {
          kind: 'org.agency.updated',
          subjectType: 'agency',
          subjectId: id,
          agencyId: id,
          payload: { ...patch },
        });
        const agency = await repo.findAgency(trx, id);
        if (!agency) throw new AppError('NOT_FOUND');
        return agency;
      });
    },

    async listUnits(principal: Principal, agencyId: string) {
      await scopedAgency(principal, 'listUnits', agencyId);
      return repo.listUnits(db, agencyId);
    },

    async createUnit(principal: Principal, actor: Actor, agencyId: string, input: CreateUnitInput) {
      await scopedAgency(principal, 'createUnit', agencyId);
      if (input.parentUnitId) await requireUnitOfAgency(input.parentUnitId, agencyId);
      return db.transaction().execute(async (trx) => {
        const unit = await repo.insertUnit(trx, agencyId, input);
        await appendLedgerEntry(trx, actor, {
          kind: 'org.unit.created',
          subjectType: 'unit',
          subjectId: unit.id,
          agencyId,
          payload: { ...unit },
        });
        return unit;
      });
    },

    async updateUnit(principal: Principal, actor: Actor, unitId: string, patch: UpdateUnitInput) {
      const unit = await repo.findUnit(db, unitId);
      if (!unit) throw new AppError('NOT_FOUND', { message: '内设机构不存在' });
      await scopedAgency(principal, 'updateUnit', unit.agencyId);
      if (patch.parentUnitId) {
        await requireUnitOfAgency(patch.parentUnitId, unit.agencyId);
        const ancestors = await repo.unitAncestorIds(db, patch.parentUnitId);
        if (ancestors.includes(unitId)) throw new AppError('UNIT_CYCLE');
      }
      return db.transaction().execute(async (trx) => {
        const updated = await repo.updateUnit(trx, unitId, {
          ...(patch.parentUnitId !== undefined && { parent_unit_id: patch.parentUnitId }),
          ...(patch.name !== undefined && { name: patch.name }),
          ...(patch.kind !== undefined && { kind: patch.kind }),
          ...(patch.phone !== undefined && { phone: patch.phone }),
        });
        await appendLedgerEntry(trx, actor, {
          kind: 'org.unit.updated',
          subjectType: 'unit',
          subjectId: unitId,
          agencyId: unit.agencyId,
          payload: { ...patch },
        });
        return updated;
      });
    },

    async listEntrustments(principal: Principal, agencyId: string) {
      await scopedAgency(principal, 'listEntrustments', agencyId);
      return repo.listEntrustments(db, agencyId);
    },

    async createEntrustment(
      principal: Principal,
      actor: Actor,
      agencyId: string,
      input: CreateEntrustmentInput,
    ) {
      await scopedAgency(principal, 'createEntrustment', agencyId);
      if (input.endsOn < input.startsOn) throw new AppError('INVALID_DATE_RANGE');
      return db.transaction().execute(async (trx) => {
        const entrustment = await repo.insertEntrustment(trx, agencyId, input);
        await appendLedgerEntry(trx, actor, {
          kind: 'org.entrustment.created',
          subjectType: 'entrustment',
          subjectId: entrustment.id,
          agencyId,
          payload: { ...entrustment },
        });
        return entrustment;
      });
    },

    async updateEntrustment(
      principal: Principal,
      actor: Actor,
      id: string,
      patch: UpdateEntrustmentInput,
    ) {
      const current = await repo.findEntrustment(db, id);
      if (!current) throw new AppError('NOT_FOUND', { message: '委托执法记录不存在' });
      await scopedAgency(principal, 'updateEntrustment', current.agencyId);
      // An ended or revoked entrustment is history: reviving it would let the entrusted body act
      // on a closed record; a new entrustment is a new decision with its own 备案.
      if (current.status !== 'active') throw new AppError('ENTRUSTMENT_CLOSED');
      // A corrected start (the 委托书 was dated wrongly) must still precede the end it keeps.
      if ((patch.endsOn ?? current.endsOn) < (patch.startsOn ?? current.startsOn)) {
        throw new AppError('INVALID_DATE_RANGE');
      }
      return db.transaction().execute(async (trx) => {
        const updated = await repo.updateEntrustment(trx, id, {
          ...(patch.matters !== undefined && { matters: patch.matters }),
          ...(patch.legalBasis !== undefined && { legal_basis: patch.legalBasis }),
          ...(patch.terms !== undefined && { terms: patch.terms }),
          ...(patch.startsOn !== undefined && { starts_on: patch.startsOn }),
          ...(patch.endsOn !== undefined && { ends_on: patch.endsOn }),
          ...(patch.status !== undefined && { status: patch.status }),
        });
        await appendLedgerEntry(trx, actor, {
          kind: 'org.entrustment.updated',
          subjectType: 'entrustment',
          subjectId: id,
          agencyId: current.agencyId,
          payload: { ...patch },
        });
        return updated;
      });
    },
  };

  async function requireRegionsExist(ids: readonly string[]): Promise<void> {
    if ((await repo.countRegions(db, ids)) !== ids.length) {
      throw new AppError('REFERENCE_INVALID', { message: '管辖区域中有不存在的行政区划' });
    }
  }

  async function requireUnitOfAgency(unitId: string, agencyId: string): Promise<void> {
    const parent = await repo.findUnit(db, unitId);
    if (!parent || parent.agencyId !== agencyId) {
      throw new AppError('REFERENCE_INVALID', { message: '上级内设机构不存在或不属于本执法主体' });
    }
  }
}

export type OrgService = ReturnType<typeof createOrgService>;
