import { describe, expect, it } from 'vitest';
import { birthDateText, languageName, nameLang } from './person-format';

describe('a birth date on the person page', () => {
  it('shows a known day as the date, nb-NO', () => {
    expect(birthDateText('nb', { date: '1990-03-15', precision: 'exact' })).toBe('15.03.1990');
  });
  it('shows a year-only date as approximate, never as 1 January', () => {
    expect(birthDateText('nb', { date: '1987-01-01', precision: 'year' })).toBe('ca. 1987');
    expect(birthDateText('en', { date: '1987-01-01', precision: 'year' })).toBe('c. 1987');
  });
  it('shows the 01.01 convention as the registered date with the convention named', () => {
    expect(birthDateText('nb', { date: '2001-01-01', precision: 'jan1_convention' })).toBe(
      '01.01.2001 (01.01-konvensjon)',
    );
    expect(birthDateText('nn', { date: '2001-01-01', precision: 'jan1_convention' })).toBe(
      '01.01.2001 (01.01-konvensjon)',
    );
    expect(birthDateText('en', { date: '2001-01-01', precision: 'jan1_convention' })).toBe(
      '01.01.2001 (1 January convention)',
    );
  });
});

describe('the language of a name as entered', () => {
  const lang = (code: string, preferredForLetters = false) => ({ code, preferredForLetters });

  it('is one of the person’s languages written in the name’s script', () => {
    expect(nameLang('محمد الأحمد', [lang('en'), lang('ar')])).toBe('ar');
    expect(nameLang('ኣብረሃም', [lang('ti')])).toBe('ti');
    expect(nameLang('Оксана Коваленко', [lang('uk')])).toBe('uk');
    expect(nameLang('فرشته', [lang('prs')])).toBe('prs');
  });
  it('prefers the language for letters when several fit the script', () => {
    expect(nameLang('زهرا', [lang('ar'), lang('prs', true)])).toBe('prs');
  });
  it('takes a Latin-script language for a Latin name', () => {
    expect(nameLang('Faadumo Cali', [lang('ar'), lang('so')])).toBe('so');
  });
  it('is unknown when no language of the person fits the script', () => {
    expect(nameLang('محمد', [lang('so')])).toBeUndefined();
    expect(nameLang('Mohammad', [lang('ar')])).toBeUndefined();
    expect(nameLang('محمد', [])).toBeUndefined();
  });
});

describe('a language code', () => {
  it('is named in the UI language, or shown as the code', () => {
    expect(languageName('en', 'ar')).toBe('Arabic');
    expect(languageName('nb', 'ar').toLowerCase()).toBe('arabisk');
    expect(languageName('nb', 'qqq')).toBe('qqq');
  });
});
