// A small S3 client: AWS Signature Version 4 over node:http(s), limited to the calls the blob
// store makes (HEAD/GET/PUT/DELETE object, the four multipart calls, HEAD bucket). Why not the
// AWS SDK: see README.md beside this file. Requests whose body can be sent again (a buffer, or a
// file range reopened per attempt) are retried on connection errors and 5xx/throttling answers.
import { createHash, createHmac } from 'node:crypto';
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';

export interface S3Settings {
  /** Origin of the service, e.g. `https://oss-cn-hangzhou.aliyuncs.com` or `http://10.0.0.5:9000`. */
  endpoint: string;
  /** The SigV4 signing region (MinIO and most on-premises stores: `us-east-1`). */
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `https://host/bucket/key` instead of `https://bucket.host/key`. */
  forcePathStyle: boolean;
}

export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

type Method = 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE';

export interface S3Request {
  method: Method;
  /** Object key; absent for a request on the bucket itself. */
  key?: string;
  query?: Record<string, string>;
  /** Lower-case names. */
  headers?: Record<string, string>;
  /** A buffer, or a stream factory called once per attempt (so a retry re-reads the file). */
  body?: Buffer | { open: () => Readable; length: number };
  /** Hex SHA-256 of the body, signed so the server refuses bytes altered on the way. */
  payloadSha256?: string;
  signal?: AbortSignal;
}

export interface S3Response {
  status: number;
  headers: IncomingHttpHeaders;
  body: IncomingMessage;
}

/** An S3 error answer: status, the XML `<Code>` and `<Message>`. Carries no credentials. */
export class S3RequestError extends Error {
  constructor(
    readonly status: number,
    readonly s3Code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) =>
  createHmac('sha256', key).update(data).digest();

/** RFC 3986 percent-encoding, as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
export function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function amzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/**
 * The `Authorization` header value for a request (SigV4, header-based). `headers` must hold every
 * header to sign, lower-case, including host, x-amz-date and x-amz-content-sha256.
 */
export function signV4(input: {
  method: string;
  /** Already percent-encoded path. */
  canonicalUri: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  payloadHash: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}): string {
  const date = input.headers['x-amz-date'];
  if (!date) throw new Error('x-amz-date must be among the signed headers');
  const canonicalQuery = Object.entries(input.query)
    .map(([k, v]) => [encodeRfc3986(k), encodeRfc3986(v)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const names = Object.keys(input.headers).sort();
  const canonicalHeaders = names
    .map((n) => `${n}:${(input.headers[n] ?? '').trim().replace(/\s+/g, ' ')}\n`)
    .join('');
  const signedHeaders = names.join(';');
  const canonicalRequest = [
    input.method,
    input.canonicalUri,
    canonicalQuery,
    canonicalHeaders,
    signedHeaders,
    input.payloadHash,
  ].join('\n');
  const day = date.slice(0, 8);
  const scope = `${day}/${input.region}/s3/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', date, scope, sha256Hex(canonicalRequest)].join('\n');
  const key = hmac(
    hmac(hmac(hmac(`AWS4${input.secretAccessKey}`, day), input.region), 's3'),
    'aws4_request',
  );
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
  return `AWS4-HMAC-SHA256 Credential=${input.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

/** The text of one XML element (the answers parsed here are flat and small). */
export function xmlValue(xml: string, tag: string): string | undefined {
  const match = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml);
  return match?.[1]
    ?.replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export async function readText(body: IncomingMessage, limit = 1 << 20): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      body.destroy();
      throw new Error(`S3 answer larger than ${limit} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const RETRYABLE_STATUS = new Set([500, 502, 503, 504]);
const RETRYABLE_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'EAI_AGAIN']);
const ATTEMPTS = 4;
const IDLE_TIMEOUT_MS = 60_000;

export interface S3Client {
  readonly bucket: string;
  /** Human-readable location for messages: endpoint and bucket, never credentials. */
  readonly where: string;
  /** Sends with retries; any status is returned (the caller decides what is an error). */
  send(request: S3Request): Promise<S3Response>;
  /** Reads an error answer's body into an S3RequestError. */
  errorOf(request: S3Request, response: S3Response): Promise<S3RequestError>;
  close(): void;
}

export function createS3Client(settings: S3Settings): S3Client {
  const origin = new URL(settings.endpoint);
  if (origin.protocol !== 'http:' && origin.protocol !== 'https:') {
    throw new Error(`S3 endpoint must be http(s): ${settings.endpoint}`);
  }
  const transport = origin.protocol === 'https:' ? https : http;
  const agent = new transport.Agent({ keepAlive: true, maxSockets: 32 });
  const host = settings.forcePathStyle ? origin.host : `${settings.bucket}.${origin.host}`;
  const where = `${settings.endpoint} bucket ${settings.bucket}`;

  function pathOf(key: string | undefined): string {
    const segments = settings.forcePathStyle ? [settings.bucket] : [];
    if (key !== undefined) segments.push(...key.split('/'));
    return `/${segments.map(encodeRfc3986).join('/')}`;
  }

  function attempt(request: S3Request): Promise<S3Response> {
    const path = pathOf(request.key);
    const query = request.query ?? {};
    const body = request.body;
    const length = body === undefined ? 0 : Buffer.isBuffer(body) ? body.length : body.length;
    const payloadHash =
      request.payloadSha256 ??
      (body === undefined
        ? EMPTY_SHA256
        : Buffer.isBuffer(body)
          ? sha256Hex(body)
          : 'UNSIGNED-PAYLOAD');
    const signed: Record<string, string> = {
      ...request.headers,
      host,
      'x-amz-date': amzDate(new Date()),
      'x-amz-content-sha256': payloadHash,
    };
    const authorization = signV4({
      method: request.method,
      canonicalUri: path,
      query,
      headers: signed,
      payloadHash,
      region: settings.region,
      accessKeyId: settings.accessKeyId,
      secretAccessKey: settings.secretAccessKey,
    });
    const search = Object.entries(query)
      .map(([k, v]) => `${encodeRfc3986(k)}=${encodeRfc3986(v)}`)
      .join('&');
    const headers: Record<string, string> = { ...signed, authorization };
    if (request.method === 'PUT' || request.method === 'POST') {
      headers['content-length'] = String(length);
    }

    return new Promise<S3Response>((resolve, reject) => {
      const req = transport.request(
        {
          protocol: origin.protocol,
          hostname: origin.hostname,
          port: origin.port,
          method: request.method,
          path: search ? `${path}?${search}` : path,
          headers,
          agent,
          signal: request.signal,
        },
        (res) => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: res }),
      );
      req.setTimeout(IDLE_TIMEOUT_MS, () =>
        req.destroy(Object.assign(new Error('S3 request timed out'), { code: 'ETIMEDOUT' })),
      );
      req.on('error', reject);
      if (body === undefined) req.end();
      else if (Buffer.isBuffer(body)) req.end(body);
      else {
        const source = body.open();
        source.on('error', (error) => req.destroy(error));
        req.on('close', () => source.destroy());
        source.pipe(req);
      }
    });
  }

  async function send(request: S3Request): Promise<S3Response> {
    for (let n = 1; ; n++) {
      try {
        const response = await attempt(request);
        if (n < ATTEMPTS && RETRYABLE_STATUS.has(response.status)) {
          response.body.resume();
        } else {
          return response;
        }
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        const retryable = RETRYABLE_CODES.has(code) || /socket hang up/.test(String(error));
        if (n >= ATTEMPTS || !retryable || request.signal?.aborted) throw error;
      }
      // Exponential backoff with jitter: 100, 200, 400 ms (±50 %).
      await sleep(100 * 2 ** (n - 1) * (0.5 + Math.random()));
    }
  }

  async function errorOf(request: S3Request, response: S3Response): Promise<S3RequestError> {
    const text = request.method === 'HEAD' ? '' : await readText(response.body, 64 * 1024);
    const code = xmlValue(text, 'Code');
    const message = xmlValue(text, 'Message');
    const what = `${request.method} ${request.key ?? '(bucket)'}`;
    return new S3RequestError(
      response.status,
      code,
      `S3 ${what} at ${where}: HTTP ${response.status}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}`,
    );
  }

  return { bucket: settings.bucket, where, send, errorOf, close: () => agent.destroy() };
}
