// Renders an instrument to PDF with an embedded Chinese font (instruments.font.ts). The font is subset per document — only the
// glyphs used are embedded, with a ToUnicode map, so the text stays extractable and a one-page
// document stays around 20–40 KB. The agency's red round seal is drawn where a sealed instrument
// names the agency and date; the verification code is printed in every page's footer.
import { PDFDocument, degrees, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { FIELD_LABELS, type Fields } from './instruments.fields.ts';
import { chineseFontBytes, fontkitForPdfLib } from './instruments.font.ts';
import { printedFields, type InstrumentTemplate } from './instruments.templates.ts';

export interface RenderInput {
  template: InstrumentTemplate;
  fields: Fields;
  docNo: string;
  agencyName: string;
  issuedOn: string;
  /** Printed in the footer: where and with which code the document can be checked. */
  verification: { code: string; url: string };
  /** Fixed document dates so that the same input renders the same bytes. */
  producedAt: Date;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN_X = 64;
const TOP = 780;
const BOTTOM = 90;
const BODY_SIZE = 12;
const LINE = 21;
const SEAL_RED = rgb(0.82, 0.08, 0.08);

interface Cursor {
  page: PDFPage;
  y: number;
}

/**
 * Breaks text into lines that fit the width, character by character (Chinese has no spaces).
 * Widths are summed per character (cached): laying out the growing line again for every
 * character would cost O(n²) shaping runs per paragraph.
 */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const widths = new Map<string, number>();
  const widthOf = (ch: string) => {
    let w = widths.get(ch);
    if (w === undefined) {
      w = font.widthOfTextAtSize(ch, size);
      widths.set(ch, w);
    }
    return w;
  };
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const ch of paragraph) {
      const w = widthOf(ch);
      if (line && lineWidth + w > width) {
        lines.push(line);
        line = ch;
        lineWidth = w;
      } else {
        line += ch;
        lineWidth += w;
      }
    }
    lines.push(line);
  }
  return lines;
}

export async function renderInstrumentPdf(input: RenderInput): Promise<{
  bytes: Uint8Array;
  pageCount: number;
}> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkitForPdfLib);
  // A subset font's name carries a six-letter tag (ISO 32000-1 §9.6.4), so readers know it
  // is partial and never substitute it for the installed font.
  const font = await doc.embedFont(chineseFontBytes(), {
    subset: true,
    customName: `${subsetTag(input.docNo)}+NotoSerifSC-Regular`,
  });
  doc.setTitle(`${input.template.title} ${input.docNo}`);
  doc.setAuthor(input.agencyName);
  doc.setSubject(input.template.title);
  doc.setCreator('Sanxiang 三项制度信息系统');
  doc.setProducer('Sanxiang');
  doc.setCreationDate(input.producedAt);
  doc.setModificationDate(input.producedAt);

  const width = A4[0] - 2 * MARGIN_X;
  const newPage = (): Cursor => ({ page: doc.addPage(A4), y: TOP });
  let cursor = newPage();
  const ensure = (height: number) => {
    if (cursor.y - height < BOTTOM) cursor = newPage();
  };
  const centred = (text: string, size: number, gap: number) => {
    const w = font.widthOfTextAtSize(text, size);
    const x = (A4[0] - w) / 2;
    cursor.page.drawText(text, { x, y: cursor.y, size, font });
    cursor.y -= gap;
  };
  const paragraph = (text: string, indent = 0) => {
    for (const line of wrapText(text, font, BODY_SIZE, width - indent)) {
      ensure(LINE);
      cursor.page.drawText(line, { x: MARGIN_X + indent, y: cursor.y, size: BODY_SIZE, font });
      cursor.y -= LINE;
    }
  };

  centred(input.agencyName, 16, 30);
  centred(input.template.title, 22, 30);
  centred(input.docNo, BODY_SIZE, 30);
  if (input.template.preamble) paragraph(input.template.preamble);
  for (const key of printedFields(input.template)) {
    const value = input.fields[key];
    if (value === undefined) continue;
    paragraph(`${FIELD_LABELS[key]}：${value}`);
  }
  cursor.y -= LINE / 2;
  for (const line of input.template.signatures) paragraph(line);

  // The closing block: agency and date at the right, the seal over them.
  ensure(120);
  cursor.y -= LINE;
  const right = (text: string) => {
    const w = font.widthOfTextAtSize(text, BODY_SIZE);
    cursor.page.drawText(text, { x: A4[0] - MARGIN_X - w, y: cursor.y, size: BODY_SIZE, font });
  };
  right(input.agencyName);
  const sealCentre = { x: A4[0] - MARGIN_X - 70, y: cursor.y - 4 };
  cursor.y -= LINE;
  right(input.issuedOn);
  if (input.template.isSealed) drawSeal(cursor.page, font, sealCentre, input.agencyName);

  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const lines = [
      `第 ${i + 1} 页 共 ${pages.length} 页　电子签章验证码：${input.verification.code}`,
      `核验地址：${input.verification.url}`,
    ];
    lines.forEach((line, n) => {
      const size = 8;
      const w = font.widthOfTextAtSize(line, size);
      page.drawText(line, {
        x: Math.max(20, (A4[0] - w) / 2),
        y: 44 - n * 12,
        size,
        font,
        color: rgb(0.3, 0.3, 0.3),
      });
    });
  });
  const bytes = await doc.save({ useObjectStreams: true });
  return { bytes, pageCount: pages.length };
}

/** Six capital letters derived from the text (stable for the same document number). */
function subsetTag(seed: string): string {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619) >>> 0;
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (h % 26));
    h = Math.floor(h / 26) + i * 7919;
  }
  return tag;
}

/** A red round seal: ring, five-pointed star, the agency's name along the upper arc. */
function drawSeal(
  page: PDFPage,
  font: PDFFont,
  centre: { x: number; y: number },
  agencyName: string,
) {
  const radius = 48;
  page.drawCircle({
    x: centre.x,
    y: centre.y,
    size: radius,
    borderColor: SEAL_RED,
    borderWidth: 2.6,
    opacity: 0,
    borderOpacity: 0.85,
  });
  page.drawSvgPath(starPath(15), {
    x: centre.x,
    y: centre.y,
    color: SEAL_RED,
    opacity: 0.85,
    borderWidth: 0,
  });
  const chars = [...agencyName];
  const size = chars.length > 14 ? 8.5 : 10;
  // Spread the name over the arc from 215° to −35° (counter-clockwise angles), left to right.
  const start = 215;
  const end = -35;
  const textRadius = radius - 5 - size * 0.75;
  chars.forEach((ch, i) => {
    const angle = chars.length === 1 ? 90 : start + ((end - start) * i) / (chars.length - 1);
    const a = (angle * Math.PI) / 180;
    const up = { x: Math.cos(a), y: Math.sin(a) };
    const along = { x: Math.sin(a), y: -Math.cos(a) };
    const w = font.widthOfTextAtSize(ch, size);
    page.drawText(ch, {
      x: centre.x + textRadius * up.x - (w / 2) * along.x - size * 0.35 * up.x,
      y: centre.y + textRadius * up.y - (w / 2) * along.y - size * 0.35 * up.y,
      size,
      font,
      color: SEAL_RED,
      opacity: 0.85,
      rotate: degrees(angle - 90),
    });
  });
  const label = '电子印章';
  const lw = font.widthOfTextAtSize(label, 7);
  page.drawText(label, {
    x: centre.x - lw / 2,
    y: centre.y - 30,
    size: 7,
    font,
    color: SEAL_RED,
    opacity: 0.85,
  });
}

/** SVG path of a five-pointed star of outer radius r centred on the origin (SVG y points down). */
function starPath(r: number): string {
  const inner = r * 0.382;
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const a = (-90 + i * 36) * (Math.PI / 180);
    const len = i % 2 === 0 ? r : inner;
    points.push(`${(len * Math.cos(a)).toFixed(2)} ${(len * Math.sin(a)).toFixed(2)}`);
  }
  return `M ${points.join(' L ')} Z`;
}
