// File types from bytes: one sample per supported format, built from each format's documented
// header, plus the lookalikes that must not be mistaken for them.
import { describe, expect, it } from 'vitest';
import { kindOfContentType, sniffType } from './evidence.sniff.ts';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(
    parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))),
  );

const ftyp = (brand: string) => bytes([0, 0, 0, 0x18], 'ftyp', brand, [0, 0, 0, 0], 'isommp41');

function zipWith(...names: string[]) {
  return Buffer.concat(
    names.map((name) => {
      const header = Buffer.alloc(30);
      header.writeUInt32LE(0x04034b50, 0);
      header.writeUInt32LE(3, 18); // compressed size
      header.writeUInt16LE(name.length, 26);
      return Buffer.concat([header, Buffer.from(name, 'latin1'), Buffer.from('abc')]);
    }),
  );
}

describe('sniffType', () => {
  it.each([
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'), 'image/jpeg', 'photo'],
    [
      'PNG',
      bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR'),
      'image/png',
      'photo',
    ],
    ['GIF', bytes('GIF89a', [1, 0, 1, 0]), 'image/gif', 'photo'],
    ['WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'image/webp', 'photo'],
    ['HEIC', ftyp('heic'), 'image/heic', 'photo'],
    ['MP4', ftyp('isom'), 'video/mp4', 'video'],
    ['MOV', ftyp('qt  '), 'video/quicktime', 'video'],
    ['M4A', ftyp('M4A '), 'audio/mp4', 'audio'],
    ['MP3 with ID3', bytes('ID3', [4, 0, 0, 0, 0, 0, 0]), 'audio/mpeg', 'audio'],
    ['MP3 frame', bytes([0xff, 0xfb, 0x90, 0x64]), 'audio/mpeg', 'audio'],
    ['WAV', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '), 'audio/wav', 'audio'],
    ['AMR', bytes('#!AMR\n', [0x3c]), 'audio/amr', 'audio'],
    ['PDF', bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3'), 'application/pdf', 'document'],
    [
      'DOCX',
      zipWith('[Content_Types].xml', '_rels/.rels', 'word/document.xml'),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'document',
    ],
    [
      'XLSX',
      zipWith('[Content_Types].xml', 'xl/workbook.xml'),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'document',
    ],
    ['plain ZIP', zipWith('photos/1.jpg'), 'application/zip', 'other'],
    [
      'UTF-8 text',
      Buffer.from('现场检查笔录\n当事人：某某公司\n'),
      'text/plain; charset=utf-8',
      'document',
    ],
    [
      'CSV',
      Buffer.from('姓名,证号,日期\n张三,370403,2026-11-21\n'),
      'text/csv; charset=utf-8',
      'document',
    ],
    ['binary', Buffer.from([0, 1, 2, 3, 0xfe, 0xff]), 'application/octet-stream', 'other'],
    ['empty', Buffer.alloc(0), 'application/octet-stream', 'other'],
  ])('%s', (_name, head, contentType, kind) => {
    expect(sniffType(head)).toEqual({ contentType, kind });
    // The kind kept with an upload is derived from its stored type: the two must agree.
    expect(kindOfContentType(contentType)).toBe(kind);
  });

  it('does not take text that merely starts with sync-like bytes for MP3', () => {
    expect(sniffType(Buffer.from([0xff, 0xff, 0xff, 0xff])).contentType).not.toBe('audio/mpeg');
  });

  it('keeps text whose last character was cut by the sniffing limit', () => {
    const cut = Buffer.from('执法记录').subarray(0, 10); // 3 whole characters and one byte
    expect(sniffType(cut).contentType).toBe('text/plain; charset=utf-8');
  });

  it('refuses control characters as text', () => {
    expect(sniffType(Buffer.from('abc\u0001def')).kind).toBe('other');
  });
});
