import PDFDocument from 'pdfkit';
import { registerFonts } from './fonts';

// How the PDFs Husly writes to residents start: A4, the title shown by viewers, Husly as creator
// and producer, the injected clock's time as creation and modification date (so the same input
// gives the same bytes), and every script's font registered (server/fonts).

export type PdfDocumentOptions = Pick<PDFKit.PDFDocumentOptions, 'margin' | 'margins'> & {
  lang: string;
  info: { Title: string; Author: string; Subject?: string };
  createdAt: Date;
};

/** The bytes `doc` writes, once `doc.end()` has been called. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** A new A4 document with Husly's fonts, and its bytes (`done`) once the caller ends it. */
export function createPdfDocument({ info, createdAt, ...layout }: PdfDocumentOptions): {
  doc: PDFKit.PDFDocument;
  done: Promise<Buffer>;
} {
  const doc = new PDFDocument({
    size: 'A4',
    ...layout,
    displayTitle: true,
    info: { ...info, Creator: 'Husly', Producer: 'Husly', CreationDate: createdAt, ModDate: createdAt },
  });
  registerFonts(doc);
  return { doc, done: pdfBytes(doc) };
}
