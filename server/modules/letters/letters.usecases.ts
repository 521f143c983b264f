import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CreateLetterRequest, LetterDto, LetterKind, LetterListResponse } from '../../../shared/api/letters';
import type { DB } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { appError } from '../../http/errors';
import { actorCan, requirePermission, type Actor } from '../auth/actor';
import { recordAudit, type AuditContext } from '../audit/audit.usecases';
import { renderLetterPdf } from './letters.pdf';
import { presentLetter } from './letters.presenters';
import * as repo from './letters.repository';
import { letterAvailable, letterConditionsFor, letterValues, parseMeetingAt, senderName } from './letters.rules';
import { letterTemplates, resolveLetter } from './letters.templates';

/** The person data a letter prints (for the audit entries' `fields`). */
const letterFields = ['full_name', 'dwelling_address', 'lease_reference', 'lease_end_date'] as const;

export function listLetters(
  actor: Actor,
  { db, leaseId }: { db: Kysely<DB>; leaseId: string },
): Promise<LetterListResponse> {
  requirePermission(actor, 'read:lease:any');
  return withTenant(db, actor, async (trx) => {
    if (!(await repo.leaseExists(trx, leaseId))) throw appError('resource.not_found');
    // Metadata only (kind, language, who and when): no personal data is shown, so nothing to audit.
    return {
      items: (await repo.listLetters(trx, leaseId)).map(presentLetter),
      actions: { create: actorCan(actor, 'write:lease:any') },
    };
  });
}

/**
 * Makes a letter for the lease's main tenant from the template, stores the PDF with its SHA-256
 * and links it to the lease, and audits it — all in one transaction.
 */
export function createLetter(
  actor: Actor,
  {
    db,
    leaseId,
    input,
    context,
  }: { db: Kysely<DB>; leaseId: string; input: CreateLetterRequest; context: AuditContext },
): Promise<LetterDto> {
  requirePermission(actor, 'write:lease:any');
  const now = context.now;
  const meetingAt = input.kind === 'next_steps_meeting' && input.meetingAt ? parseMeetingAt(input.meetingAt) : null;
  // An invitation to a meeting that has already been is no invitation.
  if (meetingAt && meetingAt.getTime() <= now.getTime()) {
    throw appError('request.invalid', { errors: [{ pointer: '/meetingAt', code: 'too_small' }] });
  }
  return withTenant(db, actor, async (trx) => {
    const lease = await repo.findLeaseForLetter(trx, leaseId);
    if (!lease) throw appError('resource.not_found');
    if (!letterAvailable(lease, input.kind) || !lease.tenantPersonId) throw appError('letter.not_available');

    const sender = await repo.findLetterSender(trx, actor.tenantId);
    const contactName = await repo.staffName(trx, actor.userId);
    const meetingPlace = input.kind === 'next_steps_meeting' ? (input.meetingPlace ?? '') : '';
    const values = letterValues({
      lease,
      sender,
      options: input,
      language: input.language,
      now,
      contactName,
      meetingAt,
      meetingPlace,
    });
    const letter = resolveLetter(
      letterTemplates[input.kind][input.language],
      letterConditionsFor(lease, sender, input),
      values,
    );
    const from = senderName(sender);
    const pdf = await renderLetterPdf({
      language: input.language,
      createdAt: now,
      sender: { name: from, address: sender.address, phone: sender.phone, email: sender.email },
      letterDate: values.letterDate!,
      reference: lease.reference,
      recipient: { name: lease.tenantName!, street: lease.street, postalLine: values.postalLine! },
      letter,
      signature: { name: contactName, unit: values.contactUnit!, sender: from },
    });
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const id = await repo.insertLetter(trx, {
      tenantId: actor.tenantId,
      leaseId,
      kind: input.kind,
      language: input.language,
      meetingAt,
      meetingPlace: meetingAt ? values.meetingPlace! : '',
      pdf,
      sha256,
      createdBy: actor.userId,
    });
    await recordAudit(trx, context, {
      action: 'create',
      entity: 'letter',
      subject: { type: 'person', id: lease.tenantPersonId },
      fields: input.kind === 'next_steps_meeting' ? [...letterFields, 'meeting_at', 'meeting_place'] : letterFields,
    });
    return presentLetter((await repo.findLetter(trx, id))!);
  });
}

const fileNames: Record<LetterKind, string> = {
  lease_end_notice: 'varsel-leieperiode',
  next_steps_meeting: 'innkalling-samtale',
};

/** The stored PDF, for download. Showing it shows the tenant's name and address: audited. */
export function letterPdf(
  actor: Actor,
  { db, id, context }: { db: Kysely<DB>; id: string; context: AuditContext },
): Promise<{ pdf: Buffer; fileName: string; sha256: string }> {
  requirePermission(actor, 'read:lease:any');
  return withTenant(db, actor, async (trx) => {
    const row = await repo.findLetterPdf(trx, id);
    if (!row) throw appError('resource.not_found');
    await recordAudit(trx, context, {
      action: 'display',
      entity: 'letter',
      subject: row.tenant_person_id ? { type: 'person', id: row.tenant_person_id } : null,
      fields: letterFields,
    });
    // ASCII only, from the kind and the lease reference (no names in file names).
    const reference = row.lease_reference.replace(/[^A-Za-z0-9._-]+/g, '-');
    return { pdf: Buffer.from(row.pdf), fileName: `${fileNames[row.kind]}-${reference}.pdf`, sha256: row.sha256 };
  });
}
