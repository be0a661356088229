// The one typed client of the workbench: paths and bodies come from the generated OpenAPI types
// (schema.d.ts), the session cookie goes with every request, and every failure becomes an
// ApiError carrying the server's Chinese message.
import createClient from 'openapi-fetch';
import { NETWORK_ERROR, toApiError } from './errors.ts';
import type { paths } from './schema';

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Awaits an openapi-fetch call and returns its data, or throws an ApiError with the server's
 * message. Usage: `const item = await call(api.GET('/api/cases/{caseId}', { params }))`.
 */
export async function call<T>(request: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await request;
  } catch {
    throw NETWORK_ERROR;
  }
  if (!result.response.ok) throw toApiError(result.response.status, result.error);
  return result.data as T;
}

/** A plain fetch for what the typed client does not cover (binary content, raw bodies). */
export async function fetchOk(input: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(input, { credentials: 'same-origin', ...init });
  } catch {
    throw NETWORK_ERROR;
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw toApiError(response.status, body);
  }
  return response;
}

/** The JSON body type of a successful GET of an API path. */
export type GetResponse<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;
