// Reference data every installation carries (not demo data): loaded idempotently at start so
// that a fresh data directory is immediately usable. A module that ships data adds a line here.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { loadShippedCalendar } from './calendar/calendar.import.ts';

export async function loadShippedData(db: Kysely<Database>): Promise<void> {
  await loadShippedCalendar(db);
}
