import { rolePolicy } from '../../shared/policy.ts';

// Figures for those who oversee work rather than do it: heads for their agency, supervisors
// (司法局) for their region, administrators for everything they administer.
const OVERSIGHT = ['head', 'supervisor', 'admin'] as const;

export const statsPolicies = {
  caseStats: rolePolicy('stats.cases', OVERSIGHT),
  deadlineStats: rolePolicy('stats.deadlines', OVERSIGHT),
  publicationStats: rolePolicy('stats.publication', OVERSIGHT),
};
