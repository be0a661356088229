import { rolePolicy } from '../../shared/policy.ts';

// Archivists keep the records and propose disposals; a disposal needs two approvals among heads,
// archivists and supervisors (one a head, neither the proposer). Holds are placed by those who
// know of a dispute or proceedings (archivist, head, supervisor) and released by a head or a
// supervisor.
export const archivePolicies = {
  readRetention: rolePolicy('archive.retention.read', ['archivist', 'head', 'supervisor']),
  placeHold: rolePolicy('archive.legal_hold.place', ['archivist', 'head', 'supervisor']),
  releaseHold: rolePolicy('archive.legal_hold.release', ['head', 'supervisor']),
  propose: rolePolicy('archive.disposal.propose', ['archivist']),
  approve: rolePolicy('archive.disposal.approve', ['head', 'archivist', 'supervisor']),
  readRegister: rolePolicy('archive.register.read', ['archivist', 'head', 'supervisor']),
};
