// Retention (保管期限) of each kind of record, and when a record's retention ends. The classes are
// those of Chinese archives practice — 永久, and 定期 30 年 / 10 年 — which no seed document
// tabulates: the national guideline and 南昌/上海 send records "按照…档案管理规定" (the agency's
// own 保管期限表), so the mapping below is this system's default, stated openly and citing the
// regulation whose classes it uses. The one period a seed document does fix — inspection video
// that is not archived, kept at least 6 months (上海 附件2 三（五）2) — comes from the profile.
import type { ResolvedScalar } from '../profile/profile.resolve.ts';

export type RetentionClass = 'permanent' | 'y30' | 'y10' | 'inspection_video';

export const RETENTION_LABELS: Record<RetentionClass, string> = {
  permanent: '永久',
  y30: '定期30年',
  y10: '定期10年',
  inspection_video: '不归档的行政检查视音频记录',
};

const ARCHIVE_REGULATION =
  '《机关文件材料归档范围和文书档案保管期限规定》（国家档案局令第8号）：保管期限分为永久、定期（30年、10年）；本系统默认映射，以机关保管期限表为准';

/** The default class of a case's records by the kind of case (DOMAIN: 行政征收征用 keep longest). */
const BY_CASE_KIND: Record<string, RetentionClass> = {
  expropriation: 'permanent',
  penalty: 'y30',
  permit: 'y30',
  coercion: 'y30',
  inspection: 'y10',
};

export type InspectionVideoException = 'not_evidence' | 'no_dispute';

export interface RetentionInput {
  caseKind: string;
  evidenceKind: string;
  /** 执法行为终结: retention runs from the case's closing; an open case is kept. */
  closedOn: string | null;
  exception: InspectionVideoException | null;
  inspectionVideoRule: ResolvedScalar<{ amount: number; unit: string }>;
}

export interface Retention {
  retentionClass: RetentionClass;
  /** The first day the record may be disposed of; null = never (permanent, or case still open). */
  endsOn: string | null;
  basis: string;
}

function addToDate(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
}

export function retentionOf(input: RetentionInput): Retention {
  const rule = input.inspectionVideoRule;
  const isInspectionVideo =
    input.caseKind === 'inspection' &&
    (input.evidenceKind === 'video' || input.evidenceKind === 'audio') &&
    input.exception !== null &&
    rule.effective !== null;
  if (isInspectionVideo && rule.effective) {
    const { amount, unit } = rule.effective;
    const months = unit === 'months' ? amount : Math.ceil(amount / 28);
    const quote = rule.source && 'quote' in rule.source ? rule.source.quote : rule.label;
    return {
      retentionClass: 'inspection_video',
      endsOn: input.closedOn ? addToDate(input.closedOn, months) : null,
      basis: `${quote}（${input.exception === 'not_evidence' ? '不作为案件证据' : '未与行政相对人发生争议'}）`,
    };
  }
  const retentionClass = BY_CASE_KIND[input.caseKind] ?? 'y30';
  const years = retentionClass === 'y30' ? 30 : retentionClass === 'y10' ? 10 : null;
  return {
    retentionClass,
    endsOn: years !== null && input.closedOn ? addToDate(input.closedOn, years * 12) : null,
    basis: ARCHIVE_REGULATION,
  };
}
