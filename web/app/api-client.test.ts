import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, apiRequest, setCsrfToken } from './api-client';

const fetchMock = vi.fn<typeof fetch>();

function jsonResponse(status: number, body: unknown, contentType = 'application/json', headers = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': contentType, ...headers } });
}

function sentRequest(): { url: string; init: RequestInit; headers: Record<string, string> } {
  const [url, init] = fetchMock.mock.calls.at(-1) ?? [];
  return { url: String(url), init: init ?? {}, headers: (init?.headers ?? {}) as Record<string, string> };
}

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  setCsrfToken(null);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('apiRequest', () => {
  const thing = z.object({ id: z.string() });

  it('sends same-origin credentials and returns the validated body', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { id: 'a', extra: true }));
    await expect(apiRequest({ path: '/api/thing', schema: thing })).resolves.toEqual({ id: 'a' });
    const { url, init } = sentRequest();
    expect(url).toBe('/api/thing');
    expect(init.credentials).toBe('same-origin');
    expect(init.method).toBe('GET');
  });

  it('sends the CSRF token on state-changing requests but not on GET', async () => {
    setCsrfToken('token-1');
    fetchMock.mockResolvedValue(jsonResponse(200, { id: 'a' }));
    await apiRequest({ path: '/api/thing', schema: thing });
    expect(sentRequest().headers['x-csrf-token']).toBeUndefined();

    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
      await apiRequest({ path: '/api/thing', method, body: { a: 1 } });
      const { headers, init } = sentRequest();
      expect(headers['x-csrf-token'], method).toBe('token-1');
      expect(headers['content-type'], method).toBe('application/json');
      expect(init.body, method).toBe('{"a":1}');
    }
  });

  it('when the server answers with problem+json, throws an ApiError with code, request id and field problems', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(
        409,
        {
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          code: 'unit.name_taken',
          requestId: 'req-42',
          errors: [{ pointer: '/name', code: 'unit.name_taken' }],
        },
        'application/problem+json',
      ),
    );
    const error = await apiRequest({ path: '/api/units', method: 'POST', body: {}, schema: thing }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      code: 'unit.name_taken',
      requestId: 'req-42',
      errors: [{ pointer: '/name', code: 'unit.name_taken' }],
      kind: 'functional',
    });
  });

  it('classifies failures the way the UI treats them', async () => {
    const cases = [
      [401, 'auth.required', 'auth'],
      [403, 'auth.forbidden', 'no_access'],
      [403, 'auth.csrf', 'technical'],
      [404, 'resource.not_found', 'functional'],
      [429, 'auth.locked', 'functional'],
      [500, 'server.internal', 'technical'],
      [503, 'server.unavailable', 'technical'],
    ] as const;
    for (const [status, code, kind] of cases) {
      fetchMock.mockResolvedValue(jsonResponse(status, { code, status, requestId: 'r' }, 'application/problem+json'));
      const error = await apiRequest({ path: '/x', schema: thing }).catch((e) => e);
      expect({ code: error.code, kind: error.kind }, `${status} ${code}`).toEqual({ code, kind });
    }
  });

  it('when the error body is not a problem (e.g. a proxy page), falls back on the status and the x-request-id header', async () => {
    fetchMock.mockResolvedValue(
      new Response('<html>Bad gateway</html>', { status: 502, headers: { 'x-request-id': 'hdr-1' } }),
    );
    const error = await apiRequest({ path: '/x', schema: thing }).catch((e) => e);
    expect(error).toMatchObject({ status: 502, code: 'server.internal', requestId: 'hdr-1', kind: 'technical' });
  });

  it('an unknown problem code from a newer server is handled by its status', async () => {
    fetchMock.mockResolvedValue(jsonResponse(422, { code: 'lease.something_new' }, 'application/problem+json'));
    const error = await apiRequest({ path: '/x', schema: thing }).catch((e) => e);
    expect(error).toMatchObject({ status: 422, code: 'request.invalid', kind: 'functional' });
  });

  it('when the network fails, throws a technical client.network error', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const error = await apiRequest({ path: '/x', schema: thing }).catch((e) => e);
    expect(error).toMatchObject({ status: 0, code: 'client.network', kind: 'technical' });
  });

  it('when the request was cancelled, rethrows the abort instead of reporting a failure', async () => {
    const controller = new AbortController();
    controller.abort();
    fetchMock.mockRejectedValue(new DOMException('aborted', 'AbortError'));
    const error = await apiRequest({ path: '/x', schema: thing, signal: controller.signal }).catch((e) => e);
    expect(error).not.toBeInstanceOf(ApiError);
    expect(error.name).toBe('AbortError');
  });

  it('when a 2xx body does not match the schema, throws client.invalid_response', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { id: 7 }, 'application/json', { 'x-request-id': 'r-9' }));
    const error = await apiRequest({ path: '/x', schema: thing }).catch((e) => e);
    expect(error).toMatchObject({ code: 'client.invalid_response', requestId: 'r-9', kind: 'technical' });
  });
});
