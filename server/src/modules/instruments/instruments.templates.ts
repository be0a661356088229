// The standard set of instruments (统一文书格式文本) as data, in two files by stage; this one
// joins them (the type makes sure every kind has its template) and is what other files import.
import type { FieldKey } from './instruments.fields.ts';
import type { InstrumentKind, InstrumentTemplate } from './instruments.template-model.ts';
import { DECISION_TEMPLATES } from './instruments.templates.decision.ts';
import { INVESTIGATION_TEMPLATES } from './instruments.templates.investigation.ts';

export {
  CASE_CONDITIONS,
  INSTRUMENT_KINDS,
  type CaseCondition,
  type InstrumentKind,
  type InstrumentTemplate,
  type Requirement,
} from './instruments.template-model.ts';

export const TEMPLATES: Record<InstrumentKind, InstrumentTemplate> = {
  ...INVESTIGATION_TEMPLATES,
  ...DECISION_TEMPLATES,
};

/** The fields an instrument prints: its own, then the approval block where one is required. */
export function printedFields(template: InstrumentTemplate): FieldKey[] {
  const all = new Set<FieldKey>(template.fields);
  for (const r of template.required) for (const f of r.fields) all.add(f);
  return [...all];
}
