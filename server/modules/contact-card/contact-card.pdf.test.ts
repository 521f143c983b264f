import { describe, expect, it } from 'vitest';
import { contactCard } from '../../../shared/contact-card/contact-card';
import { flat, readPdf } from '../letters/pdf-text.test-support';
import { ContactCardLanguageError, renderContactCard } from './contact-card.pdf';
import { actualTexts, contentStreams, readPdfItems, sampleCard } from './contact-card.test-support';
import { contactCardTranslations } from './contact-card.translations';

// The printable "who to contact" card (issue 5 item 7). Read back with pdf.js (positions, Latin
// text, metadata) and through the ActualText each line carries (Arabic: pdf.js reads shaped glyphs,
// which cannot give the letters back).

const clock = () => new Date('2026-03-02T10:00:00Z');
const card = contactCard.parse(sampleCard());
const languages = ['ar', 'prs', 'ti', 'uk', 'so', 'en', 'nn', 'nb'];

// Rendering an Arabic or Ge'ez card takes seconds on a loaded CI machine (fonts are subset per document).
describe('renderContactCard', { timeout: 30_000 }, () => {
  it.each(languages)(
    'renders the card in %s with bokmål, every contact and the emergency numbers',
    async (language) => {
      const pdf = await renderContactCard(card, language, { clock });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const { text, info } = await readPdf(pdf);
      const t = contactCardTranslations().get(language)!;
      const norwegian = language === 'nn' ? contactCardTranslations().get('nn')! : contactCardTranslations().get('nb')!;
      const lines = actualTexts(pdf);
      const all = flat(lines.join(' '));
      expect(all).toContain(flat(norwegian.title));
      expect(all).toContain(flat(t.title));
      expect(all).toContain(flat(t.roles.landlord));
      expect(all).toContain(flat(t.emergency.heading));
      for (const contact of card.contacts) {
        expect(all).toContain(contact.name);
        expect(flat(text)).toContain(contact.phone); // Latin digits, groups in order, read from the glyphs
      }
      for (const number of ['110', '112', '113', '116 117', '900 00 000']) expect(flat(text)).toContain(number);
      expect(info.Title).toBe(language === 'nb' || language === 'nn' ? t.title : `${norwegian.title} / ${t.title}`);
      expect(info.Language).toBe(t.bcp47);
      expect(info.CreationDate).toBe('D:20260302100000Z');
    },
  );

  it('a card for a bokmål household is in bokmål only; with nynorsk chosen the first column is nynorsk', async () => {
    const nbOnly = flat(actualTexts(await renderContactCard(card, 'nb', { clock })).join(' '));
    expect(nbOnly).toContain('Hvem kan jeg kontakte?');
    expect(nbOnly).not.toContain('Kven kan eg kontakte?');
    const nnAndArabic = flat(actualTexts(await renderContactCard(card, 'ar', { clock, norwegian: 'nn' })).join(' '));
    expect(nnAndArabic).toContain('Kven kan eg kontakte?');
    expect(nnAndArabic).toContain('بمن أتصل؟');
  });

  it('lays the Arabic header line out right to left: label at the right, reference and date left to right', async () => {
    const pdf = await renderContactCard(card, 'ar', { clock });
    // Logical: "الأسرة: H-2026-014   التاريخ: 02.03.2026" in the right column.
    expect(actualTexts(pdf)).toContain('الأسرة: H-2026-014   التاريخ: 02.03.2026');
    const items = (await readPdfItems(pdf)).filter((item) => item.page === 1);
    const headerY = items.find((item) => item.str.includes('Husstand'))!.y;
    const row = items.filter((item) => Math.abs(item.y - headerY) < 1 && item.x > 297); // the Arabic column
    const x = (needle: string) => {
      const found = row.find((item) => item.str.includes(needle));
      expect(found, needle).toBeDefined();
      return found!.x;
    };
    // Reading right to left: الأسرة, H-2026-014, التاريخ, 02.03.2026.
    const reference = x('H-2026-014');
    const date = x('02.03.2026');
    const household = Math.max(...row.filter((item) => /[\u0600-\u06ff]/.test(item.str)).map((item) => item.x));
    expect(date).toBeLessThan(reference);
    expect(reference).toBeLessThan(household);
    // Right-aligned: the line ends at the column's right edge (A4 width − margin).
    expect(household).toBeGreaterThan(480);
  });

  it('keeps phone numbers left to right in the Arabic and Dari columns and on the page', async () => {
    for (const language of ['ar', 'prs']) {
      const items = await readPdfItems(await renderContactCard(card, language, { clock }));
      const phone = items.filter((item) => ['+47', '412', '34', '567'].includes(item.str.trim()));
      const joined = items.map((item) => item.str).join(' ');
      expect(joined, language).toContain('+47 412 34 567');
      expect(phone.length === 0 || phone.every((p, i) => i === 0 || p.x > phone[i - 1]!.x)).toBe(true);
    }
  });

  it('embeds the Ethiopic font for Tigrinya and the Arabic font for Arabic and Dari, and only what is used', async () => {
    const fonts = async (language: string) =>
      [
        ...(await renderContactCard(card, language, { clock }))
          .toString('latin1')
          .matchAll(/\/BaseFont \/[A-Z]{6}\+([\w-]+)/g),
      ].map((m) => m[1]);
    expect(await fonts('ti')).toEqual(expect.arrayContaining(['NotoSansEthiopic-Regular', 'NotoSansEthiopic-Bold']));
    expect(await fonts('ar')).toContain('NotoSansArabic-Regular');
    expect(await fonts('prs')).toContain('NotoSansArabic-Bold');
    // The sample card has an Arabic name, so Arabic is in every card; Ethiopic only in Tigrinya.
    expect((await fonts('uk')).some((f) => f!.startsWith('NotoSansEthiopic'))).toBe(false);
    expect((await fonts('ar')).some((f) => f!.startsWith('NotoSansEthiopic'))).toBe(false);
  }, 30_000);

  it('marks each line with its language and text, so it can be copied, searched and read aloud', async () => {
    const content = contentStreams(await renderContactCard(card, 'so', { clock })).join('\n');
    expect(content).toMatch(/\/Lang \(so\)/);
    expect(content).toMatch(/\/Lang \(nb\)/);
    expect(actualTexts(await renderContactCard(card, 'ti', { clock }))).toContain('ምስ መን ክራኸብ እኽእል?');
  });

  it('gives the same bytes for the same card and clock, and different ones for another date', async () => {
    const a = await renderContactCard(card, 'ar', { clock });
    const b = await renderContactCard(card, 'ar', { clock });
    expect(a.equals(b)).toBe(true);
    const later = await renderContactCard(card, 'ar', { clock: () => new Date('2026-03-03T10:00:00Z') });
    expect(a.equals(later)).toBe(false);
  });

  it('starts a new page rather than splitting a contact or the emergency numbers', async () => {
    const many = contactCard.parse(
      sampleCard({
        contacts: [
          ...sampleCard().contacts,
          { role: 'on_site_staff', name: 'Kari Nilsen', phone: '900 11 222', hours: 'hverdager 08–16' },
          {
            role: 'housing_office',
            name: 'Boligkontoret Bjerke',
            phone: '22 00 00 00',
            email: 'bolig@bjerke.kommune.no',
          },
          { role: 'emergency', name: 'Barnevernsvakta', phone: '116 111' },
        ],
      }),
    );
    const pdf = await renderContactCard(many, 'prs', { clock });
    const { pages } = await readPdf(pdf);
    expect(pages).toBeGreaterThan(1);
    const items = await readPdfItems(pdf);
    const pageOf = (needle: string) => {
      const found = items.filter((item) => item.str.includes(needle));
      expect(new Set(found.map((item) => item.page)).size, needle).toBe(1);
      return found[0]!.page;
    };
    for (const contact of many.contacts.filter((c) => /^[A-Za-z]/.test(c.name)))
      expect(pageOf(contact.name), contact.name).toBe(pageOf(contact.phone!));
    expect(pageOf('Nødnumre')).toBe(pageOf('900 00 000'));
    expect(pageOf('Nødnumre')).toBe(pages);
  });

  it('prints a guardian and an e-mail-only contact: the e-mail and no phone label, the roles in both languages', async () => {
    const withGuardian = contactCard.parse(
      sampleCard({
        contacts: [
          { role: 'guardian', name: 'Verge Vestrheim', phone: '400 22 333' },
          { role: 'other', name: 'Frivilligsentralen', email: 'post@frivillig.example' },
        ],
      }),
    );
    const pdf = await renderContactCard(withGuardian, 'ar', { clock });
    const all = flat(actualTexts(pdf).join(' '));
    const ar = contactCardTranslations().get('ar')!;
    const nb = contactCardTranslations().get('nb')!;
    for (const text of [ar.roles.guardian, ar.roles.other, nb.roles.guardian, nb.roles.other, ar.roleHints.guardian])
      expect(all).toContain(flat(text));
    const { text } = await readPdf(pdf);
    expect(flat(text)).toContain('post@frivillig.example');
    expect(flat(text)).toContain('400 22 333');
    // One phone label per contact with a phone (here one) — none for the e-mail-only contact.
    expect(actualTexts(pdf).filter((line) => line === nb.fields.phone)).toHaveLength(1);
  }, 30_000);

  it('refuses a language without a translation file', async () => {
    await expect(renderContactCard(card, 'fr', { clock })).rejects.toThrow(ContactCardLanguageError);
  });
});

describe('ContactCard', () => {
  it('refuses an identity number as the household reference', () => {
    expect(contactCard.safeParse(sampleCard({ householdReference: '010190 12345' })).success).toBe(false);
    expect(contactCard.safeParse(sampleCard({ householdReference: 'DUF 2019 1234 5678' })).success).toBe(false);
    expect(contactCard.safeParse(sampleCard({ householdReference: 'H-2026-014' })).success).toBe(true);
  });

  it('prints phone numbers in Latin digits and refuses what is not a phone number', () => {
    const parsed = contactCard.parse(
      sampleCard({ contacts: [{ role: 'landlord', name: 'مالك', phone: '٤٠٠ ۱۲ ٣٤٥' }] }),
    );
    expect(parsed.contacts[0]!.phone).toBe('400 12 345');
    const bad = sampleCard({ contacts: [{ role: 'landlord', name: 'X', phone: 'ring meg' }] });
    expect(contactCard.safeParse(bad).success).toBe(false);
  });

  it('needs a phone or an e-mail for every contact', () => {
    const neither = sampleCard({ contacts: [{ role: 'other', name: 'Ingen' }] });
    const result = contactCard.safeParse(neither);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ message: 'contact.unreachable', path: ['contacts', 0, 'phone'] });
    expect(
      contactCard.safeParse(sampleCard({ contacts: [{ role: 'other', name: 'E', email: 'e@x.no' }] })).success,
    ).toBe(true);
  });

  it('has the national emergency numbers fixed and refuses a bidi override in a name', () => {
    const wrong = sampleCard({ emergencyNumbers: { ...sampleCard().emergencyNumbers, fire: '111' as '110' } });
    expect(contactCard.safeParse(wrong).success).toBe(false);
    const spoofed = sampleCard({ contacts: [{ role: 'landlord', name: 'Ola\u202eNordmann', phone: '22 33 44 55' }] });
    expect(contactCard.safeParse(spoofed).success).toBe(false);
  });
});
