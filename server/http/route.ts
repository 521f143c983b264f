import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z, type ZodType } from 'zod';
import type { FieldProblem } from '../../shared/errors';
import { appError } from './errors';
import type { Actor } from '../modules/auth/actor';
import { zodIssueCode } from '../../shared/api/issue-code';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export type RouteContext<B, Q, P> = {
  request: FastifyRequest;
  reply: FastifyReply;
  body: B;
  query: Q;
  params: P;
};

/**
 * One route: its schemas validate the request (zod, shared with the web client) and document
 * it (OpenAPI at /api/openapi.json). `auth: 'session'` routes get an Actor; state-changing
 * ones also need the CSRF token.
 */
export type RouteDefinition<B = unknown, Q = unknown, P = unknown> = {
  method: Method;
  url: string;
  summary: string;
  tags: string[];
  auth: 'none' | 'session';
  body?: ZodType<B>;
  query?: ZodType<Q>;
  params?: ZodType<P>;
  response?: ZodType;
  status?: number;
  /** Marks responses that contain personal data (Cache-Control: no-store is set on all /api). */
  personalData?: boolean;
  /** Per-client-address request limit (anti-automation, ASVS 2.4.1), e.g. on login. */
  rateLimit?: { max: number; timeWindow: string };
  /** A larger body limit in bytes for this route only (file imports); everything else keeps 1 MB. */
  bodyLimit?: number;
  handler: (context: RouteContext<B, Q, P> & { actor: Actor }) => Promise<unknown>;
};

// Route lists hold routes of many shapes; the generic parameters matter only inside define().
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteDefinition<any, any, any>;

export function defineRoute<B = undefined, Q = undefined, P = undefined>(
  route: RouteDefinition<B, Q, P>,
): RouteDefinition<B, Q, P> {
  return route;
}

function pointer(path: readonly PropertyKey[]): string {
  return '/' + path.map((p) => String(p).replaceAll('~', '~0').replaceAll('/', '~1')).join('/');
}

/** zod issues → field problems with JSON Pointers; unknown keys get their own code. */
export function toFieldProblems(error: z.ZodError): { unknownField: boolean; errors: FieldProblem[] } {
  let unknownField = false;
  const errors: FieldProblem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      unknownField = true;
      for (const key of issue.keys) errors.push({ pointer: pointer([...issue.path, key]), code: 'request.unknown_field' });
      continue;
    }
    // Our own refinements carry a dot code as message (e.g. text.too_long).
    const code = zodIssueCode(issue, (message) => /^[a-z_]+\.[a-z_]+$/.test(message));
    errors.push({ pointer: pointer(issue.path), code });
  }
  return { unknownField, errors };
}

function validate<T>(schema: ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (result.success) return result.data;
  const { unknownField, errors } = toFieldProblems(result.error);
  throw appError(unknownField ? 'request.unknown_field' : 'request.invalid', {
    errors: where === 'body' ? errors : errors.map((e) => ({ ...e, pointer: `#${where}${e.pointer}` })),
  });
}

export function registerRoutes(
  app: FastifyInstance,
  routes: readonly AnyRoute[],
  authenticate: (request: FastifyRequest, options: { csrf: boolean }) => Promise<Actor | null>,
): void {
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.url,
      ...(route.rateLimit ? { config: { rateLimit: route.rateLimit } } : {}),
      ...(route.bodyLimit ? { bodyLimit: route.bodyLimit } : {}),
      handler: async (request, reply) => {
        const stateChanging = route.method !== 'GET';
        let actor: Actor | null = null;
        if (route.auth === 'session') {
          actor = await authenticate(request, { csrf: stateChanging });
          if (!actor) throw appError('auth.required');
        }
        const params = validate(route.params, request.params, 'params');
        const query = validate(route.query, request.query, 'query');
        const body = validate(route.body, request.body, 'body');
        const result = await route.handler({ request, reply, body, query, params, actor: actor as Actor });
        if (reply.sent) return reply;
        if (result === undefined) return reply.code(route.status ?? 204).send();
        return reply.code(route.status ?? 200).send(result);
      },
    });
  }
}

function jsonSchema(schema: ZodType, io: 'input' | 'output'): unknown {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' });
}

/** OpenAPI 3.0 document generated from the same zod schemas that validate the requests. */
export function openApiDocument(routes: readonly AnyRoute[], version: string): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [location, schema] of [['path', route.params], ['query', route.query]] as const) {
      if (!schema) continue;
      const js = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, s] of Object.entries(js.properties ?? {})) {
        parameters.push({ name, in: location, required: js.required?.includes(name) ?? false, schema: s });
      }
    }
    const status = String(route.status ?? (route.response ? 200 : 204));
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      summary: route.summary,
      tags: route.tags,
      ...(route.auth === 'session' ? { security: [{ session: [] }] } : {}),
      ...(route.personalData ? { 'x-personal-data': true } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(route.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } }
        : {}),
      responses: {
        [status]: route.response
          ? { description: 'OK', content: { 'application/json': { schema: jsonSchema(route.response, 'output') } } }
          : { description: 'No content' },
        default: {
          description: 'Problem (RFC 9457)',
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        },
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'Husly API', version },
    paths,
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: '__Host-husly' } },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'code'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            code: { type: 'string' },
            detail: { type: 'string' },
            requestId: { type: 'string' },
            errors: {
              type: 'array',
              items: { type: 'object', properties: { pointer: { type: 'string' }, code: { type: 'string' } } },
            },
            conflict: {
              type: 'object',
              description: 'The existing record a 409 conflicts with',
              properties: { id: { type: 'string' }, reference: { type: 'string' } },
            },
          },
        },
      },
    },
  };
}
