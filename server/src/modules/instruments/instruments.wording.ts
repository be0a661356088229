// How documents write numbers, periods, dates and sums: 十五日, 五个工作日, 2026年5月11日,
// 人民币5,000元. Shared by the filler and the issuer.
import type { Period } from '../cases/periods.ts';

const DIGITS = '零一二三四五六七八九';
/** 1–99 in Chinese numerals, as periods are written in documents (十五日, 六十日). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return DIGITS[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** 五个工作日, 十五日: a period as the law writes it. */
export function periodText(value: unknown): string {
  const v = value as Period;
  return `${chineseNumber(v.amount)}${v.unit === 'working_days' ? '个工作日' : '日'}`;
}

/** 2026-11-21 → 2026年11月21日, as documents write dates. */
export function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export const yuan = (n: number) =>
  `人民币${n.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}元`;

/** Closes a sentence someone typed without its full stop, so the next one can follow. */
export const sentence = (text: string) =>
  /[。！？；.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}。`;
