import {
  changePasswordRequest,
  createEnrolmentRequest,
  createStaffUserRequest,
  enrolmentResponse,
  staffIdentityListResponse,
  staffIdentityParams,
  staffUserDto,
  staffUserListResponse,
  staffUserParams,
  updateStaffUserRequest,
} from '../../../shared/api/users';
import type { AppDeps } from '../../app';
import { defineRoute, type AnyRoute } from '../../http/route';
import { auditContext } from '../audit/audit.context';
import { parseIfMatch } from '../../http/if-match';
import * as identities from './identities.usecases';
import * as users from './users.usecases';

export function userRoutes(deps: AppDeps): AnyRoute[] {
  const db = deps.db.app;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/users',
      summary: 'Staff of the municipality (admin)',
      tags: ['users'],
      auth: 'session',
      response: staffUserListResponse,
      handler: ({ actor }) => users.listUsers(actor, { db }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/users/:id',
      summary: 'One staff member (audited display)',
      tags: ['users'],
      auth: 'session',
      params: staffUserParams,
      response: staffUserDto,
      personalData: true,
      handler: async ({ actor, params, request, reply }) => {
        const user = await users.getUser(actor, {
          db,
          id: params.id,
          context: auditContext(request, actor, deps.clock(), 'user_administration'),
        });
        reply.header('etag', `"${user.version}"`);
        return user;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/users',
      summary: 'Create a staff member with a local password (admin)',
      tags: ['users'],
      auth: 'session',
      body: createStaffUserRequest,
      response: staffUserDto,
      status: 201,
      personalData: true,
      handler: ({ actor, body, request }) =>
        users.createUser(actor, { db, input: body, context: auditContext(request, actor, deps.clock(), 'user_administration') }),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/users/:id',
      summary: 'Change or deactivate a staff member (If-Match: "<version>")',
      tags: ['users'],
      auth: 'session',
      params: staffUserParams,
      body: updateStaffUserRequest,
      response: staffUserDto,
      personalData: true,
      handler: async ({ actor, params, body, request, reply }) => {
        const user = await users.updateUser(actor, {
          db,
          id: params.id,
          version: parseIfMatch(request.headers['if-match']),
          input: body,
          context: auditContext(request, actor, deps.clock(), 'user_administration'),
        });
        reply.header('etag', `"${user.version}"`);
        return user;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/users/:id/enrolments',
      summary: 'One-time link that links the staff member’s next OIDC login at a provider (admin; decision 006)',
      tags: ['users'],
      auth: 'session',
      params: staffUserParams,
      body: createEnrolmentRequest,
      response: enrolmentResponse,
      status: 201,
      handler: ({ actor, params, body, request }) =>
        identities.createEnrolment(actor, {
          db,
          userId: params.id,
          providerId: body.providerId,
          providers: deps.env.OIDC_PROVIDERS,
          publicUrl: deps.env.HUSLY_PUBLIC_URL,
          context: auditContext(request, actor, deps.clock(), 'user_administration'),
        }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/users/:id/identities',
      summary: 'OIDC identities linked to a staff member (admin; audited display)',
      tags: ['users'],
      auth: 'session',
      params: staffUserParams,
      response: staffIdentityListResponse,
      personalData: true,
      handler: ({ actor, params, request }) =>
        identities.listIdentities(actor, {
          db,
          userId: params.id,
          providers: deps.env.OIDC_PROVIDERS,
          context: auditContext(request, actor, deps.clock(), 'user_administration'),
        }),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/users/:id/identities/:identityId',
      summary: 'Unlink an OIDC identity; the staff member’s sessions end (admin)',
      tags: ['users'],
      auth: 'session',
      params: staffIdentityParams,
      handler: ({ actor, params, request }) =>
        identities.unlinkIdentity(actor, {
          db,
          userId: params.id,
          identityId: params.identityId,
          context: auditContext(request, actor, deps.clock(), 'user_administration'),
        }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/auth/password',
      summary: 'Change own password; other sessions end',
      tags: ['auth'],
      auth: 'session',
      body: changePasswordRequest,
      handler: ({ actor, body, request }) =>
        users.changePassword(actor, {
          db,
          ...body,
          context: auditContext(request, actor, deps.clock(), 'authentication'),
        }),
    }),
  ];
}
