import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Starts the BUILT server (dist/server/main.js, serving dist/web) on :3100 with a fresh data
// directory, waits for /api/health, and stops it after the run. Only this process is killed.
const repoRoot = resolve(import.meta.dirname, '..');
const port = 3100;
const healthUrl = `http://localhost:${port}/api/health`;
const startTimeoutMs = 60_000;

async function waitForHealth(server: ChildProcess): Promise<void> {
  const deadline = Date.now() + startTimeoutMs;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`the server exited (${server.exitCode ?? server.signalCode}) before it was healthy`);
    }
    try {
      const response = await fetch(healthUrl, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
      lastProblem = `status ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${healthUrl} did not return 200 within ${startTimeoutMs / 1000} s (${lastProblem})`);
}

function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => server.kill('SIGKILL'), 10_000);
    server.once('exit', () => {
      clearTimeout(force);
      done();
    });
    server.kill('SIGTERM');
  });
}

export default async function setup(): Promise<() => Promise<void>> {
  for (const built of ['dist/server/main.js', 'dist/web/index.html']) {
    if (!existsSync(join(repoRoot, built))) {
      throw new Error(`${built} is missing: run \`npm run build\` before \`npm run test:e2e\``);
    }
  }

  const dataDir = await mkdtemp(join(tmpdir(), 'husly-e2e-'));
  const logDir = join(repoRoot, 'test-results');
  await mkdir(logDir, { recursive: true });
  const logPath = join(logDir, 'e2e-server.log');
  const log = createWriteStream(logPath);

  const server = spawn(process.execPath, ['dist/server/main.js'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HUSLY_DATA_DIR: dataDir,
      NODE_ENV: 'production',
      HUSLY_COOKIE_SECURE: 'true',
      // The housing flow moves the clock and runs a reminder sweep (server/modules/test-controls).
      HUSLY_TEST_CONTROLS: 'on',
      SCHEDULER_INTERVAL_MINUTES: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);

  try {
    await waitForHealth(server);
  } catch (error) {
    await stop(server);
    await rm(dataDir, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}; server output in ${logPath}`, { cause: error });
  }

  return async () => {
    await stop(server);
    log.end();
    await rm(dataDir, { recursive: true, force: true });
  };
}
