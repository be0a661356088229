// Runs the timestamped, frozen migrations listed in migrations/index.ts. Kysely's migrator takes
// a PostgreSQL advisory lock, so several processes starting at once migrate exactly once.
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { MIGRATIONS } from './migrations/index.ts';

// A static list rather than a directory scan: it works the same under tsx, vitest and a bundle.
const provider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS as Record<string, Migration>),
};

export function createMigrator<T>(db: Kysely<T>): Migrator {
  return new Migrator({ db: db as Kysely<unknown>, provider });
}

export async function migrateToLatest<T>(db: Kysely<T>): Promise<string[]> {
  const { error, results } = await createMigrator(db).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('migration failed', { cause: error });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
