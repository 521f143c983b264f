import { defineConfig } from 'vitest/config';

// Two tiers (STYLE.md): fast unit tests, and database tests (*.db.test.ts) that run on
// in-memory PGlite by default and on a real PostgreSQL server when TEST_DATABASE_URL is set.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{server,shared,web,scripts}/**/*.test.{ts,tsx}'],
          exclude: ['**/*.db.test.ts', '**/node_modules/**'],
          setupFiles: ['./scripts/vitest-setup.ts'],
        },
      },
      {
        test: {
          name: 'db',
          include: ['server/**/*.db.test.ts'],
          setupFiles: ['./scripts/vitest-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
    ],
  },
});
