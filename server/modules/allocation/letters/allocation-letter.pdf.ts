import { fontName } from '../../../fonts/fonts';
import { createPdfDocument } from '../../../fonts/pdf-document';
import { baseDirection, layoutParagraph, type Direction } from '../../contact-card/contact-card.layout';

// The offer letter and the decision letter (issue 6 items 5–6) on A4: letterhead, date and
// reference, the recipient in the window-envelope position, title, Norwegian body (bokmål or
// nynorsk) and signature; the offer letter adds a framed summary in the household's language.
// Text that may be in any script (names, the summary) is laid out with the contact card's bidi
// layout (contact-card.layout.ts: UAX #9, one font per script, right-to-left lines right-aligned)
// and each line carries its logical text as ActualText, so copying, search and screen readers get
// the words back. The output depends only on the input (creation date from the injected clock).

export type LetterBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  /** Label–value rows (the dwelling's facts). */
  | { kind: 'facts'; rows: Array<[string, string]> };

export type LetterSummary = {
  bcp47: string;
  direction: Direction;
  heading: string;
  paragraphs: string[];
  facts: Array<[string, string]>;
};

export type AllocationLetterInput = {
  form: 'nb' | 'nn';
  createdAt: Date;
  sender: { name: string; address: string; phone: string; email: string };
  labels: { date: string; ourReference: string; phone: string; email: string };
  letterDate: string;
  reference: string;
  recipient: { name: string; street: string; postalLine: string };
  title: string;
  subject: string;
  blocks: LetterBlock[];
  summary?: LetterSummary | null;
  closing: string;
  signature: { name: string; unit: string; sender: string };
};

const MARGIN = { top: 50, bottom: 50, left: 68, right: 68 };
const GREY = '#444444';
const ACCENT = '#1d3f6e';

export function renderAllocationLetter(input: AllocationLetterInput): Promise<Buffer> {
  const { doc, done } = createPdfDocument({
    margins: MARGIN,
    lang: input.form,
    info: { Title: input.title, Author: input.sender.name, Subject: input.subject },
    createdAt: input.createdAt,
  });
  const left = MARGIN.left;
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const bottom = () => doc.page.height - MARGIN.bottom;
  let pages = 1;
  doc.on('pageAdded', () => {
    pages += 1;
  });

  /** One paragraph in any script at (x, doc.y), lines right-aligned when right to left. */
  const bidiText = (
    text: string,
    options: { x: number; width: number; size: number; bold?: boolean; direction?: Direction; lang?: string; color?: string },
  ) => {
    const direction = options.direction ?? baseDirection(text);
    const weight = options.bold ? 'bold' : 'regular';
    const lines = layoutParagraph(text, { direction, maxWidth: options.width, size: options.size, weight });
    const lineHeight = options.size * 1.45;
    let y = doc.y;
    for (const line of lines) {
      if (y + lineHeight > bottom()) {
        doc.addPage();
        y = MARGIN.top;
      }
      const x = options.x + (direction === 'rtl' ? Math.max(0, options.width - line.width) : 0);
      const baseline = y + options.size * 1.1;
      doc.markContent('Span', { actual: line.source, ...(options.lang ? { lang: options.lang } : {}) });
      for (const piece of line.pieces) {
        doc
          .font(fontName(piece.script, weight))
          .fontSize(options.size)
          .fillColor(options.color ?? 'black')
          .text(piece.draw, x + piece.x, baseline, { lineBreak: false, baseline: 'alphabetic' });
      }
      doc.endMarkedContent();
      y += lineHeight;
    }
    doc.x = options.x;
    doc.y = y;
  };

  // Letterhead: the sender (left), date and reference (right).
  const rightWidth = 190;
  const rightX = left + width - rightWidth;
  doc.y = MARGIN.top;
  bidiText(input.sender.name, { x: left, width: width - rightWidth - 12, size: 14, bold: true });
  doc.font('latin').fontSize(9).fillColor(GREY);
  const contact = [
    input.sender.address,
    input.sender.phone ? `${input.labels.phone}: ${input.sender.phone}` : '',
    input.sender.email ? `${input.labels.email}: ${input.sender.email}` : '',
  ].filter(Boolean);
  for (const line of contact) doc.text(line, left, undefined, { width: width - rightWidth - 12 });
  const headBottom = doc.y;
  doc.text(`${input.labels.date}: ${input.letterDate}`, rightX, MARGIN.top + 4, { width: rightWidth, align: 'right' });
  doc.text(`${input.labels.ourReference}: ${input.reference}`, rightX, undefined, { width: rightWidth, align: 'right' });
  const ruleY = Math.max(headBottom, doc.y) + 8;
  doc.moveTo(left, ruleY).lineTo(left + width, ruleY).lineWidth(0.5).strokeColor('#999999').stroke();

  // Recipient, where a window envelope shows it.
  doc.y = Math.max(ruleY + 24, 128);
  bidiText(input.recipient.name, { x: left, width: 260, size: 11 });
  doc.font('latin').fontSize(11).fillColor('black');
  if (input.recipient.street) doc.text(input.recipient.street, left, undefined, { width: 260 });
  if (input.recipient.postalLine) doc.text(input.recipient.postalLine, left, undefined, { width: 260 });

  // Title, subject, body.
  doc.font('latin-bold').fontSize(16).fillColor('black').text(input.title, left, Math.max(doc.y + 30, 232), { width });
  doc.moveDown(0.2).font('latin-bold').fontSize(10).fillColor(GREY).text(input.subject, { width });
  doc.fillColor('black').moveDown(0.4);
  for (const block of input.blocks) {
    switch (block.kind) {
      case 'heading':
        doc.moveDown(0.7).font('latin-bold').fontSize(11.5).text(block.text, left, undefined, { width });
        doc.moveDown(0.15);
        break;
      case 'paragraph':
        doc.moveDown(0.45).font('latin').fontSize(10.5).text(block.text, left, undefined, { width, lineGap: 1.5 });
        break;
      case 'list':
        doc.moveDown(0.45).font('latin').fontSize(10.5);
        doc.list(block.items, left, undefined, { width, bulletRadius: 1.8, bulletIndent: 6, textIndent: 14, lineGap: 1.5 });
        break;
      case 'facts': {
        doc.moveDown(0.45);
        const labelWidth = 140;
        for (const [label, value] of block.rows) {
          if (doc.y + 16 > bottom()) doc.addPage();
          const top = doc.y;
          doc.font('latin-bold').fontSize(10.5).text(label, left, top, { width: labelWidth });
          const afterLabel = doc.y;
          doc.y = top;
          bidiText(value, { x: left + labelWidth + 8, width: width - labelWidth - 8, size: 10.5 });
          doc.y = Math.max(doc.y, afterLabel) + 2;
        }
        break;
      }
    }
  }

  // Closing and signature, kept together.
  if (doc.y + 72 > bottom()) doc.addPage();
  doc.moveDown(1).font('latin').fontSize(10.5).fillColor('black').text(input.closing, left, undefined, { width });
  doc.moveDown(1);
  bidiText(input.signature.name, { x: left, width, size: 10.5, bold: true });
  doc.font('latin').fontSize(10.5);
  if (input.signature.unit && input.signature.unit !== input.signature.sender) doc.text(input.signature.unit, left, undefined, { width });
  doc.text(input.signature.sender, left, undefined, { width });

  // The summary in the household's language, framed, after the Norwegian letter.
  const summary = input.summary;
  if (summary) {
    if (doc.y + 160 > bottom()) doc.addPage();
    else doc.moveDown(1.5);
    const top = doc.y;
    const pad = 10;
    const inner = { x: left + pad, width: width - 2 * pad };
    const page = pages;
    doc.y = top + pad;
    const common = { x: inner.x, width: inner.width, direction: summary.direction, lang: summary.bcp47 };
    bidiText(summary.heading, { ...common, size: 13, bold: true, color: ACCENT });
    doc.y += 4;
    const [intro, ...rest] = summary.paragraphs;
    if (intro) bidiText(intro, { ...common, size: 10.5 });
    doc.y += 2;
    for (const [label, value] of summary.facts) {
      // "Label: value" as one paragraph, the value isolated left to right by the caller.
      bidiText(`${label}: ${value}`, { ...common, size: 10.5 });
    }
    for (const paragraph of rest) {
      doc.y += 4;
      bidiText(paragraph, { ...common, size: 10.5 });
    }
    // A frame around the summary when it stayed on one page.
    if (pages === page) {
      doc.rect(left, top, width, doc.y - top + pad).lineWidth(1).strokeColor(ACCENT).stroke();
    }
  }

  doc.end();
  return done;
}
