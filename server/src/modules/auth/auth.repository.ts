import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Principal } from '../../shared/policy.ts';

export interface StoredUser {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  isActive: boolean;
}

export function createAuthRepository(db: Kysely<Database>) {
  return {
    async findUserByUsername(username: string): Promise<StoredUser | undefined> {
      const row = await db
        .selectFrom('users')
        .select(['id', 'username', 'display_name', 'password_hash', 'is_active'])
        .where('username', '=', username)
        .executeTakeFirst();
      return row
        ? {
            id: row.id,
            username: row.username,
            displayName: row.display_name,
            passwordHash: row.password_hash,
            isActive: row.is_active,
          }
        : undefined;
    },

    /** Failed attempts inside the window and after the last success, by username and by IP. */
    async countRecentFailures(username: string, ip: string, since: Date) {
      const counts = await db
        .selectFrom('login_attempts')
        .select([
          sql<number>`count(*) filter (where username = ${username})::int`.as('byUser'),
          sql<number>`count(*) filter (where ip = ${ip})::int`.as('byIp'),
        ])
        .where('attempted_at', '>', since)
        .where('succeeded', '=', false)
        .where((eb) => eb.or([eb('username', '=', username), eb('ip', '=', ip)]))
        .where(
          'attempted_at',
          '>',
          sql<Date>`coalesce((select max(attempted_at) from login_attempts
            where username = ${username} and succeeded), '-infinity'::timestamptz)`,
        )
        .executeTakeFirstOrThrow();
      return counts;
    },

    async recordAttempt(username: string, ip: string, succeeded: boolean): Promise<void> {
      await db.insertInto('login_attempts').values({ username, ip, succeeded }).execute();
    },

    async createSession(input: {
      tokenHash: string;
      userId: string;
      expiresAt: Date;
      ip: string;
      userAgent: string | null;
    }): Promise<void> {
      await db
        .insertInto('sessions')
        .values({
          token_hash: input.tokenHash,
          user_id: input.userId,
          expires_at: input.expiresAt,
          ip: input.ip,
          user_agent: input.userAgent,
        })
        .execute();
    },

    async deleteSession(tokenHash: string): Promise<void> {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },

    async deleteExpiredSessions(now: Date): Promise<void> {
      await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
    },

    /** The principal behind a live session of an active user, with every role grant. */
    async findPrincipalBySession(tokenHash: string, now: Date): Promise<Principal | undefined> {
      const rows = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .leftJoin('user_roles', 'user_roles.user_id', 'users.id')
        .leftJoin('regions', 'regions.id', 'user_roles.region_id')
        .select([
          'users.id as userId',
          'users.username',
          'users.display_name as displayName',
          'user_roles.role',
          'user_roles.agency_id as agencyId',
          'user_roles.region_id as regionId',
          'regions.path as regionPath',
        ])
        .where('sessions.token_hash', '=', tokenHash)
        .where('sessions.expires_at', '>', now)
        .where('users.is_active', '=', true)
        .execute();
      const first = rows[0];
      if (!first) return undefined;
      return {
        userId: first.userId,
        username: first.username,
        displayName: first.displayName,
        grants: rows.flatMap((r) =>
          r.role
            ? [
                {
                  role: r.role,
                  agencyId: r.agencyId,
                  regionId: r.regionId,
                  regionPath: r.regionPath,
                },
              ]
            : [],
        ),
      };
    },
  };
}

export type AuthRepository = ReturnType<typeof createAuthRepository>;

/** Role grants with the names a person reads, for GET /api/session. */
export async function describeGrants(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('user_roles')
    .leftJoin('agencies', 'agencies.id', 'user_roles.agency_id')
    .leftJoin('regions', 'regions.id', 'user_roles.region_id')
    .select([
      'user_roles.role',
      'user_roles.agency_id as agencyId',
      'agencies.name as agencyName',
      'user_roles.region_id as regionId',
      'regions.name as regionName',
    ])
    .where('user_roles.user_id', '=', userId)
    .orderBy('user_roles.created_at')
    .execute();
}
