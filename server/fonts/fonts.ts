import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';

// Fonts embedded in the PDFs Husly writes to residents. Letters must be able to carry Arabic
// script (Arabic, Sorani, Dari, Pashto …) and Ge'ez (Tigrinya, Amharic) as well as Norwegian, so
// three families are registered in every document even while only bokmål/nynorsk templates exist.
//
// The files come from npm packages (DejaVu Sans; Noto Sans Arabic and Noto Sans Ethiopic from
// Fontsource, whose WOFF files fontkit reads and pdfkit subsets). They are resolved from
// node_modules at runtime, which also works for the esbuild bundle in dist/server: packages stay
// external there, so resolution walks up from dist/server to the project's node_modules.

const require = createRequire(import.meta.url);
const dejavu = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const fontsource = (pkg: string, file: string) => require.resolve(`@fontsource/${pkg}/files/${file}`);

export const fontScripts = ['latin', 'arabic', 'ethiopic'] as const;
export type FontScript = (typeof fontScripts)[number];
export type FontWeight = 'regular' | 'bold';

/** File of each script's font, per weight. WOFF rather than WOFF2: pdfkit subsets it far smaller. */
export const fontFiles: Record<FontScript, Record<FontWeight, string>> = {
  latin: {
    regular: join(dejavu, 'DejaVuSans.ttf'),
    bold: join(dejavu, 'DejaVuSans-Bold.ttf'),
  },
  arabic: {
    regular: fontsource('noto-sans-arabic', 'noto-sans-arabic-arabic-400-normal.woff'),
    bold: fontsource('noto-sans-arabic', 'noto-sans-arabic-arabic-700-normal.woff'),
  },
  ethiopic: {
    regular: fontsource('noto-sans-ethiopic', 'noto-sans-ethiopic-ethiopic-400-normal.woff'),
    bold: fontsource('noto-sans-ethiopic', 'noto-sans-ethiopic-ethiopic-700-normal.woff'),
  },
};

/** The name a font is registered under in a PDF document, e.g. `arabic-bold`. */
export function fontName(script: FontScript, weight: FontWeight = 'regular'): string {
  return weight === 'regular' ? script : `${script}-bold`;
}

/** What pdfkit's document offers for registering fonts (kept narrow so tests can use it too). */
type FontRegistry = { registerFont(name: string, src: string): unknown };

/** Registers every script × weight under fontName(script, weight). */
export function registerFonts(doc: FontRegistry): void {
  for (const script of fontScripts) {
    for (const weight of ['regular', 'bold'] as const)
      doc.registerFont(fontName(script, weight), fontFiles[script][weight]);
  }
}

const opened = new Map<string, fontkit.Font>();

/** The parsed font (fontkit, the engine pdfkit embeds with), opened once per process. */
export function openFont(script: FontScript, weight: FontWeight = 'regular'): fontkit.Font {
  const file = fontFiles[script][weight];
  let font = opened.get(file);
  if (!font) {
    const parsed = fontkit.openSync(file);
    // A .woff/.ttf holds one font; a collection would be a packaging change worth failing on.
    if (!('hasGlyphForCodePoint' in parsed)) throw new Error(`font collection where a font was expected: ${file}`);
    font = parsed;
    opened.set(file, font);
  }
  return font;
}

/**
 * The script font for `text`: Arabic or Ethiopic when a character is one the Noto font of that
 * script draws (the first such character decides; DejaVu has some Arabic letters but no proper
 * shaping), else Latin. For choosing a font per line or run in resident-language letters.
 */
export function scriptFor(text: string): FontScript {
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    if (cp < 0x0590) continue; // Latin, Greek, Cyrillic …: DejaVu Sans
    for (const script of ['arabic', 'ethiopic'] as const) {
      if (openFont(script).hasGlyphForCodePoint(cp)) return script;
    }
  }
  return 'latin';
}
