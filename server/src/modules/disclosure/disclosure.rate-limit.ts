// Rate limit of the public endpoints and pages: a fixed window per client address, counted in
// the database so that every process behind the load balancer enforces the same limit (no
// process-local state). Over the limit: 429 PUBLIC_RATE_LIMITED with Retry-After. The limit and
// window come from configuration (PUBLIC_RATE_LIMIT, PUBLIC_RATE_WINDOW_SECONDS; 0 = off).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app.ts';
import { AppError } from '../../shared/errors.ts';
import { rateLimitRepository as repo } from './disclosure.rate-limit.repository.ts';

/** Roughly one request in this many also clears ended windows, so the table stays small. */
const PRUNE_EVERY = 200;

export type RateLimitHook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

export function publicRateLimit(ctx: Pick<AppContext, 'db' | 'config' | 'clock'>): RateLimitHook {
  const limit = ctx.config.PUBLIC_RATE_LIMIT;
  const windowSeconds = ctx.config.PUBLIC_RATE_WINDOW_SECONDS;
  return async (request, reply) => {
    if (limit === 0) return;
    const nowSeconds = ctx.clock().getTime() / 1000;
    const windowStart = Math.floor(nowSeconds / windowSeconds) * windowSeconds;
    // An address as the proxy reports it; IPv6 clients share their /64 (one household or host).
    const client = request.ip.includes(':')
      ? request.ip.split(':').slice(0, 4).join(':')
      : request.ip;
    const hits = await repo.hit(ctx.db, client, windowStart);
    if (Math.random() * PRUNE_EVERY < 1) await repo.prune(ctx.db, windowStart);
    if (hits > limit) {
      const retryAfter = Math.max(1, Math.ceil(windowStart + windowSeconds - nowSeconds));
      void reply.header('retry-after', String(retryAfter));
      throw new AppError('PUBLIC_RATE_LIMITED', {
        message: `访问过于频繁，请 ${retryAfter} 秒后再试`,
      });
    }
  };
}
