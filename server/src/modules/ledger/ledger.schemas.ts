import { Type } from 'typebox';
import { StrictObject } from '../../shared/schemas.ts';

const Hex = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SM3 哈希（小写十六进制）' });
const Size = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });

export const SignedTreeHeadView = Type.Object(
  {
    treeSize: Type.Integer(),
    rootHash: Hex,
    timestamp: Type.String({ description: 'ISO 8601 UTC，毫秒' }),
    keyId: Type.String(),
    algorithm: Type.Literal('SM2-with-SM3'),
    signature: Type.String({
      description: 'DER 编码的 SM2 签名（base64），签名者标识 1234567812345678',
    }),
    publicKey: Type.String({ description: 'SM2 公钥（PEM SubjectPublicKeyInfo）' }),
  },
  { description: '签名树头：账本规模与默克尔根，经 SM2 签名' },
);

export const InclusionQuery = StrictObject({ index: Size, treeSize: Size });
export const InclusionProofView = Type.Object({
  leafIndex: Type.Integer(),
  treeSize: Type.Integer(),
  leafHash: Hex,
  auditPath: Type.Array(Hex),
});

export const ConsistencyQuery = StrictObject({ first: Size, second: Size });
export const ConsistencyProofView = Type.Object({
  first: Type.Integer(),
  second: Type.Integer(),
  proof: Type.Array(Hex),
});

export const TreeSizeParams = StrictObject({ treeSize: Size });
