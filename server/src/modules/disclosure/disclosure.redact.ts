// Redaction before publishing (N 二; CY 8; XC 第九条): natural persons' names are masked (reading:
// 张某某), identity numbers, phone numbers, e-mail and home addresses never appear. Two passes:
// what we know about the parties (their names, numbers and addresses, wherever they occur) and
// patterns (any identity or phone number anywhere, whoever it belongs to). Pure functions: the
// same code cleans every field, every corrected text and every file name.

/** A party as the case knows it, private fields included; only used to find them in text. */
export interface KnownParty {
  kind: 'person' | 'organisation';
  name: string;
  idCardNo: string | null;
  creditCode: string | null;
  legalRepresentative: string | null;
  address: string | null;
  phone: string | null;
}

export const REMOVED = '（已隐去）';

// Two-character surnames (复姓) keep both characters; the list is the common ones.
const COMPOUND_SURNAMES = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒',
  '夏侯', '轩辕', '令狐', '钟离', '端木', '南宫', '西门', '独孤', '万俟', '闻人', '澹台', '呼延',
]; // prettier-ignore

/** 张三 → 张某某, 欧阳明 → 欧阳某某; a name already masked stays as it is. */
export function maskPersonName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) return trimmed;
  if (/某/.test(trimmed)) return trimmed;
  const surname = COMPOUND_SURNAMES.find((s) => trimmed.startsWith(s) && trimmed.length > 2);
  return `${surname ?? [...trimmed][0] ?? ''}某某`;
}

// Numbers are matched only where no other digit or Latin letter touches them, so that hashes,
// credit codes and credential numbers are left alone.
const EDGE_BEFORE = '(?<![0-9A-Za-z])';
const EDGE_AFTER = '(?![0-9A-Za-z])';
/** 18-digit (GB 11643) and old 15-digit resident identity numbers. */
export const ID_CARD_PATTERN = new RegExp(
  `${EDGE_BEFORE}(?:[1-9]\\d{5}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])\\d{2}\\d{3}[\\dXx]|[1-9]\\d{14})${EDGE_AFTER}`,
  'g',
);
/** Mainland mobile numbers, with or without +86 and separators. */
export const MOBILE_PATTERN = new RegExp(
  `${EDGE_BEFORE}(?:(?:\\+|00)?86[- ]?)?1[3-9]\\d[- ]?\\d{4}[- ]?\\d{4}${EDGE_AFTER}`,
  'g',
);
/** Fixed-line numbers with an area code (0xx-xxxxxxxx). */
const LANDLINE_PATTERN = new RegExp(
  `${EDGE_BEFORE}[(（]?0\\d{2,3}[)）]?[- ]?[2-9]\\d{6,7}(?:-\\d{1,5})?${EDGE_AFTER}`,
  'g',
);
const EMAIL_PATTERN = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** "住址：……" and its kin: the label stays, the address goes (up to the next punctuation). */
const ADDRESS_PATTERN =
  /(家庭住址|家庭地址|现住址|现住|住址|居住地|居住于|户籍地|户籍所在地|身份证住址)([：:]?)[^，。；、,;\n（）()]{2,80}/g;
/** "身份证号：……" whatever follows, in case a number was written with spaces or masks. */
const ID_LABEL_PATTERN =
  /(身份证号码|身份证号|公民身份号码|身份证件号码)([：:]?)\s*[0-9Xx*＊\s]{6,25}/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function replaceLiteral(text: string, needle: string | null, replacement: string): string {
  const value = needle?.trim();
  if (!value || value.length < 2) return text;
  return text.replace(new RegExp(escapeRegExp(value), 'g'), replacement);
}

/** Digits of a number as it might be written with spaces or dashes. */
function replaceDigits(text: string, digits: string | null): string {
  const value = digits?.replace(/[\s-]/g, '');
  if (!value || value.length < 6) return text;
  const loose = [...value].map(escapeRegExp).join('[\\s-]?');
  return text.replace(new RegExp(loose, 'gi'), REMOVED);
}

/** Removes every private item from one text (a field or a file name). */
export function redactText(text: string, parties: readonly KnownParty[] = []): string {
  let out = text;
  for (const party of parties) {
    out = replaceDigits(out, party.idCardNo);
    out = replaceDigits(out, party.phone);
    out = replaceLiteral(out, party.address, REMOVED);
    if (party.kind === 'person') out = replaceLiteral(out, party.name, maskPersonName(party.name));
    if (party.legalRepresentative) {
      out = replaceLiteral(
        out,
        party.legalRepresentative,
        maskPersonName(party.legalRepresentative),
      );
    }
  }
  return out
    .replace(ID_LABEL_PATTERN, `$1$2${REMOVED}`)
    .replace(ID_CARD_PATTERN, REMOVED)
    .replace(MOBILE_PATTERN, REMOVED)
    .replace(LANDLINE_PATTERN, REMOVED)
    .replace(EMAIL_PATTERN, REMOVED)
    .replace(ADDRESS_PATTERN, `$1$2${REMOVED}`);
}

/** The party as published: natural persons masked; organisations by name and credit code. */
export function publicParties(parties: readonly KnownParty[]): {
  party: string;
  partyCreditCode: string | null;
} {
  const names = parties.map((p) =>
    p.kind === 'person' ? maskPersonName(p.name) : redactText(p.name, []),
  );
  const codes = parties.flatMap((p) =>
    p.kind === 'organisation' && p.creditCode ? [p.creditCode] : [],
  );
  return {
    party: names.join('、') || '—',
    partyCreditCode: codes.length > 0 ? codes.join('、') : null,
  };
}

/** True when a text still holds something redaction must have removed (the privacy scan). */
export function findPrivateData(text: string): string[] {
  const found: string[] = [];
  for (const pattern of [ID_CARD_PATTERN, MOBILE_PATTERN]) {
    for (const match of text.matchAll(pattern)) found.push(match[0]);
  }
  return found;
}
