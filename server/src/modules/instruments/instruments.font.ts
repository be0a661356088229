// The Chinese font for PDFs: Noto Serif SC from an npm package (nothing is downloaded at run
// time), subset per document by fontkit 2. pdf-lib's own fork (@pdf-lib/fontkit 1.1) writes broken
// TrueType subsets (a short `loca` without padding: some glyphs go blank in poppler and Acrobat
// while the text still extracts), fixed upstream in fontkit 1.8; pdf-lib only needs
// `create(bytes)` and a subset that can `encodeStream()`, which this adapter supplies.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import type { PDFDocument } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

const require = createRequire(import.meta.url);
const FONT_FILE = '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf';

let fontBytes: Buffer | undefined;
/** The font file, read once per process (≈15 MB; only the used glyphs go into each PDF). */
export function chineseFontBytes(): Buffer {
  fontBytes ??= fs.readFileSync(require.resolve(FONT_FILE));
  return fontBytes;
}

/**
 * Chinese needs no shaping (no ligatures, no contextual forms, no kerning between ideographs):
 * one glyph per code point. Skipping the OpenType layout engine makes laying out a page several
 * times faster; pdf-lib only reads the glyphs' ids and advance widths.
 */
function withDirectLayout(font: fontkit.FontkitFont): fontkit.FontkitFont {
  const glyphs = new Map<number, fontkit.FontkitGlyph>();
  font.layout = (text: string) => ({
    glyphs: Array.from(text, (ch) => {
      const codePoint = ch.codePointAt(0) ?? 0;
      let glyph = glyphs.get(codePoint);
      if (!glyph) {
        glyph = font.glyphForCodePoint(codePoint);
        glyphs.set(codePoint, glyph);
      }
      return glyph;
    }),
  });
  return font;
}

function withEncodeStream(font: fontkit.FontkitFont): fontkit.FontkitFont {
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = createSubset();
    return Object.assign(subset, {
      encodeStream() {
        const stream = new EventEmitter();
        queueMicrotask(() => {
          try {
            stream.emit('data', subset.encode());
            stream.emit('end');
          } catch (error) {
            stream.emit('error', error);
          }
        });
        return stream;
      },
    });
  };
  return font;
}

// Parsing is the expensive part (tables of a 15 MB font); the parsed font is read-only for
// layout and each document takes its own subset, so one parse serves the process.
const parsed = new WeakMap<Uint8Array, fontkit.FontkitFont>();

/** What pdf-lib's registerFontkit() expects, backed by fontkit 2. */
export const fontkitForPdfLib = {
  create(bytes: Uint8Array) {
    let font = parsed.get(bytes);
    if (!font) {
      font = withDirectLayout(withEncodeStream(fontkit.create(bytes)));
      parsed.set(bytes, font);
    }
    return font;
  },
} as unknown as Fontkit;
