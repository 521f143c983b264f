import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { letterKinds, letterLanguages } from '../../../shared/api/letters';
import { renderLetterPdf, type LetterPdfInput } from './letters.pdf';
import { letterConditionsFor, letterValues, type LetterLease, type LetterSender } from './letters.rules';
import { letterTemplates, resolveLetter } from './letters.templates';
import { flat, readPdf } from './pdf-text.test-support';

const lease: LetterLease = {
  reference: 'K-2024/017',
  state: 'active',
  legalBasis: 'hl_11_1',
  endDate: '2027-03-01',
  terminatedOn: null,
  tenantName: 'Amina Yusuf',
  street: 'Storgata 12 B',
  postnummer: '8006',
  poststed: 'Bodø',
  unitName: 'Boligkontoret',
};
const sender: LetterSender = {
  municipalityName: 'Bodø',
  sender: '',
  address: 'Kongens gate 23, 8006 Bodø',
  phone: '75 55 50 00',
  email: 'postmottak@bodo.kommune.example',
};
const now = new Date('2026-11-21T09:00:00Z');

function input(
  kind: (typeof letterKinds)[number],
  language: (typeof letterLanguages)[number],
  tenantName = 'Amina Yusuf',
): LetterPdfInput {
  const options = { kind, interpreterLanguage: 'somali' };
  const l = { ...lease, tenantName };
  const values = letterValues({
    lease: l,
    sender,
    options,
    language,
    now,
    contactName: 'Kari Nordmann',
    meetingAt: new Date('2026-12-03T09:00:00Z'),
    meetingPlace: '',
  });
  return {
    language,
    createdAt: now,
    sender: { name: values.sender!, address: sender.address, phone: sender.phone, email: sender.email },
    letterDate: values.letterDate!,
    reference: l.reference,
    recipient: { name: tenantName, street: l.street, postalLine: values.postalLine! },
    letter: resolveLetter(letterTemplates[kind][language], letterConditionsFor(l, sender, options), values),
    signature: { name: 'Kari Nordmann', unit: values.contactUnit!, sender: values.sender! },
  };
}

describe('letter PDF', () => {
  it.each(letterKinds.flatMap((kind) => letterLanguages.map((language) => [kind, language] as const)))(
    '%s in %s: a one-page A4 PDF with the title, recipient, letterhead and metadata',
    async (kind, language) => {
      const pdf = await renderLetterPdf(input(kind, language));
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const { text, pages, info } = await readPdf(pdf);
      const title = letterTemplates[kind][language].title;
      expect(pages).toBe(1);
      expect(text).toContain(title);
      expect(info).toMatchObject({
        Title: title,
        Language: language,
        Author: 'Bodø kommune',
        CreationDate: 'D:20261121090000Z',
      });
      const body = flat(text);
      for (const line of [
        'Bodø kommune',
        'Kongens gate 23, 8006 Bodø',
        'Amina Yusuf',
        'Storgata 12 B',
        '8006 Bodø',
        'K-2024/017',
        '21. november 2026',
        'Kari Nordmann',
        'Boligkontoret',
      ]) {
        expect(body).toContain(line);
      }
      if (kind === 'lease_end_notice') {
        expect(body).toContain('1. mars 2027');
        expect(body).toContain('§ 11-1');
      } else {
        expect(body).toContain('torsdag 3. desember 2026'); // the same word in nb and nn
        expect(body).toContain('10:00');
        expect(body).toContain('somali');
      }
    },
  );

  it('the bokmål and nynorsk letters differ in wording', async () => {
    const nb = flat((await readPdf(await renderLetterPdf(input('lease_end_notice', 'nb')))).text);
    const nn = flat((await readPdf(await renderLetterPdf(input('lease_end_notice', 'nn')))).text);
    expect(nb).toContain('Du leier boligen i Storgata 12 B');
    expect(nn).toContain('Du leiger bustaden i Storgata 12 B');
    expect(nn).toContain('Med venleg helsing');
    expect(nb).toContain('Med vennlig hilsen');
  });

  it('is deterministic: the same letter gives the same bytes (and so the same SHA-256)', async () => {
    const digest = async () =>
      createHash('sha256')
        .update(await renderLetterPdf(input('next_steps_meeting', 'nb')))
        .digest('hex');
    expect(await digest()).toBe(await digest());
    const other = { ...input('next_steps_meeting', 'nb'), createdAt: new Date('2026-11-22T09:00:00Z') };
    expect(
      createHash('sha256')
        .update(await renderLetterPdf(other))
        .digest('hex'),
    ).not.toBe(await digest());
  });

  it("sets a recipient's name in the font of its script (Arabic, Ge'ez)", async () => {
    const arabic = (await renderLetterPdf(input('lease_end_notice', 'nb', 'أحمد الصايد'))).toString('latin1');
    expect(arabic).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansArabic-Regular/);
    const tigrinya = (await renderLetterPdf(input('lease_end_notice', 'nn', 'ሰላም ገብረ'))).toString('latin1');
    expect(tigrinya).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansEthiopic-Regular/);
    const latin = (await renderLetterPdf(input('lease_end_notice', 'nb'))).toString('latin1');
    expect(latin).not.toMatch(/NotoSans/);
  });
});
