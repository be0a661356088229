// The case as a reader sees it: the snapshot with labels, the actions this reader may take next
// (each with the form of its input), the deadlines of the case and the flags they raise.
import type { Principal } from '../../shared/policy.ts';
import { maskIdCardNo } from '../people/people.repository.ts';
import { inputSchemaOf } from './cases.action-forms.ts';
import type { CaseView } from './cases.schemas.ts';
import type { ActionSpec, CaseSnapshot, Workflow } from './workflow.ts';

/** Whether the principal holds one of the step's roles in the case's agency. */
export function canTake(spec: ActionSpec<never>, principal: Principal, agencyId: string): boolean {
  return principal.grants.some((g) => spec.roles.includes(g.role) && g.agencyId === agencyId);
}

export function toCaseView(
  snapshot: CaseSnapshot,
  workflow: Workflow,
  principal: Principal,
  deadlines: CaseView['deadlines'],
): CaseView {
  return {
    id: snapshot.id,
    agencyId: snapshot.agencyId,
    caseNo: snapshot.caseNo,
    kind: snapshot.kind,
    procedure: snapshot.procedure,
    procedureLabel: workflow.label,
    state: snapshot.state,
    stateLabel: workflow.states[snapshot.state] ?? snapshot.state,
    version: snapshot.version,
    powerId: snapshot.powerId,
    filedOn: snapshot.filedOn,
    decidedOn: snapshot.decidedOn,
    details: snapshot.details,
    parties: snapshot.parties.map((p) => ({
      id: p.id,
      kind: p.kind,
      name: p.name,
      idCardNoMasked: maskIdCardNo(p.idCardNo),
      creditCode: p.creditCode,
    })),
    officers: snapshot.officers.map((o) => ({
      personId: o.personId,
      name: o.name,
      role: o.role,
      credentialNo: o.credentialNo,
      recusalDeclaredAt: o.recusalDeclaredAt,
    })),
    availableActions: workflow.actions
      .filter((a) => a.from.includes(snapshot.state) && canTake(a, principal, snapshot.agencyId))
      .map((a) => ({ name: a.name, label: a.label, inputSchema: inputSchemaOf(a) })),
    deadlines,
    // An agency's period passed without the step, or the step done late (e.g. an emergency start
    // whose approval came after 24 hours): flagged on the case for as long as it stands.
    flags: deadlines
      .filter((x) => x.bearer === 'agency' && (x.state === 'overdue' || x.state === 'missed'))
      .map((x) => ({
        kind: x.kind,
        state: x.state === 'overdue' ? ('overdue' as const) : ('missed' as const),
        message: `${x.label}${x.state === 'overdue' ? '已逾期' : '逾期完成'}（期限至 ${x.dueOn ?? x.dueAt ?? '—'}）`,
      })),
  };
}

/** One line of a case list (the agency's cases, a party's cases). */
export function toCaseListItem(r: {
  id: string;
  case_no: string;
  kind: string;
  state: string;
  title: string;
  agency_id: string;
  agency_name: string;
  updated_at: Date;
}) {
  return {
    id: r.id,
    caseNo: r.case_no,
    kind: r.kind,
    state: r.state,
    title: r.title,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    updatedAt: r.updated_at.toISOString(),
  };
}
