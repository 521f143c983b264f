import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { fontFiles, fontName, fontScripts, openFont, registerFonts, scriptFor } from './fonts';

// Letters to residents must be printable in their languages later (Arabic script, Ge'ez), so the
// fonts that cover them are part of every letter from the start. These tests read the real font
// files with fontkit — the engine pdfkit embeds them with.

describe('letter fonts', () => {
  const samples: Record<(typeof fontScripts)[number], string> = {
    latin: 'Æøå ÉÜ § – «»', // Norwegian letters, the section sign, dashes and quotes
    arabic: 'ب', // Arabic letter beh
    ethiopic: 'ሀ', // Ethiopic syllable ha (Tigrinya, Amharic)
  };

  it.each(fontScripts)('the %s font, regular and bold, has glyphs for its sample', (script) => {
    for (const weight of ['regular', 'bold'] as const) {
      const font = openFont(script, weight);
      for (const char of samples[script].replaceAll(' ', '')) {
        expect(font.hasGlyphForCodePoint(char.codePointAt(0)!), `${script} ${weight} ${char}`).toBe(true);
      }
    }
  });

  it('the Arabic font has the letters of Arabic, Persian and Pashto names; the Ethiopic one those of Tigrinya', () => {
    const arabic = openFont('arabic');
    for (const char of 'أحمد الصايد پچژگ ټډ') {
      if (char !== ' ') expect(arabic.hasGlyphForCodePoint(char.codePointAt(0)!), char).toBe(true);
    }
    const ethiopic = openFont('ethiopic');
    for (const char of 'ሰላም ትግርኛ') {
      if (char !== ' ') expect(ethiopic.hasGlyphForCodePoint(char.codePointAt(0)!), char).toBe(true);
    }
  });

  it("the scripts are really different fonts (Latin has no Ge'ez, Ethiopic no Arabic)", () => {
    expect(openFont('latin').hasGlyphForCodePoint('ሀ'.codePointAt(0)!)).toBe(false);
    expect(openFont('ethiopic').hasGlyphForCodePoint('ب'.codePointAt(0)!)).toBe(false);
    expect(openFont('arabic').hasGlyphForCodePoint('ሀ'.codePointAt(0)!)).toBe(false);
  });

  it('picks the font by the script of the text', () => {
    expect(scriptFor('Øystein Ås')).toBe('latin');
    expect(scriptFor('Олена Коваленко')).toBe('latin'); // Cyrillic: DejaVu Sans
    expect(scriptFor('أحمد الصايد')).toBe('arabic');
    expect(scriptFor('ሰላም ገብረ')).toBe('ethiopic');
    expect(scriptFor('Ahmad (أحمد)')).toBe('arabic');
  });

  it('registers every script and weight in a PDF document, and embeds the one a text uses', async () => {
    const doc = new PDFDocument({ size: 'A4', info: { CreationDate: new Date('2026-01-01T00:00:00Z') } });
    const registered: string[] = [];
    registerFonts({ registerFont: (name, src) => (registered.push(name), doc.registerFont(name, src)) });
    expect(registered.sort()).toEqual(['arabic', 'arabic-bold', 'ethiopic', 'ethiopic-bold', 'latin', 'latin-bold']);
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
    doc.font(fontName('arabic')).text('أحمد');
    doc.font(fontName('ethiopic', 'bold')).text('ሰላም');
    doc.end();
    const pdf = (await done).toString('latin1');
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansArabic-Regular/);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansEthiopic-Bold/);
    expect(pdf).not.toContain('DejaVuSans-Bold'); // registered, but unused fonts are not embedded
  });

  it('resolves every font file from node_modules', () => {
    for (const script of fontScripts) {
      expect(fontFiles[script].regular).toMatch(/node_modules/);
      expect(fontFiles[script].bold).toMatch(/node_modules/);
    }
  });
});
