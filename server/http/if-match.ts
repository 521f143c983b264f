import { appError } from './errors';

/** `If-Match: "3"` (or W/"3") → 3. A missing header is refused: no blind overwrites. */
export function parseIfMatch(header: string | undefined): number {
  if (!header) throw appError('resource.version_required');
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim());
  if (!match) throw appError('resource.version_conflict');
  return Number(match[1]);
}
