import { inflateSync } from 'node:zlib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { ContactCardInput } from '../../../shared/contact-card/contact-card';

/** A household's card as the settlement service would fill it in (synthetic names and numbers). */
export function sampleCard(overrides: Partial<ContactCardInput> = {}): ContactCardInput {
  return {
    municipalityName: 'Bjerke kommune',
    householdReference: 'H-2026-014',
    date: '2026-03-02',
    contacts: [
      {
        role: 'settlement_worker',
        name: 'Amina Hassan',
        phone: '+47 412 34 567',
        email: 'amina.hassan@bjerke.kommune.no',
        hours: 'man–fre 08.00–15.30',
      },
      { role: 'nav_adviser', name: 'Ola Nordmann', phone: '55 55 33 33', email: 'ola.nordmann@nav.no' },
      { role: 'introduction_adviser', name: 'أحمد الصايد', phone: '400 00 001' },
      { role: 'landlord', name: 'Bjerke Boligstiftelse', phone: '22 33 44 55', address: 'Storgata 1, 0155 Oslo' },
    ],
    emergencyNumbers: {
      fire: '110',
      police: '112',
      ambulance: '113',
      medicalOnCall: '116 117',
      municipalAfterHours: '900 00 000',
    },
    ...overrides,
  };
}

export type PdfTextItem = { str: string; x: number; y: number; page: number };

/** Text items with their position (pdf.js; x from the left edge, y from the bottom). */
export async function readPdfItems(bytes: Uint8Array): Promise<PdfTextItem[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  try {
    const items: PdfTextItem[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      for (const item of content.items)
        if ('str' in item && item.str.trim())
          items.push({ str: item.str, x: item.transform[4], y: item.transform[5], page: n });
    }
    return items;
  } finally {
    await doc.destroy();
  }
}

/** The PDF's compressed streams, inflated (page contents among them), as latin1 text. */
export function contentStreams(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const streams: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    try {
      streams.push(inflateSync(pdf.subarray(start, raw.indexOf('endstream', start))).toString('latin1'));
    } catch {
      // not deflated (or not a stream start): nothing to read
    }
  }
  return streams;
}

/** Every /ActualText string in the PDF's content streams, decoded (pdfkit writes UTF-16BE hex or literals). */
export function actualTexts(pdf: Buffer): string[] {
  const out: string[] = [];
  for (const content of contentStreams(pdf)) {
    for (const text of content.matchAll(/\/ActualText (?:<([0-9a-fA-F]*)>|\(((?:\\[\s\S]|[^\\)])*)\))/g)) {
      const bytes =
        text[1] !== undefined ? Buffer.from(text[1], 'hex') : Buffer.from(unescapeLiteral(text[2]!), 'latin1');
      out.push(
        bytes[0] === 0xfe && bytes[1] === 0xff
          ? Buffer.from(bytes.subarray(2)).swap16().toString('utf16le')
          : bytes.toString('latin1'),
      );
    }
  }
  return out;
}

const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };

/** A PDF literal string's escapes (\n, \ddd, \( …) undone, byte for byte. */
function unescapeLiteral(literal: string): string {
  return literal.replace(/\\([0-7]{1,3}|[\s\S])/g, (_, code: string) =>
    /^[0-7]+$/.test(code) ? String.fromCharCode(parseInt(code, 8)) : (escapes[code] ?? code),
  );
}
