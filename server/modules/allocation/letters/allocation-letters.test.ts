import { describe, expect, it } from 'vitest';
import { actualTexts } from '../../contact-card/contact-card.test-support';
import { missingGlyphs } from '../../contact-card/contact-card.layout';
import { flat, readPdf } from '../../letters/pdf-text.test-support';
import { renderAllocationLetter, type AllocationLetterInput } from './allocation-letter.pdf';
import { decisionLetterContent, type DecisionLetterData } from './decision-letter';
import { letterLabels, offerLetterContent, type OfferLetterData } from './offer-letter';
import { offerSummaryLanguages, offerSummaryTranslations, summaryLanguageFor } from './offer-summary.translations';

// The offer and decision letters (issue 6 items 5–6), read back from the PDF: the Norwegian text
// with pdf.js, the summary in the household's language through each line's ActualText (shaped
// Arabic cannot be read back from its glyphs).

const offerData = (over: Partial<OfferLetterData> = {}): OfferLetterData => ({
  form: 'nb',
  householdReference: 'H-2026-0007',
  dwellingReference: 'B-104',
  street: 'Fjordgata 4',
  postalLine: '6413 Molde',
  dwellingType: 'flat',
  bedrooms: 3,
  rentOre: 950_000,
  availableFrom: '2026-12-01',
  answerDue: '2026-11-28',
  letterDate: '2026-11-21',
  contact: { name: 'Kari Bosetter', unit: 'Flyktningtjenesten', phone: '71 11 10 00', email: 'post@molde.kommune.example' },
  summaryLanguage: null,
  ...over,
});

function letter(content: ReturnType<typeof offerLetterContent>, form: 'nb' | 'nn' = 'nb'): AllocationLetterInput {
  return {
    form,
    createdAt: new Date('2026-11-21T09:00:00Z'),
    sender: { name: 'Molde kommune', address: 'Rådhusplassen 1, 6413 Molde', phone: '71 11 10 00', email: 'post@molde.kommune.example' },
    labels: letterLabels[form],
    letterDate: '21.11.2026',
    reference: 'H-2026-0007',
    recipient: { name: 'Amina Haile', street: '', postalLine: '' },
    ...content,
    signature: { name: 'Kari Bosetter', unit: 'Flyktningtjenesten', sender: 'Molde kommune' },
  };
}

describe('offer letter', { timeout: 30_000 }, () => {
  it('states the dwelling, rent in kroner, dates, how to answer, whom to contact and what a refusal means (bokmål)', async () => {
    const pdf = await renderAllocationLetter(letter(offerLetterContent(offerData())));
    const { text, info } = await readPdf(pdf);
    const all = flat(text);
    for (const expected of [
      'Tilbud om bolig',
      'Fjordgata 4, 6413 Molde',
      'Leilighet',
      '9 500,00 kr',
      '01.12.2026',
      'Gi oss svar innen 28.11.2026',
      'Kari Bosetter',
      'Telefon: 71 11 10 00',
      'Kommunen gir vanligvis ett tilbud om bolig',
      'Vi tar en samtale med deg',
      'Tilbudet er ikke et vedtak',
    ]) {
      expect(all.replace(/\u00a0/g, ' '), expected).toContain(expected);
    }
    expect(info.Title).toBe('Tilbud om bolig');
    // Same input, same bytes (the stored SHA-256 can be checked).
    expect(Buffer.compare(pdf, await renderAllocationLetter(letter(offerLetterContent(offerData()))))).toBe(0);
  });

  it('is written in nynorsk when asked', async () => {
    const pdf = await renderAllocationLetter(letter(offerLetterContent(offerData({ form: 'nn' })), 'nn'));
    const all = flat((await readPdf(pdf)).text);
    expect(all).toContain('Tilbod om bustad');
    expect(all).toContain('Leilegheit');
    expect(all).toContain('Kommunen gir vanlegvis eitt tilbod om bustad');
    expect(all).not.toContain('Tilbud om bolig');
  });

  it.each(offerSummaryLanguages)('carries a summary in %s with the facts as data', async (language) => {
    const t = offerSummaryTranslations.get(language)!;
    const pdf = await renderAllocationLetter(letter(offerLetterContent(offerData({ summaryLanguage: language }))));
    const lines = flat(actualTexts(pdf).join(' '));
    expect(lines).toContain(t.heading);
    expect(lines).toContain(t.labels.answerDue);
    expect(lines).toContain('28.11.2026');
    expect(lines).toContain('Fjordgata 4, 6413 Molde');
    // The Norwegian letter is there too.
    expect(flat((await readPdf(pdf)).text)).toContain('Tilbud om bolig');
  });

  it('has every summary text drawable by the PDF fonts, right to left for Arabic and Dari', () => {
    for (const t of offerSummaryTranslations.values()) {
      const strings = [t.heading, t.intro, t.answer, t.refusal, t.official, ...Object.values(t.labels)];
      expect(strings.flatMap(missingGlyphs), t.language).toEqual([]);
      expect(t.direction, t.language).toBe(['ar', 'prs'].includes(t.language) ? 'rtl' : 'ltr');
    }
  });

  it('chooses the summary language: asked for, else the letter language; none for Norwegian or untranslated', () => {
    expect(summaryLanguageFor(undefined, 'ar')).toBe('ar');
    expect(summaryLanguageFor('ti', 'ar')).toBe('ti');
    expect(summaryLanguageFor(undefined, 'nb')).toBeNull();
    expect(summaryLanguageFor(undefined, 'fr')).toBeNull();
    expect(summaryLanguageFor(undefined, null)).toBeNull();
  });
});

const decisionData = (over: Partial<DecisionLetterData> = {}): DecisionLetterData => ({
  form: 'nb',
  outcome: 'allocated',
  decisionReference: 'TV-2026-0001',
  householdReference: 'H-2026-0007',
  decidedOn: '2026-11-21',
  dwelling: { reference: 'B-104', address: 'Fjordgata 4, 6413 Molde' },
  lease: { reference: 'UTL-2026-AB12CD34', startDate: '2026-12-01', rentOre: 950_000 },
  criteriaVersion: 3,
  contributions: [
    { criterion: 'base', points: 1000, detail: {} },
    { criterion: 'school', points: 70, detail: { minutes: 8 } },
    { criterion: 'size_fit', points: 40, detail: {} },
  ],
  score: 1110,
  assessment: 'Boligen har tre soverom og passer husstanden på fem.\n\nSkolen ligger åtte minutter unna.',
  appealDeadline: '2026-12-12',
  appeal: { office: 'Boligkontoret', address: 'Postboks 1, 6401 Molde', body: 'kommunens klagenemnd' },
  ...over,
});

describe('decision letter', { timeout: 30_000 }, () => {
  it('has the decision, criteria version, contributions, reasons and every right the law requires', async () => {
    const pdf = await renderAllocationLetter(letter(decisionLetterContent(decisionData())));
    const all = flat((await readPdf(pdf)).text).replace(/\u00a0/g, ' ');
    for (const expected of [
      'Vedtak om tildeling av kommunal bolig',
      'tildele husstanden din boligen i Fjordgata 4, 6413 Molde',
      'UTL-2026-AB12CD34',
      '9 500,00 kr',
      'tildelingskriterier, versjon 3',
      'Nær skole: 70 poeng',
      'Passe størrelse: 40 poeng',
      'Sum: 1110 poeng',
      'Boligen har tre soverom og passer husstanden på fem.',
      'Skolen ligger åtte minutter unna.',
      // §§ 28–29: three weeks, from receipt
      'Klagefristen er tre uker fra den dagen du fikk dette brevet (forvaltningsloven §§ 28 og 29)',
      'går fristen ut 12.12.2026',
      // where to send it
      'Send klagen til Boligkontoret, Postboks 1, 6401 Molde',
      // § 33: the office may reverse, otherwise forwards to the appeal body
      'kan endre vedtaket selv',
      'sender vi klagen videre til kommunens klagenemnd, som avgjør saken (forvaltningsloven § 33)',
      // § 18 and § 42
      'se dokumentene i saken din (forvaltningsloven § 18)',
      'utsatt iverksetting, forvaltningsloven § 42',
    ]) {
      expect(all, expected).toContain(expected);
    }
  });

  it('a rejection in nynorsk states the rejection and the same rights, without a dwelling or lease', async () => {
    const content = decisionLetterContent(decisionData({ form: 'nn', outcome: 'rejected', dwelling: null, lease: null, contributions: [], score: null }));
    const all = flat((await readPdf(await renderAllocationLetter(letter(content, 'nn')))).text);
    expect(all).toContain('Vedtak om avslag på kommunal bustad');
    expect(all).toContain('avslå tildeling av kommunal bustad');
    expect(all).toContain('tre veker');
    expect(all).toContain('forvaltningslova § 33');
    expect(all).toContain('forvaltningslova § 18');
    expect(all).toContain('forvaltningslova § 42');
    expect(all).not.toContain('poeng');
  });
});
