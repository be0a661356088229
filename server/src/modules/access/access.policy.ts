import { publicPolicy, rolePolicy } from '../../shared/policy.ts';

// A party's request is registered by the case's officers (or the head); only the head decides
// (薛城区 附件2 第三十二条). The party itself has no account: it reads with the token of the
// approval, so those routes are public and the token is the authorisation.
export const accessPolicies = {
  requestPartyAccess: rolePolicy('access.party_request.create', ['officer', 'head']),
  listPartyAccess: rolePolicy('access.party_request.list', [
    'officer',
    'head',
    'archivist',
    'supervisor',
  ]),
  decidePartyAccess: rolePolicy('access.party_request.decide', ['head']),
  readAgencyAccessLog: rolePolicy('access.log.read', ['head', 'supervisor', 'admin']),
  partyReads: publicPolicy('access.party.read'),
};
