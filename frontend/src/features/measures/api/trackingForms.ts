/** Milestones and indicators of a measure: form values, API bodies, checks (i18n keys) and periods. */
import type { FieldErrors } from '@/lib/forms/fieldErrors';
import { required } from '@/lib/forms/validators';
import type { Indicator, IndicatorCreate, Milestone, MilestoneCreate } from './measures';

// ---------------------------------------------------------------- milestones

export type MilestoneField = 'date' | 'title' | 'note' | 'progress';
export const MILESTONE_FIELDS: MilestoneField[] = ['date', 'title', 'note', 'progress'];
export const MILESTONE_FIELD_MAP = { date: 'date', title: 'title', note: 'note', progress: 'progress' } as const satisfies Record<
  string,
  MilestoneField
>;
export type MilestoneValues = Record<MilestoneField, string>;
export const EMPTY_MILESTONE: MilestoneValues = { date: '', title: '', note: '', progress: '' };

export function milestoneToValues(m: Milestone): MilestoneValues {
  return { date: m.date, title: m.title, note: m.note, progress: m.progress === null || m.progress === undefined ? '' : String(m.progress) };
}

export function milestoneBody(v: MilestoneValues): MilestoneCreate {
  const progress = v.progress.trim();
  return { date: v.date, title: v.title.trim(), note: v.note.trim(), progress: progress === '' ? null : Number.parseInt(progress, 10) };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const PERCENT = /^\d{1,3}$/;

export function validateMilestone(v: MilestoneValues): FieldErrors<MilestoneField> {
  const errors: FieldErrors<MilestoneField> = {};
  if (!DAY.test(v.date)) errors.date = 'measures.validation.date';
  const title = required(v.title);
  if (title) errors.title = title;
  else if (v.title.trim().length > 200) errors.title = 'measures.validation.tooLong200';
  const progress = v.progress.trim();
  if (progress !== '' && (!PERCENT.test(progress) || Number(progress) > 100)) errors.progress = 'measures.validation.progress';
  return errors;
}

// ---------------------------------------------------------------- indicators

/** A reporting period: `2026`, `2026-Q1`, `2026-H2` or `2026-03`. */
export const PERIOD = /^\d{4}(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?$/;

/** The last month of a period as `YYYY-MM` (for ordering periods of different lengths); null when malformed. */
export function periodEnd(period: string): string | null {
  if (!PERIOD.test(period)) return null;
  const year = period.slice(0, 4);
  const rest = period.slice(5);
  let month = 12;
  if (rest.startsWith('Q')) month = Number(rest.slice(1)) * 3;
  else if (rest.startsWith('H')) month = Number(rest.slice(1)) * 6;
  else if (rest) month = Number(rest);
  return `${year}-${String(month).padStart(2, '0')}`;
}

export interface Actual {
  period: string;
  value: number;
}

/** Actual values ordered by the end of their period (earliest first; equal ends keep their order). */
export function sortActuals<T extends Actual>(actuals: readonly T[]): T[] {
  return actuals
    .map((actual, index) => ({ actual, index, end: periodEnd(actual.period) ?? '' }))
    .sort((a, b) => (a.end === b.end ? a.index - b.index : a.end < b.end ? -1 : 1))
    .map(({ actual }) => actual);
}

/** The actual value of the latest period, or null when there is none. */
export function latestActual<T extends Actual>(actuals: readonly T[]): T | null {
  return sortActuals(actuals).at(-1) ?? null;
}

/** A decimal as typed in German ("12,5") or with a point; null for empty, NaN when it is no number. */
export function parseDecimal(text: string): number | null {
  const value = text.trim().replace(/\s/g, '');
  if (value === '') return null;
  if (!/^-?\d+([.,]\d+)?$/.test(value)) return Number.NaN;
  return Number(value.replace(',', '.'));
}

/** A number for a form field, with a German decimal comma. */
export function decimalText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value).replace('.', ',');
}

export type IndicatorField = 'name' | 'unit' | 'baseline' | 'target' | 'actuals';
export const INDICATOR_FIELDS: IndicatorField[] = ['name', 'unit', 'baseline', 'target', 'actuals'];
export const INDICATOR_FIELD_MAP = {
  name: 'name',
  unit: 'unit',
  baseline: 'baseline',
  target: 'target',
  actuals: 'actuals',
} as const satisfies Record<string, IndicatorField>;

export interface ActualRow {
  key: string;
  period: string;
  value: string;
}

export interface IndicatorValues {
  name: string;
  unit: string;
  baseline: string;
  target: string;
  actuals: ActualRow[];
}

export const EMPTY_INDICATOR: IndicatorValues = { name: '', unit: '', baseline: '', target: '', actuals: [] };

let actualCounter = 0;
export function newActualKey(): string {
  actualCounter += 1;
  return `actual-${actualCounter}`;
}

export function indicatorToValues(i: Indicator): IndicatorValues {
  return {
    name: i.name,
    unit: i.unit,
    baseline: decimalText(i.baseline),
    target: decimalText(i.target),
    actuals: sortActuals(i.actuals).map((a) => ({ key: newActualKey(), period: a.period, value: decimalText(a.value) })),
  };
}

export function indicatorBody(v: IndicatorValues): IndicatorCreate {
  return {
    name: v.name.trim(),
    unit: v.unit.trim(),
    baseline: parseDecimal(v.baseline),
    target: parseDecimal(v.target),
    actuals: v.actuals.map((row) => ({ period: row.period.trim().toUpperCase(), value: parseDecimal(row.value) ?? 0 })),
  };
}

export function validateIndicator(v: IndicatorValues): FieldErrors<IndicatorField> {
  const errors: FieldErrors<IndicatorField> = {};
  const name = required(v.name);
  if (name) errors.name = name;
  else if (v.name.trim().length > 200) errors.name = 'measures.validation.tooLong200';
  if (v.unit.trim().length > 50) errors.unit = 'measures.validation.tooLong50';
  for (const field of ['baseline', 'target'] as const) {
    if (Number.isNaN(parseDecimal(v[field]))) errors[field] = 'measures.validation.number';
  }
  const periods = v.actuals.map((row) => row.period.trim().toUpperCase());
  if (periods.some((p) => !PERIOD.test(p))) errors.actuals = 'measures.validation.period';
  else if (v.actuals.some((row) => parseDecimal(row.value) === null || Number.isNaN(parseDecimal(row.value)))) {
    errors.actuals = 'measures.validation.actualValue';
  } else if (new Set(periods).size !== periods.length) errors.actuals = 'measures.validation.periodTwice';
  return errors;
}
