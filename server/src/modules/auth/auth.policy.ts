import { authenticatedPolicy, publicPolicy } from '../../shared/policy.ts';

export const authPolicies = {
  login: publicPolicy('session.create'),
  logout: publicPolicy('session.delete'),
  whoami: authenticatedPolicy('session.read'),
};
