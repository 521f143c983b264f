import bidiFactory from 'bidi-js';
import { openFont, type FontScript, type FontWeight } from '../../fonts/fonts';

// Line layout for text in any of the card's scripts, right-to-left included.
//
// What pdfkit and fontkit do, and why this module exists:
// - fontkit shapes Arabic (the init/medi/fina/isol joining forms, lam-alef ligatures, marks) when
//   it gets a string in LOGICAL order, and then reverses the glyphs of a run whose script it
//   detects as right-to-left (GlyphRun.direction, from the first character of a non-common
//   script). It has no bidi algorithm: digits and Latin inside Arabic text are reversed too, and
//   neutral-only runs ('،', '(') are not reversed at all.
// - pdfkit lays text out word by word (it splits at spaces to cache layouts) and concatenates the
//   words left to right, so a multi-word Arabic string comes out with its words in reverse order;
//   its line wrapper, alignment and fonts are per call, not per script.
// So each paragraph is laid out here: the Unicode Bidirectional Algorithm (bidi-js, UAX #9) gives
// each character its embedding level; lines are broken in logical order by measured width; each
// line is reordered into visual order (rule L2) and cut into pieces that have one font, one
// direction and no space. A piece is handed to pdfkit as ONE word at an explicit x, in logical
// order when fontkit will reverse it itself (so shaping sees the real neighbours), otherwise
// already reversed. Mirrored characters (brackets) are swapped in right-to-left runs (rule L4).

const bidi = bidiFactory();

export type Direction = 'ltr' | 'rtl';

/** A run of text drawn with one font at one x: `draw` is what pdfkit gets. */
export type Piece = {
  /** The characters in logical order, with mirrored characters (brackets) swapped where the run is right-to-left. */
  logical: string;
  /** What to hand to pdfkit so that, after fontkit's own reversal, the glyphs are in visual order. */
  draw: string;
  script: FontScript;
  rtl: boolean;
  /** Offset from the line's left edge, and advance width, in points. */
  x: number;
  width: number;
};

/** `source`: the line's text in logical order as written, for the PDF's ActualText (copy, search, speech). */
export type Line = { pieces: Piece[]; width: number; source: string };

export type TextStyle = { size: number; weight: FontWeight };

/** Left-to-right isolate (LRI … PDI): numbers, e-mail addresses and Latin names inside RTL text. */
export function isolateLtr(text: string): string {
  return `\u2066${text}\u2069`;
}

// Explicit bidi formatting characters and marks: they steer the algorithm and are never drawn.
const bidiControl = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/**
 * The script font for one character, as fonts.ts chooses for whole texts: below U+0590 (Latin,
 * Greek, Cyrillic, punctuation, digits) DejaVu Sans, above it the Noto font that has the glyph.
 */
export function scriptOfCodePoint(cp: number): FontScript {
  if (cp < 0x0590) return 'latin';
  if (openFont('arabic').hasGlyphForCodePoint(cp)) return 'arabic';
  if (openFont('ethiopic').hasGlyphForCodePoint(cp)) return 'ethiopic';
  return 'latin';
}

/** Advance width in points of `text` set in one font, as pdfkit will measure it (fontkit layout). */
export function measure(text: string, script: FontScript, style: TextStyle): number {
  const font = openFont(script, style.weight);
  return (font.layout(text).advanceWidth * style.size) / font.unitsPerEm;
}

/** Whether fontkit will reverse `text` by itself (it decides by the first non-common script). */
export function fontkitReverses(text: string, script: FontScript, weight: FontWeight): boolean {
  return openFont(script, weight).layout(text).direction === 'rtl';
}

function reverseCodePoints(text: string): string {
  return [...text].reverse().join('');
}

/** Font script per UTF-16 index (a low surrogate takes its pair's). */
function scriptsOf(text: string): FontScript[] {
  const scripts: FontScript[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff && i > 0) scripts.push(scripts[i - 1]!);
    else scripts.push(scriptOfCodePoint(text.codePointAt(i)!));
  }
  return scripts;
}

type Word = { start: number; end: number; width: number }; // [start, end] inclusive

function spaceWidth(style: TextStyle): number {
  return measure(' ', 'latin', style);
}

/** Width of text[start..end] measured per font run (logical order; words hold no spaces). */
function widthOf(text: string, scripts: FontScript[], start: number, end: number, style: TextStyle): number {
  let width = 0;
  let runStart = start;
  for (let i = start; i <= end + 1; i++) {
    if (i === end + 1 || scripts[i] !== scripts[runStart]) {
      const run = [...text.slice(runStart, i)].filter((c) => !bidiControl.test(c)).join('');
      if (run) width += measure(run, scripts[runStart]!, style);
      runStart = i;
    }
  }
  return width;
}

/** Splits a word wider than the line into pieces that fit (e-mail addresses, long names). */
function splitLongWord(text: string, scripts: FontScript[], word: Word, maxWidth: number, style: TextStyle): Word[] {
  const parts: Word[] = [];
  let start = word.start;
  while (start <= word.end) {
    let end = start;
    while (end < word.end) {
      const next = end + (text.charCodeAt(end + 1) >= 0xdc00 && text.charCodeAt(end + 1) <= 0xdfff ? 2 : 1);
      if (widthOf(text, scripts, start, Math.min(next, word.end), style) > maxWidth) break;
      end = Math.min(next, word.end);
    }
    parts.push({ start, end, width: widthOf(text, scripts, start, end, style) });
    start = end + 1;
  }
  return parts;
}

/**
 * Lays out one paragraph: bidi levels for the whole paragraph (base direction given), greedy line
 * breaks at spaces within `maxWidth`, then per line the visual order of pieces.
 */
export function layoutParagraph(
  input: string,
  { direction, maxWidth, ...style }: { direction: Direction; maxWidth: number } & TextStyle,
): Line[] {
  const text = input.normalize('NFC').replace(/[\t\r\n]+/g, ' ');
  if (text.trim() === '') return [];
  const levels = bidi.getEmbeddingLevels(text, direction);
  const scripts = scriptsOf(text);
  const space = spaceWidth(style);

  const words: Word[] = [];
  for (const match of text.matchAll(/[^ ]+/g)) {
    const word = { start: match.index, end: match.index + match[0].length - 1, width: 0 };
    word.width = widthOf(text, scripts, word.start, word.end, style);
    if (word.width > maxWidth) words.push(...splitLongWord(text, scripts, word, maxWidth, style));
    else words.push(word);
  }

  const lines: Word[][] = [];
  let current: Word[] = [];
  let currentWidth = 0;
  for (const word of words) {
    const added = current.length === 0 ? word.width : currentWidth + space + word.width;
    if (current.length > 0 && added > maxWidth) {
      lines.push(current);
      current = [word];
      currentWidth = word.width;
    } else {
      current.push(word);
      currentWidth = added;
    }
  }
  if (current.length > 0) lines.push(current);

  return lines.map((line) => visualLine(text, levels, scripts, line[0]!.start, line.at(-1)!.end, style, space));
}

function visualLine(
  text: string,
  levels: ReturnType<typeof bidi.getEmbeddingLevels>,
  scripts: FontScript[],
  start: number,
  end: number,
  style: TextStyle,
  space: number,
): Line {
  const order = bidi.getReorderedIndices(text, levels, start, end).slice(start, end + 1);
  const mirrored = bidi.getMirroredCharactersMap(text, levels.levels, start, end);
  const pieces: Piece[] = [];
  let x = 0;
  let group: number[] = [];

  const onlyControlsBetween = (a: number, b: number) => {
    for (let i = Math.min(a, b) + 1; i < Math.max(a, b); i++) if (!bidiControl.test(text[i]!)) return false;
    return true;
  };
  const flush = () => {
    if (group.length === 0) return;
    const rtl = (levels.levels[group[0]!]! & 1) === 1;
    const script = scripts[group[0]!]!;
    const indices = [...group].sort((a, b) => a - b);
    const logical = indices.map((i) => mirrored.get(i) ?? text[i]!).join('');
    const width = measure(logical, script, style);
    // Make the glyphs come out in visual order whatever fontkit decides to do with the run.
    const draw = rtl === fontkitReverses(logical, script, style.weight) ? logical : reverseCodePoints(logical);
    pieces.push({ logical, draw, script, rtl, x, width });
    x += width;
    group = [];
  };

  for (const i of order) {
    const char = text[i]!;
    if (bidiControl.test(char)) continue;
    if (char === ' ') {
      flush();
      x += space;
      continue;
    }
    const last = group.at(-1);
    if (last !== undefined) {
      const sameRun =
        scripts[last] === scripts[i] &&
        levels.levels[last] === levels.levels[i] &&
        (levels.levels[i]! & 1 ? i < last : i > last) &&
        onlyControlsBetween(last, i);
      if (!sameRun) flush();
    }
    group.push(i);
  }
  flush();
  const source = [...text.slice(start, end + 1)].filter((c) => !bidiControl.test(c)).join('');
  return { pieces, width: x, source };
}

/**
 * The line as a reader sees it, left to right (right-to-left pieces reversed, one space between
 * words): what the tests compare with the expected visual order.
 */
export function visualText(line: Line): string {
  let out = '';
  let x = 0;
  for (const piece of line.pieces) {
    if (piece.x > x + 0.01 && out !== '') out += ' ';
    out += piece.rtl ? reverseCodePoints(piece.logical) : piece.logical;
    x = piece.x + piece.width;
  }
  return out;
}

/** Characters of `text` that no card font can draw (fontkit would use .notdef, glyph 0). */
export function missingGlyphs(text: string): string[] {
  const missing = new Set<string>();
  for (const char of text.normalize('NFC')) {
    if (char === ' ' || bidiControl.test(char)) continue;
    const cp = char.codePointAt(0)!;
    for (const weight of ['regular', 'bold'] as const) {
      if (!openFont(scriptOfCodePoint(cp), weight).hasGlyphForCodePoint(cp)) missing.add(char);
    }
  }
  return [...missing];
}

/** The paragraph direction the bidi algorithm picks from the first strong character (rules P2–P3). */
export function baseDirection(text: string, fallback: Direction = 'ltr'): Direction {
  const paragraph = bidi.getEmbeddingLevels(text.normalize('NFC'), 'auto').paragraphs[0];
  if (!paragraph || !/[\p{L}\p{N}]/u.test(text)) return fallback;
  return paragraph.level & 1 ? 'rtl' : 'ltr';
}
