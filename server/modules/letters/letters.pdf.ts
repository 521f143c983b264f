import type { LetterLanguage } from '../../../shared/api/letters';
import { fontName, scriptFor } from '../../fonts/fonts';
import { createPdfDocument } from '../../fonts/pdf-document';
import { letterLabels, type ResolvedLetter } from './letters.templates';

// A letter on A4: the municipality's letterhead, date and reference, the recipient in the
// window-envelope position, title, body, closing and signature. Fonts for Latin, Arabic and
// Ethiopic are registered in every document; names are set in the font of their script.
// The output depends only on its input (CreationDate is the injected clock's), so the same
// letter gives the same bytes and the stored SHA-256 can be checked.

export type LetterPdfInput = {
  language: LetterLanguage;
  createdAt: Date;
  sender: { name: string; address: string; phone: string; email: string };
  letterDate: string;
  reference: string;
  recipient: { name: string; street: string; postalLine: string };
  letter: ResolvedLetter;
  signature: { name: string; unit: string; sender: string };
};

const A4_MARGIN = { top: 50, bottom: 50, left: 68, right: 68 };
const GREY = '#444444';

export function renderLetterPdf(input: LetterPdfInput): Promise<Buffer> {
  const labels = letterLabels[input.language];
  const { doc, done } = createPdfDocument({
    margins: A4_MARGIN,
    lang: input.language,
    info: { Title: input.letter.title, Author: input.sender.name, Subject: input.letter.subject },
    createdAt: input.createdAt,
  });

  const left = A4_MARGIN.left;
  const width = doc.page.width - A4_MARGIN.left - A4_MARGIN.right;
  const regular = (text: string) => fontName(scriptFor(text), 'regular');
  const bold = (text: string) => fontName(scriptFor(text), 'bold');

  // Letterhead: who writes (left), date and reference (right).
  const rightWidth = 190;
  const rightX = left + width - rightWidth;
  doc
    .font(bold(input.sender.name))
    .fontSize(14)
    .fillColor('black')
    .text(input.sender.name, left, A4_MARGIN.top, { width: width - rightWidth - 12 });
  doc.font('latin').fontSize(9).fillColor(GREY);
  const contact = [
    input.sender.address,
    input.sender.phone ? `${labels.phone}: ${input.sender.phone}` : '',
    input.sender.email ? `${labels.email}: ${input.sender.email}` : '',
  ].filter(Boolean);
  for (const line of contact) doc.text(line, left, undefined, { width: width - rightWidth - 12 });
  const headBottom = doc.y;
  doc.fontSize(9).fillColor(GREY);
  doc.text(`${labels.date}: ${input.letterDate}`, rightX, A4_MARGIN.top + 4, { width: rightWidth, align: 'right' });
  doc.text(`${labels.ourReference}: ${input.reference}`, rightX, undefined, { width: rightWidth, align: 'right' });
  const ruleY = Math.max(headBottom, doc.y) + 8;
  doc
    .moveTo(left, ruleY)
    .lineTo(left + width, ruleY)
    .lineWidth(0.5)
    .strokeColor('#999999')
    .stroke();

  // Recipient, where a C5/C4 window envelope shows it (about 45 mm from the top).
  doc.fillColor('black').fontSize(11);
  const recipientY = Math.max(ruleY + 24, 128);
  doc.font(regular(input.recipient.name)).text(input.recipient.name, left, recipientY, { width: 260 });
  doc.font('latin').text(input.recipient.street, left, undefined, { width: 260 });
  if (input.recipient.postalLine) doc.text(input.recipient.postalLine, left, undefined, { width: 260 });

  // Title, subject and body.
  doc
    .font('latin-bold')
    .fontSize(16)
    .text(input.letter.title, left, Math.max(doc.y + 30, 232), { width });
  doc.moveDown(0.2).font('latin-bold').fontSize(10).fillColor(GREY).text(input.letter.subject, { width });
  doc.fillColor('black').moveDown(0.6);
  // Space goes before a block, so a tight line can follow its paragraph directly.
  const gap = (lines: number) => doc.moveDown(lines);
  for (const [index, block] of input.letter.blocks.entries()) {
    if (block.kind === 'heading') {
      gap(0.7);
      doc.font('latin-bold').fontSize(11.5).text(block.text, left, undefined, { width });
      doc.moveDown(0.15);
      continue;
    }
    const afterHeading = index > 0 && input.letter.blocks[index - 1]!.kind === 'heading';
    if (!afterHeading && !(block.kind === 'paragraph' && block.tight)) gap(0.45);
    doc.font('latin').fontSize(10.5);
    if (block.kind === 'list') {
      doc.list(block.items, left, undefined, {
        width,
        bulletRadius: 1.8,
        bulletIndent: 6,
        textIndent: 14,
        lineGap: 1.5,
      });
    } else {
      doc.text(block.text, left, undefined, { width, lineGap: 1.5 });
    }
  }

  // Closing and signature, kept together on one page.
  const signatureHeight = 72;
  if (doc.y + signatureHeight > doc.page.height - A4_MARGIN.bottom) doc.addPage();
  doc.moveDown(1).font('latin').fontSize(10.5).text(input.letter.closing, left, undefined, { width });
  doc.moveDown(1);
  doc.font(bold(input.signature.name)).text(input.signature.name, left, undefined, { width });
  doc.font('latin');
  if (input.signature.unit && input.signature.unit !== input.signature.sender)
    doc.text(input.signature.unit, { width });
  doc.text(input.signature.sender, { width });

  doc.end();
  return done;
}
