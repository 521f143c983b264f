import type { BirthDatePrecision } from '../../../shared/domain/birth-date';
import { formatDate, translate, type Language } from '../../../shared/i18n';

export type BirthDateValue = { date: string; precision: BirthDatePrecision };

/**
 * A birth date as the person page shows it, with its precision in words: "15.03.1990" when the
 * day is known, "ca. 1987" when only the year is, and "01.01.2001 (01.01-konvensjon)" when the
 * documents fix 1 January because the day is unknown (shared/domain/birth-date.ts). Dates are
 * nb-NO whatever the UI language.
 */
export function birthDateText(lang: Language, birth: BirthDateValue): string {
  switch (birth.precision) {
    case 'year':
      return translate(lang, 'persons.birthDate.approx', { year: birth.date.slice(0, 4) });
    case 'jan1_convention':
      return translate(lang, 'persons.birthDate.jan1', { date: formatDate(birth.date) });
    case 'exact':
      return formatDate(birth.date);
  }
}

// Languages usually written in each non-Latin script a name may be entered in. Used only to
// tell the browser (and screen readers) which language a name is in — never to guess anything
// about the person.
const scriptLanguages: ReadonlyArray<{ script: RegExp; languages: readonly string[] }> = [
  { script: /\p{Script=Arabic}/u, languages: ['ar', 'fa', 'prs', 'ps', 'ur', 'ckb', 'ku', 'ug'] },
  { script: /\p{Script=Ethiopic}/u, languages: ['ti', 'am', 'tig', 'om'] },
  { script: /\p{Script=Cyrillic}/u, languages: ['uk', 'ru', 'be', 'bg', 'sr', 'mk', 'kk', 'ky', 'tg'] },
];
const nonLatin = scriptLanguages.flatMap((s) => s.languages);

/**
 * The `lang` for a name as entered, when it is known: one of the person's own languages that is
 * written in the name's script (the language for letters first). A Latin-script name takes a
 * language of the person that is not written in another script (e.g. Somali). Undefined when no
 * language fits: the page's language then applies, and `dir="auto"` still gets the direction right.
 */
export function nameLang(
  name: string,
  languages: readonly { code: string; preferredForLetters: boolean }[],
): string | undefined {
  const ordered = [...languages].sort((a, b) => Number(b.preferredForLetters) - Number(a.preferredForLetters));
  const script = scriptLanguages.find((s) => s.script.test(name));
  if (script) return ordered.find((l) => script.languages.includes(l.code))?.code;
  if (!/\p{Script=Latin}/u.test(name)) return undefined;
  return ordered.find((l) => !nonLatin.includes(l.code))?.code;
}

/** The language's name in the UI language ("arabisk", "Arabic"), or the code if the browser has none. */
export function languageName(lang: Language, code: string): string {
  try {
    const name = new Intl.DisplayNames([lang === 'en' ? 'en' : lang, 'nb'], { type: 'language', fallback: 'none' }).of(
      code,
    );
    return name ?? code;
  } catch {
    return code;
  }
}
