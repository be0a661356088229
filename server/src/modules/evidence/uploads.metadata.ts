// What a tus creation request declares in Upload-Metadata, checked before a single byte is
// accepted, so that a client learns of a bad name, step, hash or AV record up front and not after
// uploading gigabytes.
//   filename (or name)  the original file name (required)
//   step                the case step the evidence belongs to, e.g. 'investigate' (required)
//   sm3, sha256         the final hashes, lowercase or uppercase hex (optional; checked at the end)
//   recordedAt          when the photo or recording was made, ISO 8601 (optional)
//   av                  audio/video metadata as JSON (optional; see evidence.av.ts)
// Other keys (tus clients add filetype, relativePath …) are kept but mean nothing here.
import { AppError } from '../../shared/errors.ts';
import { CLOCK_SKEW_MS, parseAvMetadata, type AvMetadata } from './evidence.av.ts';

export const STEP_PATTERN = /^[a-z][a-z0-9_.]{0,63}$/;
const HEX64 = /^[0-9a-fA-F]{64}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const CONTROL = /[\u0000-\u001f\u007f]/;

export interface DeclaredUpload {
  originalName: string;
  step: string;
  declaredSm3: string | null;
  declaredSha256: string | null;
  recordedAt: Date | null;
  av: AvMetadata | null;
}

function refuse(reason: string): AppError {
  return new AppError('UPLOAD_METADATA_INVALID', {
    message: `上传元数据（Upload-Metadata）不符合要求：${reason}`,
  });
}

function hashOf(metadata: Record<string, string>, key: 'sm3' | 'sha256'): string | null {
  const value = metadata[key];
  if (value === undefined || value === '') return null;
  if (!HEX64.test(value)) throw refuse(`${key} 须为 64 位十六进制哈希值`);
  return value.toLowerCase();
}

/** The file name without any directory a client may have sent along. */
function originalNameOf(metadata: Record<string, string>): string {
  const raw = metadata.filename ?? metadata.name ?? '';
  const name = raw.split(/[/\\]/).pop()?.trim() ?? '';
  if (name === '' || name === '.' || name === '..') throw refuse('须以 filename 给出文件名');
  if (name.length > 255 || CONTROL.test(name)) throw refuse('文件名过长或含控制字符');
  return name;
}

export function parseDeclaredUpload(metadata: Record<string, string>, now: Date): DeclaredUpload {
  const step = metadata.step ?? '';
  if (!STEP_PATTERN.test(step)) throw refuse('须以 step 给出案件环节代码（如 investigate）');
  let recordedAt: Date | null = null;
  if (metadata.recordedAt) {
    const at = Date.parse(metadata.recordedAt);
    if (!ISO_DATE_TIME.test(metadata.recordedAt) || Number.isNaN(at)) {
      throw refuse('recordedAt 须为含时区的 ISO 8601 时间');
    }
    if (at > now.getTime() + CLOCK_SKEW_MS) throw refuse('recordedAt 不能晚于当前时间');
    recordedAt = new Date(at);
  }
  const av = metadata.av ? parseAvMetadata(metadata.av, now) : null;
  return {
    originalName: originalNameOf(metadata),
    step,
    declaredSm3: hashOf(metadata, 'sm3'),
    declaredSha256: hashOf(metadata, 'sha256'),
    recordedAt: av ? new Date(av.startedAt) : recordedAt,
    av,
  };
}
