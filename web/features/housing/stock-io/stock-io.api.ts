import { useMutation } from '@tanstack/react-query';
import {
  MAX_IMPORT_BASE64_CHARS,
  importColumnKeys,
  importProblemCodes,
  importReport,
  type ImportColumnKey,
  type ImportMode,
  type ImportProblemCode,
  type ImportReport,
} from '../../../../shared/api/stock-io';
import type { FieldProblem } from '../../../../shared/errors';
import { apiRequest } from '../../../app/api-client';

export const templateUrl = '/api/dwellings/import-template.xlsx';
export const exportUrls = {
  xlsx: '/api/dwellings/export.xlsx',
  csv: '/api/dwellings/export.csv',
  kobo: '/api/dwellings/export/kobo.json',
} as const;

// The import route accepts base64 up to MAX_IMPORT_BASE64_CHARS; base64 makes a file a third larger.
export const MAX_FILE_BYTES = Math.floor((MAX_IMPORT_BASE64_CHARS / 4) * 3);

export type ImportFile = { fileName: string; contentBase64: string };

export async function readImportFile(file: File): Promise<ImportFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { fileName: file.name, contentBase64: btoa(binary) };
}

export function importDwellings(body: ImportFile & { mode: ImportMode }): Promise<ImportReport> {
  return apiRequest({ path: '/api/dwellings/import', method: 'POST', body, schema: importReport });
}

export function useImportDwellings() {
  return useMutation({ mutationFn: importDwellings });
}

export type ReportRow = {
  row: number;
  problems: { column: ImportColumnKey | null; code: ImportProblemCode; value: string | null }[];
};

function isProblemCode(code: string): code is ImportProblemCode {
  return (importProblemCodes as readonly string[]).includes(code);
}
function isColumnKey(key: string): key is ImportColumnKey {
  return (importColumnKeys as readonly string[]).includes(key);
}

/** The rows named by a refused all-or-nothing import (422 import.rows_invalid: /rows/<row>/<column>). */
export function rowsFromProblems(errors: readonly FieldProblem[]): ReportRow[] {
  const rows = new Map<number, ReportRow>();
  for (const error of errors) {
    const match = /^\/rows\/(\d+)(?:\/([A-Za-z]+))?$/.exec(error.pointer);
    if (!match || !isProblemCode(error.code)) continue;
    const row = Number(match[1]);
    const column = match[2] && isColumnKey(match[2]) ? match[2] : null;
    const entry = rows.get(row) ?? { row, problems: [] };
    entry.problems.push({ column, code: error.code, value: null });
    rows.set(row, entry);
  }
  return [...rows.values()].sort((x, y) => x.row - y.row);
}
