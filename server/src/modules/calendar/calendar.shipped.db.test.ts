// The shipped years at start-up: loaded once, one query on every later start, reloaded when the
// package's data for a year changes, and never over an administrator's import.
import type { KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../shared/policy.ts';
import { createTestApp } from '../../test/test-app.ts';
import { importCalendarYear, loadShippedCalendar } from './calendar.import.ts';
import { shippedCalendarYears } from './calendar.shipped.ts';

const t = await createTestApp();
const db = t.handle.db;

function countingQueries() {
  let count = 0;
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      count += 1;
      return args.node;
    },
    transformResult: (args) => Promise.resolve(args.result),
  };
  return { db: db.withPlugin(plugin), count: () => count };
}

async function yearRow(year: number) {
  return db.selectFrom('calendar_years').selectAll().where('year', '=', year).executeTakeFirst();
}

describe('loadShippedCalendar', () => {
  it('has loaded every shipped year into the template, each with its change record', async () => {
    const years = await db.selectFrom('calendar_years').select(['year', 'origin']).execute();
    expect(years).toHaveLength(shippedCalendarYears().length);
    expect(new Set(years.map((y) => y.origin))).toEqual(new Set(['shipped']));
    const records = await db
      .selectFrom('ledger_entries')
      .select(['subject_id', 'actor_name'])
      .where('kind', '=', 'calendar.year.loaded')
      .execute();
    expect(records).toHaveLength(years.length);
    expect(records[0]?.actor_name).toBe('system');
  });

  it('costs one query and writes nothing when nothing changed', async () => {
    const counting = countingQueries();
    expect(await loadShippedCalendar(counting.db)).toEqual([]);
    expect(counting.count()).toBe(1);
  });

  it('reloads a shipped year whose data changed, and restores a missing one', async () => {
    await db
      .updateTable('calendar_years')
      .set({ checksum: 'stale' })
      .where('year', '=', 2010)
      .execute();
    await db.deleteFrom('calendar_years').where('year', '=', 2011).execute();
    expect(await loadShippedCalendar(db)).toEqual([2010, 2011]);
    const shipped2010 = shippedCalendarYears().find((y) => y.year === 2010);
    expect((await yearRow(2010))?.checksum).toBe(shipped2010?.checksum);
    const days2011 = await db
      .selectFrom('calendar_days')
      .select('date')
      .where('notice_year', '=', 2011)
      .execute();
    expect(days2011.length).toBeGreaterThan(20);
    const record = await db
      .selectFrom('ledger_entries')
      .select('payload')
      .where('kind', '=', 'calendar.year.loaded')
      .where('subject_id', '=', '2010')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(record.payload).toMatchObject({ previousChecksum: 'stale', origin: 'shipped' });
  });

  it('never overwrites a year an administrator imported', async () => {
    await importCalendarYear(db, SYSTEM_ACTOR, {
      year: 2012,
      source: '测试：管理员导入',
      holidays: [{ name: '元旦', from: '2012-01-01', to: '2012-01-03' }],
      workdays: [],
    });
    const imported = await yearRow(2012);
    expect(imported).toMatchObject({ origin: 'imported', source: '测试：管理员导入' });
    expect(await loadShippedCalendar(db)).toEqual([]);
    expect(await yearRow(2012)).toEqual(imported);
  });
});
