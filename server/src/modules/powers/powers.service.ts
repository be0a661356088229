// Rules and scope of the powers catalogue: who may read or change which agency's powers and
// random-check items, and what they must contain. Every change commits with one ledger entry in
// the same transaction. The bulk import lives in powers.importer.ts.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import {
  requireAgencyScope,
  type Actor,
  type Principal,
  type RoutePolicy,
} from '../../shared/policy.ts';
import { appendLedgerEntry } from '../ledger/ledger.repository.ts';
import { powersPolicies } from './powers.policy.ts';
import { findUnitAgency } from '../org/org.repository.ts';
import { requireAgencyTarget } from '../org/org.service.ts';
import * as repo from './powers.repository.ts';
import {
  powerContentIssues,
  powerContentOf,
  randomCheckContentOf,
  type PowerContent,
} from './powers.rules.ts';
import type {
  PowerCreateBody,
  PowerListQuery,
  PowerUpdateBody,
  RandomCheckCreateBody,
  RandomCheckListQuery,
  RandomCheckUpdateBody,
} from './powers.schemas.ts';

export function createPowersService(db: Kysely<Database>) {
  async function agencyInScope(principal: Principal, policy: RoutePolicy, agencyId: string) {
    const target = await requireAgencyTarget(db, agencyId);
    requireAgencyScope(principal, policy, target);
    return target;
  }

  async function requireInScope<T extends { agencyId: string }>(
    principal: Principal,
    policy: RoutePolicy,
    record: T | undefined,
    missing: string,
  ): Promise<T> {
    if (!record) throw new AppError('NOT_FOUND', { message: missing });
    requireAgencyScope(principal, policy, await requireAgencyTarget(db, record.agencyId));
    return record;
  }

  async function checkPowerContent(
    executor: Kysely<Database>,
    agencyId: string,
    content: PowerContent,
  ) {
    if (content.handlingUnitId) {
      const unitAgency = await findUnitAgency(executor, content.handlingUnitId);
      if (unitAgency !== agencyId) {
        throw new AppError('REFERENCE_INVALID', { message: '承办机构不是该执法主体的内设机构' });
      }
    }
    const issues = powerContentIssues(content);
    if (issues.length > 0) {
      const summary = issues.map((i) => i.reason).join('；');
      throw new AppError('POWER_INVALID', {
        message: `权力事项内容不符合要求：${summary}`,
        details: issues,
      });
    }
  }

  async function resolveRandomCheckPower(
    executor: Kysely<Database>,
    agencyId: string,
    powerId: string | null | undefined,
  ): Promise<string | null> {
    if (!powerId) return null;
    const power = await repo.findPower(executor, powerId);
    if (!power || power.agencyId !== agencyId || power.status !== 'active') {
      throw new AppError('REFERENCE_INVALID', {
        message: '对应的权力事项不存在、不属于该执法主体或已废止',
      });
    }
    return power.id;
  }

  return {
    async listPowers(principal: Principal, agencyId: string, query: PowerListQuery) {
      await agencyInScope(principal, powersPolicies.read, agencyId);
      return repo.listPowers(db, agencyId, {
        category: query.category,
        status: query.status,
        q: query.q,
        page: query.page ?? 1,
        pageSize: query.pageSize ?? 50,
      });
    },

    async getPower(principal: Principal, id: string) {
      return requireInScope(
        principal,
        powersPolicies.read,
        await repo.findPower(db, id),
        '权力事项不存在',
      );
    },

    async createPower(principal: Principal, actor: Actor, agencyId: string, body: PowerCreateBody) {
      await agencyInScope(principal, powersPolicies.write, agencyId);
      const content = powerContentOf(body);
      return db.transaction().execute(async (trx) => {
        await checkPowerContent(trx, agencyId, content);
        if (await repo.powerCodeExists(trx, agencyId, body.code)) {
          throw new AppError('POWER_CODE_TAKEN');
        }
        const id = await repo.insertPower(trx, agencyId, body.code, content);
        await appendLedgerEntry(trx, actor, {
          kind: 'powers.power.created',
          subjectType: 'power',
          subjectId: id,
          agencyId,
          payload: { code: body.code, version: 1, ...content },
        });
        return (await repo.findPower(trx, id)) as repo.Power;
      });
    },

    async updatePower(principal: Principal, actor: Actor, id: string, body: PowerUpdateBody) {
      await requireInScope(
        principal,
        powersPolicies.write,
        await repo.findPower(db, id),
        '权力事项不存在',
      );
      const content = powerContentOf(body);
      return db.transaction().execute(async (trx) => {
        const power = (await repo.lockPower(trx, id)) as repo.Power;
        if (power.status === 'repealed') throw new AppError('POWER_REPEALED');
        assertExpectedVersion(power.version, body.expectedVersion);
        await checkPowerContent(trx, power.agencyId, content);
        const version = await repo.updatePower(trx, id, content);
        await appendLedgerEntry(trx, actor, {
          kind: 'powers.power.updated',
          subjectType: 'power',
          subjectId: id,
          agencyId: power.agencyId,
          payload: { code: power.code, version, ...content },
        });
        return (await repo.findPower(trx, id)) as repo.Power;
      });
    },

    async repealPower(principal: Principal, actor: Actor, id: string, reason: string) {
      await requireInScope(
        principal,
        powersPolicies.write,
        await repo.findPower(db, id),
        '权力事项不存在',
      );
      return db.transaction().execute(async (trx) => {
        const power = (await repo.lockPower(trx, id)) as repo.Power;
        if (power.status === 'repealed') throw new AppError('POWER_REPEALED');
        await repo.repealPower(trx, id, reason);
        await appendLedgerEntry(trx, actor, {
          kind: 'powers.power.repealed',
          subjectType: 'power',
          subjectId: id,
          agencyId: power.agencyId,
          payload: { code: power.code, version: power.version + 1, reason },
        });
        return (await repo.findPower(trx, id)) as repo.Power;
      });
    },

    async listRandomChecks(principal: Principal, agencyId: string, query: RandomCheckListQuery) {
      await agencyInScope(principal, powersPolicies.readRandomChecks, agencyId);
      return repo.listRandomChecks(db, agencyId, {
        status: query.status,
        powerId: query.powerId,
        q: query.q,
        page: query.page ?? 1,
        pageSize: query.pageSize ?? 50,
      });
    },

    async getRandomCheck(principal: Principal, id: string) {
      return requireInScope(
        principal,
        powersPolicies.readRandomChecks,
        await repo.findRandomCheck(db, id),
        '随机抽查事项不存在',
      );
    },

    async createRandomCheck(
      principal: Principal,
      actor: Actor,
      agencyId: string,
      body: RandomCheckCreateBody,
    ) {
      await agencyInScope(principal, powersPolicies.writeRandomChecks, agencyId);
      const content = randomCheckContentOf(body);
      return db.transaction().execute(async (trx) => {
        const powerId = await resolveRandomCheckPower(trx, agencyId, body.powerId);
        if (await repo.randomCheckCodeExists(trx, agencyId, body.code)) {
          throw new AppError('RANDOM_CHECK_CODE_TAKEN');
        }
        const id = await repo.insertRandomCheck(trx, agencyId, body.code, content, powerId);
        await appendLedgerEntry(trx, actor, {
          kind: 'powers.randomCheckItem.created',
          subjectType: 'randomCheckItem',
          subjectId: id,
          agencyId,
          payload: { code: body.code, version: 1, powerId, ...content },
        });
        return (await repo.findRandomCheck(trx, id)) as repo.RandomCheckItem;
      });
    },

    async updateRandomCheck(
      principal: Principal,
      actor: Actor,
      id: string,
      body: RandomCheckUpdateBody,
    ) {
      await requireInScope(
        principal,
        powersPolicies.writeRandomChecks,
        await repo.findRandomCheck(db, id),
        '随机抽查事项不存在',
      );
      const content = randomCheckContentOf(body);
      return db.transaction().execute(async (trx) => {
        const item = (await repo.lockRandomCheck(trx, id)) as repo.RandomCheckItem;
        if (item.status === 'repealed') throw new AppError('RANDOM_CHECK_ITEM_REPEALED');
        assertExpectedVersion(item.version, body.expectedVersion);
        const powerId = await resolveRandomCheckPower(trx, item.agencyId, body.powerId);
        const version = await repo.updateRandomCheck(trx, id, content, powerId);
        await appendLedgerEntry(trx, actor, {
          kind: 'powers.randomCheckItem.updated',
          subjectType: 'randomCheckItem',
          subjectId: id,
          agencyId: item.agencyId,
          payload: { code: item.code, version, powerId, ...content },
        });
        return (await repo.findRandomCheck(trx, id)) as repo.RandomCheckItem;
      });
    },

    async repealRandomCheck(principal: Principal, actor: Actor, id: string, reason: string) {
      await requireInScope(
        principal,
        powersPolicies.writeRandomChecks,
        await repo.findRandomCheck(db, id),
        '随机抽查事项不存在',
      );
      return db.transaction().execute(async (trx) => {
        const item = (await repo.lockRandomCheck(trx, id)) as repo.RandomCheckItem;
        if (item.status === 'repealed') throw new AppError('RANDOM_CHECK_ITEM_REPEALED');
        await repo.repealRandomCheck(trx, id, reason);
        await appendLedgerEntry(trx, actor, {
          kind: 'powers.randomCheckItem.repealed',
          subjectType: 'randomCheckItem',
          subjectId: id,
          agencyId: item.agencyId,
          payload: { code: item.code, version: item.version + 1, reason },
        });
        return (await repo.findRandomCheck(trx, id)) as repo.RandomCheckItem;
      });
    },
  };
}

export type PowersService = ReturnType<typeof createPowersService>;

function assertExpectedVersion(current: number, expected: number | undefined): void {
  if (expected !== undefined && expected !== current) {
    throw new AppError('CONFLICT', {
      message: `该事项已被修改（当前版本 ${current}），请刷新后重试`,
      details: { currentVersion: current },
    });
  }
}
