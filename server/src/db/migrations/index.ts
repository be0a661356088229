// Every migration, in order. Names are timestamps; a migration is frozen once committed — fix
// forward with a new one. Migrations never import application code.
import * as m20261121_1600 from './2026_11_21_1600_organisations_people_sessions.ts';
import * as m20261121_1700 from './2026_11_21_1700_profile_overrides.ts';
import * as m20261121_1710 from './2026_11_21_1710_calendar_deadlines.ts';
import * as m20261121_1720 from './2026_11_21_1720_powers.ts';
import * as m20261121_1800 from './2026_11_21_1800_ledger_chain.ts';
import * as m20261121_1900 from './2026_11_21_1900_cases.ts';
import * as m20261121_1910 from './2026_11_21_1910_evidence.ts';
import * as m20261121_1920 from './2026_11_21_1920_access_log.ts';
import * as m20261121_2000 from './2026_11_21_2000_legal_review.ts';
import * as m20261121_2100 from './2026_11_21_2100_disclosure.ts';

export const MIGRATIONS = {
  '2026_11_21_1600_organisations_people_sessions': m20261121_1600,
  '2026_11_21_1700_profile_overrides': m20261121_1700,
  '2026_11_21_1710_calendar_deadlines': m20261121_1710,
  '2026_11_21_1720_powers': m20261121_1720,
  '2026_11_21_1800_ledger_chain': m20261121_1800,
  '2026_11_21_1900_cases': m20261121_1900,
  '2026_11_21_1910_evidence': m20261121_1910,
  '2026_11_21_1920_access_log': m20261121_1920,
  '2026_11_21_2000_legal_review': m20261121_2000,
  '2026_11_21_2100_disclosure': m20261121_2100,
};
