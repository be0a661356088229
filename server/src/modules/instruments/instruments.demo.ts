// Demo 文号 patterns: each demo agency numbers as Xuecheng agencies do (薛市监罚决〔2026〕12号).
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DemoIds } from '../../demo/demo.org.ts';
import { DEFAULT_PATTERN } from './instruments.numbering.ts';
import { instrumentsRepository as repo } from './instruments.repository.ts';

const ABBREVIATIONS: Record<string, string> = {
  market: '薛市监',
  urban: '薛综执',
  street: '薛常街',
  justice: '薛司',
};

export async function seedDemoInstruments(trx: Transaction<Database>, ids: DemoIds) {
  for (const [key, agencyId] of Object.entries(ids.agencies)) {
    const abbreviation = ABBREVIATIONS[key];
    if (!abbreviation || !agencyId) continue;
    await repo.saveNumbering(trx, agencyId, {
      abbreviation,
      pattern: DEFAULT_PATTERN,
      kindCodes: {},
    });
  }
}
