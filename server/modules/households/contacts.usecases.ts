import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { ContactCardLanguage, ContactDto, ContactInput } from '../../../shared/api/households';
import {
  contactCard,
  contactPhone,
  nationalEmergencyNumbers,
  type ContactCardContact,
} from '../../../shared/contact-card/contact-card';
import { osloToday } from '../../../shared/domain/calendar-date';
import type { FieldProblem } from '../../../shared/errors';
import type { DB } from '../../db/schema';
import { withTenant, type Tx } from '../../db/tenant';
import { appError } from '../../http/errors';
import { actorCan, requirePermission, type Actor } from '../auth/actor';
import { recordAudit, type AuditContext } from '../audit/audit.usecases';
import { renderContactCard } from '../contact-card/contact-card.pdf';
import { readSettlementSettings } from '../settlement-settings/settlement-settings.usecases';
import * as repo from './contacts.repository';

// A household's named contacts (issue 5 item 7; R6.5: in Bjerke 7 of 13 residents did not know
// how to contact their landlord) and the printable "who to contact" card built from them.
//
// - GET lists them (read:household; an audited display — a guardian's phone is personal data).
// - PUT replaces them all at once (write:household; If-Match on the household's version, which it
//   bumps, so two people editing the household and its contacts notice each other). A staff
//   contact's e-mail defaults from the staff profile (the profile has no phone). Phone numbers are
//   stored as the card prints them. Every contact needs a phone or an e-mail (contact.unreachable).
// - The card: the contacts, the municipality's name and after-hours number, the reference, today.

type Deps = { db: Kysely<DB>; clock: () => Date };

export type ContactsResponse = { id: string; version: number; contacts: ContactDto[] };

const displayedFields = ['role', 'name', 'phone', 'email', 'availability'];

/** The widest scope the actor has for `action` on households; 403 without any. */
function householdScope(actor: Actor, action: 'read' | 'write'): { unitIds: readonly string[] | null } {
  if (actorCan(actor, `${action}:household:any`)) return { unitIds: null };
  requirePermission(actor, `${action}:household:unit`);
  return { unitIds: actor.unitIds };
}

/** The household if the actor may reach it; another unit's or municipality's is 404 (no oracle). */
async function reachableHousehold(
  trx: Tx,
  actor: Actor,
  { id, action, forUpdate = false }: { id: string; action: 'read' | 'write'; forUpdate?: boolean },
): Promise<repo.HouseholdForContacts> {
  const scope = householdScope(actor, action);
  const row = await repo.findHousehold(trx, id, { forUpdate });
  if (!row || row.anonymised_at) throw appError('resource.not_found');
  if (scope.unitIds !== null && !scope.unitIds.includes(row.responsible_unit_id)) throw appError('resource.not_found');
  return row;
}

function present(row: repo.ContactRow): ContactDto {
  return {
    id: row.id,
    role: row.role,
    staffUserId: row.staff_user_id,
    name: row.name,
    phone: row.phone,
    email: row.email,
    availability: row.availability,
    sortOrder: row.sort_order,
  };
}

export function getContacts(
  actor: Actor,
  { db, id, context }: { db: Kysely<DB>; id: string; context: AuditContext },
): Promise<ContactsResponse> {
  householdScope(actor, 'read');
  return withTenant(db, actor, async (trx) => {
    const household = await reachableHousehold(trx, actor, { id, action: 'read' });
    const rows = await repo.contactsOf(trx, id);
    await recordAudit(trx, context, {
      action: 'display',
      entity: 'household_contact',
      subject: { type: 'household', id },
      fields: displayedFields,
    });
    return { id, version: household.version, contacts: rows.map(present) };
  });
}

/** Validates and completes the submitted contacts; nothing is written when any is refused. */
async function checkedContacts(trx: Tx, input: readonly ContactInput[]): Promise<repo.NewContact[]> {
  const staffIds = [...new Set(input.map((c) => c.staffUserId).filter((id): id is string => !!id))];
  const profiles = new Map((await repo.staffProfiles(trx, staffIds)).map((p) => [p.id, p]));
  const invalid: FieldProblem[] = [];
  const unreachable: FieldProblem[] = [];
  const contacts = input.map((contact, index): repo.NewContact => {
    const at = (field: string) => `/contacts/${index}/${field}`;
    const profile = contact.staffUserId ? profiles.get(contact.staffUserId) : undefined;
    if (contact.staffUserId && !profile) invalid.push({ pointer: at('staffUserId'), code: 'invalid_value' });
    let phone = contact.phone?.trim() ?? '';
    if (phone !== '') {
      const parsed = contactPhone.safeParse(phone);
      if (parsed.success) phone = parsed.data;
      else invalid.push({ pointer: at('phone'), code: 'invalid_format' });
    }
    const email = contact.email?.trim() || profile?.email || '';
    if (phone === '' && email === '') unreachable.push({ pointer: at('phone'), code: 'contact.unreachable' });
    return {
      role: contact.role,
      staff_user_id: contact.staffUserId ?? null,
      name: contact.name,
      phone,
      email,
      availability: contact.availability ?? '',
      sort_order: contact.sortOrder ?? index,
    };
  });
  if (invalid.length > 0) throw appError('request.invalid', { errors: invalid });
  if (unreachable.length > 0) throw appError('contact.unreachable', { errors: unreachable });
  return contacts;
}

export function replaceContacts(
  actor: Actor,
  {
    db,
    clock,
    id,
    version,
    input,
    context,
  }: Deps & { id: string; version: number; input: readonly ContactInput[]; context: AuditContext },
): Promise<ContactsResponse> {
  householdScope(actor, 'write');
  return withTenant(db, actor, async (trx) => {
    const household = await reachableHousehold(trx, actor, { id, action: 'write', forUpdate: true });
    if (household.version !== version) throw appError('resource.version_conflict');
    const contacts = await checkedContacts(trx, input);
    await repo.replaceContacts(trx, { tenantId: actor.tenantId, householdId: id, contacts });
    if (!(await repo.bumpHouseholdVersion(trx, { id, version, now: clock() })))
      throw appError('resource.version_conflict');
    await recordAudit(trx, context, {
      action: 'update',
      entity: 'household_contact',
      subject: { type: 'household', id },
      fields: displayedFields,
    });
    const rows = await repo.contactsOf(trx, id);
    return { id, version: version + 1, contacts: rows.map(present) };
  });
}

// ---------------------------------------------------------------------------------------------
// The contact card

const cardEmail = z.email().max(254);

/**
 * A stored contact as the card prints it. Contacts saved through the form are already in shape;
 * one written another way (an import, an older row) with a phone the card cannot print keeps its
 * e-mail, and one with neither usable is left off rather than printed half.
 */
function cardContact(row: repo.ContactRow): ContactCardContact | null {
  const phone = row.phone ? contactPhone.safeParse(row.phone) : null;
  const email = row.email && cardEmail.safeParse(row.email).success ? row.email : undefined;
  if (!phone?.success && !email) return null;
  return {
    role: row.role,
    name: row.name,
    ...(phone?.success && { phone: phone.data }),
    ...(email && { email }),
    ...(row.availability.trim() && { hours: row.availability.trim() }),
  };
}

/** `kontaktkort-H-2026-0001-ar.pdf`: the reference and language, nothing else. */
function cardFileName(reference: string, language: string): string {
  return `kontaktkort-${reference.replace(/[^A-Za-z0-9._-]/g, '_')}-${language}.pdf`;
}

/**
 * The household's "who to contact" card as PDF in bokmål or nynorsk (the municipality's) beside
 * `language`. Audited as an export of the household before the PDF is made.
 */
export async function contactCardPdf(
  actor: Actor,
  { db, clock, id, language, context }: Deps & { id: string; language: ContactCardLanguage; context: AuditContext },
): Promise<{ pdf: Buffer; fileName: string }> {
  householdScope(actor, 'read');
  const { card, norwegian, reference } = await withTenant(db, actor, async (trx) => {
    const household = await reachableHousehold(trx, actor, { id, action: 'read' });
    const settings = await readSettlementSettings(trx);
    if (settings.emergencyPhone === '') throw appError('contact_card.after_hours_missing');
    const contacts = (await repo.contactsOf(trx, id)).map(cardContact).filter((c) => c !== null);
    if (contacts.length === 0) throw appError('contact_card.contacts_missing');
    const municipality = await repo.municipality(trx);
    const parsed = contactCard.parse({
      municipalityName: municipality.name,
      householdReference: household.reference,
      contacts,
      emergencyNumbers: { ...nationalEmergencyNumbers, municipalAfterHours: settings.emergencyPhone },
      date: osloToday(clock()),
    });
    await recordAudit(trx, context, {
      action: 'export',
      entity: 'contact_card',
      subject: { type: 'household', id },
      fields: ['contacts'],
    });
    return { card: parsed, norwegian: municipality.language, reference: household.reference };
  });
  // Rendered after the transaction: a card takes a moment, and holds no lock meanwhile.
  const pdf = await renderContactCard(card, language, { clock, norwegian });
  return { pdf, fileName: cardFileName(reference, language) };
}
