import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { SessionResponse } from '../../../shared/api/session';
import type { UnitKind } from '../../../shared/domain/units';
import type { DB } from '../../db/schema';
import { withTenant, type Tx } from '../../db/tenant';
import { appError } from '../../http/errors';
import { actorPermissions, toRoles, type Actor } from './actor';
import * as repo from './auth.repository';
import { burnPasswordCheck, verifyPassword } from './passwords';

export type SessionSettings = { idleMinutes: number; absoluteHours: number };
export type Clock = () => Date;

const MAX_FAILED_LOGINS = 5;
const LOCK_MINUTES = 15;

/** 256-bit CSPRNG token (ASVS 7.2.3); only its SHA-256 is stored. */
function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sessionIdFromToken(token: string): string | null {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  return createHash('sha256').update(token).digest('hex');
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function sessionResponse(trx: Tx, actor: Actor): Promise<SessionResponse> {
  const [user, municipality, units] = await Promise.all([
    repo.findUser(trx, actor.userId),
    repo.findMunicipality(trx),
    repo.userUnits(trx, actor.userId),
  ]);
  if (!user) throw appError('auth.required');
  return {
    user: { id: user.id, displayName: user.display_name, email: user.email, roles: toRoles(user.roles) },
    municipality: {
      id: municipality.tenant_id,
      kommunenummer: municipality.kommunenummer,
      name: municipality.name,
      language: municipality.language,
    },
    units: units.map((u) => ({ id: u.id, name: u.name, kind: u.kind as UnitKind })),
    activeUnitId: actor.activeUnitId,
    permissions: actorPermissions({ roles: toRoles(user.roles) }),
    csrfToken: actor.csrfToken,
  };
}

/**
 * Opens a new server-side session for a staff member who has just authenticated (locally or by
 * OIDC). Always a new id (ASVS 7.2.4). Runs inside the tenant's transaction.
 */
export async function openSession(
  trx: Tx,
  { clock, settings, tenantId, userId }: { clock: Clock; settings: SessionSettings; tenantId: string; userId: string },
): Promise<{ token: string; session: SessionResponse }> {
  const now = clock();
  const user = await repo.findUser(trx, userId);
  if (!user?.active) throw appError('auth.invalid_credentials');
  const units = await repo.userUnits(trx, userId);
  const token = newToken();
  const sessionId = sessionIdFromToken(token)!;
  const actor: Actor = {
    tenantId,
    userId,
    roles: toRoles(user.roles),
    unitIds: units.map((u) => u.id),
    activeUnitId: units[0]?.id ?? null,
    sessionId,
    csrfToken: newToken(),
  };
  await repo.insertSession(trx, {
    tenantId,
    id: sessionId,
    userId,
    csrfToken: actor.csrfToken,
    activeUnitId: actor.activeUnitId,
    now,
    expiresAt: new Date(now.getTime() + settings.absoluteHours * 3_600_000),
  });
  return { token, session: await sessionResponse(trx, actor) };
}

/**
 * Local login. A wrong e-mail and a wrong password give the same `auth.invalid_credentials`;
 * after 5 failures in a row the account is locked for 15 minutes (`auth.locked`).
 */
export async function login({
  db,
  clock,
  settings,
  email,
  password,
}: {
  db: Kysely<DB>;
  clock: Clock;
  settings: SessionSettings;
  email: string;
  password: string;
}): Promise<{ token: string; session: SessionResponse }> {
  const candidates = await repo.findLoginCandidates(db, email.trim().toLowerCase());
  if (candidates.length === 0) {
    await burnPasswordCheck(password);
    throw appError('auth.invalid_credentials');
  }
  let locked = false;
  for (const candidate of candidates) {
    const outcome = await withTenant(db, { tenantId: candidate.tenant_id }, async (trx) => {
      const now = clock();
      const user = await repo.findUser(trx, candidate.user_id);
      if (!user || !user.active || !user.password_hash) return null;
      if (user.locked_until && user.locked_until > now) return 'locked' as const;
      if (!(await verifyPassword(user.password_hash, password))) {
        const lock = user.failed_logins + 1 >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
        await repo.recordFailedLogin(trx, user.id, lock);
        return lock ? ('locked' as const) : null;
      }
      await repo.recordSuccessfulLogin(trx, user.id);
      return openSession(trx, { clock, settings, tenantId: candidate.tenant_id, userId: user.id });
    });
    if (outcome === 'locked') locked = true;
    else if (outcome) return outcome;
  }
  throw appError(locked ? 'auth.locked' : 'auth.invalid_credentials');
}

/**
 * Resolves the session cookie to an Actor, enforcing the idle and absolute timeouts on the
 * server (ASVS 7.3.1/7.3.2) and, for state-changing requests, the CSRF token.
 */
export async function authenticate({
  db,
  clock,
  settings,
  token,
  csrfHeader,
  requireCsrf,
}: {
  db: Kysely<DB>;
  clock: Clock;
  settings: SessionSettings;
  token: string | undefined;
  csrfHeader: string | undefined;
  requireCsrf: boolean;
}): Promise<Actor | null> {
  const sessionId = token ? sessionIdFromToken(token) : null;
  if (!sessionId) return null;
  const tenantId = await repo.resolveSessionTenant(db, sessionId);
  if (!tenantId) return null;
  const actor = await withTenant(db, { tenantId }, async (trx) => {
    const now = clock();
    const session = await repo.findSession(trx, sessionId);
    if (!session) return null;
    const idleExpired = now.getTime() - session.last_seen_at.getTime() > settings.idleMinutes * 60_000;
    if (idleExpired || now >= session.expires_at) {
      await repo.deleteSession(trx, sessionId);
      return 'expired' as const;
    }
    const user = await repo.findUser(trx, session.user_id);
    if (!user?.active) {
      await repo.deleteSession(trx, sessionId);
      return 'expired' as const;
    }
    await repo.touchSession(trx, sessionId, now);
    const units = await repo.userUnits(trx, user.id);
    return {
      tenantId,
      userId: user.id,
      roles: toRoles(user.roles),
      unitIds: units.map((u) => u.id),
      activeUnitId: session.active_unit_id,
      sessionId,
      csrfToken: session.csrf_token,
    } satisfies Actor;
  });
  if (actor === 'expired' || !actor) return null;
  if (requireCsrf && !(csrfHeader && sameSecret(csrfHeader, actor.csrfToken))) throw appError('auth.csrf');
  return actor;
}

export function getSession({ db, actor }: { db: Kysely<DB>; actor: Actor }): Promise<SessionResponse> {
  return withTenant(db, actor, (trx) => sessionResponse(trx, actor));
}

export function switchUnit({ db, actor, unitId }: { db: Kysely<DB>; actor: Actor; unitId: string }): Promise<SessionResponse> {
  // Only a unit the staff member belongs to; another tenant's or unknown id → not found.
  if (!actor.unitIds.includes(unitId)) throw appError('resource.not_found');
  return withTenant(db, actor, async (trx) => {
    await repo.setActiveUnit(trx, actor.sessionId, unitId);
    return sessionResponse(trx, { ...actor, activeUnitId: unitId });
  });
}

export function logout({ db, actor }: { db: Kysely<DB>; actor: Actor }): Promise<void> {
  return withTenant(db, actor, (trx) => repo.deleteSession(trx, actor.sessionId));
}
