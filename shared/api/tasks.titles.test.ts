import { describe, expect, it } from 'vitest';
import { DEFAULT_MOVE_IN_CHECKLIST } from '../domain/move-in-checklist';
import { languages } from '../i18n';
import { isTranslatedMoveInKey, taskInstruction, taskTitle } from './tasks';

// Titles of the generated tasks of issue 5 (move-in checklist, EM age-out) in every UI language.

const movein = (key: string, extra: Record<string, string | number | null> = {}, title = '') => ({
  kind: `movein.${key}`,
  title,
  params: {
    key,
    arrivalDate: '2026-05-04',
    reference: 'H-2026-0007',
    ownerRole: 'boligkontor',
    requiresInterpreter: 0,
    ...extra,
  },
});

describe('move-in task titles', () => {
  it('every item of the default checklist has a title in nb, nn and en', () => {
    for (const item of DEFAULT_MOVE_IN_CHECKLIST) {
      expect(isTranslatedMoveInKey(item.key), item.key).toBe(true);
      const titles = languages.map((lang) => taskTitle(lang, movein(item.key)));
      for (const title of titles) {
        expect(title).not.toContain(item.key);
        expect(title).toContain('H-2026-0007');
        expect(title).toContain('04.05.2026');
      }
      expect(new Set(titles).size, item.key).toBeGreaterThan(1);
    }
  });

  it('marks the items that need an interpreter', () => {
    expect(taskTitle('nb', movein('lease_signed', { requiresInterpreter: 1 }))).toBe(
      'Leiekontrakt signert (tolk) – husstand H-2026-0007, ankomst 04.05.2026',
    );
    expect(taskTitle('nn', movein('lease_signed', { requiresInterpreter: 1 }))).toBe(
      'Leigekontrakt signert (tolk) – hushald H-2026-0007, ankomst 04.05.2026',
    );
    expect(taskTitle('en', movein('lease_signed', { requiresInterpreter: 1 }))).toBe(
      'Lease signed (interpreter) – household H-2026-0007, arrival 04.05.2026',
    );
    expect(taskTitle('nb', movein('lease_signed'))).toBe(
      'Leiekontrakt signert – husstand H-2026-0007, ankomst 04.05.2026',
    );
  });

  it("shows a municipality's own item by its label, and an unknown key as it is", () => {
    expect(taskTitle('en', movein('neighbours_informed', {}, 'Naboene er informert'))).toBe(
      'Naboene er informert – household H-2026-0007, arrival 04.05.2026',
    );
    expect(taskTitle('nb', { kind: 'movein.unknown_item', title: '', params: { arrivalDate: '2026-05-04' } })).toBe(
      'unknown_item – ankomst 04.05.2026',
    );
    expect(isTranslatedMoveInKey('toString')).toBe(false);
  });
});

describe('age-out task titles', () => {
  const task = (monthsBefore: number) => ({
    kind: 'household.age_out',
    title: '',
    params: { age: 23, date: '2029-06-15', monthsBefore, reference: 'H-2026-0007' },
  });

  it('say which household, which age, when, and how long is left', () => {
    expect(taskTitle('nb', task(3))).toBe(
      'Enslig mindreårig i husstand H-2026-0007 fyller 23 år 15.06.2029 – 3 måneder igjen',
    );
    expect(taskTitle('nn', task(6))).toBe(
      'Einsleg mindreårig i hushald H-2026-0007 fyller 23 år 15.06.2029 – 6 månader att',
    );
    expect(taskTitle('en', task(3))).toBe(
      'Unaccompanied minor in household H-2026-0007 turns 23 on 15.06.2029 – 3 months left',
    );
    expect(taskInstruction('nb', task(3))).toBe(
      'Avklar bolig og oppfølging i god tid: ordningene for den unge endres ved 23 år.',
    );
  });
});

describe('unanswered offer task titles', () => {
  const task = {
    kind: 'allocation.offer_unanswered',
    title: '',
    params: { reference: 'H-2026-0007', dwellingReference: 'B-104', answerDue: '2026-11-20', offerId: 'x' },
  };

  it('say which household, which dwelling and the deadline that passed, in every language', () => {
    expect(taskTitle('nb', task)).toBe('Husstand H-2026-0007 har ikke svart på tilbudet om bolig B-104 (svarfrist 20.11.2026)');
    expect(taskTitle('nn', task)).toBe('Hushald H-2026-0007 har ikkje svart på tilbodet om bustad B-104 (svarfrist 20.11.2026)');
    expect(taskTitle('en', task)).toBe('Household H-2026-0007 has not answered the offer of dwelling B-104 (answer due 20.11.2026)');
    for (const lang of languages) expect(taskInstruction(lang, task)).not.toBe('');
  });
});
