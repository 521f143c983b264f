import { z } from 'zod';
import { administrativeLanguages } from '../domain/units';
import { plainText } from './text';

// Letters to the tenant of a lease (requirements R8.5, R8.6): the notice that the tenancy period
// runs out, and the invitation to a meeting about next steps. Generated as PDF in bokmål or
// nynorsk, stored with the lease. The meeting time is sent as an instant (with Z or an offset) or
// as Norwegian wall-clock time without offset ('2026-12-03T10:00'), which means Europe/Oslo.

export const letterKinds = ['lease_end_notice', 'next_steps_meeting'] as const;
export type LetterKind = (typeof letterKinds)[number];

/** Letters are written in the municipality's written standards; resident languages come later. */
export const letterLanguages = administrativeLanguages;
export type LetterLanguage = (typeof letterLanguages)[number];

const meetingAt = z.iso.datetime({ offset: true, local: true });

/** The same schema validates the web form and the request body. */
export const createLetterRequest = z
  .strictObject({
    kind: z.enum(letterKinds),
    language: z.enum(letterLanguages),
    /** Invitation only (required there): when the meeting is. */
    meetingAt: meetingAt.optional(),
    /** Invitation only: where; the municipality's address when left empty. */
    meetingPlace: plainText({ min: 0, max: 200 }).optional(),
    /** Invitation only: an interpreter has been booked for the meeting … */
    interpreterBooked: z.boolean().optional(),
    /** … for this language (implies booked). */
    interpreterLanguage: plainText({ min: 0, max: 60 }).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.kind === 'next_steps_meeting' && !value.meetingAt) {
      ctx.addIssue({ code: 'invalid_type', expected: 'string', path: ['meetingAt'], input: value.meetingAt });
    }
  });
export type CreateLetterRequest = z.infer<typeof createLetterRequest>;

export const letterDto = z.object({
  id: z.uuid(),
  leaseId: z.uuid(),
  kind: z.enum(letterKinds),
  language: z.enum(letterLanguages),
  meetingAt: z.string().nullable(),
  meetingPlace: z.string(),
  /** SHA-256 of the stored PDF (hex): what was sent can be proven later. */
  sha256: z.string(),
  sizeBytes: z.number().int(),
  createdAt: z.string(),
  createdBy: z.object({ id: z.uuid(), name: z.string() }),
  /** Where the PDF is fetched (GET, audited). */
  pdfUrl: z.string(),
});
export type LetterDto = z.infer<typeof letterDto>;

export const letterListResponse = z.object({
  items: z.array(letterDto),
  /** What the current user may do (policies travel with the data). */
  actions: z.object({ create: z.boolean() }),
});
export type LetterListResponse = z.infer<typeof letterListResponse>;

export const leaseLettersParams = z.strictObject({ id: z.uuid() });
export const letterPdfParams = z.strictObject({ id: z.uuid() });
