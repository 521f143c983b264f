import type { FastifyRequest } from 'fastify';
import { parsePurposeHeader, type Purpose } from '../../../shared/domain/purposes';
import { appError } from '../../http/errors';
import type { Actor } from '../auth/actor';
import type { AuditContext } from './audit.usecases';

/**
 * Who, when, which request and why, for the audit entries a request writes. The purpose comes from
 * the `x-husly-purpose` header when the client states one (e.g. the case it works in), else the
 * endpoint's default.
 */
export function auditContext(request: FastifyRequest, actor: Actor, now: Date, fallback: Purpose): AuditContext {
  const header = request.headers['x-husly-purpose'];
  const stated = typeof header === 'string' ? parsePurposeHeader(header) : null;
  if (typeof header === 'string' && !stated) throw appError('request.purpose_invalid');
  return {
    actor,
    requestId: request.id,
    now,
    purpose: stated?.purpose ?? fallback,
    purposeRef: stated?.ref ?? null,
  };
}
