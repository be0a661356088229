// Puts an instrument's fields together — the case's values, the officer's additions, the system's
// own (agency, 文号, date) — and refuses, before anything is numbered or rendered, when a field the
// law requires of this case is empty: one stable code, a Chinese message naming every missing
// field and its legal source.
import { AppError } from '../../shared/errors.ts';
import {
  CASE_RECORD_FIELDS,
  FIELD_LABELS,
  SYSTEM_FIELDS,
  isFieldKey,
  type FieldKey,
  type Fields,
} from './instruments.fields.ts';
import { citationText } from './instruments.law.ts';
import {
  printedFields,
  type CaseCondition,
  type InstrumentTemplate,
} from './instruments.templates.ts';

export interface MissingField {
  field: FieldKey;
  label: string;
  sources: string[];
}

/**
 * The fields the law requires of this case and that are empty, each with every source requiring
 * it; a conditional requirement counts where the case meets its condition.
 */
export function missingFields(
  template: InstrumentTemplate,
  fields: Fields,
  conditions: ReadonlySet<CaseCondition>,
): MissingField[] {
  const missing = new Map<FieldKey, MissingField>();
  for (const requirement of template.required) {
    if (requirement.when && !conditions.has(requirement.when)) continue;
    for (const field of requirement.fields) {
      if (fields[field]?.trim()) continue;
      const entry = missing.get(field) ?? { field, label: FIELD_LABELS[field], sources: [] };
      const source = citationText(requirement.source);
      if (!entry.sources.includes(source)) entry.sources.push(source);
      missing.set(field, entry);
    }
  }
  return [...missing.values()];
}

/**
 * Checks the officer's data: only fields this instrument prints, never the system's own nor those
 * only the case record fills.
 */
export function validateOverrides(
  template: InstrumentTemplate,
  data: Record<string, string>,
): Fields {
  const allowed = new Set(printedFields(template));
  const fromRecord = Object.keys(data).filter(
    (k) => isFieldKey(k) && allowed.has(k) && CASE_RECORD_FIELDS.includes(k),
  );
  if (fromRecord.length > 0) {
    throw new AppError('INSTRUMENT_FIELD_UNKNOWN', {
      message: `${template.title}的以下栏目只能由案件记录生成，不能填写：${fromRecord
        .map((k) => FIELD_LABELS[k as FieldKey])
        .join('、')}（请先在案件中记录相应步骤）`,
      details: { fields: fromRecord },
    });
  }
  const wrong = Object.keys(data).filter(
    (k) => !isFieldKey(k) || !allowed.has(k) || SYSTEM_FIELDS.includes(k),
  );
  if (wrong.length > 0) {
    throw new AppError('INSTRUMENT_FIELD_UNKNOWN', {
      message: `${template.title}没有可填写的栏目：${wrong.join('、')}`,
      details: { fields: wrong },
    });
  }
  return data;
}

export function composeFields(
  template: InstrumentTemplate,
  fromCase: Fields,
  overrides: Fields,
  system: { agencyName: string; issuedOn: string; caseNo?: string },
  conditions: ReadonlySet<CaseCondition>,
): Fields {
  const fields: Fields = { ...fromCase };
  for (const [key, value] of Object.entries(overrides) as [FieldKey, string][]) {
    fields[key] = value;
  }
  fields.agencyName = system.agencyName;
  fields.issuedOn = system.issuedOn;
  if (system.caseNo) fields.caseNo = system.caseNo;
  const missing = missingFields(template, fields, conditions);
  if (missing.length > 0) {
    const fromRecord = missing.filter((m) => CASE_RECORD_FIELDS.includes(m.field));
    throw new AppError('INSTRUMENT_FIELDS_MISSING', {
      message: `${template.title}缺少必备内容：${missing
        .map((m) => `${m.label}（${m.sources.join('；')}）`)
        .join('、')}${
        fromRecord.length > 0
          ? `。${fromRecord.map((m) => m.label).join('、')}由案件记录生成，须先在案件中记录相应步骤`
          : ''
      }`,
      details: { kind: template.kind, missing },
    });
  }
  // Only what the instrument prints is kept: the version's record is exactly its content.
  const kept: Fields = {};
  for (const key of [...printedFields(template), ...SYSTEM_FIELDS]) {
    const value = fields[key];
    if (value !== undefined) kept[key] = value;
  }
  return kept;
}
