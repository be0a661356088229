// Who may read and change the organisation tree. Reads follow the user's scope (own agency,
// region for supervisors, everything for a deployment-wide administrator); writes are for
// administrators, scoped by region.
import { authenticatedPolicy, rolePolicy } from '../../shared/policy.ts';

const STAFF = ['officer', 'reviewer', 'head', 'archivist', 'supervisor', 'admin'] as const;

export const orgPolicies = {
  listRegions: authenticatedPolicy('org.region.list'),
  createRegion: rolePolicy('org.region.create', ['admin']),
  listAgencies: rolePolicy('org.agency.list', STAFF),
  readAgency: rolePolicy('org.agency.read', STAFF),
  createAgency: rolePolicy('org.agency.create', ['admin']),
  updateAgency: rolePolicy('org.agency.update', ['admin']),
  listUnits: rolePolicy('org.unit.list', STAFF),
  createUnit: rolePolicy('org.unit.create', ['admin']),
  updateUnit: rolePolicy('org.unit.update', ['admin']),
  listEntrustments: rolePolicy('org.entrustment.list', STAFF),
  createEntrustment: rolePolicy('org.entrustment.create', ['admin']),
  updateEntrustment: rolePolicy('org.entrustment.update', ['admin']),
};
