import {
  contactCard as contactCardSchema,
  type ContactCard,
  type ContactCardTranslation,
} from '../../../shared/contact-card/contact-card';
import { fontName } from '../../fonts/fonts';
import { createPdfDocument } from '../../fonts/pdf-document';
import { baseDirection, isolateLtr, layoutParagraph, type Direction, type Line } from './contact-card.layout';
import { contactCardTranslations, type TranslationSet } from './contact-card.translations';

// The "who to contact" card (issue 5 item 7, R6.4–R6.6) on A4: the municipality and household
// reference, a title and a short intro, one framed block per contact (role in both languages, what
// to contact them about, the name, the phone in Latin digits if any, e-mail, hours, address) and the
// emergency numbers. Bokmål (or nynorsk) is the left column, the household's language the right
// one, right-aligned when that language is written right to left. Every text goes through
// contact-card.layout.ts (bidi, line breaks, one font per script); pdfkit only places the pieces.
// The output depends only on the input and the clock, so the same card gives the same bytes.

export type RenderContactCardOptions = {
  clock: () => Date;
  /** Which Norwegian written standard is the first column (the municipality's). Default nb. */
  norwegian?: 'nb' | 'nn';
  /** Translations to use instead of shared/contact-card (tests, a municipality's own set). */
  translations?: TranslationSet;
};

export class ContactCardLanguageError extends Error {
  constructor(readonly language: string) {
    super(`no contact card translation for language "${language}"`);
    this.name = 'ContactCardLanguageError';
  }
}

const MARGIN = 42;
const PAGE = { width: 595.28, height: 841.89 }; // A4 in points
const CONTENT = PAGE.width - 2 * MARGIN;
const GUTTER = 18;
const PAD = 10;
const INK = '#111111';
const MUTED = '#444444';
const ACCENT = '#1d3f6e';
const ALERT = '#a4161a';

type Cell = {
  text: string;
  x: number;
  width: number;
  direction: Direction;
  align: 'start' | 'left' | 'right';
  size: number;
  bold?: boolean;
  color?: string;
  /** BCP 47 tag of a translated text; data (names, numbers) has none. */
  lang?: string;
};
type LaidCell = Cell & { lines: Line[]; height: number };

const lineHeight = (size: number) => size * 1.5;

function lay(cell: Cell): LaidCell {
  const lines = layoutParagraph(cell.text, {
    direction: cell.direction,
    maxWidth: cell.width,
    size: cell.size,
    weight: cell.bold ? 'bold' : 'regular',
  });
  return { ...cell, lines, height: lines.length * lineHeight(cell.size) };
}

const ascent = (size: number) => size * 1.1;

/** A row of cells side by side, first lines on one baseline (a small label beside a large value). */
type Row = { cells: LaidCell[]; baseline: number; height: number; gapAfter: number };

function row(cells: Cell[], gapAfter = 4): Row {
  const laid = cells.filter((cell) => cell.text.trim() !== '').map(lay);
  const baseline = Math.max(0, ...laid.map((c) => ascent(c.size)));
  const height = Math.max(0, ...laid.map((c) => baseline - ascent(c.size) + c.height));
  return { cells: laid, baseline, height, gapAfter };
}

function rowsHeight(rows: Row[]): number {
  return rows.reduce((sum, r) => sum + r.height + r.gapAfter, 0);
}

function formatCardDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}

export async function renderContactCard(
  input: ContactCard,
  language: string,
  options: RenderContactCardOptions,
): Promise<Buffer> {
  const card = contactCardSchema.parse(input);
  const translations = options.translations ?? contactCardTranslations();
  const norwegianCode = options.norwegian ?? 'nb';
  const no = translations.get(norwegianCode);
  const other = translations.get(language);
  if (!no) throw new ContactCardLanguageError(norwegianCode);
  if (!other) throw new ContactCardLanguageError(language);
  // A card for a Norwegian-speaking household is one column in that written standard.
  const bilingual = other.language !== 'nb' && other.language !== 'nn';
  const first: ContactCardTranslation = bilingual ? no : other;
  const second: ContactCardTranslation | undefined = bilingual ? other : undefined;

  const createdAt = options.clock();
  const { doc, done } = createPdfDocument({
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    lang: (second ?? first).bcp47,
    info: {
      Title: second ? `${first.title} / ${second.title}` : first.title,
      Author: card.municipalityName,
      Subject: second ? `${first.nameNative} / ${second.nameNative}` : first.nameNative,
    },
    createdAt,
  });

  const drawCell = (cell: LaidCell, firstBaseline: number) => {
    const weight = cell.bold ? 'bold' : 'regular';
    cell.lines.forEach((line, index) => {
      const alignRight = cell.align === 'right' || (cell.align === 'start' && cell.direction === 'rtl');
      const left = cell.x + (alignRight ? Math.max(0, cell.width - line.width) : 0);
      const baseline = firstBaseline + index * lineHeight(cell.size);
      // Shaped Arabic cannot be read back from its glyphs (Noto draws dots as separate glyphs and
      // letters share bodies), so each line carries its text, in logical order, and its language.
      doc.markContent('Span', { actual: line.source, ...(cell.lang ? { lang: cell.lang } : {}) });
      for (const piece of line.pieces) {
        doc
          .font(fontName(piece.script, weight))
          .fontSize(cell.size)
          .fillColor(cell.color ?? INK)
          .text(piece.draw, left + piece.x, baseline, { lineBreak: false, baseline: 'alphabetic' });
      }
      doc.endMarkedContent();
    });
  };
  const drawRows = (rows: Row[], top: number): number => {
    let y = top;
    for (const r of rows) {
      for (const cell of r.cells) drawCell(cell, y + r.baseline);
      y += r.height + r.gapAfter;
    }
    return y;
  };

  let y = MARGIN;
  const bottom = PAGE.height - MARGIN;
  const ensureRoom = (height: number) => {
    if (y + height > bottom && y > MARGIN) {
      doc.addPage();
      y = MARGIN;
    }
  };

  // Columns: the Norwegian text on the left, the household's language on the right.
  const column = (inner: { x: number; width: number }) => {
    const half = second ? (inner.width - GUTTER) / 2 : inner.width;
    return {
      first: { x: inner.x, width: half, direction: first.direction },
      second: { x: inner.x + half + GUTTER, width: half, direction: second?.direction ?? 'ltr' },
    };
  };
  const pair = (
    inner: { x: number; width: number },
    texts: (t: ContactCardTranslation) => string,
    style: { size: number; bold?: boolean; color?: string },
    gapAfter?: number,
  ): Row => {
    const cols = column(inner);
    const cells: Cell[] = [{ text: texts(first), ...cols.first, align: 'start', lang: first.bcp47, ...style }];
    if (second) cells.push({ text: texts(second), ...cols.second, align: 'start', lang: second.bcp47, ...style });
    return row(cells, gapAfter);
  };
  /** A value between its label in both languages: [label] value [label]. */
  const labelled = (
    inner: { x: number; width: number },
    label: (t: ContactCardTranslation) => string,
    value: string,
    style: { size: number; bold?: boolean; color?: string },
  ): Row => {
    const firstWidth = 104;
    const secondWidth = second ? 128 : 0;
    const valueX = inner.x + firstWidth + 8;
    const valueWidth = inner.width - firstWidth - 8 - (second ? secondWidth + 8 : 0);
    const labelStyle = { size: 10.5, color: MUTED };
    const cells: Cell[] = [
      {
        text: label(first),
        x: inner.x,
        width: firstWidth,
        direction: first.direction,
        align: 'start',
        lang: first.bcp47,
        ...labelStyle,
      },
      { text: value, x: valueX, width: valueWidth, direction: baseDirection(value), align: 'left', ...style },
    ];
    if (second)
      cells.push({
        text: label(second),
        x: inner.x + inner.width - secondWidth,
        width: secondWidth,
        direction: second.direction,
        align: 'start',
        lang: second.bcp47,
        ...labelStyle,
      });
    return row(cells, 3);
  };

  // Header: municipality, household reference and date (in both languages).
  const page = { x: MARGIN, width: CONTENT };
  const reference = isolateLtr(card.householdReference);
  const date = formatCardDate(card.date);
  const header: Row[] = [
    row(
      [
        {
          text: card.municipalityName,
          x: MARGIN,
          width: CONTENT,
          direction: baseDirection(card.municipalityName),
          align: 'left',
          size: 11,
          bold: true,
          color: ACCENT,
        },
      ],
      2,
    ),
    pair(page, (t) => `${t.household}: ${reference}   ${t.date}: ${isolateLtr(date)}`, { size: 9.5, color: MUTED }, 10),
    pair(page, (t) => t.title, { size: 21, bold: true, color: ACCENT }, 6),
    pair(page, (t) => t.intro, { size: 11.5 }, 4),
    pair(page, (t) => t.interpreter, { size: 11.5, bold: true }, 14),
  ];
  y = drawRows(header, y);

  // One framed block per contact.
  const inner = { x: MARGIN + PAD, width: CONTENT - 2 * PAD };
  for (const contact of card.contacts) {
    const rows: Row[] = [
      pair(inner, (t) => t.roles[contact.role], { size: 13, bold: true, color: ACCENT }, 1),
      pair(inner, (t) => t.roleHints[contact.role], { size: 10, color: MUTED }, 5),
      labelled(inner, () => '', contact.name, { size: 14, bold: true }),
    ];
    if (contact.phone)
      rows.push(labelled(inner, (t) => t.fields.phone, isolateLtr(contact.phone), { size: 14, bold: true }));
    if (contact.email) rows.push(labelled(inner, (t) => t.fields.email, isolateLtr(contact.email), { size: 11.5 }));
    if (contact.hours) rows.push(labelled(inner, (t) => t.fields.hours, contact.hours, { size: 11.5 }));
    if (contact.address) rows.push(labelled(inner, (t) => t.fields.address, contact.address, { size: 11.5 }));
    const height = rowsHeight(rows) + 2 * PAD - rows.at(-1)!.gapAfter;
    ensureRoom(height);
    doc.roundedRect(MARGIN, y, CONTENT, height, 6).lineWidth(1).strokeColor(ACCENT).stroke();
    drawRows(rows, y + PAD);
    y += height + 10;
  }

  // Emergency numbers: national ones and the municipality's after-hours phone.
  const emergency = card.emergencyNumbers;
  const numbers: Array<[keyof ContactCard['emergencyNumbers'], string]> = [
    ['fire', emergency.fire],
    ['police', emergency.police],
    ['ambulance', emergency.ambulance],
    ['medicalOnCall', emergency.medicalOnCall],
    ['municipalAfterHours', emergency.municipalAfterHours],
  ];
  const emergencyRows: Row[] = [
    pair(inner, (t) => t.emergency.heading, { size: 15, bold: true, color: ALERT }, 1),
    pair(inner, (t) => t.emergency.intro, { size: 10.5, color: MUTED }, 6),
    ...numbers.map(([key, number]) =>
      labelled(inner, (t) => t.emergency[key], isolateLtr(number), { size: 15, bold: true, color: ALERT }),
    ),
  ];
  const emergencyHeight = rowsHeight(emergencyRows) + 2 * PAD - emergencyRows.at(-1)!.gapAfter;
  ensureRoom(emergencyHeight);
  doc.roundedRect(MARGIN, y, CONTENT, emergencyHeight, 6).lineWidth(2).strokeColor(ALERT).stroke();
  drawRows(emergencyRows, y + PAD);

  doc.end();
  return done;
}
