// Who may read and change jurisdiction rules. Profiles are public law and open to every logged-in
// user; an agency's effective rules and overrides follow the usual scope (own agency, supervisors
// above it, administrators). Heads may tighten their own agency's rules; only administrators may
// loosen one, and only back to the value the local document states.
import { authenticatedPolicy, rolePolicy } from '../../shared/policy.ts';

const STAFF = ['officer', 'reviewer', 'head', 'archivist', 'supervisor', 'admin'] as const;

export const profilePolicies = {
  listProfiles: authenticatedPolicy('profile.list'),
  readProfile: authenticatedPolicy('profile.read'),
  readAgencyRules: rolePolicy('profile.rules.read', STAFF),
  listOverrides: rolePolicy('profile.override.list', STAFF),
  createOverride: rolePolicy('profile.override.create', ['head', 'admin']),
  /** Checked in the service when an override would loosen a rule. */
  loosenRule: rolePolicy('profile.override.loosen', ['admin']),
};
