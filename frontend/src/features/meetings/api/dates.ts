/**
 * Local date and time in the county's time zone (Europe/Berlin) <-> ISO timestamps with offset.
 * Form inputs give a wall-clock date and time; the API wants an instant with its offset.
 */
import { TIME_ZONE } from '@/lib/format';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^(\d{2}):(\d{2})$/;

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function wallClockAt(instant: number): WallClock {
  const parts: Record<string, number> = {};
  for (const part of partsFormat.formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
  };
}

/** Minutes the Berlin wall clock is ahead of UTC at `instant` (60 in winter, 120 in summer). */
export function berlinOffsetMinutes(instant: number): number {
  const w = wallClockAt(instant);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * "2026-07-08" + "15:00" (Berlin) -> "2026-07-08T15:00:00+02:00".
 * Null for an incomplete or impossible input. A time skipped by the spring change (02:30 on the
 * last Sunday of March) is taken with the winter offset, i.e. it lands an hour later.
 */
export function berlinToIso(date: string, time: string): string | null {
  const d = DATE_PATTERN.exec(date);
  const t = TIME_PATTERN.exec(time);
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  // Try the offsets in force around that wall-clock time; the first whose instant shows the
  // same wall-clock time wins (in the autumn hour that occurs twice: summer time).
  const candidates = [berlinOffsetMinutes(wall - 3 * 3600_000), berlinOffsetMinutes(wall + 3 * 3600_000)];
  const offset =
    candidates.find((o) => {
      const w = wallClockAt(wall - o * 60_000);
      return w.hour === hour && w.minute === minute && w.day === day;
    }) ?? candidates[0]!;
  return `${date}T${time}:00${offsetText(offset)}`;
}

/** An instant as Berlin date ("2026-07-08") and time ("15:00") for form inputs. */
export function isoToBerlin(value: string): { date: string; time: string } {
  const instant = new Date(value).getTime();
  if (Number.isNaN(instant)) return { date: '', time: '' };
  const w = wallClockAt(instant);
  return { date: `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

/** The Berlin calendar day of an instant, "2026-07-08". */
export function berlinDay(value: string): string {
  return isoToBerlin(value).date;
}

/** Today's date in Berlin, "2026-11-25". */
export function berlinToday(now: Date = new Date()): string {
  return isoToBerlin(now.toISOString()).date;
}

/** A month as "YYYY-MM". */
export type MonthKey = string;

export function monthOf(day: string): MonthKey {
  return day.slice(0, 7);
}

/** The month before or after ("2026-01", -1 -> "2025-12"). */
export function shiftMonth(month: MonthKey, delta: number): MonthKey {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + delta;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

/** First and last day of a month ("2026-02" -> ["2026-02-01", "2026-02-28"]). */
export function monthRange(month: MonthKey): [string, string] {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return [`${month}-01`, `${month}-${pad(last)}`];
}

/**
 * The weeks of a month for a calendar grid, Monday first; days outside the month are null.
 * "2026-02" -> [[null, null, null, null, null, null, "2026-02-01"], ["2026-02-02", …], …]
 */
export function monthWeeks(month: MonthKey): (string | null)[][] {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const firstWeekday = (new Date(Date.UTC(year, m - 1, 1)).getUTCDay() + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: firstWeekday }, () => null);
  for (let day = 1; day <= days; day += 1) cells.push(`${month}-${pad(day)}`);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}
