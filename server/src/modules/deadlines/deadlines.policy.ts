import { rolePolicy } from '../../shared/policy.ts';

export const deadlinesPolicies = {
  // The deadlines of an agency's cases, reviews, uploads and publications: its staff's to-do list.
  listAgencyDeadlines: rolePolicy('deadlines.agency.list', [
    'officer',
    'reviewer',
    'head',
    'archivist',
    'supervisor',
    'admin',
  ]),
};
