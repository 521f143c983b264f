import { z } from 'zod';
import { errorCodes, errorKind, type ErrorCode, type FieldProblem, type ProblemConflict } from '../../shared/errors';
import type { ClientErrorCode } from '../../shared/i18n';

export type ApiErrorCode = ErrorCode | ClientErrorCode;

/**
 * How the UI treats a failure (after NAV's case-management apps):
 * - `auth`: the session is gone → back to login;
 * - `no_access`: 403 auth.forbidden → the no-access page;
 * - `technical`: 5xx, no answer, an answer we cannot read, or a 403 other than auth.forbidden
 *   (e.g. auth.csrf) → an alert with the request id;
 * - `functional`: other 4xx → shown where the user can act (at the field or the form).
 */
export type ApiErrorKind = 'auth' | 'no_access' | 'technical' | 'functional';

/** A failed API call, parsed from application/problem+json (RFC 9457) when the server sent one. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly requestId: string | undefined;
  readonly errors: readonly FieldProblem[];
  /** The existing record a 409 collides with (e.g. the lease an overlapping lease conflicts with). */
  readonly conflict: ProblemConflict | undefined;

  constructor(init: {
    status: number;
    code: ApiErrorCode;
    requestId?: string | undefined;
    errors?: FieldProblem[];
    conflict?: ProblemConflict | undefined;
  }) {
    super(`API ${init.status} ${init.code}${init.requestId ? ` (${init.requestId})` : ''}`);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.errors = init.errors ?? [];
    this.conflict = init.conflict;
  }

  get kind(): ApiErrorKind {
    if (this.code === 'client.network' || this.code === 'client.invalid_response') return 'technical';
    const kind = errorKind(this.status);
    if (kind === 'no_access' && this.code !== 'auth.forbidden') return 'technical';
    return kind;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

// ---- CSRF token ---------------------------------------------------------------------------------
// The token comes with every SessionResponse (login, GET /api/session, unit switch). It lives in
// memory only — never in localStorage — and is sent as x-csrf-token on state-changing requests.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

// ---- Requests -----------------------------------------------------------------------------------

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const stateChanging: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type RequestOptions = {
  path: string;
  method?: Method;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
};

const problemBody = z.object({
  code: z.string(),
  status: z.number().int().optional(),
  requestId: z.string().optional(),
  errors: z.array(z.object({ pointer: z.string(), code: z.string() })).optional(),
  conflict: z.object({ id: z.string(), reference: z.string() }).optional(),
});

function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(errorCodes, code);
}

/** A code the client does not know (a newer server) still gets handled by its status. */
function fallbackCode(status: number): ErrorCode {
  if (status === 401) return 'auth.required';
  if (status === 403) return 'auth.forbidden';
  if (status === 404) return 'resource.not_found';
  if (status === 503) return 'server.unavailable';
  if (status >= 500) return 'server.internal';
  return 'request.invalid';
}

async function toApiError(response: Response): Promise<ApiError> {
  const headerRequestId = response.headers.get('x-request-id') ?? undefined;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const problem = problemBody.safeParse(body);
  if (!problem.success) {
    return new ApiError({ status: response.status, code: fallbackCode(response.status), requestId: headerRequestId });
  }
  const { code, requestId, errors, conflict } = problem.data;
  return new ApiError({
    status: response.status,
    code: isErrorCode(code) ? code : fallbackCode(response.status),
    requestId: requestId ?? headerRequestId,
    errors: errors ?? [],
    conflict,
  });
}

/**
 * Calls the Husly API on the same origin. With a zod `schema` the JSON answer is validated and
 * returned; without one the answer is ignored (e.g. 204). Throws ApiError on any failure.
 */
export async function apiRequest<T>(options: RequestOptions & { schema: z.ZodType<T> }): Promise<T>;
export async function apiRequest(options: RequestOptions & { schema?: undefined }): Promise<void>;
export async function apiRequest<T>({
  path,
  method = 'GET',
  body,
  headers,
  signal,
  schema,
}: RequestOptions & { schema?: z.ZodType<T> }): Promise<T | void> {
  const requestHeaders: Record<string, string> = { accept: 'application/json, application/problem+json', ...headers };
  if (body !== undefined) requestHeaders['content-type'] = 'application/json';
  if (stateChanging.has(method) && csrfToken) requestHeaders['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: requestHeaders,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    // A cancelled query is not a failure; let TanStack Query see the AbortError.
    if (signal?.aborted) throw error;
    throw new ApiError({ status: 0, code: 'client.network' });
  }

  if (!response.ok) throw await toApiError(response);
  if (!schema) return;

  const requestId = response.headers.get('x-request-id') ?? undefined;
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ApiError({ status: response.status, code: 'client.invalid_response', requestId });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiError({ status: response.status, code: 'client.invalid_response', requestId });
  return parsed.data;
}
