import { rolePolicy } from '../../shared/policy.ts';

// Accounts are managed by administrators only, within their region.
export const usersPolicies = {
  listUsers: rolePolicy('users.user.list', ['admin']),
  createUser: rolePolicy('users.user.create', ['admin']),
  updateUser: rolePolicy('users.user.update', ['admin']),
  setRoles: rolePolicy('users.roles.set', ['admin']),
  setPassword: rolePolicy('users.password.set', ['admin']),
};
