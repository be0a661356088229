// Demo data of feature modules (powers, …), loaded after the district exists. A module with demo
// data adds one call here.
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { seedDemoCases } from '../modules/cases/cases.demo.ts';
import { seedDemoDisclosure } from '../modules/disclosure/disclosure.demo.ts';
import { seedDemoInstruments } from '../modules/instruments/instruments.demo.ts';
import { seedDemoPowers } from '../modules/powers/powers.demo.ts';
import type { DemoIds } from './demo.org.ts';

export async function seedDemoModules(trx: Transaction<Database>, ids: DemoIds): Promise<void> {
  await seedDemoPowers(trx, ids);
  await seedDemoCases(trx, ids);
  await seedDemoInstruments(trx, ids);
  await seedDemoDisclosure(trx, ids);
}
