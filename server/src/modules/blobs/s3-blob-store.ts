// The S3-compatible blob store (BLOB_STORE=s3): objects `<S3_PREFIX>aa/bb/<sm3>` in one bucket —
// the local store's layout, so a BLOB_DIR tree can be copied into a bucket as it is. Write-once:
// a put first looks (HEAD) and accepts content already there when the sizes agree, refuses it
// otherwise (BlobConflictError), and writes with `If-None-Match: *`, so on a server that honours
// conditional writes (AWS S3, MinIO, Ceph RGW…) two writers cannot replace each other's object
// either; a 412 is answered by looking again. Bytes go up streamed from the staging file: one
// PUT below the multipart threshold, otherwise parts read one buffer at a time (bounded memory),
// each signed with its SHA-256 so the server refuses bytes damaged on the way.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  assertBlobName,
  BlobConflictError,
  type BlobInfo,
  type BlobStat,
  type BlobStore,
} from './blob-store.ts';
import {
  createS3Client,
  type S3Request,
  type S3Settings,
  xmlValue,
  readText,
} from './s3-client.ts';

const MiB = 1024 * 1024;
/** S3's own limits: parts of 5 MiB at least (but the last), at most 10,000 parts. */
const MIN_PART = 5 * MiB;
const MAX_PARTS = 10_000;

export interface S3BlobStoreOptions extends S3Settings {
  /** Key prefix inside the bucket (`''` or ending in `/`). */
  prefix: string;
  /** Local directory for partial uploads and files on their way in. */
  stagingDir: string;
  /** Files this large or larger go up in parts (default 64 MiB). */
  multipartThreshold?: number;
  /** Part size (default 8 MiB, grown as needed to stay within 10,000 parts). */
  partSize?: number;
  /** Parts in flight at once; memory used is about partSize × this (default 4). */
  partConcurrency?: number;
}

export interface S3BlobStore extends BlobStore {
  /** One HEAD on the bucket: reachable, credentials accepted. Throws a message fit for an operator. */
  checkBucket(): Promise<void>;
  close(): void;
}

function notFound(sm3: string): NodeJS.ErrnoException {
  // The code a missing local file has, so callers need not know which store they read.
  return Object.assign(new Error(`blob ${sm3} is not stored`), { code: 'ENOENT' });
}

async function readFully(handle: fs.FileHandle, buffer: Buffer, position: number): Promise<void> {
  for (let done = 0; done < buffer.length;) {
    const { bytesRead } = await handle.read(buffer, done, buffer.length - done, position + done);
    if (bytesRead === 0) throw new Error('staging file shrank while it was being stored');
    done += bytesRead;
  }
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function createS3BlobStore(options: S3BlobStoreOptions): S3BlobStore {
  const client = createS3Client(options);
  const threshold = Math.max(options.multipartThreshold ?? 64 * MiB, 1);
  const basePart = options.partSize ?? 8 * MiB;
  const concurrency = Math.max(1, options.partConcurrency ?? 4);
  // Servers that answer 501 to `If-None-Match` on writes lose only the race protection.
  let conditionalWrites = true;

  function keyOf(sm3: string): string {
    assertBlobName(sm3);
    return `${options.prefix}${sm3.slice(0, 2)}/${sm3.slice(2, 4)}/${sm3}`;
  }

  async function expectOk(request: S3Request, ok: (status: number) => boolean) {
    const response = await client.send(request);
    if (!ok(response.status)) throw await client.errorOf(request, response);
    return response;
  }

  async function stat(sm3: string): Promise<BlobStat | undefined> {
    const request: S3Request = { method: 'HEAD', key: keyOf(sm3) };
    const response = await client.send(request);
    response.body.resume();
    if (response.status === 404) return undefined;
    if (response.status !== 200) throw await client.errorOf(request, response);
    const lastModified = response.headers['last-modified'];
    return {
      size: Number(response.headers['content-length']),
      modifiedAt: lastModified ? new Date(lastModified) : new Date(0),
    };
  }

  async function acceptExisting(sm3: string, size: number, tempFile: string): Promise<boolean> {
    const existing = await stat(sm3);
    if (!existing) return false;
    if (existing.size !== size) throw new BlobConflictError(sm3, existing.size, size);
    await fs.rm(tempFile, { force: true });
    return true;
  }

  /**
   * Sends a write that must not replace an existing object. Returns false when the server says
   * one is there (412, or 409 for a conditional write racing another).
   */
  async function writeOnce(request: S3Request): Promise<boolean> {
    const conditional = (): S3Request =>
      conditionalWrites
        ? { ...request, headers: { ...request.headers, 'if-none-match': '*' } }
        : request;
    let sent = conditional();
    let response = await client.send(sent);
    if (response.status === 501 && conditionalWrites) {
      response.body.resume();
      conditionalWrites = false;
      sent = conditional();
      response = await client.send(sent);
    }
    if (response.status === 412) {
      response.body.resume();
      return false;
    }
    if (response.status !== 200) {
      const error = await client.errorOf(sent, response);
      // AWS: another conditional write of this key was in flight; look again like after a 412.
      if (error.s3Code === 'ConditionalRequestConflict') return false;
      throw error;
    }
    // CompleteMultipartUpload can fail after its 200 has been sent: the error is in the body.
    const text = await readText(response.body, 1 << 20);
    const code = xmlValue(text, 'Code');
    if (text.includes('<Error>') && code) {
      if (code === 'PreconditionFailed' || code === 'ConditionalRequestConflict') return false;
      throw new Error(`S3 ${request.method} ${request.key} at ${client.where}: ${code}`);
    }
    return true;
  }

  function putSingle(key: string, tempFile: string, info: BlobInfo): Promise<boolean> {
    return writeOnce({
      method: 'PUT',
      key,
      headers: { 'content-type': 'application/octet-stream', 'x-amz-meta-sha256': info.sha256 },
      body: { open: () => createReadStream(tempFile), length: info.size },
      // Computed by the caller while the bytes streamed in: the server checks it.
      payloadSha256: info.sha256,
    });
  }

  async function putMultipart(key: string, tempFile: string, info: BlobInfo): Promise<boolean> {
    const partSize = Math.max(basePart, MIN_PART, Math.ceil(info.size / MAX_PARTS / MiB) * MiB);
    const created = await expectOk(
      {
        method: 'POST',
        key,
        query: { uploads: '' },
        headers: { 'content-type': 'application/octet-stream', 'x-amz-meta-sha256': info.sha256 },
      },
      (s) => s === 200,
    );
    const uploadId = xmlValue(await readText(created.body), 'UploadId');
    if (!uploadId) throw new Error(`S3 gave no UploadId for ${key} at ${client.where}`);
    const abort = () =>
      client
        .send({ method: 'DELETE', key, query: { uploadId } })
        .then((r) => r.body.resume())
        .catch(() => undefined); // a bucket lifecycle rule cleans up what this misses

    const handle = await fs.open(tempFile, 'r');
    try {
      const count = Math.ceil(info.size / partSize);
      const etags: string[] = new Array<string>(count);
      let next = 0;
      // The first failure stops every worker from taking a new part; all are waited for, so
      // the abort below comes after the last part in flight and really removes the upload.
      let failure: { error: unknown } | undefined;
      const worker = async () => {
        try {
          for (let i = next++; i < count && !failure; i = next++) {
            const start = i * partSize;
            const buffer = Buffer.allocUnsafe(Math.min(partSize, info.size - start));
            await readFully(handle, buffer, start);
            const response = await expectOk(
              {
                method: 'PUT',
                key,
                query: { partNumber: String(i + 1), uploadId },
                body: buffer,
                payloadSha256: createHash('sha256').update(buffer).digest('hex'),
              },
              (s) => s === 200,
            );
            response.body.resume();
            const etag = response.headers.etag;
            if (!etag) throw new Error(`S3 gave no ETag for part ${i + 1} of ${key}`);
            etags[i] = etag;
          }
        } catch (error) {
          failure ??= { error };
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
      if (failure) throw failure.error;
      const xml = `<CompleteMultipartUpload>${etags
        .map((e, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${escapeXml(e)}</ETag></Part>`)
        .join('')}</CompleteMultipartUpload>`;
      const completed = await writeOnce({
        method: 'POST',
        key,
        query: { uploadId },
        headers: { 'content-type': 'application/xml' },
        body: Buffer.from(xml),
      });
      if (!completed) await abort();
      return completed;
    } catch (error) {
      await abort();
      throw error;
    } finally {
      await handle.close();
    }
  }

  async function put(tempFile: string, info: BlobInfo): Promise<void> {
    const key = keyOf(info.sm3);
    if (await acceptExisting(info.sm3, info.size, tempFile)) return;
    const actual = await fs.stat(tempFile);
    if (actual.size !== info.size) throw new BlobConflictError(info.sm3, actual.size, info.size);
    const written =
      info.size >= threshold
        ? await putMultipart(key, tempFile, info)
        : await putSingle(key, tempFile, info);
    if (!written) {
      // Another writer stored this name between our look and our write: same rules as before.
      if (await acceptExisting(info.sm3, info.size, tempFile)) return;
      throw new Error(`S3 refused to store blob ${info.sm3} as existing, yet it is not there`);
    }
    await fs.rm(tempFile, { force: true });
  }

  async function dispose(sm3: string, authority: { registerNo: number }): Promise<void> {
    const key = keyOf(sm3);
    if (!Number.isSafeInteger(authority.registerNo) || authority.registerNo < 1) {
      throw new Error(`disposal of ${sm3} without a destruction register number`);
    }
    // A marker object beside the (former) blob says why it is gone, for an operator browsing
    // the bucket — the local store's `<sm3>.disposed` file. Kept from the first disposal.
    await writeOnce({
      method: 'PUT',
      key: `${key}.disposed`,
      headers: {
        'content-type': 'text/plain; charset=utf-8',
        'x-amz-meta-register-no': String(authority.registerNo),
      },
      body: Buffer.from(`销毁清册第 ${authority.registerNo} 号\n`),
    });
    // 204 whether or not it was there: a retried disposal is no error.
    const response = await expectOk({ method: 'DELETE', key }, (s) => s === 204 || s === 200);
    response.body.resume();
  }

  function openRead(sm3: string, range?: { start: number; end: number }): Readable {
    const key = keyOf(sm3);
    const out = new PassThrough();
    const controller = new AbortController();
    let settled = false; // the answer was read to its end or set aside: nothing left to abort
    out.on('close', () => {
      if (!settled) controller.abort();
    });
    const request: S3Request = {
      method: 'GET',
      key,
      headers: range ? { range: `bytes=${range.start}-${range.end}` } : {},
      signal: controller.signal,
    };
    client.send(request).then(
      async (response) => {
        const expected = range ? 206 : 200;
        // A server that answers 206 with other bytes than asked for (s3rver does for `0-0`) must
        // not pass them off as the range.
        const rangeOk =
          !range ||
          response.headers['content-range']?.startsWith(`bytes ${range.start}-${range.end}/`);
        if (response.status === expected && rangeOk) {
          response.body.on('end', () => (settled = true));
          pipeline(response.body, out).catch(() => undefined); // pipeline destroys `out` with it
          return;
        }
        const error =
          response.status === 404
            ? notFound(sm3)
            : response.status === expected || response.status === 200
              ? new Error(`S3 did not answer the range ${range?.start}-${range?.end} of ${sm3}`)
              : await client.errorOf(request, response);
        settled = true;
        response.body.resume();
        out.destroy(error);
      },
      (error: unknown) => out.destroy(error as Error),
    );
    return out;
  }

  return {
    stagingDir: options.stagingDir,
    put,
    dispose,
    stat,
    openRead,
    async has(sm3) {
      return (await stat(sm3)) !== undefined;
    },
    async checkBucket() {
      const request: S3Request = { method: 'HEAD' };
      const response = await client.send(request).catch((error: unknown) => {
        throw new Error(
          `S3 存储不可达 (S3 endpoint unreachable: ${client.where}): ${String(error)}`,
        );
      });
      response.body.resume();
      if (response.status !== 200) {
        const reason =
          response.status === 404
            ? '存储桶不存在 (no such bucket)'
            : response.status === 403
              ? '访问被拒绝，请检查访问密钥和权限 (access denied: check the keys and policy)'
              : `HTTP ${response.status}`;
        throw new Error(`S3 存储桶不可用 (${client.where}): ${reason}`);
      }
    },
    close: () => client.close(),
  };
}
