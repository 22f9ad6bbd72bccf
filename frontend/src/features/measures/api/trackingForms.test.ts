// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  EMPTY_INDICATOR,
  EMPTY_MILESTONE,
  decimalText,
  indicatorBody,
  latestActual,
  milestoneBody,
  parseDecimal,
  periodEnd,
  sortActuals,
  validateIndicator,
  validateMilestone,
} from './trackingForms';

describe('milestones', () => {
  it('need a date and a title; progress is optional, 0 to 100', () => {
    expect(validateMilestone(EMPTY_MILESTONE)).toEqual({ date: 'measures.validation.date', title: 'validation.required' });
    const values = { date: '2026-04-30', title: ' Kursstart ', note: ' ', progress: '' };
    expect(validateMilestone(values)).toEqual({});
    expect(milestoneBody(values)).toEqual({ date: '2026-04-30', title: 'Kursstart', note: '', progress: null });
    expect(milestoneBody({ ...values, progress: '35' }).progress).toBe(35);
    expect(validateMilestone({ ...values, progress: '150' }).progress).toBe('measures.validation.progress');
  });
});

describe('indicator periods and values', () => {
  it('orders periods of different lengths by their end', () => {
    expect(periodEnd('2026')).toBe('2026-12');
    expect(periodEnd('2026-Q1')).toBe('2026-03');
    expect(periodEnd('2026-H1')).toBe('2026-06');
    expect(periodEnd('2026-05')).toBe('2026-05');
    expect(periodEnd('2026-Q5')).toBeNull();
    expect(periodEnd('2026-13')).toBeNull();
    const actuals = [
      { period: '2026-Q2', value: 14 },
      { period: '2025', value: 9 },
      { period: '2026-02', value: 11 },
    ];
    expect(sortActuals(actuals).map((a) => a.period)).toEqual(['2025', '2026-02', '2026-Q2']);
    expect(latestActual(actuals)).toEqual({ period: '2026-Q2', value: 14 });
    expect(latestActual([])).toBeNull();
  });

  it('reads German decimals and writes them back', () => {
    expect(parseDecimal('12,5')).toBe(12.5);
    expect(parseDecimal(' 40 ')).toBe(40);
    expect(parseDecimal('-3.25')).toBe(-3.25);
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('zwölf')).toBeNaN();
    expect(decimalText(12.5)).toBe('12,5');
    expect(decimalText(null)).toBe('');
  });

  it('checks name, numbers and one value per valid period', () => {
    expect(validateIndicator(EMPTY_INDICATOR)).toEqual({ name: 'validation.required' });
    const values = {
      name: 'Teilnehmende',
      unit: 'Personen',
      baseline: '0',
      target: '40',
      actuals: [
        { key: 'a', period: '2026-q1', value: '12' },
        { key: 'b', period: '2026-Q2', value: '17,5' },
      ],
    };
    expect(validateIndicator(values)).toEqual({});
    expect(indicatorBody(values)).toEqual({
      name: 'Teilnehmende',
      unit: 'Personen',
      baseline: 0,
      target: 40,
      actuals: [
        { period: '2026-Q1', value: 12 },
        { period: '2026-Q2', value: 17.5 },
      ],
    });
    expect(indicatorBody({ ...values, baseline: '', actuals: [] })).toMatchObject({ baseline: null, actuals: [] });
    expect(validateIndicator({ ...values, target: 'viele' }).target).toBe('measures.validation.number');
    expect(validateIndicator({ ...values, actuals: [{ key: 'a', period: 'Frühjahr', value: '1' }] }).actuals).toBe('measures.validation.period');
    expect(validateIndicator({ ...values, actuals: [{ key: 'a', period: '2026', value: '' }] }).actuals).toBe('measures.validation.actualValue');
    expect(
      validateIndicator({
        ...values,
        actuals: [
          { key: 'a', period: '2026-Q1', value: '1' },
          { key: 'b', period: '2026-q1', value: '2' },
        ],
      }).actuals,
    ).toBe('measures.validation.periodTwice');
  });
});
