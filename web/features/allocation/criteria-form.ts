import {
  allocationCriteriaSchema,
  softCriterionCodes,
  type AllocationCriteria,
  type SoftCriterionCode,
} from '../../../shared/domain/allocation-criteria';

// The criteria as the criteria page edits them: every number as typed (so "abc" or "3,5" can be
// shown at its field), money in kroner (stored in øre), an empty composition limit meaning "no
// limit". toForm and fromForm are inverse on valid criteria; fromForm reports problems by field.

type Earmarking = AllocationCriteria['earmarkingsForSettlement'][number];
export const earmarkingOptions: readonly Earmarking[] = ['first_settlement', 'none', 'welfare', 'care'];

type Kind = 'int' | 'money' | 'optional';
type FieldSpec = { min: number; max: number; kind: Kind; get: (c: AllocationCriteria) => number | null };

const weightFields = Object.fromEntries(
  softCriterionCodes.map((code) => [`weight_${code}`, { min: 0, max: 10, kind: 'int', get: (c: AllocationCriteria) => c.weights[code] }]),
) as Record<`weight_${SoftCriterionCode}`, FieldSpec>;

/** Every numeric field, in the page's order, with the schema's range (money: in øre). */
export const numberFields = {
  baseScore: { min: 1, max: 100_000, kind: 'int', get: (c) => c.baseScore },
  pointsPerWeight: { min: 1, max: 1000, kind: 'int', get: (c) => c.pointsPerWeight },
  ...weightFields,
  maxExtraBedrooms: { min: 0, max: 10, kind: 'int', get: (c) => c.occupancy.maxExtraBedrooms },
  allowFewerBedrooms: { min: 0, max: 3, kind: 'int', get: (c) => c.occupancy.allowFewerBedrooms },
  childrenShareBelowAge: { min: 1, max: 18, kind: 'int', get: (c) => c.occupancy.childrenShareBelowAge },
  incomePerAdultOre: { min: 0, max: 100_000_000, kind: 'money', get: (c) => c.affordability.incomePerAdultOre },
  incomePerChildOre: { min: 0, max: 100_000_000, kind: 'money', get: (c) => c.affordability.incomePerChildOre },
  rentShareOfIncomePercent: { min: 1, max: 100, kind: 'int', get: (c) => c.affordability.rentShareOfIncomePercent },
  allowanceOwnSharePercent: { min: 0, max: 100, kind: 'int', get: (c) => c.affordability.allowanceOwnSharePercent },
  allowanceCoveragePercent: { min: 0, max: 100, kind: 'int', get: (c) => c.affordability.allowanceCoveragePercent },
  allowanceCeilingOre: { min: 0, max: 100_000_000, kind: 'money', get: (c) => c.affordability.allowanceCeilingOre },
  goodMinutes: { min: 0, max: 600, kind: 'int', get: (c) => c.proximity.goodMinutes },
  maxMinutes: { min: 1, max: 600, kind: 'int', get: (c) => c.proximity.maxMinutes },
  fullAfterDays: { min: 1, max: 3650, kind: 'int', get: (c) => c.urgency.fullAfterDays },
  supportPerBuildingMax: { min: 0, max: 1000, kind: 'optional', get: (c) => c.composition.supportPerBuildingMax },
  ageBandPerBuildingMaxPercent: { min: 1, max: 100, kind: 'optional', get: (c) => c.composition.ageBandPerBuildingMaxPercent },
  areaSettlementMaxPercent: { min: 1, max: 100, kind: 'optional', get: (c) => c.composition.areaSettlementMaxPercent },
} satisfies Record<string, FieldSpec>;

export type NumberField = keyof typeof numberFields;
export const numberFieldNames = Object.keys(numberFields) as NumberField[];

export type CriteriaForm = {
  numbers: Record<NumberField, string>;
  includeReunification: boolean;
  affordabilityEnabled: boolean;
  earmarkings: Earmarking[];
  areaKey: AllocationCriteria['composition']['areaKey'];
};

/** A problem at a field: a code the page translates, with the range for "numberRange". */
export type FieldProblem = { code: 'numberInvalid' | 'numberRange' | 'moneyInvalid' | 'earmarkingRequired' | 'maxBelowGood'; min?: number; max?: number };
export type CriteriaField = NumberField | 'earmarkings';

/** "21 700" → 2 170 000 øre; "21 700,50" / "21700.5" → 2 170 050; anything else → null. */
export function kronerToOre(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(/kr$/i, '').replace(',', '.');
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole = '0', fraction = ''] = cleaned.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** 2 170 000 øre → "21700"; 2 170 050 → "21700,50" (typed back unchanged by kronerToOre). */
export function oreToKroner(ore: number): string {
  const kroner = Math.trunc(ore / 100);
  const rest = ore % 100;
  return rest === 0 ? String(kroner) : `${kroner},${String(rest).padStart(2, '0')}`;
}

export function toForm(c: AllocationCriteria): CriteriaForm {
  const numbers = Object.fromEntries(
    numberFieldNames.map((name) => {
      const spec: FieldSpec = numberFields[name];
      const value = spec.get(c);
      return [name, value === null ? '' : spec.kind === 'money' ? oreToKroner(value) : String(value)];
    }),
  ) as Record<NumberField, string>;
  return {
    numbers,
    includeReunification: c.occupancy.includeReunification,
    affordabilityEnabled: c.affordability.enabled,
    earmarkings: [...c.earmarkingsForSettlement],
    areaKey: c.composition.areaKey,
  };
}

function readNumber(spec: FieldSpec, text: string): { value: number | null } | { problem: FieldProblem } {
  const trimmed = text.trim();
  if (spec.kind === 'optional' && trimmed === '') return { value: null };
  if (spec.kind === 'money') {
    const ore = kronerToOre(trimmed);
    if (ore === null) return { problem: { code: 'moneyInvalid' } };
    if (ore < spec.min || ore > spec.max) return { problem: { code: 'moneyInvalid' } };
    return { value: ore };
  }
  if (!/^\d{1,7}$/.test(trimmed)) return { problem: { code: 'numberInvalid' } };
  const value = Number(trimmed);
  if (value < spec.min || value > spec.max) return { problem: { code: 'numberRange', min: spec.min, max: spec.max } };
  return { value };
}

/** The criteria to send, or the problems by field (the server checks the same schema again). */
export function fromForm(form: CriteriaForm): { criteria: AllocationCriteria } | { problems: Partial<Record<CriteriaField, FieldProblem>> } {
  const problems: Partial<Record<CriteriaField, FieldProblem>> = {};
  const values = {} as Record<NumberField, number | null>;
  for (const name of numberFieldNames) {
    const read = readNumber(numberFields[name], form.numbers[name]);
    if ('problem' in read) problems[name] = read.problem;
    else values[name] = read.value;
  }
  if (form.earmarkings.length === 0) problems.earmarkings = { code: 'earmarkingRequired' };
  const good = values.goodMinutes;
  const max = values.maxMinutes;
  if (!problems.maxMinutes && typeof good === 'number' && typeof max === 'number' && max <= good) {
    problems.maxMinutes = { code: 'maxBelowGood' };
  }
  if (Object.keys(problems).length > 0) return { problems };

  const n = (name: NumberField) => values[name] ?? 0;
  const candidate = {
    baseScore: n('baseScore'),
    pointsPerWeight: n('pointsPerWeight'),
    occupancy: {
      maxExtraBedrooms: n('maxExtraBedrooms'),
      allowFewerBedrooms: n('allowFewerBedrooms'),
      includeReunification: form.includeReunification,
      childrenShareBelowAge: n('childrenShareBelowAge'),
    },
    affordability: {
      enabled: form.affordabilityEnabled,
      incomePerAdultOre: n('incomePerAdultOre'),
      incomePerChildOre: n('incomePerChildOre'),
      rentShareOfIncomePercent: n('rentShareOfIncomePercent'),
      allowanceOwnSharePercent: n('allowanceOwnSharePercent'),
      allowanceCoveragePercent: n('allowanceCoveragePercent'),
      allowanceCeilingOre: n('allowanceCeilingOre'),
    },
    earmarkingsForSettlement: earmarkingOptions.filter((e) => form.earmarkings.includes(e)),
    proximity: { goodMinutes: n('goodMinutes'), maxMinutes: n('maxMinutes') },
    urgency: { fullAfterDays: n('fullAfterDays') },
    weights: Object.fromEntries(softCriterionCodes.map((code) => [code, n(`weight_${code}`)])),
    composition: {
      supportPerBuildingMax: values.supportPerBuildingMax ?? null,
      ageBandPerBuildingMaxPercent: values.ageBandPerBuildingMaxPercent ?? null,
      areaSettlementMaxPercent: values.areaSettlementMaxPercent ?? null,
      areaKey: form.areaKey,
    },
  };
  // The ranges above are the schema's; this is the last word (and gives the exact type).
  return { criteria: allocationCriteriaSchema.parse(candidate) };
}
