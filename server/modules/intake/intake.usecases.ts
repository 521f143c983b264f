import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { IntakeMatchDto, IntakeProblemDto, IntakeRequest, IntakeResponse } from '../../../shared/api/intake';
import { osloToday } from '../../../shared/domain/calendar-date';
import type { Environment } from '../../../shared/domain/identity-rules';
import {
  findExistingMatches,
  parseIntake,
  splitCsv,
  type ParsedCase,
  type ParsedPerson,
} from '../../../shared/intake/imdi-intake';
import type { FieldProblem } from '../../../shared/errors';
import type { DB } from '../../db/schema';
import { withTenant, type Tx } from '../../db/tenant';
import { appError, type AppError } from '../../http/errors';
import { recordAudit, type AuditContext } from '../audit/audit.usecases';
import { requirePermission, type Actor } from '../auth/actor';
import { nextHouseholdReference } from '../households/household-reference';
import { insertPerson, personConflict } from '../persons/persons.write';
import * as repo from './intake.repository';

// Intake of IMDi's settlement proposals (issue 5 item 5; requirements P3, R3.1): a file in the
// husly.imdi-intake.v1 format (docs/imdi-intake-format.md) becomes one household per case, in
// pipeline state 'proposed', with its persons, members, first pipeline event and IMDi's mapping
// notes in the special-category store.
//
// `validate` writes nothing (beyond the audit entries for existing persons it names) and says
// what a commit would do. `commit` is all or nothing: any problem (422 intake.cases_invalid) or
// any existing person not to be linked (409 intake.persons_exist) and nothing is written;
// otherwise every case is written in ONE transaction. Persons are compared with this
// municipality's persons only (row-level security): another municipality's person with the same
// number is neither matched nor revealed, and is registered here as a new person.

type Deps = { db: Kysely<DB>; clock: () => Date; environment: Environment };

/** The reason recorded on the first pipeline event of an imported household. */
export const INTAKE_EVENT_REASON = 'IMDi-forslag';

/** Where the parser puts a case-level field: a JSON Pointer under the case, or the CSV column. */
function casePath(format: 'json' | 'csv', c: ParsedCase, field: 'imdiCaseId'): string {
  return format === 'json' ? `${c.path}/${field}` : `${c.path}/imdi_case_id`;
}

function personFieldPath(format: 'json' | 'csv', p: ParsedPerson, on: 'identity_number' | 'duf_number'): string {
  if (format === 'csv') return `${p.path}/${on}`;
  return `${p.path}/${on === 'identity_number' ? 'identityNumber' : 'dufNumber'}`;
}

/**
 * Every case in the file, in file order, with its number of persons, named as the parser names
 * them (IMDi's case id, or `#n`). Also the cases the parser refused, so the report lists them.
 */
export function casesInFile(content: string, format: 'json' | 'csv'): { ref: string; persons: number }[] {
  const out = new Map<string, number>();
  if (format === 'json') {
    let doc: unknown;
    try {
      doc = JSON.parse(content.replace(/^\uFEFF/, ''));
    } catch {
      return [];
    }
    const cases = (doc as { cases?: unknown } | null)?.cases;
    if (!Array.isArray(cases)) return [];
    cases.forEach((c: unknown, i) => {
      const record = c !== null && typeof c === 'object' ? (c as Record<string, unknown>) : {};
      const id = typeof record.imdiCaseId === 'string' ? record.imdiCaseId.trim() : '';
      const ref = id !== '' ? id : `#${i + 1}`;
      if (!out.has(ref)) out.set(ref, Array.isArray(record.persons) ? record.persons.length : 0);
    });
  } else {
    const split = splitCsv(content);
    if (!split || split.records.length < 2) return [];
    const [header = [], ...rows] = split.records;
    const column = header.map((h) => h.trim().toLowerCase()).indexOf('imdi_case_id');
    if (column < 0) return [];
    const groups = new Map<string, number>();
    rows.forEach((r, i) => {
      const id = (r[column] ?? '').trim();
      const key = id !== '' ? id : `#line${split.lines[i + 1] ?? i + 2}`;
      groups.set(key, (groups.get(key) ?? 0) + 1);
    });
    let n = 0;
    for (const [key, persons] of groups) {
      n++;
      const ref = key.startsWith('#line') ? `#${n}` : key;
      if (!out.has(ref)) out.set(ref, persons);
    }
  }
  return [...out].map(([ref, persons]) => ({ ref, persons }));
}

type Analysis = {
  problems: IntakeProblemDto[];
  matches: IntakeMatchDto[];
  /** Cases refused here (case exists, person in another household) on top of the parser's. */
  refused: Set<string>;
  /** Cases with an existing person that is not to be linked (refuse, or an ambiguous match). */
  blocked: Set<string>;
  existingCase: Map<string, { id: string; reference: string }>;
  /** For 'link': file person (case + ref) → the existing person to use, and a closed household to leave. */
  links: Map<string, { personId: string; leave: { householdId: string } | null }>;
};

const personKey = (caseRef: string, personRef: string) => `${caseRef}\u0000${personRef}`;

/** Compares the file's valid cases with this municipality's households and persons. */
async function analyse(
  trx: Tx,
  cases: readonly ParsedCase[],
  { format, onExisting }: { format: 'json' | 'csv'; onExisting: 'refuse' | 'link' },
): Promise<Analysis> {
  const problems: IntakeProblemDto[] = [];
  const refused = new Set<string>();
  const blocked = new Set<string>();
  const links: Analysis['links'] = new Map();

  // One open household per IMDi case (household_imdi_case_key).
  const existingCase = await repo.openCases(
    trx,
    cases.map((c) => c.imdiCaseId),
  );
  for (const c of cases) {
    if (!existingCase.has(c.imdiCaseId)) continue;
    problems.push({ caseRef: c.imdiCaseId, path: casePath(format, c, 'imdiCaseId'), code: 'intake.case_exists' });
    refused.add(c.imdiCaseId);
  }

  // Only persons holding one of the file's numbers are read.
  const persons = cases.flatMap((c) => c.persons);
  const existing = await repo.personsByNumbers(trx, {
    identityNumbers: [...new Set(persons.flatMap((p) => (p.identityNumber ? [p.identityNumber] : [])))],
    dufNumbers: [...new Set(persons.flatMap((p) => (p.dufNumber ? [p.dufNumber] : [])))],
  });
  const found = findExistingMatches(cases, existing);
  const memberships = await repo.openMemberships(trx, [...new Set(found.map((m) => m.existingId))]);
  const matches: IntakeMatchDto[] = found.map((m) => {
    const household = memberships.get(m.existingId);
    const person = cases.find((c) => c.imdiCaseId === m.caseRef)?.persons.find((p) => p.ref === m.personRef);
    return {
      caseRef: m.caseRef,
      personRef: m.personRef,
      path: person ? personFieldPath(format, person, m.on) : m.path,
      existingPersonId: m.existingId,
      on: m.on,
      household: household ? { id: household.householdId, reference: household.reference } : null,
    };
  });

  // Which existing person each matched file person is; a file person matching two existing
  // persons (fnr → one, DUF → another), or two file persons the same existing person, is
  // ambiguous and cannot be linked.
  const byPerson = new Map<string, Set<string>>();
  for (const m of found) {
    const key = personKey(m.caseRef, m.personRef);
    byPerson.set(key, (byPerson.get(key) ?? new Set()).add(m.existingId));
  }
  const claims = new Map<string, number>();
  for (const ids of byPerson.values()) for (const id of ids) claims.set(id, (claims.get(id) ?? 0) + 1);

  for (const m of found) {
    if (refused.has(m.caseRef)) continue;
    const key = personKey(m.caseRef, m.personRef);
    const ids = byPerson.get(key)!;
    if (onExisting === 'refuse' || ids.size > 1 || (claims.get(m.existingId) ?? 0) > 1) {
      blocked.add(m.caseRef);
      continue;
    }
    if (links.has(key)) continue;
    const membership = memberships.get(m.existingId);
    if (membership && !(repo.CLOSED_STATES as readonly string[]).includes(membership.state)) {
      const person = cases.find((c) => c.imdiCaseId === m.caseRef)?.persons.find((p) => p.ref === m.personRef);
      problems.push({
        caseRef: m.caseRef,
        personRef: m.personRef,
        path: person?.path ?? m.path,
        code: 'intake.person_in_other_household',
      });
      refused.add(m.caseRef);
      continue;
    }
    links.set(key, {
      personId: m.existingId,
      leave: membership ? { householdId: membership.householdId } : null,
    });
  }
  return { problems, matches, refused, blocked, existingCase, links };
}

type Outcome = { kind: 'report'; response: IntakeResponse } | { kind: 'refused'; error: AppError };

/**
 * Validates (and in `commit` mode imports) an IMDi intake file for the actor's municipality.
 * Needs write:household and write:person; mapping notes go to the special-category store, so a
 * commit of a file with notes also needs write:functional_needs.
 */
export async function importIntake(
  actor: Actor,
  { db, clock, environment, input, context }: Deps & { input: IntakeRequest; context: AuditContext },
): Promise<IntakeResponse> {
  requirePermission(actor, 'write:household:any');
  requirePermission(actor, 'write:person:any');
  const now = clock();
  const today = osloToday(now);
  const { format, mode } = input;
  const onExisting = input.onExisting ?? 'refuse';
  const parsed = parseIntake(input.content, { format, today, environment });
  if (mode === 'commit' && parsed.cases.some((c) => c.mappingNotes !== null)) {
    requirePermission(actor, 'write:functional_needs:any');
  }

  const outcome = await withTenant(db, actor, async (trx): Promise<Outcome> => {
    if (mode === 'commit') await repo.lockIntake(trx, actor.tenantId);
    const analysis = await analyse(trx, parsed.cases, { format, onExisting });
    const problems: IntakeProblemDto[] = [...parsed.problems, ...analysis.problems];
    const invalid = new Set(problems.map((p) => p.caseRef));
    const valid = new Set(parsed.cases.map((c) => c.imdiCaseId));

    // A match names an existing person (and their household): that is a display of their record.
    for (const id of new Set(analysis.matches.map((m) => m.existingPersonId))) {
      await recordAudit(trx, context, {
        action: 'display',
        entity: 'person',
        subject: { type: 'person', id },
        fields: ['intake_match', 'household'],
      });
    }

    const fileCases = casesInFile(input.content, format);
    const outcomeOf = (ref: string): IntakeResponse['cases'][number]['outcome'] => {
      const existing = analysis.existingCase.get(ref);
      if (existing) return 'existing';
      if (invalid.has(ref) || !valid.has(ref)) return 'invalid';
      if (analysis.blocked.has(ref)) return 'existing';
      return mode === 'commit' ? 'created' : 'ready';
    };
    const report = (
      created: Map<string, { id: string; reference: string }>,
      batchId: string | null,
    ): IntakeResponse => ({
      batchId,
      mode,
      cases: fileCases.map(({ ref, persons }) => ({
        imdiCaseId: ref,
        persons,
        outcome: outcomeOf(ref),
        household: analysis.existingCase.get(ref) ?? created.get(ref) ?? null,
      })),
      problems,
      matches: analysis.matches,
      created: created.size,
    });

    if (mode === 'validate') return { kind: 'report', response: report(new Map(), null) };

    if (problems.length > 0) {
      // As the dwelling import reports its rows on 422: one field problem per problem, its path
      // in the file as the pointer (no names, no numbers).
      const errors: FieldProblem[] = problems.map((p) => ({ pointer: p.path, code: p.code }));
      return { kind: 'refused', error: appError('intake.cases_invalid', { errors }) };
    }
    const refusedMatches = analysis.matches.filter((m) => analysis.blocked.has(m.caseRef));
    if (refusedMatches.length > 0) {
      const errors: FieldProblem[] = refusedMatches.map((m) => ({
        pointer: m.path,
        code: m.on === 'identity_number' ? 'person.identity_number_taken' : 'person.duf_taken',
      }));
      const conflict = await personConflict(trx, refusedMatches[0]!.existingPersonId);
      return { kind: 'refused', error: appError('intake.persons_exist', { errors, conflict }) };
    }

    const unitId = actor.activeUnitId ?? actor.unitIds[0];
    if (!unitId) throw appError('household.unit_invalid');
    const created = new Map<string, { id: string; reference: string }>();
    let personsCreated = 0;
    for (const c of parsed.cases) {
      const reference = await nextHouseholdReference(trx, {
        tenantId: actor.tenantId,
        year: Number(today.slice(0, 4)),
      });
      const householdId = await repo.insertHousehold(trx, {
        tenantId: actor.tenantId,
        reference,
        imdiCaseId: c.imdiCaseId,
        category: c.category,
        responsibleUnitId: unitId,
        proposedOn: c.proposedOn,
        residencePermitDate: c.residencePermitDate,
        receptionCentre: c.receptionCentre,
        createdBy: actor.userId,
        now,
      });
      const members: { personId: string; relation: ParsedPerson['relation']; joinedOn: string }[] = [];
      let mainPersonId: string | null = null;
      for (const p of c.persons) {
        const link = analysis.links.get(personKey(c.imdiCaseId, p.ref));
        let personId: string;
        if (link) {
          // The existing record is kept as it is; only its membership is new.
          personId = link.personId;
          if (link.leave)
            await repo.leaveClosedHousehold(trx, { personId, householdId: link.leave.householdId, leftOn: today });
        } else {
          ({ id: personId } = await insertPerson(trx, {
            tenantId: actor.tenantId,
            actorUserId: actor.userId,
            environment,
            today,
            pointer: p.path,
            input: {
              fullName: p.fullName,
              transliteration: p.transliteration,
              birthDate: p.birthDate,
              identityNumber: p.identityNumber,
              dufNumber: p.dufNumber,
              nationality: p.nationality,
              languages: p.languages,
              refugeeCategory: c.category,
              residencePermitDate: c.residencePermitDate,
              receptionCentre: c.receptionCentre,
            },
          }));
          personsCreated += 1;
          await recordAudit(trx, context, {
            action: 'create',
            entity: 'person',
            subject: { type: 'person', id: personId },
          });
        }
        if (p.isMainPerson) mainPersonId = personId;
        members.push({ personId, relation: p.relation, joinedOn: c.proposedOn });
      }
      await repo.insertMembers(trx, actor.tenantId, householdId, members);
      await repo.insertInitialEvent(trx, {
        tenantId: actor.tenantId,
        householdId,
        effectiveOn: c.proposedOn,
        reason: INTAKE_EVENT_REASON,
        actorUserId: actor.userId,
        now,
      });
      // IMDi's kartlegging may describe health and functional needs: it is stored only in the
      // special-category store, as functional-needs data under the Integration Act, for the main
      // person. Staff re-classify it (e.g. as health) when they read it.
      if (c.mappingNotes !== null && mainPersonId !== null) {
        await repo.insertMappingRecord(trx, {
          tenantId: actor.tenantId,
          personId: mainPersonId,
          details: c.mappingNotes,
          legalBasisNote: `Kartlegging fra IMDi i bosettingsforslag ${c.imdiCaseId}`.slice(0, 500),
          recordedBy: actor.userId,
          now,
        });
      }
      await recordAudit(trx, context, {
        action: 'create',
        entity: 'household',
        subject: { type: 'household', id: householdId },
        fields: c.mappingNotes !== null ? ['members', 'pipeline', 'functional_needs'] : ['members', 'pipeline'],
      });
      created.set(c.imdiCaseId, { id: householdId, reference });
    }
    const batchId = await repo.insertBatch(trx, {
      tenantId: actor.tenantId,
      fileName: input.fileName,
      sha256: createHash('sha256').update(input.content, 'utf8').digest('hex'),
      format,
      casesTotal: fileCases.length,
      casesCreated: created.size,
      problems: 0,
      importedBy: actor.userId,
      now,
    });
    await recordAudit(trx, context, {
      action: 'import',
      entity: 'imdi_intake',
      fields: personsCreated > 0 ? ['households', 'persons', 'members'] : ['households', 'members'],
    });
    return { kind: 'report', response: report(created, batchId) };
  });
  if (outcome.kind === 'refused') throw outcome.error;
  return outcome.response;
}
