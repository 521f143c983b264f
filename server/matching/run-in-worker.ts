import type { MatchingDomainInput, MatchingResult } from '../../shared/api/allocation';

/**
 * Runs solveDomain in a worker thread (so a large batch never blocks the server's event loop),
 * with a time limit; rejects with AppError('allocation.matching_unavailable') on timeout or a
 * worker crash. In the built server the worker is dist/server/matching-worker.js; under tsx /
 * vitest it is server/matching/worker.ts loaded with tsx.
 */
export function runMatching(_input: MatchingDomainInput, _options: { timeoutMs?: number } = {}): Promise<MatchingResult> {
  throw new Error('not implemented');
}
