// Reading the resolved rules of GET /api/agencies/:agencyId/rules generically: the response has
// one typed object per rule, but a viewer only needs the fields every rule shares.

export const SECTION_LABELS: Record<string, string> = {
  statute: '法律规定',
  filing: '立案',
  disclosure: '行政执法公示',
  review: '法制审核',
  majorCatalog: '重大执法决定目录',
  av: '执法全过程记录',
  archive: '归档',
};

export type RuleSource =
  | { type: 'seed'; document: string; article: string; quote: string }
  | { type: 'law'; document: string; article: string }
  | { type: 'override'; reason: string; actorName: string };

/** A scalar rule's value in a document, with its citation. */
export interface CitedValue {
  value: unknown;
  source: RuleSource;
}

export interface ResolvedRule {
  key: string;
  label: string;
  basis: string;
  shape: 'scalar' | 'list';
  isOverridable: boolean;
  effective: unknown;
  display?: string | null;
  source?: RuleSource | null;
  /** The local document's and the national value (scalar: cited value; list: cited entries). */
  declared?: CitedValue | unknown[] | null;
  national?: CitedValue | unknown[] | null;
  note?: string | null;
  override?: { kind: string; reason: string; actorName: string; isApplied: boolean } | null;
}

/** Every rule of a GET /rules answer with its section, in the server's order. */
export function rulesBySection(data: object): { section: string; list: ResolvedRule[] }[] {
  return Object.entries(data).flatMap(([section, value]) => {
    if (section === 'agencyId' || section === 'profile') return [];
    if (typeof value !== 'object' || value === null) return [];
    const list = Object.values(value as Record<string, unknown>).filter(isResolvedRule);
    return list.length > 0 ? [{ section, list }] : [];
  });
}

export function isResolvedRule(value: unknown): value is ResolvedRule {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.key === 'string' && typeof v.label === 'string' && typeof v.basis === 'string';
}

/** A readable Chinese form of a rule's effective value. */
export function valueText(rule: ResolvedRule): string {
  if (rule.display) return rule.display;
  const value = rule.effective;
  if (value === null || value === undefined) return '未规定';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '（无）';
    const labels = value.map((entry: unknown) => {
      if (typeof entry === 'object' && entry !== null) {
        const e = entry as Record<string, unknown>;
        const label = e.label ?? e.name ?? e.code;
        if (typeof label === 'string') return label;
      }
      return typeof entry === 'string' ? entry : JSON.stringify(entry);
    });
    return `${labels.length} 项：${labels.slice(0, 6).join('、')}${labels.length > 6 ? '等' : ''}`;
  }
  return JSON.stringify(value);
}
