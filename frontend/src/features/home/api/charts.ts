/**
 * From the dashboard's figures to what the charts draw and the tables list.
 * Pure functions: the tables show exactly the API's numbers, the charts the same numbers scaled.
 */
import type { BodyMeasures, BodyOpenNeeds, Dashboard, FieldMeasures, MeasureStatus, QuarterProgress } from './dashboard';

/** One coloured part of a stacked bar, in percent of the chart's width. */
export interface Segment {
  status: MeasureStatus;
  count: number;
  start: number;
  width: number;
}

/** One row of a status chart and its table: the numbers as the API sent them. */
export interface StatusRow {
  key: string;
  /** Short label in the chart (the body's short name or the field's code and title). */
  label: string;
  /** Where the row's measures are listed (the list shows the same numbers). */
  href: string;
  counts: Record<MeasureStatus, number>;
  total: number;
  segments: Segment[];
}

export interface StatusChartData {
  statuses: MeasureStatus[];
  rows: StatusRow[];
  /** The largest total: the full width of a bar. */
  scale: number;
}

function segments(statuses: MeasureStatus[], counts: Record<MeasureStatus, number>, scale: number): Segment[] {
  const result: Segment[] = [];
  let start = 0;
  for (const status of statuses) {
    const count = counts[status];
    if (count <= 0) continue;
    const width = (count / scale) * 100;
    result.push({ status, count, start, width });
    start += width;
  }
  return result;
}

function statusChart(
  statuses: MeasureStatus[],
  rows: { key: string; label: string; href: string; counts: Record<MeasureStatus, number>; total: number }[],
): StatusChartData {
  const scale = Math.max(1, ...rows.map((row) => row.total));
  return {
    statuses,
    scale,
    rows: rows.map((row) => ({ ...row, segments: segments(statuses, row.counts, scale) })),
  };
}

export function measuresListHref(filters: { body?: string; field?: string; status?: MeasureStatus }): string {
  const search = new URLSearchParams();
  if (filters.status) search.set('status', filters.status);
  if (filters.body) search.set('gremium', filters.body);
  if (filters.field) search.set('handlungsfeld', filters.field);
  const query = search.toString();
  return query ? `/massnahmen?${query}` : '/massnahmen';
}

/** Measures per status for each body, scaled to the largest body. */
export function bodyStatusChart(statuses: MeasureStatus[], bodies: BodyMeasures[]): StatusChartData {
  return statusChart(
    statuses,
    bodies.map((body) => ({
      key: body.body_id,
      label: body.body_short_name,
      href: measuresListHref({ body: body.body_id }),
      counts: body.counts,
      total: body.total,
    })),
  );
}

/**
 * Measures per status for each field of action; the row without a field (null id) gets `withoutLabel`
 * and links to the whole list, since the list has no filter for it.
 */
export function fieldStatusChart(
  statuses: MeasureStatus[],
  fields: FieldMeasures[],
  withoutLabel: string,
): StatusChartData {
  return statusChart(
    statuses,
    fields.map((field) => ({
      key: field.field_of_action_id ?? 'none',
      label: field.field_of_action_id ? `${field.code ?? ''} ${field.title}`.trim() : withoutLabel,
      href: field.field_of_action_id ? measuresListHref({ field: field.field_of_action_id }) : measuresListHref({}),
      counts: field.counts,
      total: field.total,
    })),
  );
}

/** One bar of a single-series chart. */
export interface ValueRow {
  key: string;
  label: string;
  href: string;
  value: number;
  width: number;
}

export function openNeedsChart(rows: BodyOpenNeeds[]): { rows: ValueRow[]; scale: number } {
  const scale = Math.max(1, ...rows.map((row) => row.open));
  return {
    scale,
    rows: rows.map((row) => ({
      key: row.body_id,
      label: row.body_short_name,
      href: `/bedarfe?gremium=${row.body_id}`,
      value: row.open,
      width: (row.open / scale) * 100,
    })),
  };
}

/** "2026-Q4" → { year: "2026", quarter: 4 }. */
export function splitPeriod(period: string): { year: string; quarter: number } {
  const match = /^(\d{4})-Q([1-4])$/.exec(period);
  return match ? { year: match[1] ?? '', quarter: Number(match[2]) } : { year: period, quarter: 0 };
}

export const LINE_WIDTH = 800;
export const LINE_HEIGHT = 200;

export interface LinePoint {
  period: string;
  measures: number;
  average: number | null;
  /** Centre of the period's column, in the SVG's units. */
  x: number;
  y: number | null;
}

/** Points of the progress line: one column per quarter, 0 % at the bottom, 100 % at the top. */
export function progressPoints(quarters: QuarterProgress[]): LinePoint[] {
  const step = LINE_WIDTH / Math.max(1, quarters.length);
  return quarters.map((quarter, index) => ({
    period: quarter.period,
    measures: quarter.measures,
    average: quarter.average_progress ?? null,
    x: step * (index + 0.5),
    y:
      quarter.average_progress === null
        ? null
        : LINE_HEIGHT - (Math.min(100, Math.max(0, quarter.average_progress)) / 100) * LINE_HEIGHT,
  }));
}

/** An SVG path through the points; quarters without a value break the line. */
export function linePath(points: LinePoint[]): string {
  const parts: string[] = [];
  let drawing = false;
  for (const point of points) {
    if (point.y === null) {
      drawing = false;
      continue;
    }
    parts.push(`${drawing ? 'L' : 'M'}${round(point.x)} ${round(point.y)}`);
    drawing = true;
  }
  return parts.join(' ');
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The headline numbers, each the sum of figures the lists confirm. */
export function keyFigures(dashboard: Dashboard): {
  measures: number;
  inProgress: number;
  openNeeds: number;
  upcoming: number;
  goalsWithout: number;
} {
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  return {
    measures: sum(dashboard.measures_by_body.map((row) => row.total)),
    inProgress: sum(dashboard.measures_by_body.map((row) => row.counts.in_progress)),
    openNeeds: sum(dashboard.open_needs_by_body.map((row) => row.open)),
    upcoming: dashboard.upcoming_meetings_total,
    goalsWithout: dashboard.goals_without_measures.length,
  };
}
