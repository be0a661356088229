// The part of fontkit 2 (no types shipped) that instruments.font.ts uses; the font object is
// handed on to pdf-lib, which knows the rest of its shape.
declare module 'fontkit' {
  export interface FontkitSubset {
    includeGlyph(glyph: unknown): number;
    encode(): Uint8Array;
  }
  export interface FontkitGlyph {
    id: number;
    advanceWidth: number;
  }
  export interface FontkitFont {
    createSubset(): FontkitSubset;
    glyphForCodePoint(codePoint: number): FontkitGlyph;
    layout(text: string, features?: unknown): { glyphs: FontkitGlyph[] };
  }
  export function create(buffer: Uint8Array): FontkitFont;
}
