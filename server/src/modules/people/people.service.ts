// People who act for an agency: officers with credentials, reviewers with qualifications, heads,
// archivists. Every change is one transaction with its change record.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { chinaToday } from '../../shared/dates.ts';
import { AppError } from '../../shared/errors.ts';
import { requireAgencyScope, type Actor, type Principal } from '../../shared/policy.ts';
import { appendLedgerEntry } from '../ledger/ledger.repository.ts';
import { findUnitAgency } from '../org/org.repository.ts';
import { requireAgencyTarget } from '../org/org.service.ts';
import { peoplePolicies } from './people.policy.ts';
import { peopleRepository as repo } from './people.repository.ts';
import type {
  CreateCredentialInput,
  CreatePersonInput,
  CreateQualificationInput,
  PersonView,
  UpdateCredentialInput,
  UpdatePersonInput,
} from './people.schemas.ts';

export const PHOTO_MAX_BYTES = 512 * 1024;

/** The image type from the bytes themselves; a file name or header can lie. */
export function sniffPhotoType(bytes: Uint8Array): 'image/jpeg' | 'image/png' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((b, i) => bytes[i] === b)) return 'image/png';
  return undefined;
}

export function createPeopleService(db: Kysely<Database>) {
  async function scoped(
    principal: Principal,
    policy: keyof typeof peoplePolicies,
    agencyId: string,
  ) {
    requireAgencyScope(principal, peoplePolicies[policy], await requireAgencyTarget(db, agencyId));
  }

  async function requirePerson(id: string): Promise<PersonView> {
    const person = await repo.findPerson(db, id, chinaToday());
    if (!person) throw new AppError('NOT_FOUND', { message: '人员不存在' });
    return person;
  }

  async function requireUnitOf(unitId: string, agencyId: string) {
    if ((await findUnitAgency(db, unitId)) !== agencyId) {
      throw new AppError('REFERENCE_INVALID', { message: '内设机构不存在或不属于本执法主体' });
    }
  }

  async function requireLawAreasOfAgency(agencyId: string, lawAreas: readonly string[]) {
    const allowed = await repo.findAgencyLawAreas(db, agencyId);
    const outside = lawAreas.filter((a) => !allowed.includes(a));
    if (outside.length > 0) {
      throw new AppError('LAW_AREA_NOT_IN_AGENCY', {
        message: `执法领域“${outside.join('、')}”不在所属执法主体的职权范围内`,
        details: { outside, allowed },
      });
    }
  }

  return {
    async listPeople(
      principal: Principal,
      agencyId: string,
      filter: { q?: string; withCredential?: boolean },
    ) {
      await scoped(principal, 'listPeople', agencyId);
      return repo.listPeople(db, agencyId, filter, chinaToday());
    },

    async getPerson(principal: Principal, id: string) {
      const person = await requirePerson(id);
      await scoped(principal, 'readPerson', person.agencyId);
      return person;
    },

    async createPerson(
      principal: Principal,
      actor: Actor,
      agencyId: string,
      input: CreatePersonInput,
    ) {
      await scoped(principal, 'createPerson', agencyId);
      if (input.unitId) await requireUnitOf(input.unitId, agencyId);
      const id = await db.transaction().execute(async (trx) => {
        const personId = await repo.insertPerson(trx, agencyId, input);
        await appendLedgerEntry(trx, actor, {
          kind: 'people.person.created',
          subjectType: 'person',
          subjectId: personId,
          agencyId,
          // The change record keeps the masked number only: the ledger is read widely.
          payload: { ...input, idCardNo: input.idCardNo ? `${input.idCardNo.slice(0, 6)}…` : null },
        });
        return personId;
      });
      return requirePerson(id);
    },

    async updatePerson(principal: Principal, actor: Actor, id: string, patch: UpdatePersonInput) {
      const person = await requirePerson(id);
      await scoped(principal, 'updatePerson', person.agencyId);
      if (patch.unitId) await requireUnitOf(patch.unitId, person.agencyId);
      await db.transaction().execute(async (trx) => {
        await repo.updatePerson(trx, id, {
          ...(patch.unitId !== undefined && { unit_id: patch.unitId }),
          ...(patch.name !== undefined && { name: patch.name }),
          ...(patch.phone !== undefined && { phone: patch.phone }),
          ...(patch.position !== undefined && { position: patch.position }),
          ...(patch.isActive !== undefined && { is_active: patch.isActive }),
        });
        await appendLedgerEntry(trx, actor, {
          kind: 'people.person.updated',
          subjectType: 'person',
          subjectId: id,
          agencyId: person.agencyId,
          payload: { ...patch },
        });
      });
      return requirePerson(id);
    },

    async setPhoto(principal: Principal, actor: Actor, id: string, bytes: Uint8Array) {
      const person = await requirePerson(id);
      await scoped(principal, 'updatePhoto', person.agencyId);
      const type = sniffPhotoType(bytes);
      if (!type) throw new AppError('PHOTO_INVALID');
      await db.transaction().execute(async (trx) => {
        await repo.setPhoto(trx, id, bytes, type);
        await appendLedgerEntry(trx, actor, {
          kind: 'people.photo.updated',
          subjectType: 'person',
          subjectId: id,
          agencyId: person.agencyId,
          payload: { type, bytes: bytes.byteLength },
        });
      });
    },

    async getPhoto(principal: Principal, id: string) {
      const row = await repo.findPhoto(db, id);
      if (!row) throw new AppError('NOT_FOUND', { message: '人员不存在' });
      await scoped(principal, 'readPhoto', row.agency_id);
      if (!row.photo || !row.photo_type) throw new AppError('NOT_FOUND', { message: '未上传照片' });
      return { bytes: row.photo, type: row.photo_type };
    },

    async addCredential(
      principal: Principal,
      actor: Actor,
      personId: string,
      input: CreateCredentialInput,
    ) {
      const person = await requirePerson(personId);
      await scoped(principal, 'createCredential', person.agencyId);
      if (input.expiresOn < input.issuedOn) throw new AppError('INVALID_DATE_RANGE');
      await requireLawAreasOfAgency(person.agencyId, input.lawAreas);
      return db.transaction().execute(async (trx) => {
        const credential = await repo.insertCredential(trx, personId, input, chinaToday());
        await appendLedgerEntry(trx, actor, {
          kind: 'people.credential.issued',
          subjectType: 'credential',
          subjectId: credential.id,
          agencyId: person.agencyId,
          payload: { personId, ...input },
        });
        return credential;
      });
    },

    async updateCredential(
      principal: Principal,
      actor: Actor,
      id: string,
      patch: UpdateCredentialInput,
    ) {
      const today = chinaToday();
      const found = await repo.findCredential(db, id, today);
      if (!found) throw new AppError('NOT_FOUND', { message: '执法证不存在' });
      await scoped(principal, 'updateCredential', found.agencyId);
      if (patch.expiresOn !== undefined && patch.expiresOn < found.credential.issuedOn) {
        throw new AppError('INVALID_DATE_RANGE');
      }
      if (patch.lawAreas) await requireLawAreasOfAgency(found.agencyId, patch.lawAreas);
      return db.transaction().execute(async (trx) => {
        const credential = await repo.updateCredential(
          trx,
          id,
          {
            ...(patch.status !== undefined && {
              status: patch.status,
              status_reason: patch.reason,
            }),
            ...(patch.expiresOn !== undefined && { expires_on: patch.expiresOn }),
            ...(patch.lawAreas !== undefined && { law_areas: patch.lawAreas }),
          },
          today,
        );
        await appendLedgerEntry(trx, actor, {
          kind: 'people.credential.updated',
          subjectType: 'credential',
          subjectId: id,
          agencyId: found.agencyId,
          payload: { ...patch, before: found.credential },
        });
        return credential;
      });
    },

    async addQualification(
      principal: Principal,
      actor: Actor,
      personId: string,
      input: CreateQualificationInput,
    ) {
      const person = await requirePerson(personId);
      await scoped(principal, 'createQualification', person.agencyId);
      if (input.obtainedOn > chinaToday()) {
        throw new AppError('VALIDATION_FAILED', { message: '取得资格的日期不能晚于今天' });
      }
      return db.transaction().execute(async (trx) => {
        const qualification = await repo.insertQualification(trx, personId, input);
        await appendLedgerEntry(trx, actor, {
          kind: 'people.qualification.added',
          subjectType: 'qualification',
          subjectId: qualification.id,
          agencyId: person.agencyId,
          payload: { personId, ...input },
        });
        return qualification;
      });
    },
  };
}
