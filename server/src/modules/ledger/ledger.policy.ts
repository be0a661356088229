import { publicPolicy } from '../../shared/policy.ts';

// Hashes, proofs and signatures reveal nothing of a record's content: anyone may check them.
export const ledgerPolicies = {
  readHead: publicPolicy('ledger.head.read'),
  readProof: publicPolicy('ledger.proof.read'),
};
