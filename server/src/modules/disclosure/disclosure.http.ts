// HTTP details of public answers: validators for caching (a strong ETag over the bytes sent, so
// a client or a proxy revalidates with one cheap request), and CSV for the open-data lists.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * An onSend hook: ETag over the exact bytes of a 200 answer, Cache-Control for `maxAge`
 * seconds, and 304 without a body when the client already holds them. The answer varies with
 * Accept (JSON or CSV).
 */
export function cacheFor(maxAge: number) {
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const etag = `"${createHash('sha256').update(payload).digest('base64url').slice(0, 32)}"`;
    void reply.header('etag', etag);
    void reply.header('cache-control', `public, max-age=${maxAge}, must-revalidate`);
    void reply.header('vary', 'Accept, Accept-Encoding');
    const held = request.headers['if-none-match'];
    if (held && held.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
      void reply.code(304);
      return '';
    }
    return payload;
  };
}

export function wantsCsv(request: FastifyRequest): boolean {
  return /\btext\/csv\b/i.test(request.headers.accept ?? '');
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function wantsXlsx(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes(XLSX_TYPE);
}

export type CsvColumn<T> = [header: string, value: (row: T) => unknown];

function plainText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(plainText).join('；');
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function cell(value: unknown): string {
  const text = plainText(value);
  // A cell that a spreadsheet would read as a formula is prefixed, so opening the file runs nothing.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** RFC 4180 CSV with a UTF-8 BOM (so spreadsheet programs read the Chinese correctly). */
export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  const lines = [columns.map(([h]) => cell(h)).join(',')];
  for (const row of rows) lines.push(columns.map(([, get]) => cell(get(row))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function sendCsv(reply: FastifyReply, filename: string, csv: string) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}.csv"`)
    .send(csv);
}

export function sendXlsx(reply: FastifyReply, filename: string, bytes: Buffer) {
  return reply
    .type(XLSX_TYPE)
    .header('content-disposition', `attachment; filename="${filename}.xlsx"`)
    .send(bytes);
}

/** The origin public links and QR codes point at: configured, else the request's own. */
export function publicOrigin(configured: string | undefined, request: FastifyRequest): string {
  return configured ?? `${request.protocol}://${request.host}`;
}
