// The 法制审核意见书 as structured data, with a plain-text and an HTML rendering, and the fields of
// the sealed instrument (PDF/DOCX, issued with the opinion by the instruments module); what is
// hashed into the ledger here is the data, so every rendering can be checked against it.

export interface OpinionDocument {
  title: string;
  caseNo: string;
  caseTitle: string;
  agencyName: string;
  parties: string[];
  reviewBody: string;
  round: { no: number; kind: string; submittedOn: string; submittedBy: string };
  proposal: string;
  classification: string;
  checklist: { label: string; conclusion: string; note: string | null }[];
  outcome: { code: string; label: string; citation: string };
  reasons: string | null;
  lawyers: {
    name: string;
    kind: string;
    opinion: string;
    isAdopted: boolean;
    reasonNotAdopted: string | null;
  }[];
  reviewer: string;
  reviewedOn: string;
  profile: { id: string; name: string; version: string };
}

const PENALTY_LABELS: Record<string, string> = {
  warning: '警告',
  criticism: '通报批评',
  fine: '罚款',
  confiscation: '没收违法所得、没收非法财物',
  suspend_permit: '暂扣许可证件',
  lower_qualification: '降低资质等级',
  revoke_permit: '吊销许可证件',
  restrict_activity: '限制开展生产经营活动',
  suspend_business: '责令停产停业',
  close: '责令关闭',
  restrict_practice: '限制从业',
  detention: '行政拘留',
};

export const CONCLUSION_LABELS = { pass: '符合', problem: '存在问题', not_applicable: '不适用' };
export const ROUND_KIND_LABELS = {
  submission: '报送审核',
  re_review: '书面申请复审',
  reconsideration: '负责人决定重新审核',
};
export const LAWYER_KIND_LABELS = { public_lawyer: '公职律师', legal_adviser: '法律顾问' };

/** One line describing a proposed decision, for people (the hash binds the exact data). */
export function describeProposal(proposal: unknown): string {
  if (!proposal || typeof proposal !== 'object') return '（未拟定）';
  const p = proposal as Record<string, unknown>;
  const parts: string[] = [];
  if (Array.isArray(p.types)) {
    parts.push(
      `处罚种类：${p.types.map((t) => PENALTY_LABELS[String(t)] ?? String(t)).join('、')}`,
    );
  }
  if (typeof p.fineYuan === 'number') parts.push(`罚款 ${p.fineYuan} 元`);
  if (typeof p.confiscationYuan === 'number') parts.push(`没收违法所得 ${p.confiscationYuan} 元`);
  if (typeof p.isMitigated === 'boolean') parts.push(`减轻处罚：${p.isMitigated ? '是' : '否'}`);
  if (typeof p.legalBasis === 'string') parts.push(`依据：${p.legalBasis}`);
  if (typeof p.reasons === 'string') parts.push(`理由：${p.reasons}`);
  return parts.length > 0 ? parts.join('；') : JSON.stringify(p);
}

export function renderOpinionText(doc: OpinionDocument): string {
  const lines = [
    doc.title,
    '',
    `案件：${doc.caseNo} ${doc.caseTitle}`,
    `执法主体：${doc.agencyName}`,
    `当事人：${doc.parties.join('、') || '（未登记）'}`,
    `审核机构：${doc.reviewBody}`,
    `送审：第 ${doc.round.no} 次（${doc.round.kind}），${doc.round.submittedOn}，${doc.round.submittedBy}`,
    `拟作出的决定：${doc.proposal}`,
    `目录认定：${doc.classification}`,
    '',
    '审核要点：',
    ...doc.checklist.map(
      (c, i) => `${i + 1}. ${c.label}：${c.conclusion}${c.note ? `（${c.note}）` : ''}`,
    ),
    '',
    `审核意见：${doc.outcome.label}（${doc.outcome.citation}）`,
  ];
  if (doc.reasons) lines.push(`理由：${doc.reasons}`);
  if (doc.lawyers.length > 0) {
    lines.push('', '公职律师、法律顾问意见：');
    for (const l of doc.lawyers) {
      lines.push(
        `${l.kind} ${l.name}：${l.opinion}（${l.isAdopted ? '已采纳' : `未采纳：${l.reasonNotAdopted ?? ''}`}）`,
      );
    }
  }
  lines.push('', `审核人：${doc.reviewer}`, `审核日期：${doc.reviewedOn}`);
  lines.push(`适用规则：${doc.profile.name}（规则包版本 ${doc.profile.version}）`);
  return lines.join('\n');
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderOpinionHtml(doc: OpinionDocument): string {
  const [title = '', ...rest] = renderOpinionText(doc).split('\n');
  const body = rest
    .map((line) => (line === '' ? '' : `<p>${escapeHtml(line)}</p>`))
    .filter(Boolean)
    .join('\n');
  return `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>\n<body><h1>${escapeHtml(title)}</h1>\n${body}\n</body></html>`;
}

/** 2026-05-09 → 2026年5月9日, as documents write dates. */
function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * The fields of the `legal_review_opinion` instrument, from the same data that is hashed into the
 * ledger: the outcome, its citation and the reasons, then the lawyers' views, in 审核意见.
 */
export function opinionInstrumentFields(doc: OpinionDocument): Record<string, string> {
  const opinion = [`${doc.outcome.label}（${doc.outcome.citation}）`];
  if (doc.reasons) opinion.push(`理由：${doc.reasons}`);
  for (const l of doc.lawyers) {
    opinion.push(
      `${l.kind}${l.name}意见：${l.opinion}（${l.isAdopted ? '已采纳' : `未采纳，理由：${l.reasonNotAdopted ?? ''}`}）`,
    );
  }
  return {
    reviewBody: doc.reviewBody,
    reviewProposal: `${doc.proposal}\n目录认定：${doc.classification}\n送审：第 ${doc.round.no} 次（${doc.round.kind}），${doc.round.submittedOn}，${doc.round.submittedBy}`,
    reviewChecklist: doc.checklist
      .map((c, i) => `${i + 1}. ${c.label}：${c.conclusion}${c.note ? `（${c.note}）` : ''}`)
      .join('\n'),
    reviewOpinion: opinion.join('\n'),
    reviewer: doc.reviewer,
    reviewedOn: chineseDate(doc.reviewedOn),
  };
}
