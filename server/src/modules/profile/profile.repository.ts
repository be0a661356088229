// Agencies' overrides of profile rules. Only this file touches the profile_overrides table.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../shared/policy.ts';
import type { OverrideRowKind } from './profile.tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface StoredOverride {
  id: string;
  seq: number;
  agencyId: string;
  rule: string;
  kind: OverrideRowKind;
  value: unknown;
  reason: string;
  profileId: string;
  profileVersion: string;
  actorUserId: string | null;
  actorName: string;
  createdAt: Date;
}

export interface NewOverride {
  agencyId: string;
  rule: string;
  kind: OverrideRowKind;
  value: unknown;
  reason: string;
  profileId: string;
  profileVersion: string;
}

function toOverride(row: Selectable<Database['profile_overrides']>): StoredOverride {
  return {
    id: row.id,
    seq: Number(row.seq),
    agencyId: row.agency_id,
    rule: row.rule,
    kind: row.kind,
    value: row.value ?? null,
    reason: row.reason,
    profileId: row.profile_id,
    profileVersion: row.profile_version,
    actorUserId: row.actor_user_id,
    actorName: row.actor_name,
    createdAt: row.created_at,
  };
}

export const profileRepository = {
  /** Every override the agency ever recorded, newest first. */
  async listOverrides(db: Db, agencyId: string): Promise<StoredOverride[]> {
    const rows = await db
      .selectFrom('profile_overrides')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .orderBy('seq', 'desc')
      .execute();
    return rows.map(toOverride);
  },

  /**
   * Serialises override writes of one agency: the judgement of a new override reads the one in
   * force, so two concurrent writes must not both judge against the same predecessor.
   */
  async lockAgency(trx: Transaction<Database>, agencyId: string): Promise<void> {
    await trx.selectFrom('agencies').select('id').where('id', '=', agencyId).forUpdate().execute();
  },

  async insertOverride(
    trx: Transaction<Database>,
    actor: Actor,
    input: NewOverride,
  ): Promise<StoredOverride> {
    const row = await trx
      .insertInto('profile_overrides')
      .values({
        agency_id: input.agencyId,
        rule: input.rule,
        kind: input.kind,
        value: input.value === null ? null : JSON.stringify(input.value),
        reason: input.reason,
        profile_id: input.profileId,
        profile_version: input.profileVersion,
        actor_user_id: actor.userId,
        actor_name: actor.name,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toOverride(row);
  },
};
