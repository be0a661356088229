// A baseline for the case-action benchmark (bench/cases.mjs): the same rows an action writes (the
// case's new details and version, its action record) in one transaction, without the guards, the
// deadline rows and the ledger entry. It exists only when BENCH_BASELINE_ROUTES is set, which the
// configuration refuses in production, so that no deployment can write a case past its guards.
import type { AppContext } from '../../app.ts';
import { principalOf, type App } from '../../shared/http.ts';
import { AppError } from '../../shared/errors.ts';
import { rolePolicy } from '../../shared/policy.ts';
import { ErrorResponse, OkResponse } from '../../shared/schemas.ts';
import { casesRepository as repo } from './cases.repository.ts';
import { ActionBody, ActionParams } from './cases.schemas.ts';

export const casesBenchPolicies = {
  baselineAction: rolePolicy('cases.bench.baseline', ['officer', 'head']),
};

export function registerCasesBenchRoutes(app: App, ctx: AppContext) {
  if (!ctx.config.BENCH_BASELINE_ROUTES) return;
  app.post(
    '/api/bench/cases/:caseId/baseline-actions/:action',
    {
      config: { policy: casesBenchPolicies.baselineAction },
      schema: {
        tags: ['基准测试'],
        summary: '仅用于基准测试：写入与办理环节相同的数据，不经校验、不写账本（生产环境不存在）',
        params: ActionParams,
        body: ActionBody,
        response: { 200: OkResponse, 404: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const { caseId, action } = request.params;
      await ctx.db.transaction().execute(async (trx) => {
        const snapshot = await repo.loadSnapshot(trx, caseId, true);
        if (!snapshot) throw new AppError('CASE_NOT_FOUND');
        const list = (snapshot.details.transcripts as unknown[] | undefined) ?? [];
        const details = { ...snapshot.details, transcripts: [...list, request.body.input] };
        await repo.saveCase(trx, caseId, { state: snapshot.state, details });
        await repo.insertAction(trx, {
          caseId,
          action,
          fromState: snapshot.state,
          toState: snapshot.state,
          actorUserId: principal.userId,
          payload: { input: request.body.input },
          idempotencyKey: request.body.idempotencyKey ?? null,
          ledgerSeq: 0,
        });
      });
      return { ok: true as const };
    },
  );
}
