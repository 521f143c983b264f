import { describe, expect, it } from 'vitest';
import { updatePersonRequest } from '../../../shared/api/persons';
import { personPatch, type PersonFormValues } from './person-patch';

const initial: PersonFormValues = {
  fullName: 'Amina Yusuf',
  transliteration: '',
  birthPrecision: 'year',
  birthDate: '1987',
  identityNumber: '',
  dufNumber: '202012345678',
  identityChangeReason: '',
  nationality: 'SOM',
  languages: '',
  refugeeCategory: 'resettlement_refugee',
  receptionCentre: '',
  residencePermitDate: '2026-01-10',
  arrivalDate: '',
  settlementDate: '',
  introProgramme: 'unknown',
  introProgrammeStart: '',
  introProgrammeEnd: '',
};
const languages = [{ code: 'so', interpreterNeeded: true, preferredForLetters: true }];
const patch = (changes: Partial<PersonFormValues>, newLanguages = languages) =>
  personPatch({ initial, values: { ...initial, ...changes }, initialLanguages: languages, languages: newLanguages });

describe('the person form sends only what changed', () => {
  it('sends nothing when nothing changed', () => {
    expect(patch({})).toEqual({ body: {}, identityChanged: false });
  });
  it('sends a new name in any script as typed', () => {
    expect(patch({ fullName: 'أمينة يوسف' }).body).toEqual({ fullName: 'أمينة يوسف' });
  });
  it('sends a birth date with its precision, and null when it is cleared', () => {
    expect(patch({ birthPrecision: 'exact', birthDate: '1987-05-02' }).body).toEqual({
      birthDate: { date: '1987-05-02', precision: 'exact' },
    });
    expect(patch({ birthPrecision: '', birthDate: '' }).body).toEqual({ birthDate: null });
  });
  it('empties optional fields as null, and upper-cases the country code', () => {
    expect(patch({ refugeeCategory: '', residencePermitDate: '', nationality: 'eri' }).body).toEqual({
      refugeeCategory: null,
      residencePermitDate: null,
      nationality: 'ERI',
    });
  });
  it('does not count spacing in a number as an identity change', () => {
    expect(patch({ dufNumber: '2020 1234 5678' })).toEqual({ body: {}, identityChanged: false });
  });
  it('sends an identity change with its reason', () => {
    expect(patch({ dufNumber: '', identityChangeReason: ' Feil nummer fra IMDi ' })).toEqual({
      body: { dufNumber: null, identityChangeReason: 'Feil nummer fra IMDi' },
      identityChanged: true,
    });
  });
  it('sends the languages when a row changed', () => {
    const next = [{ code: 'so', interpreterNeeded: false, preferredForLetters: true }];
    expect(patch({}, next).body).toEqual({ languages: next });
  });
  it('builds bodies the contract accepts', () => {
    const { body } = patch({
      fullName: "N'Golo Kanté-Ali",
      birthPrecision: 'jan1_convention',
      birthDate: '1987-01-01',
      arrivalDate: '2026-02-01',
    });
    expect(updatePersonRequest.safeParse(body).success).toBe(true);
  });
});
