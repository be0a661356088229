// The S3 blob store against a real S3-protocol server (s3rver, in-process, signatures checked):
// the shared BlobStore contract on a server that ignores conditional writes and on one that
// honours them, plus what is S3's own — the key layout and prefix, multipart uploads, the
// disposal marker object, writers racing between the look and the write, the start-up check.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { startS3Server, type TestS3Server } from '../../test/s3-server.ts';
import { BlobConflictError } from './blob-store.ts';
import { describeBlobStoreContract, stageBlob } from './blob-store.contract.ts';
import { createS3BlobStore, type S3BlobStoreOptions } from './s3-blob-store.ts';
import { createS3Client, readText, signV4 } from './s3-client.ts';

const MiB = 1024 * 1024;
const staging = await fs.mkdtemp(path.join(os.tmpdir(), 'sanxiang-s3-staging-'));
afterAll(() => fs.rm(staging, { recursive: true, force: true }));

function storeOn(server: TestS3Server, extra: Partial<S3BlobStoreOptions> = {}) {
  const store = createS3BlobStore({
    endpoint: server.endpoint,
    bucket: server.bucket,
    region: server.region,
    accessKeyId: server.accessKeyId,
    secretAccessKey: server.secretAccessKey,
    forcePathStyle: true,
    prefix: '',
    stagingDir: staging,
    // Small parts so that a few MiB exercise the multipart path (S3's minimum part is 5 MiB).
    multipartThreshold: 5 * MiB,
    partSize: 5 * MiB,
    ...extra,
  });
  afterAll(() => store.close());
  return store;
}

const plain = await startS3Server();
const conditional = await startS3Server({ conditionalWrites: true });
const plainStore = storeOn(plain);
const conditionalStore = storeOn(conditional, { prefix: 'sanxiang/blobs/' });
const raw = (server: TestS3Server) =>
  createS3Client({ ...server, forcePathStyle: true, endpoint: server.endpoint });
const keyOf = (sm3: string, prefix = '') => `${prefix}${sm3.slice(0, 2)}/${sm3.slice(2, 4)}/${sm3}`;

async function getObject(server: TestS3Server, key: string) {
  const response = await raw(server).send({ method: 'GET', key });
  return { status: response.status, body: await readText(response.body) };
}

async function putObject(server: TestS3Server, key: string, body: Buffer) {
  const response = await raw(server).send({ method: 'PUT', key, body });
  response.body.resume();
  expect(response.status).toBe(200);
}

describeBlobStoreContract('s3 (server without conditional writes)', () => plainStore, {
  largeSize: 12 * MiB + 3,
});
describeBlobStoreContract('s3 (server with If-None-Match)', () => conditionalStore, {
  largeSize: 6 * MiB,
});

describe('s3 blob store', () => {
  it('signs as AWS documents it (Signature Version 4, GET with Range)', () => {
    const authorization = signV4({
      method: 'GET',
      canonicalUri: '/test.txt',
      query: {},
      headers: {
        host: 'examplebucket.s3.amazonaws.com',
        range: 'bytes=0-9',
        'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        'x-amz-date': '20130524T000000Z',
      },
      payloadHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      region: 'us-east-1',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    });
    expect(authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  it('keys objects <prefix><aa>/<bb>/<sm3> with their SHA-256 alongside, written If-None-Match', async () => {
    const { file, info } = await stageBlob(conditionalStore, '询问笔录（S3）');
    const before = conditional.requests.length;
    await conditionalStore.put(file, info);
    const key = keyOf(info.sm3, 'sanxiang/blobs/');
    expect(conditional.requests.slice(before)).toEqual([
      `HEAD /evidence/${key}`,
      `PUT /evidence/${key}`,
    ]);
    expect(await getObject(conditional, key)).toEqual({ status: 200, body: '询问笔录（S3）' });
    const head = await raw(conditional).send({ method: 'HEAD', key });
    expect(head.headers['x-amz-meta-sha256']).toBe(info.sha256);
  });

  it('uploads a large file in parts and completes it', async () => {
    const bytes = randomBytes(11 * MiB);
    const { file, info } = await stageBlob(plainStore, bytes);
    const before = plain.requests.length;
    await plainStore.put(file, info);
    const key = keyOf(info.sm3);
    expect(plain.requests.slice(before)).toEqual([
      `HEAD /evidence/${key}`,
      `POST /evidence/${key}?uploads`,
      ...[1, 2, 3].map(() => `PUT /evidence/${key}?partNumber&uploadId`),
      `POST /evidence/${key}?uploadId`,
    ]);
    // Buffer.equals: toEqual walks 11 MiB byte by byte for minutes.
    expect((await buffer(plainStore.openRead(info.sm3))).equals(bytes)).toBe(true);
  });

  it('retries a throttled part, and aborts the upload (keeping the staged file) when it must give up', async () => {
    const bytes = randomBytes(7 * MiB);
    const retried = await stageBlob(plainStore, bytes);
    plain.failingParts = 1;
    await plainStore.put(retried.file, retried.info);
    expect(await plainStore.stat(retried.info.sm3)).toMatchObject({ size: bytes.length });

    const other = await stageBlob(plainStore, randomBytes(7 * MiB));
    plain.failingParts = 100;
    const before = plain.requests.length;
    await expect(plainStore.put(other.file, other.info)).rejects.toThrow(/503 SlowDown/);
    plain.failingParts = 0;
    const key = keyOf(other.info.sm3);
    expect(plain.requests.slice(before).at(-1)).toBe(`DELETE /evidence/${key}?uploadId`);
    expect(await plainStore.has(other.info.sm3)).toBe(false);
    expect((await fs.stat(other.file)).size).toBe(other.info.size); // for the caller's retry
  });

  it('leaves a marker object naming the register number beside a disposed blob', async () => {
    const { file, info } = await stageBlob(plainStore, '已销毁（S3）');
    await plainStore.put(file, info);
    await plainStore.dispose(info.sm3, { registerNo: 12 });
    expect((await getObject(plain, keyOf(info.sm3))).status).toBe(404);
    expect(await getObject(plain, `${keyOf(info.sm3)}.disposed`)).toEqual({
      status: 200,
      body: '销毁清册第 12 号\n',
    });
  });

  it('accepts the same content stored by another writer between its look and its write', async () => {
    const content = Buffer.from('两个进程同时保存的同一份证据');
    const { file, info } = await stageBlob(conditionalStore, content);
    const key = keyOf(info.sm3, 'sanxiang/blobs/');
    conditional.beforeNextWrite = () => putObject(conditional, key, content);
    await conditionalStore.put(file, info);
    expect(await fs.stat(file).catch(() => 'gone')).toBe('gone');
    expect((await getObject(conditional, key)).body).toBe(content.toString());
  });

  it('never replaces an object of another size that appeared between its look and its write', async () => {
    for (const size of [1000, 6 * MiB]) {
      const { file, info } = await stageBlob(conditionalStore, randomBytes(size));
      const key = keyOf(info.sm3, 'sanxiang/blobs/');
      conditional.beforeNextWrite = () => putObject(conditional, key, Buffer.from('damaged'));
      const before = conditional.requests.length;
      await expect(conditionalStore.put(file, info)).rejects.toBeInstanceOf(BlobConflictError);
      expect((await getObject(conditional, key)).body).toBe('damaged');
      if (size > 5 * MiB) {
        // The refused multipart upload is aborted, not left to accumulate.
        expect(conditional.requests.slice(before)).toContain(`DELETE /evidence/${key}?uploadId`);
      }
    }
  });

  it('stops a read whose consumer goes away', async () => {
    const bytes = randomBytes(2 * MiB);
    const { file, info } = await stageBlob(plainStore, bytes);
    await plainStore.put(file, info);
    const stream = plainStore.openRead(info.sm3);
    for await (const chunk of stream) {
      expect((chunk as Buffer).length).toBeGreaterThan(0);
      break; // destroys the stream, which aborts the request
    }
    expect(stream.destroyed).toBe(true);
    expect(await buffer(plainStore.openRead(info.sm3, { start: 5, end: 5 }))).toEqual(
      bytes.subarray(5, 6),
    );
  });

  it('checks the bucket and the keys at start, naming the problem but never the secret', async () => {
    await expect(plainStore.checkBucket()).resolves.toBeUndefined();
    const wrongSecret = storeOn(plain, { secretAccessKey: 'not-the-secret-x9' });
    const denied = await wrongSecret.checkBucket().then(
      () => undefined,
      (error: unknown) => String(error),
    );
    expect(denied).toMatch(/访问被拒绝|HTTP 403/);
    expect(denied).not.toContain('not-the-secret-x9');
    await expect(storeOn(plain, { bucket: 'no-such-bucket' }).checkBucket()).rejects.toThrow(
      /存储桶不存在/,
    );
    await expect(storeOn(plain, { endpoint: 'http://127.0.0.1:1' }).checkBucket()).rejects.toThrow(
      /不可达/,
    );
  });
});
