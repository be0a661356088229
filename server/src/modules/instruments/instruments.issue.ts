// Issuing an instrument, inside the caller's transaction: fill from the case, refuse a missing
// legal field before anything is numbered, take the next 文号 (counter row locked until commit),
// render PDF and DOCX, seal the PDF's SM3 with SM2, store both files in the blob store, record
// the ledger entry and the write-once version. Other modules (the legal review's 意见书) call
// issueInstrument() with their own transaction; call it before appending your own ledger entry,
// so that every transaction takes the numbering lock before the ledger head's.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../../app.ts';
import type { ProfileId } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { chinaToday } from '../../shared/dates.ts';
import { AppError } from '../../shared/errors.ts';
import type { Actor } from '../../shared/policy.ts';
import type { BlobStore } from '../blobs/blob-store.ts';
import { sha256, toHex } from '../ledger/crypto/hash.ts';
import { appendLedgerEntry } from '../ledger/ledger.repository.ts';
import { getEffectiveRules } from '../profile/profile.service.ts';
import { composeFields, validateOverrides } from './instruments.compose.ts';
import { renderInstrumentDocx } from './instruments.docx.ts';
import { CASE_RECORD_FIELDS, SYSTEM_FIELDS } from './instruments.fields.ts';
import { fillFromCase, type InstrumentCaseData } from './instruments.fill.ts';
import { formatDocNo, numberingOf } from './instruments.numbering.ts';
import { renderInstrumentPdf } from './instruments.pdf.ts';
import { instrumentsRepository as repo } from './instruments.repository.ts';
import { sealStatement, sm3Hex } from './instruments.seal.ts';
import { conditionsOf, partyPeriodsOf, printsPartyPeriods } from './instruments.statement.ts';
import { INSTRUMENT_KINDS, TEMPLATES, type InstrumentKind } from './instruments.templates.ts';
import { chineseDate } from './instruments.wording.ts';

export type InstrumentDeps = Pick<AppContext, 'signingKey' | 'blobs' | 'clock' | 'config'>;

export interface IssueRequest {
  kind: string;
  caseId: string;
  /** Values for fields the case cannot supply, or corrections; never the system's fields. */
  data?: Record<string, string>;
  actor: Actor;
  /** Re-issue: a new version of this instrument (same 文号), with the reason. */
  reissue?: { instrumentId: string; reason: string };
}

export interface IssuedInstrument {
  instrumentId: string;
  versionId: string;
  version: number;
  kind: InstrumentKind;
  title: string;
  docNo: string;
  pdfSm3: string;
  docxSm3: string;
  pageCount: number;
  ledgerSeq: number;
}

export function verificationUrl(config: AppContext['config'], instrumentId: string): string {
  return `${config.PUBLIC_BASE_URL ?? ''}/instruments/verify/${instrumentId}`;
}

async function storeBlob(blobs: BlobStore, bytes: Uint8Array): Promise<string> {
  const sm3 = sm3Hex(bytes);
  if (await blobs.has(sm3)) return sm3;
  const temp = path.join(blobs.stagingDir, `instrument-${randomUUID()}`);
  await fs.mkdir(blobs.stagingDir, { recursive: true });
  await fs.writeFile(temp, bytes);
  await blobs.put(temp, { sm3, sha256: toHex(sha256(bytes)), size: bytes.length });
  return sm3;
}

/** What an earlier version carries over: not the system's fields, nor what the record fills. */
function typedFields(fields: Record<string, string>): Record<string, string> {
  const computed: readonly string[] = [...SYSTEM_FIELDS, ...CASE_RECORD_FIELDS];
  return Object.fromEntries(Object.entries(fields).filter(([key]) => !computed.includes(key)));
}

/**
 * The case as documents read it: its record, and the party's periods after the 事先告知 counted
 * by the guards' own functions under the agency's rules, as of `today`. Where the year's holidays
 * are not loaded, a document that prints those periods is refused (CALENDAR_NOT_LOADED names the
 * year); for any other document, and for the list of what each lacks, they are left unfilled.
 */
export async function loadInstrumentCase(
  db: Kysely<Database>,
  caseId: string,
  options: { profile: ProfileId; today: string; isCalendarRequired: boolean },
): Promise<InstrumentCaseData | undefined> {
  const record = await repo.loadCaseData(db, caseId);
  if (!record) return undefined;
  const rules = await getEffectiveRules(db, record.agency.id, options.profile);
  try {
    return { ...record, partyPeriods: await partyPeriodsOf(db, record, rules, options.today) };
  } catch (error) {
    const isCalendarMissing = error instanceof AppError && error.code === 'CALENDAR_NOT_LOADED';
    if (!isCalendarMissing || options.isCalendarRequired) throw error;
    return { ...record, partyPeriods: null };
  }
}

export function requireTemplate(kind: string) {
  if (!(INSTRUMENT_KINDS as readonly string[]).includes(kind)) {
    throw new AppError('INSTRUMENT_KIND_UNKNOWN');
  }
  return TEMPLATES[kind as InstrumentKind];
}

export async function issueInstrument(
  trx: Transaction<Database>,
  deps: InstrumentDeps,
  request: IssueRequest,
): Promise<IssuedInstrument> {
  const template = requireTemplate(request.kind);
  const now = deps.clock();
  const today = chinaToday(now);
  const caseData = await loadInstrumentCase(trx, request.caseId, {
    profile: deps.config.PROFILE,
    today,
    isCalendarRequired: printsPartyPeriods(template),
  });
  if (!caseData) throw new AppError('CASE_NOT_FOUND');
  if (template.caseKinds && !template.caseKinds.includes(caseData.kind as never)) {
    throw new AppError('INSTRUMENT_KIND_NOT_FOR_CASE', {
      message: `${template.title}不适用于本类案件`,
    });
  }
  // A re-issue corrects the previous version: what was typed then carries over, the new data
  // on top; what the case holds is filled afresh.
  const previous = request.reissue
    ? await repo.latestFields(trx, request.reissue.instrumentId)
    : undefined;
  const overrides = validateOverrides(template, {
    ...typedFields(previous ?? {}),
    ...(request.data ?? {}),
  });
  const fields = composeFields(
    template,
    fillFromCase(template.kind, caseData),
    overrides,
    { agencyName: caseData.agency.name, issuedOn: chineseDate(today), caseNo: caseData.caseNo },
    conditionsOf(caseData.details),
  );

  let instrumentId: string;
  let docNo: string;
  let version: number;
  if (request.reissue) {
    const existing = await repo.lockInstrument(trx, request.reissue.instrumentId);
    if (!existing || existing.case_id !== request.caseId || existing.kind !== template.kind) {
      throw new AppError('INSTRUMENT_NOT_FOUND');
    }
    instrumentId = existing.id;
    docNo = existing.doc_no;
    version = (await repo.latestVersionNo(trx, instrumentId)) + 1;
  } else {
    const year = Number(today.slice(0, 4));
    const numbering = await numberingOf(trx, caseData.agency.id);
    const seq = await repo.nextNumber(trx, caseData.agency.id, year, template.kind);
    docNo = formatDocNo(numbering.pattern, {
      abbr: numbering.abbreviation,
      code: numbering.kindCodes[template.kind] ?? template.code,
      year,
      seq,
    });
    instrumentId = randomUUID();
    version = 1;
    await repo.insertInstrument(trx, {
      id: instrumentId,
      agencyId: caseData.agency.id,
      caseId: request.caseId,
      kind: template.kind,
      year,
      seq,
      docNo,
    });
  }
  fields.docNo = docNo;

  const versionId = randomUUID();
  const renderInput = {
    template,
    fields,
    docNo,
    agencyName: caseData.agency.name,
    issuedOn: fields.issuedOn ?? today,
    verification: {
      code: version === 1 ? instrumentId : `${instrumentId} 第${version}版`,
      url: verificationUrl(deps.config, instrumentId),
    },
    producedAt: now,
  };
  const pdf = await renderInstrumentPdf(renderInput);
  const docx = await renderInstrumentDocx(renderInput);
  const pdfSm3 = await storeBlob(deps.blobs, pdf.bytes);
  const docxSm3 = await storeBlob(deps.blobs, docx);
  const seal = sealStatement(
    {
      type: 'sanxiang.instrument-seal',
      format: 1,
      instrumentId,
      versionId,
      version,
      agencyId: caseData.agency.id,
      agencyName: caseData.agency.name,
      kind: template.kind,
      docNo,
      pdfSm3,
      docxSm3,
      issuedAt: now.toISOString(),
    },
    deps.signingKey,
  );
  // Party data stays out of the widely read ledger: the entry binds the files by their hashes.
  const ledgerSeq = await appendLedgerEntry(trx, request.actor, {
    kind: request.reissue ? 'instrument.reissued' : 'instrument.issued',
    subjectType: 'instrument',
    subjectId: instrumentId,
    agencyId: caseData.agency.id,
    caseId: request.caseId,
    payload: {
      kind: template.kind,
      title: template.title,
      docNo,
      version,
      versionId,
      reason: request.reissue?.reason ?? null,
      pdfSm3,
      pdfSize: pdf.bytes.length,
      docxSm3,
      sealKeyId: seal.keyId,
      sealSignature: seal.signature,
    },
  });
  await repo.insertVersion(trx, {
    id: versionId,
    instrumentId,
    version,
    reason: request.reissue?.reason ?? null,
    fields,
    pdfSm3,
    pdfSize: pdf.bytes.length,
    pageCount: pdf.pageCount,
    docxSm3,
    docxSize: docx.length,
    seal,
    issuedBy: request.actor.userId,
    issuedByName: request.actor.name,
    issuedAt: now,
    ledgerSeq,
  });
  return {
    instrumentId,
    versionId,
    version,
    kind: template.kind,
    title: template.title,
    docNo,
    pdfSm3,
    docxSm3,
    pageCount: pdf.pageCount,
    ledgerSeq,
  };
}
