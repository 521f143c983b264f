import type {
  BatchCandidatesResponse,
  MatchingDomainInput,
  MatchingResult,
  RunDto,
  RunSummaryDto,
} from '../../../shared/api/allocation';
import { addressOf } from './offers.presenters';

// Runs and batch candidates as the API shows them. Names of households only to those who may read
// persons (the caller passes the names map empty otherwise); functional-needs data only with
// read:functional_needs (the candidates list; a run's instance holds them for the matcher).

export type RunDisplay = {
  names: ReadonlyMap<string, string>;
  addresses: ReadonlyMap<string, { street: string; postnummer: string; poststed: string }>;
};

/** The stored JSON (jsonb comes back parsed from pg, as text from some drivers). */
export function storedJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export function presentRun(
  run: {
    id: string;
    createdAt: Date;
    createdBy: string | null;
    criteriaVersion: number;
    plannedMoveIn: string;
    previousRunId: string | null;
    input: MatchingDomainInput;
    result: MatchingResult;
  },
  display: RunDisplay,
): RunDto {
  const buildingNames = new Map(run.input.buildings.map((b) => [b.id, b.name]));
  return {
    id: run.id,
    createdAt: run.createdAt.toISOString(),
    createdBy: run.createdBy,
    criteriaVersion: run.criteriaVersion,
    plannedMoveIn: run.plannedMoveIn,
    previousRunId: run.previousRunId,
    locks: run.input.locks,
    result: run.result,
    households: run.input.households.map((h) => ({
      id: h.id,
      reference: h.reference,
      mainPersonName: display.names.get(h.id) ?? null,
      persons: h.persons,
      bedroomsNeeded: h.bedroomsNeeded,
    })),
    dwellings: run.input.dwellings.map((d) => {
      const address = display.addresses.get(d.id);
      return {
        id: d.id,
        reference: d.reference,
        address: address ? addressOf(address) : '',
        buildingName: d.buildingId ? (buildingNames.get(d.buildingId) ?? null) : null,
        bedrooms: d.bedrooms,
        rentOre: d.rentOre,
      };
    }),
  };
}

export function presentRunSummary(row: {
  id: string;
  created_at: Date;
  created_by_name: string | null;
  criteria_version: number;
  planned_move_in: string;
  previous_run_id: string | null;
  households: number;
  dwellings: number;
  proposals: number;
  quality: unknown;
}): RunSummaryDto {
  const q = storedJson<MatchingResult['quality']>(row.quality);
  return {
    id: row.id,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by_name ?? null,
    criteriaVersion: row.criteria_version,
    plannedMoveIn: row.planned_move_in,
    previousRunId: row.previous_run_id,
    households: row.households,
    dwellings: row.dwellings,
    proposals: Number(row.proposals),
    quality: { objective: q.objective, bound: q.bound, gap: q.gap, optimal: q.optimal, millis: q.millis },
  };
}

export type CandidateHousehold = BatchCandidatesResponse['households'][number];
export type CandidateDwelling = BatchCandidatesResponse['dwellings'][number];
