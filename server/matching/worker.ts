import { parentPort } from 'node:worker_threads';
import type { MatchingDomainInput } from '../../shared/api/allocation';
import type { SolveOptions } from './core/types';
import { MatchingInputError } from './domain/errors';
import { solveDomain } from './domain/solve-domain';

// The matching worker thread (issue 6 item 2): receives { id, input, options }, runs solveDomain
// and posts { id, ok: true, result } or { id, ok: false, error: { code, message, detail } }.
// Runs one job at a time; run-in-worker.ts queues. No personal data leaves in errors: the
// engine's messages name ids and references only.

export type WorkerRequest = { id: number; input: MatchingDomainInput; options?: SolveOptions };
export type WorkerError = { code: string; message: string; detail?: string };

const port = parentPort;
if (!port) throw new Error('server/matching/worker.ts must run in a worker thread');

port.on('message', (request: WorkerRequest) => {
  try {
    const result = solveDomain(request.input, request.options ?? {});
    port.postMessage({ id: request.id, ok: true, result });
  } catch (error) {
    const failure: WorkerError =
      error instanceof MatchingInputError
        ? { code: error.code, message: error.message, detail: error.detail }
        : { code: 'allocation.matching_unavailable', message: error instanceof Error ? error.message : String(error) };
    port.postMessage({ id: request.id, ok: false, error: failure });
  }
});
