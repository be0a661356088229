// Dates as the law counts them: calendar days in China Standard Time (UTC+8, no daylight saving),
// written YYYY-MM-DD, whatever the server's own time zone.
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Today's date in China, YYYY-MM-DD. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
