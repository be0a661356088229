// Row types of the working-day calendar, as Kysely sees them.
import type { ColumnType } from 'kysely';
import type { CalendarDayKind } from './working-days.ts';

/** 'shipped' = loaded at start from the bundled package; 'imported' = loaded by an administrator. */
export type CalendarOrigin = 'shipped' | 'imported';

export interface CalendarTables {
  calendar_years: {
    year: number;
    origin: CalendarOrigin;
    source: string;
    checksum: string;
    loaded_at: ColumnType<Date, Date | undefined, Date>;
    loaded_by_user_id: string | null;
  };
  calendar_days: {
    notice_year: number;
    date: string;
    kind: CalendarDayKind;
    name: string;
  };
}
