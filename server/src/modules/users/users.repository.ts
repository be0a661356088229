import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ListScope } from '../../shared/policy.ts';
import type { RoleGrantInput, UserView } from './users.schemas.ts';

type Db = Kysely<Database> | Transaction<Database>;

async function withRoles(
  db: Db,
  users: {
    id: string;
    username: string;
    display_name: string;
    person_id: string | null;
    is_active: boolean;
  }[],
): Promise<UserView[]> {
  if (users.length === 0) return [];
  const grants = await db
    .selectFrom('user_roles')
    .select(['user_id', 'role', 'agency_id', 'region_id'])
    .where(
      'user_id',
      'in',
      users.map((u) => u.id),
    )
    .orderBy('created_at')
    .execute();
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    personId: u.person_id,
    isActive: u.is_active,
    roles: grants
      .filter((g) => g.user_id === u.id)
      .map((g) => ({ role: g.role, agencyId: g.agency_id, regionId: g.region_id })),
  }));
}

const userColumns = [
  'users.id',
  'users.username',
  'users.display_name',
  'users.person_id',
  'users.is_active',
] as const;

export const usersRepository = {
  /** Users holding at least one grant inside the scope (or every user for a global scope). */
  async listUsers(db: Db, scope: ListScope): Promise<UserView[]> {
    let query = db.selectFrom('users').select(userColumns);
    if (!scope.all) {
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('user_roles')
            .leftJoin('agencies', 'agencies.id', 'user_roles.agency_id')
            .leftJoin('regions as agency_region', 'agency_region.id', 'agencies.region_id')
            .leftJoin('regions as grant_region', 'grant_region.id', 'user_roles.region_id')
            .select(sql`1`.as('x'))
            .whereRef('user_roles.user_id', '=', 'users.id')
            .where((inner) =>
              inner.or([
                eb.val(false),
                ...scope.regionPaths.flatMap((path) => [
                  inner('agency_region.path', 'like', `${path}%`),
                  inner('grant_region.path', 'like', `${path}%`),
                ]),
              ]),
            ),
        ),
      );
    }
    return withRoles(db, await query.orderBy('users.username').execute());
  },

  async findUser(db: Db, id: string): Promise<UserView | undefined> {
    const row = await db
      .selectFrom('users')
      .select(userColumns)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? (await withRoles(db, [row]))[0] : undefined;
  },

  async insertUser(
    db: Db,
    input: { username: string; displayName: string; passwordHash: string; personId: string | null },
  ): Promise<string> {
    const row = await db
      .insertInto('users')
      .values({
        username: input.username,
        display_name: input.displayName,
        password_hash: input.passwordHash,
        person_id: input.personId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async updateUser(
    db: Db,
    id: string,
    patch: { display_name?: string; is_active?: boolean; password_hash?: string },
  ): Promise<void> {
    await db
      .updateTable('users')
      .set({ ...patch, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  },

  async replaceRoles(db: Db, userId: string, roles: readonly RoleGrantInput[]): Promise<void> {
    await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
    await db
      .insertInto('user_roles')
      .values(
        roles.map((r) => ({
          user_id: userId,
          role: r.role,
          agency_id: r.agencyId,
          region_id: r.regionId,
        })),
      )
      .execute();
  },

  async deleteSessions(db: Db, userId: string): Promise<void> {
    await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  },

  async findPersonForRole(db: Db, personId: string) {
    const row = await db
      .selectFrom('people')
      .select([
        'people.agency_id',
        sql<boolean>`exists (select 1 from credentials c where c.person_id = people.id and c.kind = 'enforcement')`.as(
          'has_credential',
        ),
      ])
      .where('people.id', '=', personId)
      .executeTakeFirst();
    return row ? { agencyId: row.agency_id, hasCredential: row.has_credential } : undefined;
  },

  async findRegionPath(db: Db, regionId: string): Promise<string | undefined> {
    const row = await db
      .selectFrom('regions')
      .select('path')
      .where('id', '=', regionId)
      .executeTakeFirst();
    return row?.path;
  },
};
