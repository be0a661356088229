// Test helpers for evidence: a case row made directly (the cases workflow is its own module), and
// a minimal tus client over app.inject.
import { createHash, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { App } from '../../shared/http.ts';

let nextSeq = 9000 + Math.floor(Math.random() * 1000) * 50;

export async function insertTestCase(db: Kysely<Database>, agencyId: string): Promise<string> {
  const seq = nextSeq++;
  const row = await db
    .insertInto('cases')
    .values({
      agency_id: agencyId,
      case_year: 2026,
      case_seq: seq,
      case_no: `薛测〔2026〕${seq}号`,
      kind: 'penalty',
      procedure: 'ordinary',
      state: 'investigating',
      source: 'inspection',
      title: '证据上传测试案件',
      details: '{}',
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export const b64 = (value: string) => Buffer.from(value, 'utf8').toString('base64');

export function uploadMetadata(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([k, v]) => `${k} ${b64(v)}`)
    .join(',');
}

export function hashesOf(bytes: Uint8Array) {
  return {
    sm3: createHash('sm3').update(bytes).digest('hex'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

export const randomFile = (size: number) => randomBytes(size);

export interface TusClient {
  create(
    caseId: string,
    length: number,
    metadata: Record<string, string>,
    extra?: { headers?: Record<string, string>; body?: Buffer },
  ): Promise<{
    status: number;
    location: string;
    body: { code?: string; message?: string };
    headers: Record<string, unknown>;
  }>;
  patch(
    location: string,
    offset: number,
    body: Buffer | Readable,
    headers?: Record<string, string>,
  ): Promise<{
    status: number;
    offset: number | undefined;
    code: string | undefined;
    evidenceId: string | undefined;
    expires: string | undefined;
  }>;
  head(location: string): Promise<{
    status: number;
    offset: number | undefined;
    evidenceId: string | undefined;
    expires: string | undefined;
  }>;
  remove(location: string): Promise<{ status: number; code: string | undefined }>;
}

function codeOf(body: string): string | undefined {
  try {
    return (JSON.parse(body) as { code?: string }).code;
  } catch {
    return undefined;
  }
}

const numberHeader = (value: unknown) => (value === undefined ? undefined : Number(value));

export function tusClient(app: () => App, cookie: string): TusClient {
  const base = { cookie, 'tus-resumable': '1.0.0' };
  return {
    async create(caseId, length, metadata, extra = {}) {
      const response = await app().inject({
        method: 'POST',
        url: `/api/cases/${caseId}/uploads`,
        headers: {
          ...base,
          'upload-length': String(length),
          'upload-metadata': uploadMetadata(metadata),
          ...(extra.body ? { 'content-type': 'application/offset+octet-stream' } : {}),
          ...extra.headers,
        },
        ...(extra.body ? { payload: extra.body } : {}),
      });
      return {
        status: response.statusCode,
        location: String(response.headers.location ?? ''),
        body: response.body ? (JSON.parse(response.body) as { code?: string }) : {},
        headers: response.headers,
      };
    },
    async patch(location, offset, body, headers = {}) {
      const response = await app().inject({
        method: 'PATCH',
        url: location,
        headers: {
          ...base,
          'content-type': 'application/offset+octet-stream',
          'upload-offset': String(offset),
          ...headers,
        },
        payload: body,
      });
      return {
        status: response.statusCode,
        offset: numberHeader(response.headers['upload-offset']),
        code: codeOf(response.body),
        evidenceId: response.headers['evidence-id'] as string | undefined,
        expires: response.headers['upload-expires'] as string | undefined,
      };
    },
    async head(location) {
      const response = await app().inject({ method: 'HEAD', url: location, headers: base });
      return {
        status: response.statusCode,
        offset: numberHeader(response.headers['upload-offset']),
        evidenceId: response.headers['evidence-id'] as string | undefined,
        expires: response.headers['upload-expires'] as string | undefined,
      };
    },
    async remove(location) {
      const response = await app().inject({ method: 'DELETE', url: location, headers: base });
      return { status: response.statusCode, code: codeOf(response.body) };
    },
  };
}
