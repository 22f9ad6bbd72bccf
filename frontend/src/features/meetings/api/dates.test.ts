// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { berlinDay, berlinToIso, isoToBerlin, monthRange, monthWeeks, shiftMonth } from './dates';

describe('berlinToIso', () => {
  it('uses +01:00 in winter and +02:00 in summer', () => {
    expect(berlinToIso('2026-02-11', '15:00')).toBe('2026-02-11T15:00:00+01:00');
    expect(berlinToIso('2026-08-12', '15:00')).toBe('2026-08-12T15:00:00+02:00');
    expect(new Date(berlinToIso('2026-02-11', '15:00')!).toISOString()).toBe('2026-02-11T14:00:00.000Z');
    expect(new Date(berlinToIso('2026-08-12', '15:00')!).toISOString()).toBe('2026-08-12T13:00:00.000Z');
  });

  it('switches on the days of the clock change', () => {
    // 29 March 2026: 02:00 CET -> 03:00 CEST; 25 October 2026: 03:00 CEST -> 02:00 CET.
    expect(berlinToIso('2026-03-29', '01:30')).toBe('2026-03-29T01:30:00+01:00');
    expect(berlinToIso('2026-03-29', '03:30')).toBe('2026-03-29T03:30:00+02:00');
    expect(berlinToIso('2026-10-25', '01:30')).toBe('2026-10-25T01:30:00+02:00');
    expect(berlinToIso('2026-10-25', '03:30')).toBe('2026-10-25T03:30:00+01:00');
    // The hour that occurs twice is read as summer time.
    expect(berlinToIso('2026-10-25', '02:30')).toBe('2026-10-25T02:30:00+02:00');
    // The skipped hour still gives an instant.
    expect(berlinToIso('2026-03-29', '02:30')).toBe('2026-03-29T02:30:00+01:00');
  });

  it('refuses incomplete or impossible input', () => {
    expect(berlinToIso('', '15:00')).toBeNull();
    expect(berlinToIso('2026-02-11', '')).toBeNull();
    expect(berlinToIso('2026-02-30', '15:00')).toBeNull();
    expect(berlinToIso('2026-13-01', '15:00')).toBeNull();
    expect(berlinToIso('2026-02-11', '24:00')).toBeNull();
  });
});

describe('isoToBerlin', () => {
  it('gives Berlin wall-clock date and time of any instant', () => {
    expect(isoToBerlin('2026-02-11T14:00:00Z')).toEqual({ date: '2026-02-11', time: '15:00' });
    expect(isoToBerlin('2026-08-12T13:00:00+00:00')).toEqual({ date: '2026-08-12', time: '15:00' });
    expect(isoToBerlin('2026-12-31T23:30:00Z')).toEqual({ date: '2027-01-01', time: '00:30' });
    expect(isoToBerlin('kein Datum')).toEqual({ date: '', time: '' });
  });

  it('round-trips with berlinToIso', () => {
    for (const [date, time] of [
      ['2026-01-05', '09:15'],
      ['2026-06-30', '23:45'],
      ['2026-10-25', '03:00'],
    ] as const) {
      expect(isoToBerlin(berlinToIso(date, time)!)).toEqual({ date, time });
    }
  });

  it('puts late-evening UTC instants on the next Berlin day', () => {
    expect(berlinDay('2026-05-31T22:30:00Z')).toBe('2026-06-01');
  });
});

describe('month helpers', () => {
  it('steps across years', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-05', 0)).toBe('2026-05');
  });

  it('knows the last day of each month', () => {
    expect(monthRange('2026-02')).toEqual(['2026-02-01', '2026-02-28']);
    expect(monthRange('2028-02')).toEqual(['2028-02-01', '2028-02-29']);
    expect(monthRange('2026-04')).toEqual(['2026-04-01', '2026-04-30']);
  });

  it('lays out weeks from Monday', () => {
    // 1 February 2026 is a Sunday.
    const weeks = monthWeeks('2026-02');
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-02-01']);
    expect(weeks[1]?.[0]).toBe('2026-02-02');
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks.flat().filter(Boolean)).toHaveLength(28);
    // 1 June 2026 is a Monday.
    expect(monthWeeks('2026-06')[0]?.[0]).toBe('2026-06-01');
  });
});
