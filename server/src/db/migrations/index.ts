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
import * as m20261121_2200 from './2026_11_21_2200_ledger_deferred_chain.ts';
import * as m20261121_2210 from './2026_11_21_2210_ledger_append_function.ts';
import * as m20261121_2300 from './2026_11_21_2300_power_law_areas.ts';
import * as m20261121_2400 from './2026_11_21_2400_instruments.ts';
import * as m20261121_2500 from './2026_11_21_2500_party_access.ts';
import * as m20261121_2510 from './2026_11_21_2510_jobs.ts';
import * as m20261121_2520 from './2026_11_21_2520_fixity.ts';
import * as m20261121_2530 from './2026_11_21_2530_retention_disposal.ts';
import * as m20261121_2600 from './2026_11_21_2600_disclosure_inspections.ts';
import * as m20261121_2610 from './2026_11_21_2610_disclosure_catalogue_changes.ts';
import * as m20261121_2620 from './2026_11_21_2620_public_rate_limits.ts';
import * as m20261121_2700 from './2026_11_21_2700_legal_review_gate_states.ts';
import * as m20261121_2710 from './2026_11_21_2710_legal_review_opinion_instrument.ts';
import * as m20261121_2800 from './2026_11_21_2800_ledger_append_writers_lock.ts';
import * as m20261121_2830 from './2026_11_21_2830_disclosure_search_table.ts';
import * as m20261121_2831 from './2026_11_21_2831_disclosure_search_partitions.ts';
import * as m20261122_0200 from './2026_11_22_0200_ledger_append_head_at_commit.ts';
import * as m20261122_0210 from './2026_11_22_0210_ledger_append_frontier_from_nodes.ts';
import * as m20261122_0300 from './2026_11_22_0300_disclosure_search_grams.ts';
import * as m20261122_0310 from './2026_11_22_0310_disclosure_search_stored_grams.ts';
import * as m20261122_0400 from './2026_11_22_0400_ledger_append_returns_scalar.ts';
import * as m20261122_0500 from './2026_11_22_0500_ledger_sealing_hot.ts';
import * as m20261122_0600 from './2026_11_22_0600_disclosure_search_sample.ts';
import * as m20261122_0800 from './2026_11_22_0800_uploads_abandoned_index.ts';
import * as m20261122_0900 from './2026_11_22_0900_idempotency_keys.ts';

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
  '2026_11_21_2200_ledger_deferred_chain': m20261121_2200,
  '2026_11_21_2210_ledger_append_function': m20261121_2210,
  '2026_11_21_2300_power_law_areas': m20261121_2300,
  '2026_11_21_2400_instruments': m20261121_2400,
  '2026_11_21_2500_party_access': m20261121_2500,
  '2026_11_21_2510_jobs': m20261121_2510,
  '2026_11_21_2520_fixity': m20261121_2520,
  '2026_11_21_2530_retention_disposal': m20261121_2530,
  '2026_11_21_2600_disclosure_inspections': m20261121_2600,
  '2026_11_21_2610_disclosure_catalogue_changes': m20261121_2610,
  '2026_11_21_2620_public_rate_limits': m20261121_2620,
  '2026_11_21_2700_legal_review_gate_states': m20261121_2700,
  '2026_11_21_2710_legal_review_opinion_instrument': m20261121_2710,
  '2026_11_21_2800_ledger_append_writers_lock': m20261121_2800,
  '2026_11_21_2830_disclosure_search_table': m20261121_2830,
  '2026_11_21_2831_disclosure_search_partitions': m20261121_2831,
  '2026_11_22_0200_ledger_append_head_at_commit': m20261122_0200,
  '2026_11_22_0210_ledger_append_frontier_from_nodes': m20261122_0210,
  '2026_11_22_0300_disclosure_search_grams': m20261122_0300,
  '2026_11_22_0310_disclosure_search_stored_grams': m20261122_0310,
  '2026_11_22_0400_ledger_append_returns_scalar': m20261122_0400,
  '2026_11_22_0500_ledger_sealing_hot': m20261122_0500,
  '2026_11_22_0600_disclosure_search_sample': m20261122_0600,
  '2026_11_22_0800_uploads_abandoned_index': m20261122_0800,
  '2026_11_22_0900_idempotency_keys': m20261122_0900,
};
