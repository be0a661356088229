// Accounts and their role grants. A grant is only as wide as the administrator who gives it, and
// agency roles are tied to a person of that agency (an officer to one holding a credential), so
// that "who did this" always leads to a real, accountable person.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import {
  listScope,
  requireAgencyScope,
  requireRegionScope,
  type Actor,
  type Principal,
  type RoutePolicy,
} from '../../shared/policy.ts';
import { hashPassword } from '../auth/auth.service.ts';
import { appendLedgerEntry } from '../ledger/ledger.repository.ts';
import { requireAgencyTarget } from '../org/org.service.ts';
import { usersPolicies } from './users.policy.ts';
import { usersRepository as repo } from './users.repository.ts';
import type {
  CreateUserInput,
  RoleGrantInput,
  UpdateUserInput,
  UserView,
} from './users.schemas.ts';

const AGENCY_ROLES = new Set(['officer', 'reviewer', 'head', 'archivist']);

/** At least 10 characters from at least three of: upper, lower, digit, symbol. */
export function isStrongPassword(password: string): boolean {
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password));
  return password.length >= 10 && classes.length >= 3;
}

export function createUsersService(db: Kysely<Database>) {
  async function requireUser(id: string): Promise<UserView> {
    const user = await repo.findUser(db, id);
    if (!user) throw new AppError('NOT_FOUND', { message: '用户不存在' });
    return user;
  }

  /** The acting administrator must cover every grant of the user they manage. */
  async function requireGrantsInScope(
    principal: Principal,
    policy: RoutePolicy,
    roles: UserView['roles'],
  ) {
    for (const grant of roles) {
      if (grant.agencyId) {
        requireAgencyScope(principal, policy, await requireAgencyTarget(db, grant.agencyId));
      } else {
        const path = grant.regionId ? await repo.findRegionPath(db, grant.regionId) : '/';
        if (!path) throw new AppError('REFERENCE_INVALID', { message: '行政区划不存在' });
        requireRegionScope(principal, policy, path);
      }
    }
  }

  async function validateGrants(roles: readonly RoleGrantInput[], personId: string | null) {
    const person = personId ? await repo.findPersonForRole(db, personId) : undefined;
    if (personId && !person)
      throw new AppError('REFERENCE_INVALID', { message: '关联的人员不存在' });
    for (const grant of roles) {
      const isAgencyRole = AGENCY_ROLES.has(grant.role);
      const isScopeRight = isAgencyRole
        ? grant.agencyId !== null && grant.regionId === null
        : grant.role === 'supervisor'
          ? grant.agencyId === null && grant.regionId !== null
          : grant.agencyId === null;
      if (!isScopeRight) {
        throw new AppError('ROLE_SCOPE_INVALID', {
          message: isAgencyRole
            ? '执法人员、审核人员、负责人、档案管理人员须指定所属执法主体'
            : '监督人员须指定监督的行政区划；管理员不得绑定执法主体',
          details: grant,
        });
      }
      if (isAgencyRole && person?.agencyId !== grant.agencyId)
        throw new AppError('PERSON_REQUIRED');
      if (grant.role === 'officer' && !person?.hasCredential)
        throw new AppError('CREDENTIAL_REQUIRED');
    }
  }

  return {
    listUsers(principal: Principal) {
      return repo.listUsers(db, listScope(principal, usersPolicies.listUsers));
    },

    async createUser(
      principal: Principal,
      actor: Actor,
      input: CreateUserInput,
    ): Promise<UserView> {
      await validateGrants(input.roles, input.personId);
      await requireGrantsInScope(principal, usersPolicies.createUser, input.roles);
      if (!isStrongPassword(input.password)) throw new AppError('WEAK_PASSWORD');
      const passwordHash = await hashPassword(input.password);
      const id = await db.transaction().execute(async (trx) => {
        const userId = await repo.insertUser(trx, { ...input, passwordHash });
        await repo.replaceRoles(trx, userId, input.roles);
        await appendLedgerEntry(trx, actor, {
          kind: 'users.user.created',
          subjectType: 'user',
          subjectId: userId,
          payload: { username: input.username, personId: input.personId, roles: input.roles },
        });
        return userId;
      });
      return requireUser(id);
    },

    async updateUser(principal: Principal, actor: Actor, id: string, patch: UpdateUserInput) {
      const user = await requireUser(id);
      await requireGrantsInScope(principal, usersPolicies.updateUser, user.roles);
      await db.transaction().execute(async (trx) => {
        await repo.updateUser(trx, id, {
          ...(patch.displayName !== undefined && { display_name: patch.displayName }),
          ...(patch.isActive !== undefined && { is_active: patch.isActive }),
        });
        // A disabled account loses its open sessions at once.
        if (patch.isActive === false) await repo.deleteSessions(trx, id);
        await appendLedgerEntry(trx, actor, {
          kind: 'users.user.updated',
          subjectType: 'user',
          subjectId: id,
          payload: { ...patch },
        });
      });
      return requireUser(id);
    },

    async setRoles(principal: Principal, actor: Actor, id: string, roles: RoleGrantInput[]) {
      const user = await requireUser(id);
      await requireGrantsInScope(principal, usersPolicies.setRoles, user.roles);
      await requireGrantsInScope(principal, usersPolicies.setRoles, roles);
      await validateGrants(roles, user.personId);
      await db.transaction().execute(async (trx) => {
        await repo.replaceRoles(trx, id, roles);
        await appendLedgerEntry(trx, actor, {
          kind: 'users.roles.set',
          subjectType: 'user',
          subjectId: id,
          payload: { before: user.roles, after: roles },
        });
      });
      return requireUser(id);
    },

    async setPassword(principal: Principal, actor: Actor, id: string, password: string) {
      const user = await requireUser(id);
      await requireGrantsInScope(principal, usersPolicies.setPassword, user.roles);
      if (!isStrongPassword(password)) throw new AppError('WEAK_PASSWORD');
      const passwordHash = await hashPassword(password);
      await db.transaction().execute(async (trx) => {
        await repo.updateUser(trx, id, { password_hash: passwordHash });
        await repo.deleteSessions(trx, id);
        await appendLedgerEntry(trx, actor, {
          kind: 'users.password.reset',
          subjectType: 'user',
          subjectId: id,
          payload: {},
        });
      });
    },
  };
}
