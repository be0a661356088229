// Creating requests a client may send again. A registration whose answer a crash or a dropped
// connection lost is sent once more with the same key; it must find what the first one created,
// not create it twice. The key is the caller's (scoped to the user and the kind of request); the
// database holds it with a hash of the request, so the same key with another request is refused
// rather than answered with something the caller did not ask for.
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { canonicalJson } from '../ledger/crypto/canonical-json.ts';

export interface KeyedRequest {
  /** What kind of request: 'cases.create'. */
  scope: string;
  userId: string;
  key: string;
  /** The request as validated, without the key: what must be the same when it is sent again. */
  request: unknown;
}

const requestHashOf = (request: unknown) =>
  createHash('sha256').update(canonicalJson(request)).digest('hex');

type Db = Kysely<Database> | Transaction<Database>;

/** What an earlier request with this key created, if one did; refuses a key used for another. */
export async function findKeyedResource(db: Db, keyed: KeyedRequest): Promise<string | undefined> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'resource_id'])
    .where('scope', '=', keyed.scope)
    .where('user_id', '=', keyed.userId)
    .where('key', '=', keyed.key)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.request_hash !== requestHashOf(keyed.request)) {
    throw new AppError('IDEMPOTENCY_KEY_REUSED');
  }
  return row.resource_id ?? undefined;
}

/**
 * Creates once per key, inside the creating transaction: claims the key, then calls `create` and
 * records what it made. A request with the same key running at the same time waits on the claim
 * until this transaction ends, then finds what it created (or, after a rollback, claims the key
 * itself). Returns the resource and whether it was created by an earlier request.
 */
export async function createOnce(
  trx: Transaction<Database>,
  keyed: KeyedRequest,
  create: () => Promise<string>,
): Promise<{ resourceId: string; isReplay: boolean }> {
  const claimed = await trx
    .insertInto('idempotency_keys')
    .values({
      scope: keyed.scope,
      user_id: keyed.userId,
      key: keyed.key,
      request_hash: requestHashOf(keyed.request),
    })
    .onConflict((oc) => oc.columns(['scope', 'user_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (!claimed) {
    const resourceId = await findKeyedResource(trx, keyed);
    if (!resourceId) throw new Error(`idempotency key ${keyed.scope} claimed but never recorded`);
    return { resourceId, isReplay: true };
  }
  const resourceId = await create();
  await trx
    .updateTable('idempotency_keys')
    .set({ resource_id: resourceId })
    .where('scope', '=', keyed.scope)
    .where('user_id', '=', keyed.userId)
    .where('key', '=', keyed.key)
    .execute();
  return { resourceId, isReplay: false };
}
