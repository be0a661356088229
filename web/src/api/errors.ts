// Every refusal of the server is {code, message, details?} with a Chinese message; the workbench
// shows that message as it is. Failures that never reached the server get a Chinese message here.

export interface ApiErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.status = status;
    this.details = body.details;
  }
}

const FALLBACK_MESSAGES: Record<number, string> = {
  401: '登录已失效，请重新登录',
  403: '无权执行此操作',
  404: '请求的内容不存在',
  413: '提交的内容过大',
  429: '请求过于频繁，请稍后再试',
  502: '服务器暂时无法访问，请稍后再试',
  503: '服务器暂时无法访问，请稍后再试',
};

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.code === 'string' && typeof record.message === 'string';
}

/** Turns whatever a failed response carried into an ApiError with a Chinese message. */
export function toApiError(status: number, body: unknown): ApiError {
  if (isErrorBody(body)) return new ApiError(status, body);
  const message = FALLBACK_MESSAGES[status] ?? `服务器处理请求失败（状态 ${status}），请稍后再试`;
  return new ApiError(status, { code: status >= 500 ? 'INTERNAL_ERROR' : 'HTTP_ERROR', message });
}

export const NETWORK_ERROR = new ApiError(0, {
  code: 'NETWORK_ERROR',
  message: '无法连接服务器，请检查网络后重试',
});

/** The Chinese message to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return NETWORK_ERROR.message;
  return '操作失败，请稍后重试';
}

/** Field-level problems the server attached to a validation refusal, when it did. */
export function fieldErrors(error: unknown): { path: string; message: string }[] {
  // The server's validation details are [{field, reason}] (server/src/shared/http.ts).
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return error.details.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const record = item as Record<string, unknown>;
    const path = record.field ?? record.path;
    const message = record.reason ?? record.message;
    return typeof path === 'string' && typeof message === 'string' ? [{ path, message }] : [];
  });
}
