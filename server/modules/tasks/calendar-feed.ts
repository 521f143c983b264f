import { createHash, randomBytes } from 'node:crypto';
import ical from 'ical-generator';
import type { Kysely } from 'kysely';
import { taskTitle, type CalendarFeedCreated, type CalendarFeedStatus } from '../../../shared/api/tasks';
import { can, permissionsFor } from '../../../shared/domain/permissions';
import type { DB } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { requirePermission, toRoles, type Actor } from '../auth/actor';
import type { Clock } from '../auth/auth.usecases';
import * as repo from './tasks.repository';

// The personal ICS feed (decision 010). Calendar apps fetch it without a session, so the URL
// carries a random token (32 bytes, base64url); only its SHA-256 is stored. Creating a new one
// revokes the old; revoking makes the URL answer 404.

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function hashFeedToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function isFeedToken(value: string): boolean {
  return TOKEN.test(value);
}

export function feedStatus(actor: Actor, { db }: { db: Kysely<DB> }): Promise<CalendarFeedStatus> {
  requirePermission(actor, 'read:task:own');
  return withTenant(db, actor, async (trx) => {
    const feed = await repo.activeFeed(trx, actor.userId);
    return { active: feed !== undefined, createdAt: feed ? feed.created_at.toISOString() : null };
  });
}

/** A new feed URL (the old one stops working). The URL is returned this once. */
export function createFeed(
  actor: Actor,
  { db, clock, publicUrl }: { db: Kysely<DB>; clock: Clock; publicUrl: string },
): Promise<CalendarFeedCreated> {
  requirePermission(actor, 'write:task:own');
  const token = randomBytes(32).toString('base64url');
  return withTenant(db, actor, async (trx) => {
    await repo.revokeFeeds(trx, actor.userId, clock());
    const feed = await repo.insertFeed(trx, {
      tenantId: actor.tenantId,
      userId: actor.userId,
      tokenHash: hashFeedToken(token),
    });
    return { url: `${publicUrl}/calendar/${token}.ics`, createdAt: feed.created_at.toISOString() };
  });
}

export function revokeFeed(actor: Actor, { db, clock }: { db: Kysely<DB>; clock: Clock }): Promise<void> {
  requirePermission(actor, 'write:task:own');
  return withTenant(db, actor, async (trx) => {
    await repo.revokeFeeds(trx, actor.userId, clock());
  });
}

/**
 * The calendar for a token, or null (unknown, revoked, or its owner deactivated → 404). The user's
 * open tasks — their own, and their units' when their roles read unit tasks — as all-day events
 * carrying only the task title and due date.
 */
export async function renderFeed({
  db,
  token,
  publicUrl,
}: {
  db: Kysely<DB>;
  token: string;
  publicUrl: string;
}): Promise<string | null> {
  if (!isFeedToken(token)) return null;
  const tokenHash = hashFeedToken(token);
  const tenantId = await repo.resolveFeedTenant(db, tokenHash);
  if (!tenantId) return null;
  return withTenant(db, { tenantId }, async (trx) => {
    const owner = await repo.feedOwner(trx, tokenHash);
    if (!owner?.active) return null;
    const readsUnitTasks = can(permissionsFor(toRoles(owner.roles)), 'read:task:unit');
    const unitIds = readsUnitTasks ? await repo.userUnitIds(trx, owner.id) : [];
    const tasks = await repo.openTasksFor(trx, { userId: owner.id, unitIds });
    const lang = await repo.municipalityLanguage(trx);
    const calendar = ical({
      name: 'Husly',
      prodId: { company: 'Husly', product: 'oppgaver', language: lang.toUpperCase() },
    });
    for (const task of tasks) {
      calendar.createEvent({
        id: `${task.id}@husly`,
        start: new Date(`${task.due_on}T00:00:00Z`),
        allDay: true,
        summary: taskTitle(lang, task),
        url: `${publicUrl}/oppgaver`,
        stamp: task.updated_at,
      });
    }
    return calendar.toString();
  });
}
