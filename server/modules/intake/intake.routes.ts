import { intakeRequest, intakeResponse, MAX_INTAKE_BYTES } from '../../../shared/api/intake';
import type { AppDeps } from '../../app';
import { defineRoute, type AnyRoute } from '../../http/route';
import { auditContext } from '../audit/audit.context';
import { importIntake } from './intake.usecases';

/**
 * The request carries the file as a JSON string: quotes, backslashes and line breaks are escaped,
 * so the body is a little larger than the file. Everything else keeps the 1 MB limit.
 */
export const INTAKE_BODY_LIMIT_BYTES = MAX_INTAKE_BYTES + 2 * 1024 * 1024;

export function intakeRoutes(deps: AppDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/api/intake/imdi',
      summary:
        "Validate or import IMDi's settlement proposals (husly.imdi-intake.v1, JSON or CSV; docs/imdi-intake-format.md): one household per case, all or nothing",
      tags: ['households'],
      auth: 'session',
      body: intakeRequest,
      response: intakeResponse,
      bodyLimit: INTAKE_BODY_LIMIT_BYTES,
      // Matches link to existing persons; problems carry paths and codes, never names or numbers.
      personalData: true,
      handler: ({ actor, body, request }) =>
        importIntake(actor, {
          db: deps.db.app,
          clock: deps.clock,
          environment: deps.env.NODE_ENV,
          input: body,
          context: auditContext(request, actor, deps.clock(), 'settlement'),
        }),
    }),
  ];
}
