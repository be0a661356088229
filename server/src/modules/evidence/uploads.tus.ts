// The tus 1.0.0 headers (https://tus.io/protocols/resumable-upload): strict parsing, so that a
// malformed header is refused with a reason rather than guessed at.
import { AppError } from '../../shared/errors.ts';

export const TUS_VERSION = '1.0.0';
export const TUS_EXTENSIONS = 'creation,creation-with-upload,termination,checksum,expiration';
export const TUS_CHECKSUM_ALGORITHMS = ['sha1', 'sha256', 'sm3'] as const;
export type ChecksumAlgorithm = (typeof TUS_CHECKSUM_ALGORITHMS)[number];
export const OFFSET_CONTENT_TYPE = 'application/offset+octet-stream';

type Headers = Record<string, string | string[] | undefined>;

function header(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

export function requireTusResumable(headers: Headers): void {
  if (header(headers, 'tus-resumable') !== TUS_VERSION) {
    throw new AppError('TUS_VERSION_UNSUPPORTED');
  }
}

const DIGITS = /^(0|[1-9]\d{0,15})$/;

function nonNegativeInteger(value: string | undefined): number | undefined {
  if (value === undefined || !DIGITS.test(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : undefined;
}

export function parseUploadLength(headers: Headers): number {
  const length = nonNegativeInteger(header(headers, 'upload-length'));
  if (length === undefined) throw new AppError('UPLOAD_LENGTH_REQUIRED');
  return length;
}

export function parseUploadOffset(headers: Headers): number {
  const offset = nonNegativeInteger(header(headers, 'upload-offset'));
  if (offset === undefined) {
    throw new AppError('VALIDATION_FAILED', {
      message: '须以 Upload-Offset 给出续传位置（非负整数）',
    });
  }
  return offset;
}

/** Content-Length when the client sent one (chunked bodies have none). */
export function contentLengthOf(headers: Headers): number | undefined {
  return nonNegativeInteger(header(headers, 'content-length'));
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const KEY = /^[^\s,]{1,64}$/;

function metadataError(reason: string): AppError {
  return new AppError('UPLOAD_METADATA_INVALID', {
    message: `上传元数据（Upload-Metadata）不符合要求：${reason}`,
  });
}

/** `key base64value,key2 base64value2,key3` → decoded UTF-8 values ('' for a bare key). */
export function parseUploadMetadata(headers: Headers): Record<string, string> {
  const raw = header(headers, 'upload-metadata');
  const out: Record<string, string> = {};
  if (raw === undefined || raw.trim() === '') return out;
  for (const pair of raw.split(',')) {
    const [key, value, extra] = pair.trim().split(' ');
    if (key === undefined || !KEY.test(key) || extra !== undefined) {
      throw metadataError(`无法解析“${pair.trim().slice(0, 40)}”`);
    }
    if (Object.hasOwn(out, key)) throw metadataError(`键 ${key} 重复`);
    if (value !== undefined && !BASE64.test(value))
      throw metadataError(`键 ${key} 的值不是 Base64`);
    const decoded = value === undefined ? '' : Buffer.from(value, 'base64');
    try {
      out[key] =
        typeof decoded === 'string'
          ? decoded
          : new TextDecoder('utf-8', { fatal: true }).decode(decoded);
    } catch {
      throw metadataError(`键 ${key} 的值不是 UTF-8 文本`);
    }
  }
  return out;
}

export interface Checksum {
  algorithm: ChecksumAlgorithm;
  digest: Buffer;
}

export function parseUploadChecksum(headers: Headers): Checksum | undefined {
  const raw = header(headers, 'upload-checksum');
  if (raw === undefined) return undefined;
  const [algorithm, value] = raw.trim().split(' ');
  if (!TUS_CHECKSUM_ALGORITHMS.includes(algorithm as ChecksumAlgorithm)) {
    throw new AppError('UPLOAD_CHECKSUM_UNSUPPORTED');
  }
  if (value === undefined || !BASE64.test(value)) {
    throw new AppError('VALIDATION_FAILED', { message: 'Upload-Checksum 的校验值须为 Base64' });
  }
  return { algorithm: algorithm as ChecksumAlgorithm, digest: Buffer.from(value, 'base64') };
}

/** tus answers carry these on every response, refusals included. */
export function tusHeaders(maxSize: number): Record<string, string> {
  return {
    'tus-resumable': TUS_VERSION,
    'tus-version': TUS_VERSION,
    'tus-extension': TUS_EXTENSIONS,
    'tus-max-size': String(maxSize),
    'tus-checksum-algorithm': TUS_CHECKSUM_ALGORITHMS.join(','),
  };
}
