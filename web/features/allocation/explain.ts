import type {
  BuildingComposition,
  Contribution,
  HardRuleResult,
  MatchingResult,
  UnassignedReason,
} from '../../../shared/api/allocation';
import { ageBands } from '../../../shared/domain/allocation-criteria';
import { dwellingStatuses } from '../../../shared/domain/dwelling-rules';
import { compositionKinds } from '../../../shared/api/households';
import { formatDate, formatMoneyOre, formatNumber, translate, type Language } from '../../../shared/i18n';
import type { nb as texts } from '../../../shared/i18n/sections/allocation';

// The engine's explanations (codes and plain facts, shared/api/allocation.ts) in plain words, as
// the allocation meeting reads them (issue 6 item 3): "Nær skole: 12 min gange — 49 poeng",
// "Soverom: trenger 2, boligen har 2", "Ingen bolig oppfyller kravet om rullestoltilgang (12
// boliger)". Pure functions of the language, so they are tested without a browser.

type Detail = Contribution['detail'];

const num = (detail: Detail, key: string): number | null => {
  const value = detail[key];
  return typeof value === 'number' ? value : null;
};
const str = (detail: Detail, key: string): string | null => {
  const value = detail[key];
  return typeof value === 'string' && value !== '' ? value : null;
};

const factKey = <K extends keyof typeof texts.contributions.facts>(key: K) => `allocation.contributions.facts.${key}` as const;
const ruleKey = <K extends Exclude<keyof typeof texts.rules, 'names'>>(key: K) => `allocation.rules.${key}` as const;

/** References for the ids in a run's result (falls back to the id, so a gap is visible). */
export type References = { household: (id: string) => string; dwelling: (id: string) => string };

function contributionFact(lang: Language, c: Contribution): string | null {
  const d = c.detail;
  const f = (key: Parameters<typeof factKey>[0], params?: Record<string, string | number>) => translate(lang, factKey(key), params);
  if (c.criterion === 'base') return null;
  if (d['applicable'] === false) return f('notApplicable');
  switch (c.criterion) {
    case 'school':
    case 'kindergarten':
    case 'intro_site':
    case 'centre_transport': {
      const minutes = num(d, 'minutes');
      return minutes === null ? f('minutesUnknown') : f('minutes', { minutes });
    }
    case 'preferred_area': {
      const area = str(d, 'areaZone') ?? translate(lang, 'allocation.unknown');
      return d['match'] === true ? f('areaMatch', { area }) : f('areaNoMatch', { area });
    }
    case 'floor_lift': {
      const floor = num(d, 'floor');
      if (floor === null) return f('floorUnknown');
      return d['lift'] === true ? f('floorLift', { floor }) : f('floorNoLift', { floor });
    }
    case 'size_fit': {
      const extra = num(d, 'extraBedrooms') ?? 0;
      const missing = num(d, 'missingBedrooms') ?? 0;
      if (extra > 0) return f('extra', { count: extra });
      if (missing > 0) return f('missing', { count: missing });
      return f('exact');
    }
    case 'urgency': {
      const days = num(d, 'waitingDays');
      return days === null ? f('waitingUnknown') : f('waitingDays', { days });
    }
    case 'same_language_shared': {
      const languages = str(d, 'languages');
      return languages === null ? f('noSameLanguage') : f('sameLanguage', { languages: languages.split(',').join(', ') });
    }
  }
}

/** One criterion's line, e.g. "Nær skole: 12 min gange — 49 poeng" or "Grunnverdi (bosatt) — 1 000 poeng". */
export function contributionText(lang: Language, c: Contribution): string {
  const label = translate(lang, `allocation.contributions.labels.${c.criterion}`);
  const fact = contributionFact(lang, c);
  return fact === null
    ? translate(lang, 'allocation.contributions.plain', { label, points: c.points })
    : translate(lang, 'allocation.contributions.line', { label, fact, points: c.points });
}

/** The points of the contributions add up to the pair's score (the engine guarantees it; shown as the sum). */
export function contributionSum(contributions: readonly Contribution[]): number {
  return contributions.reduce((sum, c) => sum + c.points, 0);
}

const money = (ore: number | null) => (ore === null ? '' : formatMoneyOre(ore));

function isDwellingStatus(code: string): code is (typeof dwellingStatuses)[number] {
  return (dwellingStatuses as readonly string[]).includes(code);
}

const earmarkingCodes = ['first_settlement', 'welfare', 'care', 'none'] as const;
function isEarmarking(code: string): code is (typeof earmarkingCodes)[number] {
  return (earmarkingCodes as readonly string[]).includes(code);
}

/** A hard rule's facts, e.g. "Soverom: trenger 2, boligen har 2". */
export function hardRuleText(lang: Language, r: HardRuleResult): string {
  const t = (key: Parameters<typeof ruleKey>[0], params?: Record<string, string | number>) => translate(lang, ruleKey(key), params);
  const d = r.detail;
  switch (r.rule) {
    case 'status': {
      const status = str(d, 'status') ?? '';
      return t('status', { status: isDwellingStatus(status) ? translate(lang, `dwellings.statuses.${status}`) : status });
    }
    case 'availability': {
      const from = str(d, 'availableFrom');
      const planned = str(d, 'plannedMoveIn');
      return from === null || planned === null ? t('availableNow') : t('availableFrom', { date: formatDate(from), plannedMoveIn: formatDate(planned) });
    }
    case 'earmarking': {
      const code = str(d, 'earmarking') ?? '';
      return t('earmarking', { earmarking: isEarmarking(code) ? translate(lang, `dwellings.earmarkings.${code}`) : code });
    }
    case 'bedrooms':
      return t('bedrooms', { needed: num(d, 'needed') ?? 0, bedrooms: num(d, 'bedrooms') ?? 0 });
    case 'capacity':
      return t('capacity', { persons: num(d, 'persons') ?? 0, capacity: num(d, 'capacity') ?? 0 });
    case 'accessibility': {
      const need = str(d, 'need');
      if (need === 'wheelchair') return t('wheelchair');
      if (need === 'step_free') return t('stepFree');
      return t('accessibilityNone');
    }
    case 'affordability': {
      if (d['enabled'] === false) return t('affordabilityOff');
      const rent = num(d, 'rentOre');
      if (rent === null) return t('rentUnknown');
      if (d['method'] === 'recorded') return t('rentRecorded', { rent: money(rent), max: money(num(d, 'maxRentOre')) });
      return t('rentEstimate', { rent: money(rent), own: money(num(d, 'ownShareOre')), allowance: money(num(d, 'allowanceOre')) });
    }
    case 'shared_housing': {
      const type = str(d, 'dwellingType') ?? '';
      return type === 'shared_room' || type === 'shared_housing' ? t('sharedYes') : t('sharedNo');
    }
  }
}

/**
 * Why a household got no proposal, one sentence per cause: each hard rule that no dwelling
 * passes with the number of dwellings failing it, or the dwellings that fit and who got them.
 */
export function unassignedReasonTexts(lang: Language, reason: UnassignedReason, refs: References): string[] {
  switch (reason.kind) {
    case 'no_eligible':
      if (reason.failedRules.length === 0) return [translate(lang, 'allocation.unassigned.noEligibleAtAll')];
      return [...reason.failedRules]
        .sort((a, b) => b.dwellings - a.dwellings)
        .map(({ rule, dwellings }) =>
          translate(lang, 'allocation.unassigned.noEligible', { rule: translate(lang, `allocation.rules.names.${rule}`), count: dwellings }),
        );
    case 'outcompeted': {
      const list = reason.takenBy
        .map((taken) =>
          translate(lang, 'allocation.unassigned.outcompetedItem', {
            dwelling: refs.dwelling(taken.dwellingId),
            household: refs.household(taken.householdId),
          }),
        )
        .join(', ');
      return [translate(lang, 'allocation.unassigned.outcompeted', { count: reason.eligibleDwellings, list })];
    }
    case 'composition':
      return [translate(lang, 'allocation.unassigned.composition', { rules: reason.groups.map((g) => g.label).join('; ') })];
    case 'locked_out':
      return [translate(lang, 'allocation.unassigned.lockedOut')];
  }
}

type DwellingOutcome = MatchingResult['dwellings'][number];

/** "Nestemann: H-2026-014 (1 180 poeng)" — the eligible households next in line, best first. */
export function runnersUpText(lang: Language, runnersUp: DwellingOutcome['runnersUp'], refs: References): string {
  if (runnersUp.length === 0) return translate(lang, 'allocation.proposals.noRunnersUp');
  const items = runnersUp.map((r) =>
    translate(lang, r.assignedElsewhere ? 'allocation.proposals.runnerUpElsewhere' : 'allocation.proposals.runnerUp', {
      reference: refs.household(r.householdId),
      score: r.score,
    }),
  );
  return `${translate(lang, 'allocation.proposals.runnersUp')}: ${items.join(', ')}`;
}

/** Why a dwelling in the batch got no household. */
export function emptyDwellingText(lang: Language, reason: DwellingOutcome['emptyReason']): string {
  return reason === null ? translate(lang, 'allocation.empty.unknown') : translate(lang, `allocation.empty.${reason}`);
}

/** The gap as a percentage with at most two decimals, nb-NO ("0,35"); never "0" for a positive gap. */
export function gapPercent(gap: number): string {
  const percent = Math.max(0, gap) * 100;
  const shown = percent > 0 && percent < 0.01 ? 0.01 : percent;
  return new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 }).format(shown);
}

/** "Optimal løsning", or "Innenfor 0,35 % av beste mulige". */
export function qualityText(lang: Language, quality: { optimal: boolean; gap: number }): string {
  return quality.optimal
    ? translate(lang, 'allocation.result.optimal')
    : translate(lang, 'allocation.result.withinGap', { percent: gapPercent(quality.gap) });
}

/** "unge voksne 1, barnefamilier 2" (the bands with anyone in them), or "Ingen". */
export function ageBandsText(lang: Language, composition: BuildingComposition): string {
  const parts = ageBands
    .filter((band) => (composition.ageBands[band] ?? 0) > 0)
    .map((band) =>
      translate(lang, 'allocation.composition.band', {
        band: translate(lang, `allocation.composition.bands.${band}`),
        count: composition.ageBands[band] ?? 0,
      }),
    );
  return parts.length === 0 ? translate(lang, 'allocation.none') : parts.join(', ');
}

/** "ar, ti" (sorted, without repeats), or "Ingen". */
export function languagesText(lang: Language, languages: readonly string[]): string {
  const unique = [...new Set(languages.map((l) => l.toLowerCase()))].sort();
  return unique.length === 0 ? translate(lang, 'allocation.none') : unique.join(', ');
}

/** "3 → 4", or just "3" when nothing changes. */
export function beforeAfter(lang: Language, before: string | number, after: string | number): string {
  const b = typeof before === 'number' ? formatNumber(before) : before;
  const a = typeof after === 'number' ? formatNumber(after) : after;
  return b === a ? b : translate(lang, 'allocation.composition.change', { before: b, after: a });
}

/** The household composition kind's label, or the code when this client does not know it. */
export function compositionKindText(lang: Language, kind: string): string {
  return (compositionKinds as readonly string[]).includes(kind)
    ? translate(lang, `households.compositionKinds.${kind as (typeof compositionKinds)[number]}`)
    : kind;
}

// ---- Dates ----------------------------------------------------------------------------------

/** Today's calendar date in Norway (Europe/Oslo), `YYYY-MM-DD`. */
export function todayInOslo(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A calendar date plus `days` days (calendar arithmetic in UTC, so no daylight-saving shifts). */
export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
