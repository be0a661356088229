// On-site inspections in public (扫码入企, DOMAIN §2.2; results §2.3). Every 行政检查 case gets a
// random public code once it is planned; the company scans it and sees which agency, which
// officers (name and credential number), on what basis and which items — and later the result.
// The result is published through the decisions pipeline (category 'inspection'), so its due
// date is the profile's disclosure.inspectionResults (南昌 二（一）5（2）, 薛城区 附件1 第十四条:
// 20 working days), it is searchable, in the feed and in the ledger like any decision.
// The case engine calls syncInspection in the transaction of every state change of an
// inspection case, the same way it calls queueCaseDecision.
import { randomInt } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { requireAgencyScope, type Actor, type Principal } from '../../shared/policy.ts';
import { appendLedgerEntry } from '../ledger/ledger.repository.ts';
import { requireAgencyTarget } from '../org/org.service.ts';
import {
  inspectionsRepository as inspections,
  type InspectionContent,
} from './disclosure.inspections.repository.ts';
import {
  publicationActor,
  queueCaseDecision,
  type DisclosureContext,
} from './disclosure.pipeline.ts';
import { disclosurePolicies as p } from './disclosure.policy.ts';
import {
  CATEGORY_LABELS,
  describeLegalBasis,
  type CaseForDisclosure,
} from './disclosure.project.ts';
import { publicParties, redactText } from './disclosure.redact.ts';
import { disclosureRepository as repo } from './disclosure.repository.ts';
import type { InspectionResult } from './disclosure.tables.ts';

type Trx = Transaction<Database>;

const PROCEDURE_LABELS: Record<string, string> = {
  routine: '日常检查',
  random: '“双随机、一公开”抽查',
  commitment: '告知承诺后核查',
};

/** What the public reads of each state of an inspection case. */
const STAGE_LABELS: Record<string, string> = {
  registered: '待检查',
  planned: '待检查',
  inspected: '检查完毕，未发现问题',
  problems_found: '发现问题，依法处理中',
  rectifying: '责令改正中',
  rectified: '已整改',
  not_rectified: '逾期未改正，依法处理中',
  referred: '已移送处理',
  closed: '已办结',
  archived: '已办结',
};

// No 0/O, 1/I/L: the code is read aloud and typed as often as it is scanned.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 10;
export const INSPECTION_CODE = /^[A-HJKMNP-Z2-9]{10}$/;

export function newInspectionCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value : null;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The public content of an inspection case: redacted, officers by name and credential. */
export function inspectionContent(
  c: CaseForDisclosure,
  officers: InspectionContent['officers'],
  resultDueOn: string | null,
): InspectionContent {
  const plan = record(c.details.plan);
  const selection = record(c.details.selection);
  const inspection = record(c.details.inspection);
  const redact = (value: string) => redactText(value, c.parties);
  const items = inspection
    ? strings(inspection.itemsChecked)
    : [
        ...strings(plan?.items),
        ...(str(selection?.taskName) ? [str(selection?.taskName) ?? ''] : []),
      ];
  const result: InspectionResult = !inspection
    ? 'pending'
    : inspection.result === 'normal'
      ? 'normal'
      : 'problems';
  const problems = str(inspection?.problems);
  return {
    agencyId: c.agencyId,
    agencyName: c.agencyName,
    procedure: PROCEDURE_LABELS[c.procedure ?? ''] ?? '行政检查',
    powerName: redact(c.powerName ?? CATEGORY_LABELS.inspection),
    legalBasis: redact(describeLegalBasis(c.powerLegalBasis) ?? '—'),
    items: items.map(redact),
    ...publicParties(c.parties),
    officers,
    plannedOn: str(plan?.plannedOn) ?? str(selection?.drawnOn),
    inspectedOn: str(inspection?.inspectedOn),
    result,
    stage: STAGE_LABELS[c.state ?? ''] ?? '办理中',
    resultText:
      result === 'pending'
        ? null
        : redact(result === 'normal' ? '检查结果正常，未发现问题' : `发现问题：${problems ?? ''}`),
    resultDueOn,
  };
}

function sameContent(a: InspectionContent, b: InspectionContent): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Creates or refreshes the public record of an inspection case and, once its result is
 * recorded, queues the result for publication. Idempotent: nothing is written when nothing
 * public changed. Returns the inspection's code, or null for a case of another kind.
 */
export async function syncInspection(
  trx: Trx,
  actor: Actor,
  caseId: string,
  context: DisclosureContext,
  options: { code?: string } = {},
): Promise<string | null> {
  const c = await repo.loadCase(trx, caseId);
  if (!c || c.kind !== 'inspection') return null;
  const hasResult = record(c.details.inspection) !== null;
  // The result goes into the decisions pipeline once (idempotent per case).
  const queue = hasResult ? await queueCaseDecision(trx, actor, caseId, context) : null;
  const content = inspectionContent(
    c,
    await inspections.caseOfficers(trx, caseId),
    queue?.due_on ?? null,
  );
  const existing = await inspections.findByCase(trx, caseId);
  if (existing) {
    const before: InspectionContent = {
      agencyId: existing.agency_id,
      agencyName: existing.agency_name,
      procedure: existing.procedure,
      powerName: existing.power_name,
      legalBasis: existing.legal_basis,
      items: existing.items,
      party: existing.party,
      partyCreditCode: existing.party_credit_code,
      officers: existing.officers,
      plannedOn: existing.planned_on,
      inspectedOn: existing.inspected_on,
      result: existing.result,
      stage: existing.stage,
      resultText: existing.result_text,
      resultDueOn: existing.result_due_on,
    };
    if (sameContent(before, content)) return existing.code;
  }
  const code = existing?.code ?? options.code ?? newInspectionCode();
  const ledgerIndex = await appendLedgerEntry(trx, publicationActor(actor), {
    kind: existing ? 'disclosure.inspection_updated' : 'disclosure.inspection_published',
    subjectType: 'disclosure_inspection',
    subjectId: code,
    agencyId: c.agencyId,
    caseId,
    payload: { code, inspection: { ...content } },
  });
  if (existing) await inspections.update(trx, code, content, ledgerIndex, context.now);
  else await inspections.insert(trx, code, caseId, content, ledgerIndex);
  return code;
}

export type PublicInspection = NonNullable<Awaited<ReturnType<typeof publicInspection>>>;

/** The public view of an inspection by its code. */
export async function publicInspection(db: Kysely<Database>, code: string) {
  const row = INSPECTION_CODE.test(code) ? await inspections.findPublic(db, code) : undefined;
  if (!row) throw new AppError('INSPECTION_CODE_NOT_FOUND');
  return {
    code: row.code,
    agency: row.agency_name,
    agencyId: row.agency_id,
    procedure: row.procedure,
    power: row.power_name,
    legalBasis: row.legal_basis,
    items: row.items,
    party: row.party,
    partyCreditCode: row.party_credit_code,
    officers: row.officers,
    plannedOn: row.planned_on,
    inspectedOn: row.inspected_on,
    result: row.result,
    stage: row.stage,
    resultText: row.decision_id ? row.result_text : null,
    resultDueOn: row.result_due_on,
    resultDecisionId: row.decision_id,
    resultPublishedAt: row.result_published_at?.toISOString() ?? null,
    ledgerIndex: Number(row.ledger_index),
    updatedAt: row.updated_at.toISOString(),
  };
}

/**
 * Staff: the inspection code of a case of their agency, created on first request (the officers
 * print or show it before they go), so the company can scan it on arrival.
 */
export async function inspectionCodeForStaff(
  db: Kysely<Database>,
  principal: Principal,
  actor: Actor,
  caseId: string,
  context: DisclosureContext,
): Promise<string> {
  const c = await repo.loadCase(db, caseId);
  if (!c) throw new AppError('CASE_NOT_FOUND');
  requireAgencyScope(principal, p.inspectionCode, await requireAgencyTarget(db, c.agencyId));
  if (c.kind !== 'inspection') throw new AppError('INSPECTION_CASE_REQUIRED');
  const code = await db.transaction().execute((trx) => syncInspection(trx, actor, caseId, context));
  if (!code) throw new AppError('INSPECTION_CASE_REQUIRED');
  return code;
}
