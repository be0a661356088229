// Checks in the browser that a timeline entry is in the ledger: the inclusion proof (RFC 9162
// §2.1.3.2, SM3 with the 0x00/0x01 prefixes of RFC 6962) from the entry's hash up to the root of
// the signed tree head the server published. sm-crypto is loaded only when someone verifies.
import { api, call, type GetResponse } from '../../api/client.ts';

export type TreeHead = GetResponse<'/api/ledger/head'>;

export interface InclusionResult {
  ok: boolean;
  message: string;
  head: TreeHead;
  computedRoot: string;
}

function hexToBytes(hex: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < hex.length; i += 2) out.push(parseInt(hex.slice(i, i + 2), 16));
  return out;
}

export async function verifyEntryInclusion(
  leafIndex: number,
  entryHash: string,
): Promise<InclusionResult> {
  const [{ sm3 }, head] = await Promise.all([
    import('sm-crypto'),
    call(api.GET('/api/ledger/head')),
  ]);
  if (leafIndex >= head.treeSize) {
    return { ok: false, message: '该记录晚于最新签名树头，请稍后再核验', head, computedRoot: '' };
  }
  const proof = await call(
    api.GET('/api/ledger/proof/inclusion', {
      params: { query: { index: leafIndex, treeSize: head.treeSize } },
    }),
  );
  const children = (left: string, right: string) =>
    sm3([0x01, ...hexToBytes(left), ...hexToBytes(right)]);
  if (proof.leafHash !== entryHash) {
    return { ok: false, message: '账本中该位置的哈希与时间线记录不一致', head, computedRoot: '' };
  }
  let fn = leafIndex;
  let sn = head.treeSize - 1;
  let r = entryHash;
  for (const p of proof.auditPath) {
    if (sn === 0) return { ok: false, message: '包含证明过长', head, computedRoot: r };
    if (fn % 2 === 1 || fn === sn) {
      r = children(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = children(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  const ok = sn === 0 && r === head.rootHash;
  return {
    ok,
    message: ok
      ? `已在浏览器中用 SM3 核验：该记录包含在第 ${head.treeSize} 号签名树头之中`
      : '核验失败：由包含证明算出的根哈希与签名树头不一致',
    head,
    computedRoot: r,
  };
}
