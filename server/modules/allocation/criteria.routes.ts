import { z } from 'zod';
import {
  allocationSettingsDto,
  criteriaResponse,
  criteriaVersionDto,
  saveCriteriaRequest,
  updateAllocationSettingsRequest,
} from '../../../shared/api/allocation';
import type { AppDeps } from '../../app';
import { parseIfMatch } from '../../http/if-match';
import { defineRoute, type AnyRoute } from '../../http/route';
import { auditContext } from '../audit/audit.context';
import * as criteria from './criteria.usecases';
import * as settings from './settings.usecases';

const versionParams = z.object({ version: z.coerce.number().int().min(1).max(1_000_000) });

/** Allocation criteria versions and the allocation settings (issue 6 items 1, 5, 6). */
export function allocationCriteriaRoutes(deps: AppDeps): AnyRoute[] {
  const db = deps.db.app;
  const clock = deps.clock;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/allocation/criteria',
      summary: "The municipality's current allocation criteria and the earlier versions (version 1 = Husly's defaults on first use)",
      tags: ['allocation'],
      auth: 'session',
      response: criteriaResponse,
      handler: ({ actor }) => criteria.getCriteria(actor, { db }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/allocation/criteria/:version',
      summary: 'One version of the allocation criteria (as a past run, offer or decision applied it)',
      tags: ['allocation'],
      auth: 'session',
      params: versionParams,
      response: criteriaVersionDto,
      handler: ({ actor, params }) => criteria.getCriteriaVersion(actor, { db, version: params.version }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/allocation/criteria',
      summary: 'Save changed criteria as a new version (basedOn = the version the edit started from; past versions never change)',
      tags: ['allocation'],
      auth: 'session',
      body: saveCriteriaRequest,
      response: criteriaVersionDto,
      status: 201,
      handler: ({ actor, body, request }) =>
        criteria.saveCriteria(actor, { db, clock, input: body, context: auditContext(request, actor, clock(), 'allocation') }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/allocation/settings',
      summary: 'Allocation settings: refusal reasons, days to answer an offer, where appeals go',
      tags: ['allocation'],
      auth: 'session',
      response: allocationSettingsDto,
      handler: async ({ actor, reply }) => {
        const result = await settings.getAllocationSettings(actor, { db });
        reply.header('etag', `"${result.version}"`);
        return result;
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/allocation/settings',
      summary: 'Change the allocation settings (If-Match: "<version>"; fields left out are kept)',
      tags: ['allocation'],
      auth: 'session',
      body: updateAllocationSettingsRequest,
      response: allocationSettingsDto,
      handler: async ({ actor, body, request, reply }) => {
        const version = parseIfMatch(request.headers['if-match']);
        const result = await settings.updateAllocationSettings(actor, {
          db,
          clock,
          version,
          input: body,
          context: auditContext(request, actor, clock(), 'allocation'),
        });
        reply.header('etag', `"${result.version}"`);
        return result;
      },
    }),
  ];
}
