import { sql, type Kysely } from 'kysely';
import {
  importProblemCodes,
  MAX_IMPORT_ROWS,
  type ImportColumnKey,
  type ImportProblemCode,
  type ImportReport,
  type ImportRequest,
  type KoboEnvelope,
} from '../../../shared/api/stock-io';
import type { DwellingListQuery } from '../../../shared/api/dwellings';
import { addMonths } from '../../../shared/domain/calendar-date';
import type { DB } from '../../db/schema';
import { withTenant, type Tx } from '../../db/tenant';
import { AppError, appError } from '../../http/errors';
import { recordAudit, type AuditContext } from '../audit/audit.usecases';
import { requirePermission, type Actor } from '../auth/actor';
import * as dwellingsRepo from '../dwellings/dwellings.repository';
import { osloToday } from '../../../shared/domain/calendar-date';
import { insertDwelling } from '../dwellings/dwellings.usecases';
import { insertLease } from '../leases/leases.usecases';
import { requiredColumns } from './stock-io.columns';
import { currentLeases, registerCsv, registerXlsx, templateXlsx } from './stock-io.export';
import { koboEnvelopeOf } from './stock-io.kobo';
import { readSheet } from './stock-io.parse';
import * as repo from './stock-io.repository';
import { cadastreKey, mapColumns, markInvalid, readRows, type ColumnMap, type RowResult } from './stock-io.rows';

type Deps = { db: Kysely<DB>; clock: () => Date };

// ---- Import -----------------------------------------------------------------------------------

function decodeBase64(content: string): Uint8Array {
  const bytes = Buffer.from(content, 'base64');
  if (bytes.length === 0) throw appError('import.file_invalid');
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function isProblemCode(code: string): code is ImportProblemCode {
  return (importProblemCodes as readonly string[]).includes(code);
}

/** Pointer of a field problem from insertDwelling/insertLease → the spreadsheet column. */
const columnOfPointer: Record<string, ImportColumnKey> = {
  '/reference': 'reference',
  '/street': 'street',
  '/postnummer': 'postnummer',
  '/kommunenummer': 'kommunenummer',
  '/gnr': 'gnr',
  '/bnr': 'bnr',
  '/fnr': 'fnr',
  '/snr': 'snr',
  '/bruksenhetsnummer': 'bruksenhetsnummer',
  '/parentId': 'parentReference',
  '/type': 'type',
  '/rooms': 'rooms',
  '/bedrooms': 'bedrooms',
  '/capacity': 'capacity',
  '/areaM2': 'areaM2',
  '/floor': 'floor',
  '/disposalForm': 'disposalForm',
  '/rentOre': 'rent',
  '/startDate': 'leaseStart',
  '/endDate': 'leaseEnd',
  '/tenant': 'mainTenant',
  '/tenant/fullName': 'mainTenant',
  '/tenantPersonId': 'mainTenant',
  '/headLeaseId': 'disposalForm',
};

/** A refusal from the dwelling or lease rules, reported on the row (its code when we have one). */
function rejectRow(result: RowResult, error: AppError, columns: ColumnMap): void {
  const pointer = error.errors?.[0]?.pointer ?? '';
  const column = columnOfPointer[pointer] ?? null;
  markInvalid(result, column, isProblemCode(error.code) ? error.code : 'import.row_rejected', columns);
}

/** Checks against what the register holds: taken references and bruksenheter, parents. */
async function checkAgainstRegister(trx: Tx, results: RowResult[], columns: ColumnMap): Promise<void> {
  const references = await repo.existingReferences(trx);
  const cadastre = await repo.existingCadastreUnits(trx);
  const parentRefs = results.flatMap((r) => (r.dwelling?.parentReference ? [r.dwelling.parentReference] : []));
  const parentsInRegister = await repo.dwellingsByReference(trx, parentRefs);
  const sharedInFile = new Map<string, RowResult>();
  for (const r of results) {
    const d = r.dwelling;
    if (!d || r.problems.length) continue;
    if (d.reference && references.has(d.reference.toLowerCase()))
      markInvalid(r, 'reference', 'dwelling.reference_taken', columns);
    const key = cadastreKey(d);
    if (key && cadastre.has(key)) markInvalid(r, 'bruksenhetsnummer', 'dwelling.cadastre_taken', columns);
    if (d.type === 'shared_housing' && d.reference) sharedInFile.set(d.reference.toLowerCase(), r);
  }
  for (const r of results) {
    const d = r.dwelling;
    if (!d?.parentReference || r.problems.length) continue;
    const ref = d.parentReference.toLowerCase();
    const inRegister = parentsInRegister.get(ref);
    const inFile = sharedInFile.get(ref);
    const ok = inRegister ? inRegister.type === 'shared_housing' : inFile !== undefined && inFile.problems.length === 0;
    if (!ok) markInvalid(r, 'parentReference', 'dwelling.parent_invalid', columns);
  }
}

/** References for rows without one: IMP-<date>-<row>, made unique against the register. */
function assignReferences(results: RowResult[], taken: Set<string>, today: string): Map<RowResult, string> {
  const used = new Set(taken);
  for (const r of results) if (r.dwelling?.reference) used.add(r.dwelling.reference.toLowerCase());
  const assigned = new Map<RowResult, string>();
  for (const r of results) {
    if (!r.dwelling || r.dwelling.reference) continue;
    const base = `IMP-${today.replaceAll('-', '')}-${r.row}`;
    let candidate = base;
    for (let n = 2; used.has(candidate.toLowerCase()); n += 1) candidate = `${base}-${n}`;
    used.add(candidate.toLowerCase());
    assigned.set(r, candidate);
  }
  return assigned;
}

class RollbackForValidation extends Error {}

function report(
  mode: ImportRequest['mode'],
  format: 'xlsx' | 'csv',
  columns: ColumnMap,
  results: RowResult[],
  created: ImportReport['created'],
): ImportReport {
  const invalid = results.filter((r) => r.problems.length > 0);
  return {
    mode,
    format,
    columns,
    totalRows: results.length,
    validRows: results.length - invalid.length,
    invalidRows: invalid.length,
    leaseRows: results.filter((r) => r.hasLease).length,
    rows: invalid.map((r) => ({ row: r.row, problems: r.problems })),
    created,
  };
}

function rowsInvalidError(results: RowResult[]): AppError {
  return appError('import.rows_invalid', {
    errors: results.flatMap((r) =>
      r.problems.map((p) => ({ pointer: p.column ? `/rows/${r.row}/${p.column}` : `/rows/${r.row}`, code: p.code })),
    ),
  });
}

/**
 * Imports dwellings (and their leases) from a spreadsheet. `validate` writes nothing;
 * `all_or_nothing` writes only when every row is valid; `valid_rows` writes the valid rows and
 * reports the rest. All writes of one import are one transaction.
 */
export async function importDwellings(
  actor: Actor,
  { db, clock, input, context }: Deps & { input: ImportRequest; context: AuditContext },
): Promise<ImportReport> {
  requirePermission(actor, 'write:dwelling:any');
  const sheet = await readSheet({ fileName: input.fileName, content: decodeBase64(input.contentBase64) });
  const columns = mapColumns(sheet.headers);
  const present = new Set(columns.flatMap((c) => (c.column ? [c.column] : [])));
  const missing = requiredColumns.filter((key) => !present.has(key));
  if (missing.length) {
    throw appError('import.columns_missing', {
      errors: missing.map((key) => ({ pointer: `/columns/${key}`, code: 'import.columns_missing' })),
    });
  }
  const nonBlank = sheet.rows.filter((r) => r.cells.some((c) => c !== null));
  if (nonBlank.length > MAX_IMPORT_ROWS) throw appError('import.too_many_rows');
  const today = osloToday(clock());

  const created = { dwellings: 0, leases: 0 };
  let results: RowResult[] = [];
  try {
    await withTenant(db, actor, async (trx) => {
      const kommunenummer = await repo.municipalityKommunenummer(trx, actor.tenantId);
      results = readRows(sheet, columns, { defaultKommunenummer: kommunenummer });
      if (results.some((r) => r.hasLease)) requirePermission(actor, 'write:lease:any');
      await checkAgainstRegister(trx, results, columns);

      const invalid = results.some((r) => r.problems.length > 0);
      if (input.mode === 'validate') return;
      if (input.mode === 'all_or_nothing' && invalid) throw rowsInvalidError(results);

      const references = assignReferences(results, await repo.existingReferences(trx), today);
      // Shared housing before its rooms, so a room can point at a dwelling created in this file.
      const valid = results.filter((r) => r.problems.length === 0 && r.dwelling);
      const ordered = [
        ...valid.filter((r) => !r.dwelling!.parentReference),
        ...valid.filter((r) => r.dwelling!.parentReference),
      ];
      const createdIds = new Map<string, string>();
      const parents = await repo.dwellingsByReference(
        trx,
        ordered.flatMap((r) => (r.dwelling!.parentReference ? [r.dwelling!.parentReference] : [])),
      );
      const dwellingCtx = { tenantId: actor.tenantId, userId: actor.userId, today, source: 'import' as const };

      for (const r of ordered) {
        const d = r.dwelling!;
        const reference = d.reference ?? references.get(r)!;
        const parentId = d.parentReference
          ? (createdIds.get(d.parentReference.toLowerCase()) ??
            parents.get(d.parentReference.toLowerCase())?.id ??
            null)
          : null;
        await sql`SAVEPOINT import_row`.execute(trx);
        try {
          const { id } = await insertDwelling(trx, dwellingCtx, {
            reference,
            parentId,
            street: d.street,
            postnummer: d.postnummer,
            kommunenummer: d.kommunenummer,
            gnr: d.gnr,
            bnr: d.bnr,
            fnr: d.fnr,
            snr: d.snr,
            bruksenhetsnummer: d.bruksenhetsnummer,
            type: d.type,
            rooms: d.rooms,
            bedrooms: d.bedrooms,
            areaM2: d.areaM2,
            capacity: d.capacity,
            floor: d.floor,
            wheelchairAccessible: d.wheelchairAccessible,
            schoolDistrict: d.schoolDistrict,
            disposalForm: d.disposalForm,
            rentOre: d.rentOre,
          });
          if (r.lease) {
            const lease = await insertLease(trx, dwellingCtx, {
              kind: 'direct',
              dwellingId: id,
              tenant: { fullName: r.lease.tenantName },
              startDate: r.lease.startDate,
              endDate: r.lease.endDate,
              legalBasis: r.lease.legalBasis,
              rentOre: r.lease.rentOre,
            });
            await recordAudit(trx, context, {
              action: 'create',
              entity: 'lease',
              subject: { type: 'lease', id: lease.id },
            });
            created.leases += 1;
          }
          await sql`RELEASE SAVEPOINT import_row`.execute(trx);
          createdIds.set(reference.toLowerCase(), id);
          created.dwellings += 1;
        } catch (error) {
          await sql`ROLLBACK TO SAVEPOINT import_row`.execute(trx);
          if (!(error instanceof AppError) || error.code === 'audit.unavailable' || error.code === 'auth.forbidden')
            throw error;
          rejectRow(r, error, columns);
          if (input.mode === 'all_or_nothing') throw rowsInvalidError(results);
        }
      }
      await recordAudit(trx, context, {
        action: 'import',
        entity: 'dwelling_import',
        fields: [...present],
      });
      if (created.dwellings === 0 && created.leases === 0) throw new RollbackForValidation();
    });
  } catch (error) {
    if (!(error instanceof RollbackForValidation)) throw error;
  }
  return report(input.mode, sheet.format, columns, results, created);
}

export async function importTemplate(actor: Actor): Promise<Buffer> {
  requirePermission(actor, 'write:dwelling:any');
  return templateXlsx();
}

// ---- Export -----------------------------------------------------------------------------------

const exportedFields = [
  'reference',
  'address',
  'cadastre',
  'type',
  'disposal_form',
  'size',
  'properties',
  'rent',
  'status',
  'current_lease',
];

/** The register filtered like the list (same query parameters), in the list's order. */
async function exportRows(trx: Tx, query: DwellingListQuery, today: string) {
  const expiringUntil = query.expiringWithinMonths
    ? addMonths({ date: today, months: query.expiringWithinMonths })
    : null;
  const { rows: listed } = await dwellingsRepo.listDwellings(
    trx,
    { ...query, page: undefined, pageSize: undefined },
    { unitIds: null },
    { today, expiringUntil, page: 1, pageSize: 1_000_000 },
  );
  const all = await repo.allDwellings(trx);
  const byId = new Map(all.map((d) => [d.id, d]));
  const dwellings = listed.flatMap((l) => (byId.has(l.id) ? [byId.get(l.id)!] : []));
  const leases = currentLeases(await repo.openOccupancyLeases(trx), today);
  // A room names its shared housing by reference, also when the filter leaves the parent out.
  const referenceOf = new Map(all.map((d) => [d.id, d.reference]));
  return { dwellings, leases, referenceOf };
}

export async function exportRegister(
  actor: Actor,
  {
    db,
    clock,
    query,
    format,
    context,
  }: Deps & { query: DwellingListQuery; format: 'xlsx' | 'csv'; context: AuditContext },
): Promise<Buffer | string> {
  requirePermission(actor, 'export:dwelling:any');
  const today = osloToday(clock());
  return withTenant(db, actor, async (trx) => {
    const { dwellings, leases, referenceOf } = await exportRows(trx, query, today);
    await recordAudit(trx, context, { action: 'export', entity: 'dwelling', fields: exportedFields });
    return format === 'xlsx'
      ? registerXlsx(dwellings, leases, referenceOf)
      : registerCsv(dwellings, leases, referenceOf);
  });
}

export async function exportKobo(
  actor: Actor,
  { db, clock, context }: Deps & { context: AuditContext },
): Promise<KoboEnvelope> {
  requirePermission(actor, 'export:dwelling:any');
  return withTenant(db, actor, async (trx) => {
    const kommunenummer = await repo.municipalityKommunenummer(trx, actor.tenantId);
    const dwellings = await repo.allDwellings(trx);
    await recordAudit(trx, context, {
      action: 'export',
      entity: 'dwelling_kobo',
      fields: exportedFields.filter((f) => f !== 'current_lease'),
    });
    return koboEnvelopeOf({ kommunenummer, generatedAt: clock(), dwellings });
  });
}
