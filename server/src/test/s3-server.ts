// A real S3-protocol server for tests, in-process on a free loopback port: @20minutes/s3rver (a
// maintained fork of s3rver) — SigV4 signatures checked, multipart uploads, ranged GET, HEAD,
// DELETE. It ignores `If-None-Match` on writes, as some S3-compatible servers do; with
// `conditionalWrites` a middleware in front of its routes gives it AWS's semantics (412 when the
// key exists), so the store's handling of both kinds of server is exercised.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import S3rver from '@20minutes/s3rver';
import { afterAll } from 'vitest';

export interface TestS3Server {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `METHOD /bucket/key?query` of every request, in arrival order. */
  requests: string[];
  /** Runs once, just before the next whole-object write (PUT or multipart completion) is served. */
  beforeNextWrite?: (key: string) => Promise<void>;
  /** The next this-many part uploads are answered 503 SlowDown (a throttling server). */
  failingParts: number;
  /** Environment for loadConfig: BLOB_STORE=s3 against this server. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** Starts a server (stopped after the file's tests) with one empty bucket. */
export async function startS3Server(
  options: { conditionalWrites?: boolean; bucket?: string } = {},
): Promise<TestS3Server> {
  const bucket = options.bucket ?? 'evidence';
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'sanxiang-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  // Filled in once the port is known; the middleware below reads its hook from here.
  const started: TestS3Server = {
    endpoint: '',
    env: {},
    bucket,
    region: 'us-east-1',
    // s3rver's one account; its signatures are checked against this secret.
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    requests: [],
    failingParts: 0,
    close: async () => {
      await server.close();
      await fs.rm(directory, { recursive: true, force: true });
    },
  };
  server.middleware.splice(1, 0, async (ctx, next) => {
    const query = Object.keys(ctx.query).join('&');
    started.requests.push(`${ctx.method} ${ctx.path}${query ? `?${query}` : ''}`);
    const isObjectWrite =
      (ctx.method === 'PUT' && !('partNumber' in ctx.query)) ||
      (ctx.method === 'POST' && 'uploadId' in ctx.query);
    if (ctx.method === 'PUT' && 'partNumber' in ctx.query && started.failingParts > 0) {
      started.failingParts -= 1;
      ctx.status = 503;
      ctx.type = 'application/xml';
      ctx.body =
        '<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>';
      return;
    }
    const [, bucketName = '', ...keyParts] = ctx.path.split('/');
    const key = keyParts.join('/');
    if (isObjectWrite && key) {
      const hook = started.beforeNextWrite;
      started.beforeNextWrite = undefined;
      if (hook) await hook(key);
      if (
        options.conditionalWrites &&
        ctx.get('if-none-match') === '*' &&
        (await ctx.store.existsObject(bucketName, key))
      ) {
        ctx.status = 412;
        ctx.type = 'application/xml';
        ctx.body =
          '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>PreconditionFailed</Code>' +
          '<Message>At least one of the pre-conditions you specified did not hold</Message></Error>';
        return;
      }
    }
    await next();
  });
  const address = await server.run();
  started.endpoint = `http://127.0.0.1:${address.port}`;
  started.env = {
    BLOB_STORE: 's3',
    S3_ENDPOINT: started.endpoint,
    S3_BUCKET: bucket,
    S3_REGION: started.region,
    S3_ACCESS_KEY_ID: started.accessKeyId,
    S3_SECRET_ACCESS_KEY: started.secretAccessKey,
    S3_FORCE_PATH_STYLE: 'true',
  };
  afterAll(() => started.close());
  return started;
}
