import { describe, expect, it } from 'vitest';
import { openFont } from '../../fonts/fonts';
import { baseDirection, isolateLtr, layoutParagraph, visualText, type Direction } from './contact-card.layout';

// The card's right-to-left text is laid out here, not by pdfkit (see contact-card.layout.ts):
// these tests pin the visual order of mixed lines and that Arabic reaches fontkit whole, in
// logical order, so it is shaped into its joining forms.

const oneLine = (text: string, direction: Direction) => {
  const lines = layoutParagraph(text, { direction, maxWidth: 2000, size: 12, weight: 'regular' });
  expect(lines).toHaveLength(1);
  return lines[0]!;
};

describe('bidi: logical order to visual order', () => {
  it('a mixed Arabic + Latin + number line reads right to left, with the phone number and the name left to right', () => {
    // "Call +47 400 12 345 or Amina": the isolate keeps the number's groups in their order.
    const line = oneLine(`اتصل على ${isolateLtr('+47 400 12 345')} أو Amina`, 'rtl');
    expect(visualText(line)).toBe('Amina وأ +47 400 12 345 ىلع لصتا');
    // Pieces are laid out left to right; Arabic ones are right-to-left runs in the Arabic font.
    expect(line.pieces.map((p) => [p.logical, p.script, p.rtl])).toEqual([
      ['Amina', 'latin', false],
      ['أو', 'arabic', true],
      ['+47', 'latin', false],
      ['400', 'latin', false],
      ['12', 'latin', false],
      ['345', 'latin', false],
      ['على', 'arabic', true],
      ['اتصل', 'arabic', true],
    ]);
    for (let i = 1; i < line.pieces.length; i++)
      expect(line.pieces[i]!.x).toBeGreaterThan(line.pieces[i - 1]!.x + line.pieces[i - 1]!.width - 0.001);
  });

  it('without the isolate the bidi algorithm puts the number groups right to left — why numbers are isolated', () => {
    const line = oneLine('اتصل على +47 400 12 345 الآن', 'rtl');
    expect(visualText(line)).toBe('نآلا 345 12 400 47+ ىلع لصتا');
  });

  it('brackets are mirrored in right-to-left text and a Latin word inside stays left to right', () => {
    expect(visualText(oneLine('عيادة الطوارئ (legevakt)', 'rtl'))).toBe('(legevakt) ئراوطلا ةدايع');
  });

  it('an Arabic name inside a Norwegian line is reversed only itself', () => {
    expect(visualText(oneLine('Ring Ahmad أحمد الصايد nå', 'ltr'))).toBe('Ring Ahmad دياصلا دمحأ nå');
  });

  it('Arabic-Indic digits stay in reading order although fontkit reverses Arabic-script runs', () => {
    const line = oneLine('رقم ١٢٣', 'rtl');
    expect(visualText(line)).toBe('١٢٣ مقر');
    const digits = line.pieces.find((p) => p.logical === '١٢٣')!;
    expect(digits.rtl).toBe(false);
    expect(digits.draw).toBe('٣٢١'); // fontkit will reverse it back
    const glyphs = openFont('arabic')
      .layout(digits.draw)
      .glyphs.map((g) => g.codePoints[0]);
    expect(glyphs).toEqual([0x661, 0x662, 0x663]);
  });

  it('wraps right-to-left text with the first words on the first line, at its right end', () => {
    const text = 'احتفظ بهذه البطاقة. هؤلاء هم الأشخاص الذين يساعدونك في الفترة الأولى في البلدية.';
    const lines = layoutParagraph(text, { direction: 'rtl', maxWidth: 150, size: 12, weight: 'regular' });
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(150);
    expect(visualText(lines[0]!).endsWith('ظفتحا')).toBe(true);
    expect(visualText(lines[0]!).startsWith('.')).toBe(false);
    expect(lines.map((l) => l.source).join(' ')).toBe(text);
    expect(visualText(lines.at(-1)!).startsWith('.')).toBe(true); // the full stop at the left end
  });

  it('picks the direction of a value from its first strong character', () => {
    expect(baseDirection('أحمد Hassan')).toBe('rtl');
    expect(baseDirection('Hassan أحمد')).toBe('ltr');
    expect(baseDirection('+47 400 00 000')).toBe('ltr');
  });
});

describe('Arabic shaping', () => {
  const arabic = openFont('arabic');
  // Noto Sans Arabic draws dots as separate mark glyphs (no code points); compare the letter bodies.
  const bodies = (text: string) =>
    arabic
      .layout(text)
      .glyphs.filter((g) => g.codePoints.length > 0)
      .map((g) => ({ id: g.id, cp: g.codePoints[0]! }));

  it('fontkit gives beh its four forms: isolated, initial, medial and final are different glyphs', () => {
    const isolated = bodies('ب')[0]!.id;
    const [final, medial, initial] = bodies('ببب').map((g) => g.id); // visual order: left is last
    expect(new Set([isolated, initial, medial, final]).size).toBe(4);
  });

  it('each Arabic word reaches fontkit whole and in logical order, so its letters join and come out right to left', () => {
    const line = oneLine('مكتب السكن', 'rtl');
    const office = line.pieces.find((p) => p.logical === 'مكتب')!;
    expect(office.draw).toBe('مكتب');
    // fontkit caches a glyph with the code points it first met, and Noto's letter bodies are
    // shared (medial teh = medial yeh), so compare glyph ids, not code points.
    const joined = bodies(office.draw)
      .map((g) => g.id)
      .reverse(); // logical: م ك ت ب
    const logicalLetters = [0x645, 0x643, 0x62a, 0x628];
    expect(joined).toHaveLength(4);
    logicalLetters.forEach((cp, i) =>
      expect(joined[i], `U+${cp.toString(16)} is joined`).not.toBe(bodies(String.fromCodePoint(cp))[0]!.id),
    );
    // Right to left: the initial meem (as in مم, whose visual order is final, initial) is drawn rightmost.
    expect(joined[0]).toBe(bodies('مم')[1]!.id);
    expect(joined[3]).toBe(bodies('بب')[0]!.id); // the final beh, leftmost
  });

  it('a zero-width non-joiner in Dari breaks the join without a missing glyph', () => {
    const line = oneLine('می‌کنند', 'rtl');
    expect(line.pieces).toHaveLength(1);
    expect(arabic.layout(line.pieces[0]!.draw).glyphs.every((g) => g.id !== 0)).toBe(true);
    const withJoiner = bodies('میکنند').map((g) => g.id);
    const withNonJoiner = bodies(line.pieces[0]!.draw).map((g) => g.id);
    expect(withNonJoiner).not.toEqual(withJoiner);
  });
});
