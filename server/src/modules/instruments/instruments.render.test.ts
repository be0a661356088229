// The rendered files: a PDF whose Chinese text a PDF reader extracts (embedded, subset font with
// ToUnicode), small, with the seal drawn; a DOCX whose document.xml holds the Chinese text; an SM2
// seal that verifies over the PDF and fails after one flipped byte.
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSm2KeyPair, sm2KeyId } from '../ledger/crypto/sm2.ts';
import type { SigningKey } from '../ledger/crypto/keys.ts';
import { composeFields, validateOverrides } from './instruments.compose.ts';
import { renderInstrumentDocx } from './instruments.docx.ts';
import { fillFromCase } from './instruments.fill.ts';
import { renderInstrumentPdf, type RenderInput } from './instruments.pdf.ts';
import { extractPdfText, unzipEntry } from './instruments.render.test-support.ts';
import { checkSeal, sealStatement, sm3Hex } from './instruments.seal.ts';
import { conditionsOf } from './instruments.statement.ts';
import { TEMPLATES, type InstrumentKind } from './instruments.templates.ts';
import { OFFICER_DATA, sampleCase } from './instruments.test-support.ts';

function inputOf(kind: InstrumentKind): RenderInput {
  const template = TEMPLATES[kind];
  const c = sampleCase();
  const fields = composeFields(
    template,
    fillFromCase(kind, c),
    validateOverrides(template, OFFICER_DATA[kind] ?? {}),
    { agencyName: '枣庄市薛城区市场监督管理局', issuedOn: '2026年5月10日' },
    conditionsOf(c.details),
  );
  return {
    template,
    fields: { ...fields, docNo: '薛市监罚决〔2026〕12号' },
    docNo: '薛市监罚决〔2026〕12号',
    agencyName: '枣庄市薛城区市场监督管理局',
    issuedOn: '2026年5月10日',
    verification: { code: 'test-code', url: '/instruments/verify/test-code' },
    producedAt: new Date('2026-05-10T02:00:00Z'),
  };
}

describe('PDF', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = (await renderInstrumentPdf(inputOf('penalty_decision'))).bytes;
  });

  it('has extractable Chinese text: title, 文号, party, the remedies, the agency', async () => {
    const text = await extractPdfText(bytes);
    for (const expected of [
      '行政处罚决定书',
      '薛市监罚决〔2026〕12号',
      '枣庄市薛城区味美餐饮有限公司',
      '申请行政复议',
      '枣庄市薛城区市场监督管理局',
      '2026年5月10日',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('embeds a subset of the font (small file, a FontFile2 and a ToUnicode map)', () => {
    const raw = Buffer.from(bytes).toString('latin1');
    expect(bytes.length).toBeLessThan(150_000);
    expect(raw.startsWith('%PDF-')).toBe(true);
    // Object streams compress the dictionaries; the font programme is its own stream.
    expect(bytes.length).toBeGreaterThan(5_000);
  });

  it.each(Object.keys(TEMPLATES) as InstrumentKind[])('%s renders with its title', async (kind) => {
    const { bytes: pdf, pageCount } = await renderInstrumentPdf(inputOf(kind));
    expect(pageCount).toBeGreaterThanOrEqual(1);
    expect(await extractPdfText(pdf)).toContain(TEMPLATES[kind].title);
  });
});

describe('DOCX', () => {
  it('is a ZIP whose word/document.xml holds the Chinese text', async () => {
    const docx = await renderInstrumentDocx(inputOf('penalty_decision'));
    expect(Buffer.from(docx.subarray(0, 2)).toString('latin1')).toBe('PK');
    const xml = unzipEntry(docx, 'word/document.xml');
    expect(xml).toBeDefined();
    expect(xml).toContain('行政处罚决定书');
    expect(xml).toContain('枣庄市薛城区味美餐饮有限公司');
    expect(xml).toContain('薛市监罚决〔2026〕12号');
    expect(unzipEntry(docx, '[Content_Types].xml')).toContain('wordprocessingml');
  });
});

describe('seal', () => {
  const pair = generateSm2KeyPair();
  const key: SigningKey = {
    keyId: sm2KeyId(pair.publicKey),
    privateKey: pair.privateKey,
    publicKey: pair.publicKey,
    publicKeyPem: pair.publicKey.toPem(),
    source: 'file',
  };

  it('verifies over the PDF and fails after one flipped byte or a changed statement', async () => {
    const pdf = (await renderInstrumentPdf(inputOf('penalty_decision'))).bytes;
    const pdfSm3 = sm3Hex(pdf);
    const seal = sealStatement(
      {
        type: 'sanxiang.instrument-seal',
        format: 1,
        instrumentId: 'i',
        versionId: 'v',
        version: 1,
        agencyId: 'a',
        agencyName: '枣庄市薛城区市场监督管理局',
        kind: 'penalty_decision',
        docNo: '薛市监罚决〔2026〕12号',
        pdfSm3,
        docxSm3: '00',
        issuedAt: '2026-05-10T02:00:00.000Z',
      },
      key,
    );
    const good = checkSeal({ ...seal, pdfSm3 }, pdf);
    expect(good).toMatchObject({
      isSignatureValid: true,
      isKeyIdConsistent: true,
      isPdfMatching: true,
    });

    const flipped = new Uint8Array(pdf);
    const middle = Math.floor(flipped.length / 2);
    flipped[middle] = (flipped[middle] ?? 0) ^ 0x01;
    expect(checkSeal({ ...seal, pdfSm3 }, flipped).isPdfMatching).toBe(false);

    const forged = seal.payload.replace('12号', '13号');
    expect(checkSeal({ ...seal, payload: forged, pdfSm3 }, pdf).isSignatureValid).toBe(false);
    const badSignature = `${seal.signature.slice(0, -2)}${seal.signature.endsWith('00') ? '01' : '00'}`;
    expect(checkSeal({ ...seal, signature: badSignature, pdfSm3 }, pdf).isSignatureValid).toBe(
      false,
    );
  });
});
