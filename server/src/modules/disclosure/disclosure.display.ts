// How long a published decision stays on the portal. No jurisdiction profile of ours sets this;
// the values are our reading of 《市场监督管理行政处罚信息公示规定》 (总局令第45号), applied to every
// sector's penalty decisions (DOMAIN §2.3, reading): 通报批评 or a small fine 3 months, any other
// penalty 3 years, counted from publication; credit repair may end it early, never for 停产停业
// or 吊销. Other decisions (permits, coercion, …) have no end in any source, so none is invented.

export interface CitedReading<T> {
  value: T;
  source: { document: string; article: string; note: string };
}

const ORDER_45 = '《市场监督管理行政处罚信息公示规定》（国家市场监督管理总局令第45号）';

export const DISPLAY_RULES = {
  shortMonths: {
    value: 3,
    source: {
      document: ORDER_45,
      article: '第十四条',
      note: '（本系统理解）仅受到通报批评或者较低数额罚款的，自公示之日起届满三个月停止公示',
    },
  },
  longMonths: {
    value: 36,
    source: {
      document: ORDER_45,
      article: '第十四条',
      note: '（本系统理解）其他行政处罚信息自公示之日起届满三年停止公示',
    },
  },
  earlyEndBarredTypes: {
    value: ['suspend_business', 'revoke_permit', 'close'] as readonly string[],
    source: {
      document: ORDER_45,
      article: '第十五条、第十六条',
      note: '（本系统理解）受到责令停产停业、吊销许可证件或营业执照等处罚的，不得提前停止公示',
    },
  },
  // 较低数额 is left to provincial rules; until one is loaded we read it as the 简易程序 limit of
  // 《行政处罚法》第五十一条 (taken from the statute rules), the narrowest defensible reading.
  smallFineReading: {
    value: 'statute.summaryProcedureFineLimit',
    source: {
      document: ORDER_45,
      article: '第十四条第二款',
      note: '（本系统理解）较低数额罚款由省级部门规定；未规定时按当场处罚的罚款上限认定',
    },
  },
} as const satisfies Record<string, CitedReading<unknown>>;

/** Penalties lighter than a fine: shown for the short period like 通报批评 (reading). */
const LIGHT_TYPES = new Set(['warning', 'criticism']);

export interface PenaltyFacts {
  types: readonly string[];
  fineYuan?: number | undefined;
  confiscationYuan?: number | undefined;
}

export interface DisplayPeriod {
  /** Last day shown (YYYY-MM-DD), or null when no rule ends the display. */
  until: string | null;
  basis: string | null;
  isEarlyEndBarred: boolean;
}

/** The same day `months` later, clamped to the month's end (31 March + 3 months = 30 June). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function displayPeriodOf(input: {
  category: string;
  penalty: PenaltyFacts | null;
  publishedOn: string;
  /** The largest fine that counts as small for this party (citizen or organisation limit). */
  smallFineLimitYuan: number;
}): DisplayPeriod {
  if (input.category !== 'penalty' || !input.penalty) {
    return { until: null, basis: null, isEarlyEndBarred: false };
  }
  const { types, fineYuan } = input.penalty;
  const isEarlyEndBarred = types.some((t) => DISPLAY_RULES.earlyEndBarredTypes.value.includes(t));
  const isShort =
    !isEarlyEndBarred &&
    types.every((t) => LIGHT_TYPES.has(t) || t === 'fine') &&
    (!types.includes('fine') || (fineYuan ?? 0) <= input.smallFineLimitYuan);
  const rule = isShort ? DISPLAY_RULES.shortMonths : DISPLAY_RULES.longMonths;
  return {
    until: addMonths(input.publishedOn, rule.value),
    basis: `${rule.source.document}${rule.source.article}${rule.source.note}`,
    isEarlyEndBarred,
  };
}
