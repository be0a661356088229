// Two projects: every test on PGlite, and the database tests (*.db.test.ts) again on the
// PostgreSQL server named by TEST_DATABASE_URL, when it is set.
import { defineConfig } from 'vitest/config';

const postgresUrl = process.env.TEST_DATABASE_URL;

export default defineConfig({
  test: {
    pool: 'forks',
    // Test files share a worker's module cache (no module keeps mutable state), which saves
    // re-importing the app and PGlite for every file; each file still gets its own database.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true as const,
        test: {
          name: 'pglite',
          include: ['src/**/*.test.ts'],
          globalSetup: ['src/test/global-setup.ts'],
          provide: { dbKind: 'pglite' as const },
        },
      },
      ...(postgresUrl
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgresql',
                include: ['src/**/*.db.test.ts'],
                globalSetup: ['src/test/global-setup.ts'],
                setupFiles: ['src/test/postgres-marker.ts'],
                provide: { dbKind: 'postgresql' as const },
              },
            },
          ]
        : []),
    ],
  },
});
