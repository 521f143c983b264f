// CSV files Husly hands out (audit export, dwelling register): `;`-separated as Norwegian Excel
// expects, UTF-8 with a byte-order mark, CRLF line ends, every field quoted.

/**
 * One field, quoted. A text a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a
 * leading apostrophe (CSV injection); `formulaSafe: false` for values Husly formatted itself
 * (numbers such as -1 200,50 must stay numbers).
 */
export function csvField(text: string, { formulaSafe = true }: { formulaSafe?: boolean } = {}): string {
  const safe = formulaSafe && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** Lines of already-quoted fields → the file's text. */
export function csvDocument(lines: readonly (readonly string[])[]): string {
  return '\uFEFF' + lines.map((fields) => fields.join(';')).join('\r\n') + '\r\n';
}
