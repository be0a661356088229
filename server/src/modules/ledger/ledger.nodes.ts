// Stored Merkle nodes as a NodeSource for proofs: one query per proof, not one per node.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { fromHex } from './crypto/hash.ts';
import type { NodeId, NodeSource } from './crypto/merkle.ts';

export function databaseNodeSource(db: Kysely<Database>): NodeSource {
  async function getMany(nodes: readonly NodeId[]): Promise<Buffer[]> {
    if (nodes.length === 0) return [];
    const rows = await db
      .selectFrom('ledger_nodes')
      .select(['level', 'index', 'hash'])
      .where(
        sql<boolean>`(level, index) in (${sql.join(nodes.map((n) => sql`(${n.level}, ${n.index})`))})`,
      )
      .execute();
    const byId = new Map(rows.map((r) => [`${r.level}:${r.index}`, r.hash]));
    return nodes.map((n) => {
      const hash = byId.get(`${n.level}:${n.index}`);
      if (hash === undefined) throw new Error(`ledger node (${n.level}, ${n.index}) is not stored`);
      return fromHex(hash);
    });
  }
  return {
    getMany,
    async get(level, index) {
      const [hash] = await getMany([{ level, index }]);
      if (!hash) throw new Error(`ledger node (${level}, ${index}) is not stored`);
      return hash;
    },
  };
}
