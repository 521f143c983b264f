import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contactCardTranslation, type ContactCardTranslation } from '../../../shared/contact-card/contact-card';
import { missingGlyphs } from './contact-card.layout';

// The contact card's texts, one JSON file per language in shared/contact-card/ (nb.json is the
// model). A municipality adds a language by adding a file: it is validated here with the same
// zod schema as the others, must have exactly nb.json's keys, must be named after its `language`,
// and every character must be drawable by the card's fonts — a file that fails is reported by
// name and the set is not loaded (docs/contact-card-translations.md).

export type TranslationSet = ReadonlyMap<string, ContactCardTranslation>;

export class ContactCardTranslationError extends Error {
  constructor(readonly problems: string[]) {
    super(`contact card translations are invalid:\n${problems.join('\n')}`);
    this.name = 'ContactCardTranslationError';
  }
}

/**
 * shared/contact-card, found from this module's location: server/modules/contact-card when run
 * from source, dist/server when bundled (shared/ ships beside dist/ in the deployed tree).
 */
export function defaultTranslationsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'shared', 'contact-card');
    if (existsSync(join(candidate, 'nb.json'))) return candidate;
    const parent = resolve(dir, '..');
    if (parent === dir) throw new ContactCardTranslationError(['shared/contact-card/nb.json not found']);
    dir = parent;
  }
}

/** Key paths of a JSON object ('roles.landlord', …), sorted. */
export function keyPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value)
    .flatMap(([key, inner]) => keyPaths(inner, prefix ? `${prefix}.${key}` : key))
    .sort();
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

/** Checks one parsed file against the schema, nb's keys, its file name and the fonts. */
export function validateTranslation(
  fileName: string,
  raw: unknown,
  reference: unknown,
): { translation?: ContactCardTranslation; problems: string[] } {
  const problems: string[] = [];
  const parsed = contactCardTranslation.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push(`${fileName}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  if (reference !== undefined) {
    const expected = new Set(keyPaths(reference));
    const actual = new Set(keyPaths(raw));
    for (const key of expected) if (!actual.has(key)) problems.push(`${fileName}: missing key ${key}`);
    for (const key of actual) if (!expected.has(key)) problems.push(`${fileName}: key not in nb.json: ${key}`);
  }
  if (!parsed.success) return { problems };
  const language = fileName.replace(/\.json$/, '');
  if (parsed.data.language !== language)
    problems.push(`${fileName}: language is "${parsed.data.language}", the file name says "${language}"`);
  const missing = [...new Set(stringsOf(parsed.data).flatMap(missingGlyphs))];
  if (missing.length > 0)
    problems.push(
      `${fileName}: no font has a glyph for ${missing.map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(', ')}`,
    );
  return problems.length ? { problems } : { translation: parsed.data, problems };
}

/** Reads and validates every *.json in `dir`; throws ContactCardTranslationError listing all problems. */
export function loadContactCardTranslations(dir: string = defaultTranslationsDir()): TranslationSet {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  const read = (name: string): unknown => {
    try {
      return JSON.parse(readFileSync(join(dir, name), 'utf8'));
    } catch (error) {
      throw new ContactCardTranslationError([`${name}: not valid JSON (${(error as Error).message})`]);
    }
  };
  if (!files.includes('nb.json')) throw new ContactCardTranslationError(['nb.json is missing']);
  const reference = read('nb.json');
  const problems: string[] = [];
  const set = new Map<string, ContactCardTranslation>();
  for (const name of files) {
    const result = validateTranslation(name, name === 'nb.json' ? reference : read(name), reference);
    problems.push(...result.problems);
    if (result.translation) set.set(result.translation.language, result.translation);
  }
  if (problems.length > 0) throw new ContactCardTranslationError(problems);
  return set;
}

let cached: TranslationSet | undefined;

/** The translations in shared/contact-card, loaded and validated once per process. */
export function contactCardTranslations(): TranslationSet {
  cached ??= loadContactCardTranslations();
  return cached;
}
