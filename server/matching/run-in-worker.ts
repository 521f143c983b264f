import { Worker } from 'node:worker_threads';
import type { MatchingDomainInput, MatchingResult } from '../../shared/api/allocation';
import { appError, type AppError } from '../http/errors';
import type { SolveOptions } from './core/types';
import type { WorkerError, WorkerRequest } from './worker';

// One long-lived worker thread with a queue (decision 014: the matcher is CPU-bound, up to
// seconds for a large batch with composition groups, and must never block the server's event
// loop). Jobs run one at a time; each has a deadline counted from when it was queued. A job past
// its deadline is dropped from the queue, or, when running, the worker is terminated and a fresh
// one serves the next job. The worker is unref'd while idle so it never keeps a process alive.

const DEFAULT_TIMEOUT_MS = 10_000;
/** Jobs waiting beyond this are refused at once (the office gets "try again"), not queued for minutes. */
const MAX_QUEUE = 20;

type Job = {
  id: number;
  input: MatchingDomainInput;
  options: SolveOptions;
  resolve: (result: MatchingResult) => void;
  reject: (error: AppError) => void;
  timer: NodeJS.Timeout;
};

type WorkerReply = { id: number; ok: true; result: MatchingResult } | { id: number; ok: false; error: WorkerError };

/**
 * The worker: the bundled server (dist/server/main.js) has dist/server/matching-worker.js beside
 * it (scripts/build-server.mjs). From source (tsx, vitest) this module ends in .ts and the worker
 * is worker.ts, loaded through tsx's API from a small bootstrap: on Node 20 `execArgv: ['--import',
 * 'tsx']` registers the hooks too late for a worker's entry module (ERR_UNKNOWN_FILE_EXTENSION).
 */
function startWorkerThread(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./matching-worker.js', here));
  const entry = new URL('./worker.ts', here).href;
  const resolve = (import.meta as { resolve?: (specifier: string) => string }).resolve;
  const tsx = typeof resolve === 'function' ? resolve('tsx/esm/api') : 'tsx/esm/api';
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true });
}

let worker: Worker | null = null;
let running: Job | null = null;
const queue: Job[] = [];
let nextId = 1;

function unavailable(detail: string): AppError {
  return appError('allocation.matching_unavailable', { detail });
}

function fromWorkerError(error: WorkerError): AppError {
  if (error.code === 'allocation.lock_invalid' || error.code === 'allocation.batch_invalid') return appError(error.code, { detail: error.detail ?? '' });
  return unavailable('the matching engine failed');
}

function startWorker(): Worker {
  const w = startWorkerThread();
  w.on('message', (reply: WorkerReply) => {
    const job = running;
    if (!job || job.id !== reply.id) return;
    running = null;
    clearTimeout(job.timer);
    if (reply.ok) job.resolve(reply.result);
    else job.reject(fromWorkerError(reply.error));
    pump();
  });
  const lost = (why: string) => {
    if (worker !== w) return;
    worker = null;
    const job = running;
    running = null;
    if (job) {
      clearTimeout(job.timer);
      job.reject(unavailable(why));
    }
    pump();
  };
  w.on('error', () => lost('the matching engine stopped'));
  w.on('exit', () => lost('the matching engine exited'));
  return w;
}

function pump(): void {
  if (running) return;
  const job = queue.shift();
  if (!job) {
    worker?.unref();
    return;
  }
  worker ??= startWorker();
  worker.ref();
  running = job;
  const request: WorkerRequest = { id: job.id, input: job.input, options: job.options };
  worker.postMessage(request);
}

function expire(job: Job, timeoutMs: number): void {
  const error = unavailable(`no answer within ${timeoutMs} ms`);
  if (running === job) {
    running = null;
    const w = worker;
    worker = null;
    void w?.terminate();
    job.reject(error);
    pump();
    return;
  }
  const at = queue.indexOf(job);
  if (at !== -1) queue.splice(at, 1);
  job.reject(error);
}

/**
 * Runs solveDomain in a worker thread (so a large batch never blocks the server's event loop),
 * with a time limit; rejects with AppError('allocation.matching_unavailable') on timeout, a full
 * queue or a worker crash, and with AppError('allocation.lock_invalid' / 'allocation.batch_invalid')
 * (with the engine's detail) when the input's locks or ids are refused.
 */
export function runMatching(input: MatchingDomainInput, options: { timeoutMs?: number; solve?: SolveOptions } = {}): Promise<MatchingResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (queue.length >= MAX_QUEUE) return Promise.reject(unavailable('the matching engine is busy'));
  return new Promise<MatchingResult>((resolve, reject) => {
    const job: Job = { id: nextId++, input, options: options.solve ?? {}, resolve, reject, timer: setTimeout(() => expire(job, timeoutMs), timeoutMs) };
    queue.push(job);
    pump();
  });
}

/** Stops the worker (server shutdown, tests); queued and running jobs are rejected. */
export async function closeMatchingWorker(): Promise<void> {
  const w = worker;
  worker = null;
  const pending = [...(running ? [running] : []), ...queue.splice(0)];
  running = null;
  for (const job of pending) {
    clearTimeout(job.timer);
    job.reject(unavailable('the matching engine was stopped'));
  }
  if (w) await w.terminate();
}
