// Who may do what in legal review. Officers submit and object; reviewers of the routed body give
// opinions; heads approve extensions and record the heads' or leaders' handling of a dispute;
// supervisors and archivists read. Which agency's cases: the service's scope check (the case's
// agency, or for reviewers and heads the body a round was routed to, e.g. a 司法局).
import { rolePolicy } from '../../shared/policy.ts';

const READERS = ['officer', 'reviewer', 'head', 'archivist', 'supervisor', 'admin'] as const;

export const reviewPolicies = {
  read: rolePolicy('review.read', READERS),
  classify: rolePolicy('review.classify', ['officer', 'reviewer', 'head']),
  declareFacts: rolePolicy('review.facts.declare', ['officer', 'reviewer', 'head']),
  submit: rolePolicy('review.submit', ['officer']),
  giveOpinion: rolePolicy('review.opinion.give', ['reviewer']),
  extend: rolePolicy('review.extend', ['head']),
  object: rolePolicy('review.objection', ['officer']),
  resolve: rolePolicy('review.resolution', ['head']),
  queue: rolePolicy('review.queue', ['reviewer', 'head', 'supervisor', 'admin']),
  staffing: rolePolicy('review.staffing', ['reviewer', 'head', 'supervisor', 'admin']),
  readCatalog: rolePolicy('review.catalog.read', READERS),
  extendCatalog: rolePolicy('review.catalog.extend', ['head', 'admin']),
};
