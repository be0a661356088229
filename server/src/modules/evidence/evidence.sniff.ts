// The type of a file from its first bytes (magic numbers), never from its name or the client's
// word: a photo renamed .pdf is still a photo. Covers what enforcement evidence arrives as —
// camera and phone photos, body-camera video, voice recorders, scanned PDFs, Office files, text
// and CSV. Anything else is application/octet-stream, kind 'other'.
import type { EvidenceKind } from './evidence.tables.ts';

/** How many leading bytes the sniffer wants (Office files name their parts near the start). */
export const SNIFF_BYTES = 64 * 1024;

export interface SniffedType {
  contentType: string;
  kind: EvidenceKind;
}

const ascii = (head: Uint8Array, at: number, length: number) =>
  Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1', at, at + length);

const startsWith = (head: Uint8Array, bytes: readonly number[], at = 0) =>
  head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);

const type = (contentType: string, kind: EvidenceKind): SniffedType => ({ contentType, kind });

// ISO base media (MP4, MOV, HEIC, M4A, 3GP): a 'ftyp' box whose major brand names the format.
const FTYP_BRANDS: Record<string, SniffedType> = {
  heic: type('image/heic', 'photo'),
  heix: type('image/heic', 'photo'),
  heim: type('image/heic', 'photo'),
  heis: type('image/heic', 'photo'),
  hevc: type('image/heic-sequence', 'photo'),
  mif1: type('image/heif', 'photo'),
  msf1: type('image/heif-sequence', 'photo'),
  avif: type('image/avif', 'photo'),
  'M4A ': type('audio/mp4', 'audio'),
  'M4B ': type('audio/mp4', 'audio'),
  'qt  ': type('video/quicktime', 'video'),
  '3gp4': type('video/3gpp', 'video'),
  '3gp5': type('video/3gpp', 'video'),
  '3gp6': type('video/3gpp', 'video'),
  '3g2a': type('video/3gpp2', 'video'),
};

function sniffFtyp(head: Uint8Array): SniffedType | undefined {
  if (head.length < 12 || ascii(head, 4, 4) !== 'ftyp') return undefined;
  return FTYP_BRANDS[ascii(head, 8, 4)] ?? type('video/mp4', 'video');
}

// MPEG audio frame header: 11 sync bits, then version, layer (not 'reserved'), bitrate index
// (not 'bad') and sample-rate index (not 'reserved').
function isMpegAudioFrame(head: Uint8Array, at: number): boolean {
  const [b0, b1, b2] = [head[at], head[at + 1], head[at + 2]];
  if (b0 !== 0xff || b1 === undefined || b2 === undefined || (b1 & 0xe0) !== 0xe0) return false;
  return (b1 & 0x06) !== 0 && (b1 & 0x18) !== 0x08 && (b2 & 0xf0) !== 0xf0 && (b2 & 0x0c) !== 0x0c;
}

/** Names of the parts in a ZIP's local file headers within `head` (Office files are ZIPs). */
function zipEntryNames(head: Uint8Array): string[] {
  const names: string[] = [];
  for (let at = 0; at + 30 <= head.length && names.length < 64;) {
    if (!startsWith(head, [0x50, 0x4b, 0x03, 0x04], at)) break;
    const view = new DataView(head.buffer, head.byteOffset + at);
    const flags = view.getUint16(6, true);
    const compressed = view.getUint32(18, true);
    const nameLength = view.getUint16(26, true);
    const extraLength = view.getUint16(28, true);
    names.push(ascii(head, at + 30, nameLength));
    // Sizes written after the data (flag bit 3) are unknown here: stop at the first such entry.
    if (flags & 0x08) break;
    at += 30 + nameLength + extraLength + compressed;
  }
  return names;
}

function sniffZip(head: Uint8Array): SniffedType {
  const names = zipEntryNames(head);
  if (names.some((n) => n.startsWith('word/'))) {
    return type(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'document',
    );
  }
  if (names.some((n) => n.startsWith('xl/'))) {
    return type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'document');
  }
  if (names.some((n) => n.startsWith('ppt/'))) {
    return type(
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      'document',
    );
  }
  return type('application/zip', 'other');
}

/** Text: valid UTF-8 (a multi-byte character may be cut at the end of the head) without NULs or
 *  other control characters than tab, line feed, carriage return and form feed. */
function isText(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  let text: string;
  try {
    let end = head.length;
    // Drop a trailing incomplete UTF-8 sequence cut by the head's limit.
    for (let back = 1; back <= 3 && end - back >= 0; back++) {
      const byte = head[end - back] ?? 0;
      if ((byte & 0xc0) === 0xc0) {
        const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
        if (back < need) end -= back;
        break;
      }
      if ((byte & 0x80) === 0) break;
    }
    text = new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
  } catch {
    return false;
  }

  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

/** CSV: at least two lines, every complete line with the same number (≥ 1) of commas. */
function looksLikeCsv(head: Uint8Array): boolean {
  const text = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('utf8');
  const lines = text.split(/\r?\n/);
  if (lines.length > 1) lines.pop(); // the last line may be cut by the head's limit
  const filled = lines.filter((l) => l.length > 0);
  if (filled.length < 2) return false;
  const commas = (line: string) => line.split(',').length - 1;
  const first = commas(filled[0] ?? '');
  return first > 0 && filled.every((line) => commas(line) === first);
}

/** The type of a file from its first SNIFF_BYTES bytes (fewer when the file is shorter). */
export function sniffType(head: Uint8Array): SniffedType {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return type('image/jpeg', 'photo');
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return type('image/png', 'photo');
  }
  const head6 = ascii(head, 0, 6);
  if (head6 === 'GIF87a' || head6 === 'GIF89a') return type('image/gif', 'photo');
  if (ascii(head, 0, 4) === 'RIFF') {
    const form = ascii(head, 8, 4);
    if (form === 'WEBP') return type('image/webp', 'photo');
    if (form === 'WAVE') return type('audio/wav', 'audio');
    if (form === 'AVI ') return type('video/x-msvideo', 'video');
  }
  const ftyp = sniffFtyp(head);
  if (ftyp) return ftyp;
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) return type('video/x-matroska', 'video');
  if (ascii(head, 0, 9) === '#!AMR-WB\n') return type('audio/amr-wb', 'audio');
  if (head6 === '#!AMR\n') return type('audio/amr', 'audio');
  if (ascii(head, 0, 3) === 'ID3' || isMpegAudioFrame(head, 0)) return type('audio/mpeg', 'audio');
  if (ascii(head, 0, 4) === 'OggS') return type('audio/ogg', 'audio');
  if (ascii(head, 0, 4) === 'fLaC') return type('audio/flac', 'audio');
  if (ascii(head, 0, 5) === '%PDF-') return type('application/pdf', 'document');
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return sniffZip(head);
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // Legacy Word/Excel (OLE2 compound file); which one needs its directory, beyond the head.
    return type('application/x-ole-storage', 'document');
  }
  if (isText(head)) {
    return looksLikeCsv(head)
      ? type('text/csv; charset=utf-8', 'document')
      : type('text/plain; charset=utf-8', 'document');
  }
  return type('application/octet-stream', 'other');
}

const KIND_BY_TYPE_PREFIX = { 'image/': 'photo', 'audio/': 'audio', 'video/': 'video' } as const;

/** The evidence kind of a content type this sniffer gives (kept with the type of an upload). */
export function kindOfContentType(contentType: string): EvidenceKind {
  for (const [prefix, kind] of Object.entries(KIND_BY_TYPE_PREFIX)) {
    if (contentType.startsWith(prefix)) return kind;
  }
  const isDocument =
    contentType.startsWith('text/') ||
    contentType === 'application/pdf' ||
    contentType === 'application/x-ole-storage' ||
    contentType.startsWith('application/vnd.openxmlformats-officedocument.');
  return isDocument ? 'document' : 'other';
}
