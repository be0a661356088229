import type { AppContext } from '../../app.ts';
import { AppError } from '../../shared/errors.ts';
import type { App } from '../../shared/http.ts';
import { ErrorResponse } from '../../shared/schemas.ts';
import { sm3, toHex } from './crypto/hash.ts';
import { consistencyProof, inclusionProof } from './crypto/merkle.ts';
import { currentTreeSize, findTreeHead, signCurrentTreeHead } from './ledger.heads.ts';
import { databaseNodeSource } from './ledger.nodes.ts';
import { startLedgerSealer, type LedgerSealer } from './ledger.seal.ts';
import { ledgerPolicies as p } from './ledger.policy.ts';
import {
  ConsistencyProofView,
  ConsistencyQuery,
  InclusionProofView,
  InclusionQuery,
  SignedTreeHeadView,
  TreeSizeParams,
} from './ledger.schemas.ts';

const tags = ['全过程记录账本'];
const refusals = { 400: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse };

export function registerLedgerRoutes(app: App, ctx: AppContext) {
  const nodes = databaseNodeSource(ctx.db);

  // Every server process runs a sealer; the head-row lock makes each entry sealed exactly once.
  let sealer: LedgerSealer | undefined;
  app.addHook('onReady', async () => {
    sealer = startLedgerSealer(ctx.db, {
      intervalMs: ctx.dbKind === 'pglite' ? 5000 : 250,
      onError: (error) => app.log.warn({ err: error }, 'ledger sealing failed; will retry'),
    });
    // Whatever a previous process committed and did not seal (it crashed, or was stopped).
    sealer.kick();
  });
  app.addHook('onClose', async () => {
    await sealer?.stop();
  });

  app.get(
    '/api/ledger/head',
    {
      config: { policy: p.readHead },
      schema: {
        tags,
        summary: '当前签名树头（公开：只含哈希与签名）',
        response: { 200: SignedTreeHeadView },
      },
    },
    async (_request, reply) => {
      const head = await signCurrentTreeHead(
        ctx.db,
        ctx.signingKey,
        ctx.config.LEDGER_WITNESS_FILE,
      );
      return reply.header('cache-control', 'no-cache').send(head);
    },
  );

  app.get(
    '/api/ledger/heads/:treeSize',
    {
      config: { policy: p.readHead },
      schema: {
        tags,
        summary: '某一规模的签名树头',
        params: TreeSizeParams,
        response: { 200: SignedTreeHeadView, ...refusals },
      },
    },
    async (request, reply) => {
      const head = await findTreeHead(ctx.db, request.params.treeSize);
      if (!head) throw new AppError('TREE_HEAD_NOT_FOUND');
      // A signed head never changes.
      return reply.header('cache-control', 'public, max-age=31536000, immutable').send(head);
    },
  );

  app.get(
    '/api/ledger/proof/inclusion',
    {
      config: { policy: p.readProof },
      schema: {
        tags,
        summary: '包含性证明（RFC 6962，哈希为 SM3）',
        querystring: InclusionQuery,
        response: { 200: InclusionProofView, ...refusals },
      },
    },
    async (request) => {
      const { index, treeSize } = request.query;
      if (index >= treeSize || treeSize > (await currentTreeSize(ctx.db))) {
        throw new AppError('LEDGER_RANGE_INVALID');
      }
      const [leafHash, auditPath] = await Promise.all([
        nodes.get(0, index),
        inclusionProof(nodes, index, treeSize, sm3),
      ]);
      return {
        leafIndex: index,
        treeSize,
        leafHash: toHex(leafHash),
        auditPath: auditPath.map(toHex),
      };
    },
  );

  app.get(
    '/api/ledger/proof/consistency',
    {
      config: { policy: p.readProof },
      schema: {
        tags,
        summary: '一致性证明（RFC 6962，哈希为 SM3）',
        querystring: ConsistencyQuery,
        response: { 200: ConsistencyProofView, ...refusals },
      },
    },
    async (request) => {
      const { first, second } = request.query;
      if (first > second || second > (await currentTreeSize(ctx.db))) {
        throw new AppError('LEDGER_RANGE_INVALID');
      }
      const proof = await consistencyProof(nodes, first, second, sm3);
      return { first, second, proof: proof.map(toHex) };
    },
  );
}
