// Bundles the server (TypeScript, incl. shared/) into dist/server with esbuild; node_modules stay external.
import { build } from 'esbuild';

await build({
  entryPoints: {
    main: 'server/main.ts',
    migrate: 'server/scripts/migrate.ts',
    seed: 'server/scripts/seed.ts',
    // The matching engine's worker thread; server/matching/run-in-worker.ts loads it beside main.js.
    'matching-worker': 'server/matching/worker.ts',
  },
  outdir: 'dist/server',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
