// Who may use the staff API of the powers catalogue. Every staff role reads the catalogue of the
// agencies in its scope (an officer needs the benchmarks while handling a case; a supervisor
// reads all agencies of the region); only administrators of the agency's region or of the whole
// deployment change it. The public reads published powers through the portal, not through here.
import { rolePolicy } from '../../shared/policy.ts';

const STAFF = ['officer', 'reviewer', 'head', 'supervisor', 'archivist', 'admin'] as const;

export const powersPolicies = {
  read: rolePolicy('powers.read', STAFF),
  write: rolePolicy('powers.write', ['admin']),
  import: rolePolicy('powers.import', ['admin']),
  // Not agency-scoped: the empty template says nothing about any agency.
  template: rolePolicy('powers.template.read', STAFF),
  readRandomChecks: rolePolicy('randomCheckItems.read', STAFF),
  writeRandomChecks: rolePolicy('randomCheckItems.write', ['admin']),
};
