import { mkdtempSync, readFileSync, readdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFont } from '../../fonts/fonts';
import { layoutParagraph, scriptOfCodePoint } from './contact-card.layout';
import {
  ContactCardTranslationError,
  defaultTranslationsDir,
  keyPaths,
  loadContactCardTranslations,
} from './contact-card.translations';

// The card's texts are data: one JSON file per language in shared/contact-card, validated on load.

const dir = defaultTranslationsDir();
const translations = loadContactCardTranslations(dir);
const languages = ['nb', 'nn', 'en', 'ar', 'prs', 'ti', 'uk', 'so'];

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** A copy of the translation folder to break one file in. */
function copyOfTranslations(): string {
  const copy = mkdtempSync(join(tmpdir(), 'contact-card-'));
  for (const name of readdirSync(dir)) if (name.endsWith('.json')) copyFileSync(join(dir, name), join(copy, name));
  return copy;
}

function problemsOf(folder: string): string[] {
  try {
    loadContactCardTranslations(folder);
  } catch (error) {
    if (error instanceof ContactCardTranslationError) return error.problems;
    throw error;
  }
  return [];
}

const nbRaw = JSON.parse(readFileSync(join(dir, 'nb.json'), 'utf8')) as Record<string, unknown>;

describe('contact card translations', () => {
  it('has bokmål, nynorsk, English, Arabic, Dari, Tigrinya, Ukrainian and Somali', () => {
    expect([...translations.keys()].sort()).toEqual([...languages].sort());
  });

  it.each(languages)('%s has exactly the keys of nb.json', (language) => {
    const raw: unknown = JSON.parse(readFileSync(join(dir, `${language}.json`), 'utf8'));
    expect(keyPaths(raw)).toEqual(keyPaths(nbRaw));
    expect(keyPaths(raw)).toContain('roles.landlord');
  });

  it('Arabic and Dari are written right to left, the others left to right; Dari is tagged fa-AF', () => {
    for (const [language, t] of translations)
      expect(t.direction, language).toBe(language === 'ar' || language === 'prs' ? 'rtl' : 'ltr');
    expect(translations.get('prs')!.bcp47).toBe('fa-AF');
  });

  it('Dari uses the Persian letters (پ چ ژ گ ی ک), Arabic the Arabic yeh and kaf', () => {
    const dari = strings(translations.get('prs')).join(' ');
    for (const letter of 'پچژگیک') expect(dari, letter).toContain(letter);
    expect(dari).not.toMatch(/[يك]/);
    expect(strings(translations.get('ar')).join(' ')).not.toMatch(/[یک]/);
  });

  it.each(languages)('%s: every character has a glyph in the font chosen for it (regular and bold)', (language) => {
    for (const text of strings(translations.get(language))) {
      for (const char of text) {
        if (char === ' ' || /[\u200c\u2066-\u2069]/.test(char)) continue;
        const cp = char.codePointAt(0)!;
        for (const weight of ['regular', 'bold'] as const)
          expect(
            openFont(scriptOfCodePoint(cp), weight).hasGlyphForCodePoint(cp),
            `${language} ${char} ${weight}`,
          ).toBe(true);
      }
    }
  });

  it.each(languages)('%s: no piece laid out for the card uses .notdef (glyph 0)', (language) => {
    const t = translations.get(language)!;
    for (const text of strings(t)) {
      for (const weight of ['regular', 'bold'] as const) {
        for (const line of layoutParagraph(text, { direction: t.direction, maxWidth: 240, size: 11, weight })) {
          for (const piece of line.pieces) {
            const ids = openFont(piece.script, weight)
              .layout(piece.draw)
              .glyphs.map((g) => g.id);
            expect(ids.includes(0), `${language} "${piece.logical}" ${weight}`).toBe(false);
          }
        }
      }
    }
  });

  it('Tigrinya is set in the Ethiopic font, Arabic and Dari in the Arabic font, Ukrainian in DejaVu', () => {
    const scriptsOf = (language: string) =>
      new Set(
        strings(translations.get(language)).flatMap((text) =>
          layoutParagraph(text, {
            direction: translations.get(language)!.direction,
            maxWidth: 240,
            size: 11,
            weight: 'regular',
          })
            .flatMap((line) => line.pieces)
            .filter((piece) => /[^\p{Script=Latin}\p{P}\p{N}\s]/u.test(piece.logical)) // pieces in the language's own script
            .map((piece) => piece.script),
        ),
      );
    expect(scriptsOf('ti')).toEqual(new Set(['ethiopic']));
    expect(scriptsOf('ar')).toEqual(new Set(['arabic']));
    expect(scriptsOf('prs')).toEqual(new Set(['arabic']));
    expect(scriptsOf('uk')).toEqual(new Set(['latin']));
  });

  it('a municipality adds a language by adding a file', () => {
    const folder = copyOfTranslations();
    const german = {
      ...JSON.parse(readFileSync(join(dir, 'en.json'), 'utf8')),
      language: 'de',
      bcp47: 'de',
      nameNative: 'Deutsch',
    };
    writeFileSync(join(folder, 'de.json'), JSON.stringify(german));
    expect(loadContactCardTranslations(folder).get('de')?.nameNative).toBe('Deutsch');
  });

  it('a file with a missing key is an error naming the file and the key', () => {
    const folder = copyOfTranslations();
    const somali = JSON.parse(readFileSync(join(dir, 'so.json'), 'utf8'));
    delete somali.roles.landlord;
    writeFileSync(join(folder, 'so.json'), JSON.stringify(somali));
    const problems = problemsOf(folder);
    expect(problems).toContain('so.json: missing key roles.landlord');
  });

  it('a key nb.json does not have, a wrong language code or an empty text is an error', () => {
    const folder = copyOfTranslations();
    const ukrainian = JSON.parse(readFileSync(join(dir, 'uk.json'), 'utf8'));
    writeFileSync(join(folder, 'uk.json'), JSON.stringify({ ...ukrainian, footer: 'x' }));
    writeFileSync(
      join(folder, 'ti.json'),
      JSON.stringify({ ...JSON.parse(readFileSync(join(dir, 'ti.json'), 'utf8')), language: 'am' }),
    );
    writeFileSync(
      join(folder, 'en.json'),
      JSON.stringify({ ...JSON.parse(readFileSync(join(dir, 'en.json'), 'utf8')), title: ' ' }),
    );
    const problems = problemsOf(folder);
    expect(problems).toContain('uk.json: key not in nb.json: footer');
    expect(problems).toContain('ti.json: language is "am", the file name says "ti"');
    expect(problems.some((p) => p.startsWith('en.json: title'))).toBe(true);
  });

  it('a language no card font can draw is refused with the missing characters', () => {
    const folder = copyOfTranslations();
    const chinese = {
      ...JSON.parse(readFileSync(join(dir, 'en.json'), 'utf8')),
      language: 'zh',
      bcp47: 'zh',
      title: '我可以联系谁？',
    };
    writeFileSync(join(folder, 'zh.json'), JSON.stringify(chinese));
    expect(problemsOf(folder).join('\n')).toMatch(/zh\.json: no font has a glyph for U\+6211/);
  });

  it('a file that is not JSON is an error', () => {
    const folder = copyOfTranslations();
    writeFileSync(join(folder, 'so.json'), '{ "language": ');
    expect(problemsOf(folder)[0]).toMatch(/^so\.json: not valid JSON/);
  });
});
