import { z } from 'zod';
import { intakeProblemCodes } from '../intake/imdi-intake';

// Intake of IMDi's proposals (issue 5 item 5) in the husly.imdi-intake.v1 format
// (docs/imdi-intake-format.md; parser shared/intake/imdi-intake.ts). Each case becomes a
// household in state 'proposed' with its persons; persons already registered in this
// municipality (same fnr/D-nummer or DUF) are reported with a link and, on request, linked
// instead of registered twice. Never compared with another municipality's persons.

export const intakeModes = ['validate', 'commit'] as const;
export const MAX_INTAKE_BYTES = 8 * 1024 * 1024;

export const intakeRequest = z.strictObject({
  fileName: z.string().trim().min(1).max(255),
  /** The file's text (UTF-8). JSON if it parses as the v1 document, else CSV (';' or ','). */
  content: z.string().min(1).max(MAX_INTAKE_BYTES),
  format: z.enum(['json', 'csv']),
  mode: z.enum(intakeModes),
  /**
   * What to do with a person who already exists here: 'refuse' (default: the case is not
   * imported, 409 intake.persons_exist in commit mode) or 'link' (the household gets the
   * existing person; refused if that person is in another active household).
   */
  onExisting: z.enum(['refuse', 'link']).optional(),
});
export type IntakeRequest = z.infer<typeof intakeRequest>;

export const intakeProblemDto = z.object({
  caseRef: z.string(),
  personRef: z.string().optional(),
  path: z.string(),
  code: z.enum([...intakeProblemCodes, 'intake.case_exists', 'intake.person_in_other_household']),
  reason: z.string().optional(),
});
export type IntakeProblemDto = z.infer<typeof intakeProblemDto>;

export const intakeMatchDto = z.object({
  caseRef: z.string(),
  personRef: z.string(),
  path: z.string(),
  existingPersonId: z.uuid(),
  on: z.enum(['identity_number', 'duf_number']),
  /** The existing person's current household, if any (a link, same municipality only). */
  household: z.object({ id: z.uuid(), reference: z.string() }).nullable(),
});
export type IntakeMatchDto = z.infer<typeof intakeMatchDto>;

export const intakeCaseOutcomeDto = z.object({
  imdiCaseId: z.string(),
  persons: z.number().int(),
  /** validate: 'ready'; commit: 'created'. 'invalid' cases have problems; 'existing' ones matches. */
  outcome: z.enum(['ready', 'created', 'invalid', 'existing']),
  household: z.object({ id: z.uuid(), reference: z.string() }).nullable(),
});

export const intakeResponse = z.object({
  batchId: z.uuid().nullable(),
  mode: z.enum(intakeModes),
  cases: z.array(intakeCaseOutcomeDto),
  problems: z.array(intakeProblemDto),
  matches: z.array(intakeMatchDto),
  created: z.number().int(),
});
export type IntakeResponse = z.infer<typeof intakeResponse>;
