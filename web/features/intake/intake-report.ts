import type { IntakeProblemDto, IntakeResponse } from '../../../shared/api/intake';
import { nb } from '../../../shared/i18n/sections/intake';

export type IntakeFormat = 'json' | 'csv';

/** The format by the file's extension (.json or .csv, any case); null for anything else. */
export function intakeFormat(fileName: string): IntakeFormat | null {
  const extension = /\.(json|csv)$/i.exec(fileName.trim())?.[1]?.toLowerCase();
  return extension === 'json' || extension === 'csv' ? extension : null;
}

/** The text key of a problem code ('import.date_invalid' → 'intake.problems.import.date_invalid'). */
export function problemKey(code: IntakeProblemDto['code']): `intake.problems.${IntakeProblemDto['code']}` {
  return `intake.problems.${code}`;
}

export type IntakeReason = keyof typeof nb.reasons;

/** A rule's reason the UI has a text for ('synthetic_in_production'); others are shown as sent. */
export function knownReason(reason: string | undefined): IntakeReason | null {
  return reason !== undefined && Object.hasOwn(nb.reasons, reason) ? (reason as IntakeReason) : null;
}

/** The counts the report's summary states. */
export function reportCounts(report: IntakeResponse) {
  const count = (outcome: IntakeResponse['cases'][number]['outcome']) =>
    report.cases.filter((c) => c.outcome === outcome).length;
  return {
    cases: report.cases.length,
    persons: report.cases.reduce((sum, c) => sum + c.persons, 0),
    ready: count('ready') + count('created'),
    invalid: count('invalid'),
    existing: count('existing'),
  };
}

/**
 * Whether "Importer" makes sense after a check: no problem anywhere (the import is all or
 * nothing) and at least one case to create.
 */
export function canCommit(report: IntakeResponse): boolean {
  return report.problems.length === 0 && report.cases.some((c) => c.outcome === 'ready' || c.outcome === 'existing');
}
