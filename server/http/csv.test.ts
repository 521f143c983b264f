import { describe, expect, it } from 'vitest';
import { csvDocument, csvField } from './csv';

describe('csv', () => {
  it('quotes every field, doubles quotes and defuses formulas unless told the value is ours', () => {
    expect(csvField('Fjordvegen "1"')).toBe('"Fjordvegen ""1"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-1200,50', { formulaSafe: false })).toBe('"-1200,50"');
  });

  it('writes a BOM, semicolons and CRLF line ends', () => {
    expect(csvDocument([['"a"', '"b"'], ['"1"', '']])).toBe('\uFEFF"a";"b"\r\n"1";\r\n');
  });
});
