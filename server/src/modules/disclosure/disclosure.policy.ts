// Who may do what with disclosure. The public reads without login (the portal and open data);
// the agency's head signs off, corrects, withdraws and answers correction requests; staff of
// the agency and supervisors of its region read the queue; supervisors watch overdue items.
import { publicPolicy, rolePolicy } from '../../shared/policy.ts';

const READERS = ['officer', 'head', 'supervisor', 'admin'] as const;

export const disclosurePolicies = {
  // Public (no login)
  readDecisions: publicPolicy('disclosure.decisions.read'),
  readCatalogue: publicPolicy('disclosure.catalogue.read'),
  verifyCredential: publicPolicy('disclosure.credentials.verify'),
  requestCorrection: publicPolicy('disclosure.correctionRequests.create'),
  trackCorrection: publicPolicy('disclosure.correctionRequests.track'),
  readAnnualReports: publicPolicy('disclosure.annualReports.read'),

  // Staff
  readQueue: rolePolicy('disclosure.queue.read', READERS),
  signOff: rolePolicy('disclosure.signOff', ['head']),
  correct: rolePolicy('disclosure.correct', ['head']),
  withdraw: rolePolicy('disclosure.withdraw', ['head']),
  endDisplay: rolePolicy('disclosure.endDisplay', ['head']),
  settings: rolePolicy('disclosure.settings.write', ['head', 'admin']),
  readOverdue: rolePolicy('disclosure.overdue.read', ['head', 'supervisor', 'admin']),
  readCorrectionRequests: rolePolicy('disclosure.correctionRequests.read', READERS),
  answerCorrectionRequest: rolePolicy('disclosure.correctionRequests.answer', ['head']),
  publishAnnualReport: rolePolicy('disclosure.annualReports.publish', ['head', 'admin']),
};
