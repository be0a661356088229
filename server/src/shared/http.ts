// Fastify typing shared by every module: the typed app, request augmentation and the error
// handler that turns every refusal into {code, message, details}.
import type {
  FastifyBaseLogger,
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError, ERROR_CODES, type ErrorCode } from './errors.ts';
import { describeValidationErrors, FORMAT_ERROR_CODES } from './formats.ts';
import type { Actor, Principal, RoutePolicy } from './policy.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export function actorOf(request: FastifyRequest): Actor {
  const principal = request.principal;
  return {
    userId: principal?.userId ?? null,
    name: principal?.displayName ?? '匿名',
    ip: request.ip,
    userAgent: request.headers['user-agent']?.slice(0, 500) ?? null,
  };
}

/** The principal of a route whose policy requires login; the auth hook guarantees it is set. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('UNAUTHENTICATED');
  return request.principal;
}

function send(reply: FastifyReply, code: ErrorCode, message?: string, details?: unknown) {
  const entry = ERROR_CODES[code];
  return reply.status(entry.status).send({
    code,
    message: message ?? entry.message,
    ...(details === undefined ? {} : { details }),
  });
}

// PostgreSQL refusals caused by the caller's data, not by a fault of ours.
const PG_ERROR_CODES: Record<string, ErrorCode> = {
  '23505': 'DUPLICATE',
  '23503': 'REFERENCE_INVALID',
  '23514': 'VALIDATION_FAILED',
  '22P02': 'VALIDATION_FAILED',
  '22007': 'VALIDATION_FAILED',
  '22008': 'VALIDATION_FAILED',
  '22001': 'VALIDATION_FAILED',
  '22003': 'VALIDATION_FAILED',
  // A character the database cannot store (a NUL in text, or one its encoding lacks).
  '22021': 'VALIDATION_FAILED',
  '22P05': 'VALIDATION_FAILED',
};

export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) return send(reply, error.code, error.message, error.details);

  if (error.validation) {
    const context = error.validationContext ?? 'body';
    const details = describeValidationErrors(error.validation, context);
    const first = error.validation[0];
    const formatCode =
      first?.keyword === 'format' ? FORMAT_ERROR_CODES[String(first.params.format)] : undefined;
    const summary = details.map((d) => `${d.field}：${d.reason}`).join('；');
    const code = formatCode ?? 'VALIDATION_FAILED';
    return send(reply, code, `${ERROR_CODES[code].message}：${summary}`, details);
  }

  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return send(reply, 'BODY_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return send(reply, 'UNSUPPORTED_MEDIA_TYPE');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return send(reply, 'MALFORMED_JSON');
  }
  if (error instanceof SyntaxError && error.statusCode === 400)
    return send(reply, 'MALFORMED_JSON');

  const pgCode = (error as { code?: unknown }).code;
  if (typeof pgCode === 'string' && pgCode in PG_ERROR_CODES) {
    request.log.info({ err: error }, 'request refused by a database constraint');
    const code = PG_ERROR_CODES[pgCode] ?? 'VALIDATION_FAILED';
    return send(reply, code);
  }

  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    request.log.info({ err: error }, 'client error');
    const code: ErrorCode =
      error.statusCode === 404
        ? 'NOT_FOUND'
        : error.statusCode === 413
          ? 'BODY_TOO_LARGE'
          : 'VALIDATION_FAILED';
    return send(reply, code);
  }

  request.log.error({ err: error }, 'unhandled error');
  return send(reply, 'INTERNAL_ERROR');
}
