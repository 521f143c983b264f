// Person names as entered, in any script (RELIABILITY.md §6.1 TEXT_INVALID_CHARACTERS, §6.2
// "Names in any script … apostrophes and hyphens, single names … store as entered (NFC) plus an
// optional transliteration field"; issue 5 items 1 and 10).
//
// Normalisation: Unicode NFC, surrounding whitespace (and a byte-order mark at either end)
// trimmed, every run of whitespace inside (spaces of any width, tabs, line breaks from
// copy-paste) collapsed to one space.
//
// Accepted: letters of any script (\p{L}, e.g. Latin with æøå and diacritics, Arabic, Persian,
// Ge'ez/Tigrinya, Cyrillic, Somali Latin) and combining marks (\p{M}: harakat, accents), spaces,
// apostrophes (' ’ ‘ ʼ), hyphens (- ‐ ‑), and the full stop of an initial ("J. Hansen"). One part
// alone is a whole name (single names are common: no surname is required).
//
// Rejected, each with its own reason:
// - control characters (\p{Cc} other than the whitespace collapsed above);
// - bidirectional embeddings, overrides and isolates U+202A–U+202E, U+2066–U+2069, and the
//   marks LRM/RLM/ALM (U+200E, U+200F, U+061C): they can make a name display as something else
//   (Trojan-Source style) and are never part of a name as typed;
// - every other invisible format character (\p{Cf}: zero-width space, word joiner, BOM, soft
//   hyphen …) except ZERO WIDTH NON-JOINER U+200C, which Persian/Dari writing needs between
//   letters (e.g. in "می‌خواهم"), and ZERO WIDTH JOINER U+200D between Arabic-script letters;
//   both only between two letters;
// - digits of any script (\p{Nd}) and other numbers;
// - any other symbol or punctuation;
// - names longer than MAX_NAME_LENGTH characters (code points) after normalisation.
//
// nameSearchKey gives the form to search by "in any script": case-folded, Latin without
// diacritics (and ø/æ/œ/ß… spelled out), Arabic script normalised (alef variants, teh marbuta,
// yeh/alef maksura, Persian kaf/yeh, tatweel and harakat removed), Cyrillic lowercased with its
// letters kept (й stays й). Ethiopic has no case and is kept as is.

// A plausibility limit, not a legal one: long enough for a full name of many parts in any
// script, short enough to catch a pasted paragraph. RELIABILITY.md §6.2 asks that "very long
// names" be accepted; 200 code points is about four times a long Norwegian full name.
export const MAX_NAME_LENGTH = 200;

export type NameProblem =
  | 'empty'
  | 'too_long'
  | 'control_character'
  | 'bidi_control'
  | 'invisible_character'
  | 'digit'
  | 'invalid_character'
  | 'no_letter'
  | 'not_latin';

export type NameValidation =
  { ok: true; value: string } | { ok: false; code: 'person.name_invalid'; reason: NameProblem };

const WHITESPACE_RUN = /\p{White_Space}+/gu;
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;
const ZWNJ = '\u200C';
const ZWJ = '\u200D';
const APOSTROPHES_AND_HYPHENS = new Set(["'", '\u2019', '\u2018', '\u02BC', '-', '\u2010', '\u2011']);
const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;
const ARABIC_SCRIPT = /\p{Script=Arabic}/u;
const LATIN_SCRIPT = /\p{Script=Latin}/u;

/** NFC, trimmed, inner whitespace collapsed. No validation. */
export function normaliseName(input: string): string {
  return input.normalize('NFC').replace(WHITESPACE_RUN, ' ').trim();
}

function classify(chars: readonly string[], i: number, script: 'any' | 'latin'): NameProblem | undefined {
  const ch = chars[i] ?? '';
  if (ch === ' ' || ch === '.' || APOSTROPHES_AND_HYPHENS.has(ch)) return undefined;
  if (LETTER.test(ch)) {
    if (script === 'latin' && !LATIN_SCRIPT.test(ch)) return 'not_latin';
    return undefined;
  }
  if (MARK.test(ch)) return undefined;
  if (/\p{Cc}/u.test(ch)) return 'control_character';
  if (BIDI_CONTROLS.test(ch)) return 'bidi_control';
  if (ch === ZWNJ || ch === ZWJ) {
    const before = chars[i - 1] ?? '';
    const after = chars[i + 1] ?? '';
    const betweenLetters = /[\p{L}\p{M}]/u.test(before) && /\p{L}/u.test(after);
    if (!betweenLetters || script === 'latin') return 'invisible_character';
    if (ch === ZWJ && !(ARABIC_SCRIPT.test(after) && (ARABIC_SCRIPT.test(before) || MARK.test(before)))) {
      return 'invisible_character';
    }
    return undefined;
  }
  if (/\p{Cf}/u.test(ch)) return 'invisible_character';
  if (/\p{N}/u.test(ch)) return 'digit';
  return 'invalid_character';
}

function validate(input: string, script: 'any' | 'latin'): NameValidation {
  const fail = (reason: NameProblem) => ({ ok: false, code: 'person.name_invalid', reason }) as const;
  const value = normaliseName(input);
  if (value === '') return fail('empty');
  const chars = Array.from(value);
  if (chars.length > MAX_NAME_LENGTH) return fail('too_long');
  for (let i = 0; i < chars.length; i++) {
    const problem = classify(chars, i, script);
    if (problem) return fail(problem);
  }
  if (!chars.some((ch) => LETTER.test(ch))) return fail('no_letter');
  return { ok: true, value };
}

/** A name (or one name field) as entered, in any script. Returns the normalised value to store. */
export function validateName(input: string): NameValidation {
  return validate(input, 'any');
}

/** The optional Latin transliteration of a name (same rules, Latin letters only). */
export function validateTransliteration(input: string): NameValidation {
  return validate(input, 'latin');
}

// ---------------------------------------------------------------------------------------------
// Search key

// Latin letters that carry no combining mark to strip but have a usual plain spelling.
const LATIN_SPELLED_OUT: Readonly<Record<string, string>> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ı: 'i',
  ħ: 'h',
  þ: 'th',
};

// Arabic-script letters folded for search (after harakat and hamza marks are removed).
const ARABIC_FOLDED: Readonly<Record<string, string>> = {
  '\u0671': '\u0627', // alef wasla → alef (alef with madda/hamza decompose to alef + mark)
  '\u0629': '\u0647', // teh marbuta → heh
  '\u0649': '\u064A', // alef maksura → yeh
  '\u06CC': '\u064A', // Farsi yeh → Arabic yeh
  '\u06D2': '\u064A', // yeh barree → yeh
  '\u06A9': '\u0643', // keheh (Persian kaf) → kaf
  '\u06C1': '\u0647', // heh goal → heh
  '\u06D5': '\u0647', // ae (Kurdish) → heh
};
const TATWEEL = '\u0640';

/**
 * The form of a name to search by: equal keys mean "the same name" for search, whatever the
 * case, the Latin diacritics or the Arabic spelling variant. Apostrophes disappear (O'Neil →
 * oneil) and hyphens become spaces (Al-Sayed → al sayed). Not for display.
 */
export function nameSearchKey(name: string): string {
  // Upper then lower case approximates full case folding (ß → SS → ss, ς → Σ → σ).
  const decomposed = name.normalize('NFD').toUpperCase().toLowerCase().normalize('NFD');
  let out = '';
  let baseScript: 'latin' | 'arabic' | 'other' = 'other';
  for (const ch of decomposed) {
    if (MARK.test(ch)) {
      // Diacritics on Latin letters and harakat/hamza on Arabic letters go; marks on other
      // scripts (Cyrillic й, ё; Ethiopic) stay.
      if (baseScript === 'other') out += ch;
      continue;
    }
    if (ch === ZWNJ || ch === ZWJ || ch === TATWEEL) continue;
    if (APOSTROPHES_AND_HYPHENS.has(ch)) {
      if (ch === '-' || ch === '\u2010' || ch === '\u2011') out += ' ';
      continue;
    }
    if (LATIN_SCRIPT.test(ch)) baseScript = 'latin';
    else if (ARABIC_SCRIPT.test(ch)) baseScript = 'arabic';
    else baseScript = 'other';
    out += LATIN_SPELLED_OUT[ch] ?? ARABIC_FOLDED[ch] ?? ch;
  }
  return out.normalize('NFC').replace(WHITESPACE_RUN, ' ').trim();
}
