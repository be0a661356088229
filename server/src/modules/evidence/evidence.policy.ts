import { publicPolicy, rolePolicy } from '../../shared/policy.ts';

// Evidence is made by the handling agency's officers (and its head, who may act in a case);
// reviewers, heads and archivists of that agency read it, supervisors of the region read it.
// Administrators run the system but do not read case evidence.
const WRITERS = ['officer', 'head'] as const;
const READERS = ['officer', 'reviewer', 'head', 'archivist', 'supervisor'] as const;

export const evidencePolicies = {
  /** tus OPTIONS: advertises the protocol's capabilities only, like a CORS preflight. */
  discoverUploads: publicPolicy('evidence.upload.discover'),
  upload: rolePolicy('evidence.upload', WRITERS),
  recordExemption: rolePolicy('evidence.av_exemption.record', WRITERS),
  list: rolePolicy('evidence.list', READERS),
  read: rolePolicy('evidence.read', READERS),
  download: rolePolicy('evidence.download', READERS),
};
