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
  readInspections: publicPolicy('disclosure.inspections.read'),

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
  // QR codes the workbench shows: a credential's (亮证) and an inspection's (扫码入企).
  credentialQr: rolePolicy('disclosure.credentials.qr', READERS),
  inspectionCode: rolePolicy('disclosure.inspections.code', ['officer', 'head']),
  // Changes to pre-disclosure information and the confirmation that the update is public.
  recordCatalogueChange: rolePolicy('disclosure.catalogueChanges.write', [
    'officer',
    'head',
    'admin',
  ]),
  readCatalogueChanges: rolePolicy('disclosure.catalogueChanges.read', READERS),
};
