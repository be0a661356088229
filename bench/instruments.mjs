// Document rendering: pages per second of a 行政处罚决定书 (one A4 page), side by side with a
// baseline, in one run, with ratios.
//
//   - baseline   the same fields laid out by the same code path in the same PDF library
//                (pdf-lib), with the standard Helvetica font (nothing embedded) and no seal. The
//                standard fonts cannot encode Chinese, so every non-ASCII character is replaced by
//                'M' (a wide Latin glyph): the same number of glyphs, lines and pages. This is the
//                floor of "put this text on a page" with this library;
//   - render     our PDF: the Chinese font subset and embedded per document (fontkit 2, ToUnicode),
//                the red seal drawn, footer with the verification code;
//   - sealed     render + DOCX + SM3 of both + the SM2 seal: everything issueInstrument() does
//                except the database and the blob store;
//   - issue API  POST /api/cases/:caseId/instruments through the whole server on PGlite (a data
//                directory, as `npm start` runs it): case read, field checks, 文号 counter row,
//                render, seal, both files into the blob store (fsync), ledger entry, version row.
//
// Each target runs for --run-ms, interleaved (baseline, render, sealed, api, then again) --runs
// times; the median pages/s of each is printed with its ratio to the baseline.
//
// Usage: node bench/instruments.mjs [--runs N] [--run-ms MS] [--no-api]
//        BENCH_RUNS=N BENCH_INSTRUMENTS_RUN_MS=MS npm run bench:instruments --workspace bench
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { register } from 'tsx/esm/api';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const SERVER_SRC = path.resolve(BENCH_DIR, '..', 'server', 'src');
register();
const serverModule = (file) => import(path.join(SERVER_SRC, file));

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: process.env.BENCH_RUNS ?? '5' },
    'run-ms': { type: 'string', default: process.env.BENCH_INSTRUMENTS_RUN_MS ?? '3000' },
    'no-api': { type: 'boolean', default: false },
  },
});
const RUNS = Number(args.runs);
const RUN_MS = Number(args['run-ms']);

const { PDFDocument, StandardFonts } = await import(
  path.join(BENCH_DIR, '..', 'node_modules', 'pdf-lib', 'cjs', 'index.js')
);
const { renderInstrumentPdf, wrapText } = await serverModule(
  'modules/instruments/instruments.pdf.ts',
);
const { renderInstrumentDocx } = await serverModule('modules/instruments/instruments.docx.ts');
const { composeFields, validateOverrides } = await serverModule(
  'modules/instruments/instruments.compose.ts',
);
const { fillFromCase } = await serverModule('modules/instruments/instruments.fill.ts');
const { TEMPLATES, printedFields } = await serverModule(
  'modules/instruments/instruments.templates.ts',
);
const { FIELD_LABELS } = await serverModule('modules/instruments/instruments.fields.ts');
const { sampleCase } = await serverModule('modules/instruments/instruments.test-support.ts');
const { sealStatement, sm3Hex } = await serverModule('modules/instruments/instruments.seal.ts');
const { generateSm2KeyPair, sm2KeyId } = await serverModule('modules/ledger/crypto/sm2.ts');

const template = TEMPLATES.penalty_decision;
const AGENCY = '枣庄市薛城区市场监督管理局';
const fields = composeFields(
  template,
  fillFromCase('penalty_decision', sampleCase()),
  validateOverrides(template, {}),
  { agencyName: AGENCY, issuedOn: '2026年5月10日' },
);
const input = {
  template,
  fields: { ...fields, docNo: '薛市监罚决〔2026〕12号' },
  docNo: '薛市监罚决〔2026〕12号',
  agencyName: AGENCY,
  issuedOn: '2026年5月10日',
  verification: {
    code: '00000000-0000-4000-8000-000000000001',
    url: '/instruments/verify/00000000-0000-4000-8000-000000000001',
  },
  producedAt: new Date('2026-05-10T02:00:00Z'),
};
const pair = generateSm2KeyPair();
const key = {
  keyId: sm2KeyId(pair.publicKey),
  privateKey: pair.privateKey,
  publicKey: pair.publicKey,
  publicKeyPem: pair.publicKey.toPem(),
  source: 'file',
};

const latin = (s) => s.replace(/[^\x20-\x7e]/g, 'M');

/** The baseline: same layout loop, Helvetica, no seal, no font embedding. */
async function renderBaseline() {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const A4 = [595.28, 841.89];
  let page = doc.addPage(A4);
  let y = 780;
  const line = (text, size = 12) => {
    for (const l of wrapText(latin(text), font, size, A4[0] - 128)) {
      if (y < 90) {
        page = doc.addPage(A4);
        y = 780;
      }
      page.drawText(l, { x: 64, y, size, font });
      y -= 21;
    }
  };
  line(AGENCY, 16);
  line(template.title, 22);
  line(input.docNo);
  for (const k of printedFields(template)) {
    const value = input.fields[k];
    if (value !== undefined) line(`${FIELD_LABELS[k]}：${value}`);
  }
  line(AGENCY);
  line(input.issuedOn);
  const pages = doc.getPages();
  pages.forEach((p, i) =>
    p.drawText(latin(`第 ${i + 1} 页 共 ${pages.length} 页 ${input.verification.url}`), {
      x: 40,
      y: 40,
      size: 8,
      font,
    }),
  );
  const bytes = await doc.save({ useObjectStreams: true });
  return { bytes, pageCount: pages.length };
}

async function renderSealed() {
  const pdf = await renderInstrumentPdf(input);
  const docx = await renderInstrumentDocx(input);
  const pdfSm3 = sm3Hex(pdf.bytes);
  sealStatement(
    {
      type: 'sanxiang.instrument-seal',
      format: 1,
      instrumentId: 'i',
      versionId: 'v',
      version: 1,
      agencyId: 'a',
      agencyName: AGENCY,
      kind: 'penalty_decision',
      docNo: input.docNo,
      pdfSm3,
      docxSm3: sm3Hex(docx),
      issuedAt: input.producedAt.toISOString(),
    },
    key,
  );
  return pdf;
}

async function setUpApi() {
  const { openPglite, wrapPglite } = await serverModule('db/database.ts');
  const { migrateToLatest } = await serverModule('db/migrate.ts');
  const { seedDemo, DEMO_PASSWORD } = await serverModule('demo/demo.seed.ts');
  const { buildApp } = await serverModule('app.ts');
  const { loadConfig } = await serverModule('config.ts');
  const { loadOrCreateSigningKey } = await serverModule('modules/ledger/crypto/keys.ts');
  const { createLocalBlobStore } = await serverModule('modules/blobs/local-blob-store.ts');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sanxiang-bench-instruments-'));
  const handle = wrapPglite(await openPglite(path.join(dir, 'db')));
  await migrateToLatest(handle.db);
  const ids = await seedDemo(handle.db);
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dir, LOG_LEVEL: 'warn' });
  const app = await buildApp({
    db: handle.db,
    dbKind: handle.kind,
    config,
    version: 'bench',
    signingKey: await loadOrCreateSigningKey({ dataDir: dir, isProduction: false }),
    blobs: createLocalBlobStore(config.BLOB_DIR),
    clock: () => new Date(),
  });
  const login = await app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { username: 'officer1', password: DEMO_PASSWORD },
  });
  const cookie = String(login.headers['set-cookie']).split(';')[0];
  // The demo case lacks what only the decision step records; the officer data supplies it once.
  const data = {
    partyAddress: '枣庄市薛城区临城街道泰山路18号',
    evidence: fields.evidence,
    reasons: fields.reasons,
    legalBasis: fields.legalBasis,
    penalty: fields.penalty,
    performance: fields.performance,
  };
  const url = `/api/cases/${ids.cases.market}/instruments`;
  return {
    async issue() {
      const r = await app.inject({
        method: 'POST',
        url,
        headers: { cookie },
        payload: { kind: 'penalty_decision', data },
      });
      if (r.statusCode !== 201) throw new Error(`issue failed: ${r.statusCode} ${r.body}`);
      const body = r.json();
      return { pageCount: 1, bytes: { length: body.versions[0].pdfSize } };
    },
    async close() {
      await app.close();
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function measure(fn) {
  const started = performance.now();
  let pages = 0;
  let bytes = 0;
  let documents = 0;
  while (performance.now() - started < RUN_MS) {
    const r = await fn();
    pages += r.pageCount;
    bytes += r.bytes.length;
    documents += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  return { pagesPerSecond: pages / seconds, bytesPerDocument: bytes / documents };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const api = args['no-api'] ? null : await setUpApi();
const targets = [
  ['baseline (pdf-lib, Helvetica, no seal)', renderBaseline],
  ['render (CJK subset + seal drawn)', () => renderInstrumentPdf(input)],
  ['sealed (render + DOCX + SM3 + SM2)', renderSealed],
  ...(api ? [['issue via API on PGlite (numbering, blobs, ledger)', () => api.issue()]] : []),
];
// Warm-up: JIT, the font parse (once per process), the PGlite data directory.
for (const [, fn] of targets) for (let i = 0; i < 3; i++) await fn();

const results = new Map(targets.map(([name]) => [name, []]));
const sizes = new Map();
for (let run = 0; run < RUNS; run++) {
  for (const [name, fn] of targets) {
    const r = await measure(fn);
    results.get(name).push(r.pagesPerSecond);
    sizes.set(name, r.bytesPerDocument);
  }
}
await api?.close();

const baseline = median(results.get(targets[0][0]));
console.log(
  `决定书 rendering, ${RUNS} runs × ${RUN_MS} ms per target, median pages/s (node ${process.version}, ${os.cpus().length} cores)`,
);
console.log('target'.padEnd(52), 'pages/s'.padStart(9), 'KB/doc'.padStart(8), 'ratio'.padStart(7));
for (const [name] of targets) {
  const pps = median(results.get(name));
  console.log(
    name.padEnd(52),
    pps.toFixed(1).padStart(9),
    (sizes.get(name) / 1024).toFixed(1).padStart(8),
    (pps / baseline).toFixed(3).padStart(7),
  );
}
