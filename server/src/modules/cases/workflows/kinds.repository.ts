// The catalogue facts the non-penalty workflows' guards read: a power's category and time limit,
// and a 双随机 check item. Read inside the action's transaction.
import type { Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { PowerCategory, TimeLimit } from '../../powers/powers.schemas.ts';

export interface PowerTerms {
  category: PowerCategory;
  name: string;
  timeLimit: TimeLimit;
}

export interface RandomCheckItemRef {
  id: string;
  code: string;
  name: string;
  powerId: string | null;
  isActive: boolean;
}

export const kindsRepository = {
  async findPowerTerms(trx: Transaction<Database>, powerId: string): Promise<PowerTerms | null> {
    const row = await trx
      .selectFrom('powers')
      .select(['category', 'name', 'time_limit'])
      .where('id', '=', powerId)
      .executeTakeFirst();
    return row ? { category: row.category, name: row.name, timeLimit: row.time_limit } : null;
  },

  async findRandomCheckItem(
    trx: Transaction<Database>,
    agencyId: string,
    itemId: string,
  ): Promise<RandomCheckItemRef | null> {
    const row = await trx
      .selectFrom('random_check_items')
      .select(['id', 'code', 'name', 'power_id', 'status'])
      .where('id', '=', itemId)
      .where('agency_id', '=', agencyId)
      .executeTakeFirst();
    return row
      ? {
          id: row.id,
          code: row.code,
          name: row.name,
          powerId: row.power_id,
          isActive: row.status === 'active',
        }
      : null;
  },
};
