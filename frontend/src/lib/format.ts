/** German formats in the county's time zone, whatever the UI language. */
export const LOCALE = 'de-DE';
export const TIME_ZONE = 'Europe/Berlin';

const dateFormat = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const timeFormat = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });
const numberFormat = new Intl.NumberFormat(LOCALE);

function toDate(value: string | number | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** 05.03.2026 */
export function formatDate(value: string | number | Date): string {
  const date = toDate(value);
  return date ? dateFormat.format(date) : '';
}

/** 05.03.2026, 14:30 */
export function formatDateTime(value: string | number | Date): string {
  const date = toDate(value);
  return date ? dateTimeFormat.format(date) : '';
}

/** 14:30 */
export function formatTime(value: string | number | Date): string {
  const date = toDate(value);
  return date ? timeFormat.format(date) : '';
}

/** 1.234,5 */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** Today's calendar day in the county ("2026-11-25"), as the API's date parameters expect it. */
export function todayInBerlin(now: Date = new Date()): string {
  // Swedish dates are written year-month-day.
  return new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE }).format(now);
}

/** 1.234.567 bytes -> "1,2 MB" */
export function formatBytes(bytes: number): string {
  const units = ['Byte', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toLocaleString(LOCALE, { maximumFractionDigits: digits })} ${units[unit]}`;
}
