import { rolePolicy } from '../../shared/policy.ts';

const CASE_READERS = ['officer', 'reviewer', 'head', 'archivist', 'supervisor', 'admin'] as const;

export const casesPolicies = {
  createCase: rolePolicy('cases.case.create', ['officer', 'head']),
  listCases: rolePolicy('cases.case.list', CASE_READERS),
  readCase: rolePolicy('cases.case.read', CASE_READERS),
  // Which actor role may take a given step is the workflow's business; the route admits anyone
  // who may act on cases at all, and the service checks the step's own roles and scope.
  act: rolePolicy('cases.case.act', ['officer', 'head', 'archivist']),
  declareRecusal: rolePolicy('cases.recusal.declare', ['officer']),
  partyRecords: rolePolicy('cases.party.records', CASE_READERS),
  readAccessLog: rolePolicy('cases.access.read', ['head', 'supervisor', 'admin']),
};
