import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// Browser tests against the BUILT app and server (npm run build first). One server for the whole
// run (global-setup.ts), files one after another: they share that server's data.
export default defineConfig({
  test: {
    name: 'e2e',
    root: resolve(import.meta.dirname, '..'),
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
