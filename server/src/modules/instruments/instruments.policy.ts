// Who may do what with instruments. Officers of the handling agency issue; everyone who may read
// the case reads its instruments (within scope, each reading logged). Checking a seal is public:
// whoever holds the document may verify it.
import { publicPolicy, rolePolicy } from '../../shared/policy.ts';

const READERS = ['officer', 'reviewer', 'head', 'archivist', 'supervisor', 'admin'] as const;

export const instrumentsPolicies = {
  listTemplates: rolePolicy('instruments.template.list', READERS),
  list: rolePolicy('instruments.instrument.list', READERS),
  read: rolePolicy('instruments.instrument.read', READERS),
  issue: rolePolicy('instruments.instrument.issue', ['officer']),
  verify: publicPolicy('instruments.seal.verify'),
  readNumbering: rolePolicy('instruments.numbering.read', ['officer', 'head', 'admin']),
  setNumbering: rolePolicy('instruments.numbering.set', ['head', 'admin']),
};
