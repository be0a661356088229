// The whole database as Kysely sees it: each module declares its own tables next to its code.
import type { AccessTables, PartyAccessTables } from '../modules/access/access.tables.ts';
import type { JobsTables } from '../jobs/jobs.tables.ts';
import type { ArchiveTables, RetentionTables } from '../modules/archive/archive.tables.ts';
import type { AuthTables } from '../modules/auth/auth.tables.ts';
import type { CasesTables } from '../modules/cases/cases.tables.ts';
import type { CalendarTables } from '../modules/calendar/calendar.tables.ts';
import type { DeadlinesTables } from '../modules/deadlines/deadlines.tables.ts';
import type { DisclosureTables } from '../modules/disclosure/disclosure.tables.ts';
import type { EvidenceTables } from '../modules/evidence/evidence.tables.ts';
import type { IdempotencyTables } from '../modules/idempotency/idempotency.tables.ts';
import type { InstrumentsTables } from '../modules/instruments/instruments.tables.ts';
import type { LedgerTables } from '../modules/ledger/ledger.tables.ts';
import type { OrgTables } from '../modules/org/org.tables.ts';
import type { PowersTables } from '../modules/powers/powers.tables.ts';
import type { ProfileTables } from '../modules/profile/profile.tables.ts';
import type { ReviewTables } from '../modules/review/review.tables.ts';

export interface Database
  extends
    AccessTables,
    PartyAccessTables,
    JobsTables,
    ArchiveTables,
    RetentionTables,
    CasesTables,
    OrgTables,
    AuthTables,
    LedgerTables,
    CalendarTables,
    DeadlinesTables,
    DisclosureTables,
    EvidenceTables,
    IdempotencyTables,
    InstrumentsTables,
    PowersTables,
    ProfileTables,
    ReviewTables {}
