import { rolePolicy } from '../../shared/policy.ts';

const STAFF = ['officer', 'reviewer', 'head', 'archivist', 'supervisor', 'admin'] as const;

export const peoplePolicies = {
  listPeople: rolePolicy('people.person.list', STAFF),
  readPerson: rolePolicy('people.person.read', STAFF),
  createPerson: rolePolicy('people.person.create', ['admin']),
  updatePerson: rolePolicy('people.person.update', ['admin']),
  readPhoto: rolePolicy('people.photo.read', STAFF),
  updatePhoto: rolePolicy('people.photo.update', ['admin']),
  createCredential: rolePolicy('people.credential.create', ['admin']),
  updateCredential: rolePolicy('people.credential.update', ['admin']),
  createQualification: rolePolicy('people.qualification.create', ['admin']),
};
