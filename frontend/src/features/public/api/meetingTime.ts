import { LOCALE, TIME_ZONE } from '@/lib/format';

const dayFormat = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });
const dayKey = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE });

/**
 * "Mittwoch, 14. Oktober 2026, 15:00–17:00 Uhr" in the county's time zone; both days are named
 * when the meeting runs past midnight.
 */
export function formatMeetingTime(startsAt: string, endsAt: string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return '';
  if (dayKey.format(start) === dayKey.format(end)) {
    return `${dayFormat.format(start)}, ${timeFormat.format(start)}–${timeFormat.format(end)} Uhr`;
  }
  return `${dayFormat.format(start)}, ${timeFormat.format(start)} Uhr – ${dayFormat.format(end)}, ${timeFormat.format(end)} Uhr`;
}

/** "Kreishaus, Schlossplatz 1, 38518 Gifhorn – Raum 101" or ''. */
export function formatPlace(address: string | null, room: string | null): string {
  return [address, room].filter((part): part is string => Boolean(part && part.trim())).join(' – ');
}
