// Annual enforcement statistics (N(六), SH, NC: last year's totals published by 31 January, the
// date from the profile). Generated from the case and disclosure data of a finished year, then
// frozen with a ledger entry; the public reads the frozen figures as JSON, CSV or XLSX.
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { ProfileId } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { chinaToday } from '../../shared/dates.ts';
import { AppError } from '../../shared/errors.ts';
import { requireAgencyScope, type Actor, type Principal } from '../../shared/policy.ts';
import { appendLedgerEntry } from '../ledger/ledger.repository.ts';
import { requireAgencyTarget } from '../org/org.service.ts';
import { getEffectiveRules } from '../profile/profile.service.ts';
import { annualRepository as repo } from './disclosure.annual.repository.ts';
import { disclosurePolicies as p } from './disclosure.policy.ts';
import { categoryOf, CATEGORY_LABELS, penaltyOf } from './disclosure.project.ts';
import { disclosureRepository } from './disclosure.repository.ts';
import { DISCLOSURE_CATEGORIES } from './disclosure.tables.ts';

/** Every figure with its Chinese label, in the order reports show them. */
export const FIGURE_LABELS: [key: string, label: string][] = [
  ['casesFiled', '立案数'],
  ...DISCLOSURE_CATEGORIES.map((c): [string, string] => [
    `decisions.${c}`,
    `${CATEGORY_LABELS[c]}决定数`,
  ]),
  ['penalties.warning', '警告'],
  ['penalties.criticism', '通报批评'],
  ['penalties.fine', '罚款'],
  ['penalties.confiscation', '没收违法所得、没收非法财物'],
  ['penalties.suspend_permit', '暂扣许可证件'],
  ['penalties.revoke_permit', '吊销许可证件'],
  ['penalties.suspend_business', '责令停产停业'],
  ['penalties.close', '责令关闭'],
  ['penalties.other', '其他处罚种类'],
  ['fineTotalYuan', '罚款金额（元）'],
  ['confiscationTotalYuan', '没收违法所得金额（元）'],
  ['published', '公示决定数'],
  ['publishedLate', '逾期公示数'],
  ['withdrawn', '撤下公示数'],
  ['correctionRequests', '收到更正申请数'],
  ['correctionRequestsAnswered', '已答复更正申请数'],
];

const KNOWN_PENALTIES = new Set(
  FIGURE_LABELS.filter(([k]) => k.startsWith('penalties.')).map(([k]) => k.slice(10)),
);

export type Figures = Record<string, number>;

export function computeFigures(
  cases: { filed: number; decided: { kind: string; details: Record<string, unknown> }[] },
  disclosure: Record<string, number>,
): Figures {
  const figures: Figures = Object.fromEntries(FIGURE_LABELS.map(([k]) => [k, 0]));
  figures.casesFiled = cases.filed;
  let fines = 0;
  let confiscations = 0;
  for (const c of cases.decided) {
    const key = `decisions.${categoryOf(c.kind)}`;
    figures[key] = (figures[key] ?? 0) + 1;
    const penalty = penaltyOf(c.details);
    if (!penalty) continue;
    for (const type of penalty.types) {
      const k = `penalties.${KNOWN_PENALTIES.has(type) ? type : 'other'}`;
      figures[k] = (figures[k] ?? 0) + 1;
    }
    fines += penalty.fineYuan ?? 0;
    confiscations += penalty.confiscationYuan ?? 0;
  }
  figures.fineTotalYuan = Math.round(fines * 100) / 100;
  figures.confiscationTotalYuan = Math.round(confiscations * 100) / 100;
  return { ...figures, ...disclosure };
}

export interface AnnualReportView {
  agencyId: string;
  agency: string;
  year: number;
  publishedAt: string;
  dueOn: string | null;
  isLate: boolean;
  ledgerIndex: number;
  figures: Figures;
}

export async function annualReportXlsx(year: number, reports: AnnualReportView[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(`${year}年度行政执法数据`);
  sheet.columns = [
    { header: '执法主体', key: 'agency', width: 36 },
    ...FIGURE_LABELS.map(([key, label]) => ({ header: label, key, width: 14 })),
    { header: '公开时间', key: 'publishedAt', width: 24 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of reports) {
    sheet.addRow({ agency: r.agency, ...r.figures, publishedAt: r.publishedAt });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function createAnnualReportService(
  db: Kysely<Database>,
  options: { profile: ProfileId; clock: () => Date },
) {
  function toView(r: Awaited<ReturnType<typeof repo.listReports>>[number]): AnnualReportView {
    const published = chinaToday(r.published_at);
    return {
      agencyId: r.agency_id,
      agency: r.agency_name,
      year: r.year,
      publishedAt: r.published_at.toISOString(),
      dueOn: r.due_on,
      isLate: r.due_on !== null && published > r.due_on,
      ledgerIndex: r.ledger_index,
      figures: r.figures as Figures,
    };
  }

  return {
    async publish(principal: Principal, actor: Actor, agencyId: string, year: number) {
      requireAgencyScope(principal, p.publishAnnualReport, await requireAgencyTarget(db, agencyId));
      const now = options.clock();
      if (year >= Number(chinaToday(now).slice(0, 4)))
        throw new AppError('ANNUAL_REPORT_YEAR_INVALID');
      if (await repo.findReport(db, agencyId, year)) throw new AppError('ANNUAL_REPORT_EXISTS');
      const agencyName = (await disclosureRepository.agencyName(db, agencyId)) ?? '';
      const rules = await getEffectiveRules(db, agencyId, options.profile);
      const due = rules.disclosure.annualReport.effective;
      const dueOn = due
        ? `${year + 1}-${String(due.month).padStart(2, '0')}-${String(due.day).padStart(2, '0')}`
        : null;
      const figures = computeFigures(
        await repo.caseFigures(db, agencyId, year),
        await repo.disclosureFigures(db, agencyId, year),
      );
      await db.transaction().execute(async (trx) => {
        const ledgerIndex = await appendLedgerEntry(trx, actor, {
          kind: 'disclosure.annual_report.published',
          subjectType: 'agency',
          subjectId: agencyId,
          agencyId,
          payload: { year, agency: agencyName, dueOn, figures },
        });
        await repo.insertReport(trx, {
          agencyId,
          year,
          agencyName,
          figures,
          publishedAt: now,
          dueOn,
          ledgerIndex,
        });
      });
      const stored = await repo.findReport(db, agencyId, year);
      if (!stored) throw new AppError('ANNUAL_REPORT_NOT_PUBLISHED');
      return toView(stored);
    },

    async list(year: number, agencyId: string | undefined) {
      const rows = await repo.listReports(db, year, agencyId);
      if (agencyId && rows.length === 0) throw new AppError('ANNUAL_REPORT_NOT_PUBLISHED');
      return { year, items: rows.map(toView) };
    },
  };
}
