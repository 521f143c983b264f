import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A PDF's text (lines joined by newlines, pages by form feeds) and metadata, read with pdf.js. */
export async function readPdf(
  bytes: Uint8Array,
): Promise<{ text: string; pages: number; info: Record<string, unknown> }> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    }
    const { info } = await doc.getMetadata();
    return { text: pages.join('\f'), pages: doc.numPages, info: info as Record<string, unknown> };
  } finally {
    await doc.destroy();
  }
}

/** Text with line breaks folded to spaces, for looking up sentences that wrap. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}
