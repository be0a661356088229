// Renders an instrument to DOCX (Office Open XML) for offices that edit or print from Word/WPS.
// The DOCX carries the same fields as the PDF; the PDF is the sealed original, the DOCX a
// working copy whose hash is recorded with the version.
import { AlignmentType, Document, Footer, Packer, Paragraph, TextRun } from 'docx';
import { FIELD_LABELS } from './instruments.fields.ts';
import type { RenderInput } from './instruments.pdf.ts';
import { printedFields } from './instruments.templates.ts';

const FONT = { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const SIZE = 28; // half-points: 14 pt, 四号

function line(text: string, options: { bold?: boolean; size?: number; centre?: boolean } = {}) {
  return new Paragraph({
    alignment: options.centre ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { after: 120 },
    children: text.split('\n').map(
      (part, i) =>
        new TextRun({
          text: part,
          break: i > 0 ? 1 : 0,
          bold: options.bold ?? false,
          size: options.size ?? SIZE,
          font: FONT,
        }),
    ),
  });
}

export async function renderInstrumentDocx(input: RenderInput): Promise<Uint8Array> {
  const { template, fields } = input;
  const body: Paragraph[] = [
    line(input.agencyName, { centre: true, size: 32 }),
    line(template.title, { centre: true, bold: true, size: 44 }),
    line(input.docNo, { centre: true }),
  ];
  if (template.preamble) body.push(line(template.preamble));
  for (const key of printedFields(template)) {
    const value = fields[key];
    if (value !== undefined) body.push(line(`${FIELD_LABELS[key]}：${value}`));
  }
  for (const signature of template.signatures) body.push(line(signature));
  body.push(
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      children: [new TextRun({ text: input.agencyName, size: SIZE, font: FONT })],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      children: [new TextRun({ text: input.issuedOn, size: SIZE, font: FONT })],
    }),
  );
  const doc = new Document({
    creator: 'Sanxiang 三项制度信息系统',
    title: `${template.title} ${input.docNo}`,
    description: `电子签章原件为 PDF，验证码 ${input.verification.code}`,
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              line(
                `本件为工作副本，以加盖电子印章的 PDF 为准。验证码：${input.verification.code}　核验地址：${input.verification.url}`,
                { size: 16, centre: true },
              ),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
