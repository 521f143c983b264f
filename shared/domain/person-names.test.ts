import { describe, expect, it } from 'vitest';
import { MAX_NAME_LENGTH, nameSearchKey, normaliseName, validateName, validateTransliteration } from './person-names';

// Synthetic names, typical of each script and language.

describe('validateName: accepted (must not reject)', () => {
  it.each([
    ['Kari Nordmann', 'Norwegian'],
    ['Åse Øvrebø-Ødegård', 'Norwegian letters and a hyphen'],
    ['Bjørn Æsøy', 'Norwegian æ ø'],
    ['José Ñúñez', 'Spanish diacritics'],
    ["O'Neil", 'ASCII apostrophe'],
    ['D’Angelo', 'typographic apostrophe'],
    ['Al-Sayed', 'hyphen'],
    ['محمد عبد الله', 'Arabic'],
    ['فاطمة الزهراء', 'Arabic with teh marbuta'],
    ['مُحَمَّد', 'Arabic with harakat'],
    ['أحمد إبراهيم', 'Arabic alef with hamza'],
    ['زهرا محمدی', 'Dari/Persian'],
    ['علی‌رضا', 'Persian with ZWNJ between letters'],
    ['ኣማኑኤል ተስፋይ', 'Tigrinya (Ge’ez script)'],
    ['ሳባ', 'Tigrinya single name'],
    ['Олена Коваленко', 'Ukrainian'],
    ['Їжак Ґудзь', 'Ukrainian ї ґ'],
    ['Cabdiraxmaan Maxamed Cali', 'Somali Latin'],
    ["Xaliimo Cabdi Ka'ow", 'Somali with apostrophe'],
    ['Amina', 'single name'],
    ['J. R. Hansen', 'initials'],
    ['Nguyễn Thị Hương', 'Vietnamese stacked diacritics'],
  ])('%s (%s)', (input) => {
    expect(validateName(input)).toEqual({ ok: true, value: input.normalize('NFC') });
  });

  it('stores NFC: a decomposed å becomes the composed letter', () => {
    const decomposed = 'A\u030Ase';
    const result = validateName(decomposed);
    expect(result).toEqual({ ok: true, value: '\u00C5se' });
  });

  it('trims and collapses inner whitespace of any kind', () => {
    expect(validateName('  Kari \t\u00A0 Nordmann\n')).toEqual({ ok: true, value: 'Kari Nordmann' });
    expect(normaliseName('محمد\u3000\u3000علي')).toBe('محمد علي');
  });

  it('accepts a name of exactly the maximum length', () => {
    expect(validateName('a'.repeat(MAX_NAME_LENGTH))).toMatchObject({ ok: true });
  });

  it('ZWJ is accepted between Arabic-script letters', () => {
    expect(validateName('ه\u200Dا')).toMatchObject({ ok: true });
  });
});

describe('validateName: rejected', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['a'.repeat(MAX_NAME_LENGTH + 1), 'too_long'],
    ['Kari\u0000Nordmann', 'control_character'],
    ['Kari\u0007', 'control_character'],
    ['\u202Eanirak', 'bidi_control'],
    ['Kari\u202DNordmann', 'bidi_control'],
    ['محمد\u2067علي\u2069', 'bidi_control'],
    ['Kari\u200FNordmann', 'bidi_control'],
    ['Kari\u200BNordmann', 'invisible_character'],
    ['Kari\uFEFFNordmann', 'invisible_character'], // a BOM inside (at either end it is trimmed)
    ['Kari\u00ADNordmann', 'invisible_character'],
    ['Kari\u2060Nordmann', 'invisible_character'],
    ['\u200Cعلی', 'invisible_character'], // ZWNJ not between letters
    ['علی\u200C', 'invisible_character'],
    ['Kari\u200DNordmann', 'invisible_character'], // ZWJ only in Arabic script
    ['Kari 2', 'digit'],
    ['محمد ٣', 'digit'],
    ['Kari <script>', 'invalid_character'],
    ['Kari@Nordmann', 'invalid_character'],
    ['Kari 😀', 'invalid_character'],
    ["'-.", 'no_letter'],
  ])('%j → %s', (input, reason) => {
    expect(validateName(input)).toEqual({ ok: false, code: 'person.name_invalid', reason });
  });
});

describe('validateTransliteration', () => {
  it('accepts Latin transliterations with apostrophes, hyphens and diacritics', () => {
    for (const input of ['Muhammad Abd Allah', "Fāṭima az-Zahrā'", 'Amanuel Tesfay', 'Olena Kovalenko', 'Ali‑Reza']) {
      expect(validateTransliteration(input)).toMatchObject({ ok: true });
    }
  });

  it('rejects any other script, and ZWNJ', () => {
    expect(validateTransliteration('Olena Коваленко')).toEqual({
      ok: false,
      code: 'person.name_invalid',
      reason: 'not_latin',
    });
    expect(validateTransliteration('Ali\u200CReza')).toMatchObject({ reason: 'invisible_character' });
  });
});

describe('nameSearchKey', () => {
  it.each([
    ['Kari Nordmann', 'kari nordmann'],
    ['KARI NORDMANN', 'kari nordmann'],
    ['Åse Øvrebø', 'ase ovrebo'],
    ['Ærlig Strauß', 'aerlig strauss'],
    ['José Ñúñez', 'jose nunez'],
    ["O'Neil", 'oneil'],
    ['D’Angelo', 'dangelo'],
    ['Al-Sayed', 'al sayed'],
    ['Nguyễn Thị Hương', 'nguyen thi huong'],
    ['İlkay', 'ilkay'],
  ])('Latin: %s → %s', (input, key) => {
    expect(nameSearchKey(input)).toBe(key);
  });

  it('Latin: the same name with and without diacritics or case has the same key', () => {
    expect(nameSearchKey('Sørensen')).toBe(nameSearchKey('SORENSEN'));
    expect(nameSearchKey('Ahmed Müller')).toBe(nameSearchKey('ahmed muller'));
  });

  it('Arabic: alef variants, teh marbuta, alef maksura, tatweel and harakat are folded', () => {
    expect(nameSearchKey('أحمد')).toBe(nameSearchKey('احمد'));
    expect(nameSearchKey('إبراهيم')).toBe(nameSearchKey('ابراهيم'));
    expect(nameSearchKey('آمنة')).toBe(nameSearchKey('امنه'));
    expect(nameSearchKey('ٱلله')).toBe(nameSearchKey('الله'));
    expect(nameSearchKey('فاطمة')).toBe('فاطمه');
    expect(nameSearchKey('مصطفى')).toBe(nameSearchKey('مصطفي'));
    expect(nameSearchKey('مُحَمَّد')).toBe('محمد');
    expect(nameSearchKey('محـــمد')).toBe('محمد');
  });

  it('Persian/Dari and Arabic spellings of the same name meet (yeh, kaf, ZWNJ)', () => {
    expect(nameSearchKey('علی')).toBe(nameSearchKey('علي'));
    expect(nameSearchKey('کریم')).toBe(nameSearchKey('كريم'));
    expect(nameSearchKey('علی‌رضا')).toBe(nameSearchKey('علیرضا'));
  });

  it('Cyrillic: lowercased, letters with marks kept', () => {
    expect(nameSearchKey('ОЛЕНА КОВАЛЕНКО')).toBe('олена коваленко');
    expect(nameSearchKey('Андрій Йосипенко')).toBe('андрій йосипенко');
    expect(nameSearchKey('Йосип')).not.toBe(nameSearchKey('Иосип'));
    expect(nameSearchKey('Їжак')).toBe('їжак');
  });

  it('Ethiopic (Tigrinya) is kept as is', () => {
    expect(nameSearchKey('ኣማኑኤል ተስፋይ')).toBe('ኣማኑኤል ተስፋይ');
  });

  it('collapses whitespace and returns NFC', () => {
    expect(nameSearchKey('  Kari   Nordmann ')).toBe('kari nordmann');
    expect(nameSearchKey('Й'.normalize('NFD'))).toBe('й');
  });
});
