// Instruments as the API offers them: a case's instruments (a reading of the case record, logged
// like the timeline), issuing and re-issuing, the files of a version, the public seal check, and
// each agency's numbering pattern.
import type { Readable } from 'node:stream';
import type { AppContext } from '../../app.ts';
import { chinaToday } from '../../shared/dates.ts';
import { AppError } from '../../shared/errors.ts';
import { requireAgencyScope, type Actor, type Principal } from '../../shared/policy.ts';
import { recordAccess } from '../access/access.service.ts';
import { appendLedgerEntry } from '../ledger/ledger.repository.ts';
import { requireCaseTarget } from '../cases/cases.scope.ts';
import { requireAgencyTarget } from '../org/org.service.ts';
import { missingFields } from './instruments.compose.ts';
import { FIELD_LABELS, type Fields } from './instruments.fields.ts';
import { fillFromCase } from './instruments.fill.ts';
import {
  issueInstrument,
  loadInstrumentCase,
  requireTemplate,
  verificationUrl,
} from './instruments.issue.ts';
import { citationText } from './instruments.law.ts';
import { checkPattern, formatDocNo, numberingOf } from './instruments.numbering.ts';
import { instrumentsPolicies as p } from './instruments.policy.ts';
import { instrumentsRepository as repo } from './instruments.repository.ts';
import { checkSeal, sm3Hex } from './instruments.seal.ts';
import { suggestedKinds } from './instruments.stages.ts';
import { conditionsOf } from './instruments.statement.ts';
import {
  CASE_CONDITIONS,
  INSTRUMENT_KINDS,
  TEMPLATES,
  printedFields,
  type InstrumentKind,
} from './instruments.templates.ts';

type VersionRow = Awaited<ReturnType<typeof repo.versionsOf>>[number];

function versionView(v: VersionRow) {
  return {
    id: v.id,
    version: v.version,
    reason: v.reason,
    pdfSm3: v.pdf_sm3,
    pdfSize: v.pdf_size,
    pageCount: v.page_count,
    docxSm3: v.docx_sm3,
    docxSize: v.docx_size,
    sealKeyId: v.seal_key_id,
    sealSignature: v.seal_signature,
    issuedByName: v.issued_by_name,
    issuedAt: v.issued_at.toISOString(),
    ledgerSeq: v.ledger_seq,
  };
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function createInstrumentsService(ctx: AppContext) {
  const { db } = ctx;

  async function instrumentViews(
    rows: { id: string; case_id: string | null; agency_id: string; kind: string; doc_no: string }[],
  ) {
    const versions = await repo.versionsOf(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      agencyId: r.agency_id,
      kind: r.kind as InstrumentKind,
      title: TEMPLATES[r.kind as InstrumentKind].title,
      docNo: r.doc_no,
      verificationUrl: verificationUrl(ctx.config, r.id),
      versions: versions.filter((v) => v.instrument_id === r.id).map(versionView),
    }));
  }

  async function oneView(row: Parameters<typeof instrumentViews>[0][number]) {
    const [view] = await instrumentViews([row]);
    if (!view) throw new AppError('INSTRUMENT_NOT_FOUND');
    return view;
  }

  /** The instrument, after the scope check and the access entry (a reading of the case record). */
  async function readInstrument(
    principal: Principal,
    actor: Actor,
    instrumentId: string,
    reason?: string,
  ) {
    const instrument = await repo.findInstrument(db, instrumentId);
    if (!instrument || !instrument.case_id) throw new AppError('INSTRUMENT_NOT_FOUND');
    const target = await requireCaseTarget(db, instrument.case_id);
    requireAgencyScope(principal, p.read, target);
    await recordAccess(db, principal, actor, {
      agencyId: target.agencyId,
      caseId: instrument.case_id,
      resource: 'instrument',
      resourceId: instrumentId,
      reason,
    });
    return instrument;
  }

  async function numbering(principal: Principal, agencyId: string) {
    requireAgencyScope(principal, p.readNumbering, await requireAgencyTarget(db, agencyId));
    const n = await numberingOf(db, agencyId);
    return {
      agencyId,
      abbreviation: n.abbreviation,
      pattern: n.pattern,
      kindCodes: n.kindCodes,
      isDefault: n.isDefault,
      example: formatDocNo(n.pattern, {
        abbr: n.abbreviation,
        code: n.kindCodes.penalty_decision ?? TEMPLATES.penalty_decision.code,
        year: Number(chinaToday(ctx.clock()).slice(0, 4)),
        seq: 1,
      }),
    };
  }

  return {
    listTemplates() {
      return INSTRUMENT_KINDS.map((kind) => {
        const t = TEMPLATES[kind];
        return {
          kind,
          title: t.title,
          code: t.code,
          caseKinds: t.caseKinds ? [...t.caseKinds] : null,
          isSealed: t.isSealed,
          fields: printedFields(t).map((key) => ({ key, label: FIELD_LABELS[key] })),
          required: t.required.map((r) => ({
            fields: [...r.fields],
            source: { type: r.source.type, text: citationText(r.source) },
            condition: r.when ? CASE_CONDITIONS[r.when] : null,
          })),
        };
      });
    },

    async listOfCase(principal: Principal, actor: Actor, caseId: string, reason?: string) {
      const target = await requireCaseTarget(db, caseId);
      requireAgencyScope(principal, p.list, target);
      await recordAccess(db, principal, actor, {
        agencyId: target.agencyId,
        caseId,
        resource: 'instruments',
        reason,
      });
      // Without the year's holidays the party's last days are listed as missing; issuing the
      // document then names the calendar to load.
      const caseData = await loadInstrumentCase(db, caseId, {
        profile: ctx.config.PROFILE,
        today: chinaToday(ctx.clock()),
        isCalendarRequired: false,
      });
      if (!caseData) throw new AppError('CASE_NOT_FOUND');
      const conditions = conditionsOf(caseData.details);
      const items = await instrumentViews(await repo.instrumentsOfCase(db, caseId));
      const suggested = suggestedKinds(caseData.kind, caseData.state);
      const issuedKinds = new Set(items.map((i) => i.kind));
      const available = INSTRUMENT_KINDS.filter((kind) => {
        const kinds = TEMPLATES[kind].caseKinds;
        return !kinds || kinds.includes(caseData.kind as never);
      }).map((kind) => {
        const fields: Fields = {
          ...fillFromCase(kind, caseData),
          agencyName: caseData.agency.name,
          issuedOn: '—',
        };
        return {
          kind,
          title: TEMPLATES[kind].title,
          isSuggested: suggested.includes(kind) && !issuedKinds.has(kind),
          missing: missingFields(TEMPLATES[kind], fields, conditions),
        };
      });
      return { items, available };
    },

    async issue(
      principal: Principal,
      actor: Actor,
      caseId: string,
      body: { kind: string; data?: Record<string, string> },
    ) {
      const target = await requireCaseTarget(db, caseId);
      requireAgencyScope(principal, p.issue, target);
      requireTemplate(body.kind);
      const issued = await db
        .transaction()
        .execute((trx) =>
          issueInstrument(trx, ctx, { kind: body.kind, caseId, data: body.data, actor }),
        );
      return oneView({
        id: issued.instrumentId,
        case_id: caseId,
        agency_id: target.agencyId,
        kind: issued.kind,
        doc_no: issued.docNo,
      });
    },

    async reissue(
      principal: Principal,
      actor: Actor,
      instrumentId: string,
      body: { reason: string; data?: Record<string, string> },
    ) {
      const instrument = await repo.findInstrument(db, instrumentId);
      if (!instrument || !instrument.case_id) throw new AppError('INSTRUMENT_NOT_FOUND');
      const caseId = instrument.case_id;
      requireAgencyScope(principal, p.issue, await requireCaseTarget(db, caseId));
      await db.transaction().execute((trx) =>
        issueInstrument(trx, ctx, {
          kind: instrument.kind,
          caseId,
          data: body.data,
          actor,
          reissue: { instrumentId, reason: body.reason },
        }),
      );
      return oneView(instrument);
    },

    async get(principal: Principal, actor: Actor, instrumentId: string, reason?: string) {
      const instrument = await readInstrument(principal, actor, instrumentId, reason);
      return oneView(instrument);
    },

    async version(
      principal: Principal,
      actor: Actor,
      instrumentId: string,
      version: number,
      reason?: string,
    ) {
      const instrument = await readInstrument(principal, actor, instrumentId, reason);
      const row = (await repo.versionsOf(db, [instrumentId])).find((v) => v.version === version);
      if (!row) throw new AppError('INSTRUMENT_NOT_FOUND', { message: '该文书没有这一版本' });
      return {
        instrumentId,
        docNo: instrument.doc_no,
        title: TEMPLATES[instrument.kind as InstrumentKind].title,
        version: versionView(row),
        fields: row.fields,
      };
    },

    /** The PDF or DOCX of a version (the newest by default), streamed from the blob store. */
    async file(
      principal: Principal,
      actor: Actor,
      instrumentId: string,
      format: 'pdf' | 'docx',
      query: { version?: number; reason?: string },
    ) {
      const instrument = await readInstrument(principal, actor, instrumentId, query.reason);
      const versions = await repo.versionsOf(db, [instrumentId]);
      const row = query.version
        ? versions.find((v) => v.version === query.version)
        : versions[versions.length - 1];
      if (!row) throw new AppError('INSTRUMENT_NOT_FOUND', { message: '该文书没有这一版本' });
      const sm3 = format === 'pdf' ? row.pdf_sm3 : row.docx_sm3;
      const title = TEMPLATES[instrument.kind as InstrumentKind].title;
      return {
        sm3,
        size: format === 'pdf' ? row.pdf_size : row.docx_size,
        fileName: `${title}-${instrument.doc_no}-第${row.version}版.${format}`,
        open: () => ctx.blobs.openRead(sm3),
      };
    },

    /** Public: every version's seal checked, and, when a file is offered, which version it is. */
    async verify(instrumentId: string, offered?: Uint8Array) {
      const instrument = await repo.findInstrument(db, instrumentId);
      if (!instrument) throw new AppError('INSTRUMENT_NOT_FOUND');
      const versions = await repo.versionsOf(db, [instrumentId]);
      const checks = [];
      for (const v of versions) {
        const stored = (await ctx.blobs.has(v.pdf_sm3))
          ? await readAll(ctx.blobs.openRead(v.pdf_sm3))
          : null;
        const seal = {
          payload: v.seal_payload,
          signature: v.seal_signature,
          keyId: v.seal_key_id,
          publicKeyPem: v.seal_public_key_pem,
          pdfSm3: v.pdf_sm3,
        };
        const check = checkSeal(seal, stored);
        checks.push({
          version: v.version,
          issuedAt: v.issued_at.toISOString(),
          pdfSm3: v.pdf_sm3,
          sealKeyId: v.seal_key_id,
          isSignatureValid: check.isSignatureValid,
          isKeyIdConsistent: check.isKeyIdConsistent,
          isStoredFileIntact: check.isPdfMatching === true,
        });
      }
      const result = {
        instrumentId,
        title: TEMPLATES[instrument.kind as InstrumentKind].title,
        docNo: instrument.doc_no,
        agencyName: instrument.agency_name,
        versions: checks,
      };
      if (!offered) return result;
      const pdfSm3 = sm3Hex(offered);
      const match = checks.find((c) => c.pdfSm3 === pdfSm3);
      return {
        ...result,
        offered: {
          pdfSm3,
          matchesVersion: match?.version ?? null,
          isValid: match !== undefined && match.isSignatureValid && match.isKeyIdConsistent,
        },
      };
    },

    numbering,

    async setNumbering(
      principal: Principal,
      actor: Actor,
      agencyId: string,
      body: { abbreviation: string; pattern: string; kindCodes?: Record<string, string> },
    ) {
      requireAgencyScope(principal, p.setNumbering, await requireAgencyTarget(db, agencyId));
      checkPattern(body.pattern);
      const kindCodes = body.kindCodes ?? {};
      for (const kind of Object.keys(kindCodes)) requireTemplate(kind);
      await db.transaction().execute(async (trx) => {
        await repo.saveNumbering(trx, agencyId, {
          abbreviation: body.abbreviation,
          pattern: body.pattern,
          kindCodes,
        });
        await appendLedgerEntry(trx, actor, {
          kind: 'instrument.numbering.set',
          subjectType: 'agency',
          subjectId: agencyId,
          agencyId,
          payload: { abbreviation: body.abbreviation, pattern: body.pattern, kindCodes },
        });
      });
      return numbering(principal, agencyId);
    },
  };
}

export type InstrumentsService = ReturnType<typeof createInstrumentsService>;
