// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  LINE_HEIGHT,
  bodyStatusChart,
  fieldStatusChart,
  keyFigures,
  linePath,
  measuresListHref,
  openNeedsChart,
  progressPoints,
  splitPeriod,
} from './charts';
import { DASHBOARD } from './fixture';

const STATUSES = DASHBOARD.measure_statuses;

describe('status charts', () => {
  it('keep the API numbers and scale the bars to the largest row', () => {
    const chart = bodyStatusChart(STATUSES, DASHBOARD.measures_by_body);
    expect(chart.scale).toBe(11);
    expect(chart.rows.map((row) => [row.label, row.total, row.counts])).toEqual(
      DASHBOARD.measures_by_body.map((body) => [body.body_short_name, body.total, body.counts]),
    );
    const [bildung, teilhabe, steering] = chart.rows;
    // One part per status with measures, in status order, side by side, together the row's share.
    expect(bildung?.segments.map((s) => [s.status, s.count])).toEqual([
      ['idea', 1],
      ['planned', 3],
      ['in_progress', 4],
      ['completed', 2],
      ['discontinued', 1],
    ]);
    for (const row of chart.rows) {
      let end = 0;
      for (const segment of row.segments) {
        expect(segment.start).toBeCloseTo(end);
        expect(segment.width).toBeCloseTo((segment.count / 11) * 100);
        end = segment.start + segment.width;
      }
      expect(end).toBeCloseTo((row.total / 11) * 100);
      expect(row.segments.reduce((sum, s) => sum + s.count, 0)).toBe(row.total);
    }
    expect(teilhabe?.segments).toEqual([]);
    expect(steering?.href).toBe(`/massnahmen?gremium=${DASHBOARD.measures_by_body[2]?.body_id}`);
  });

  it('name the row without a field of action and link the lists', () => {
    const chart = fieldStatusChart(STATUSES, DASHBOARD.measures_by_field, 'Ohne Handlungsfeld');
    expect(chart.rows.map((row) => [row.key, row.label, row.total])).toEqual([
      [DASHBOARD.measures_by_field[0]?.field_of_action_id, 'A Sprache und Bildung', 6],
      [DASHBOARD.measures_by_field[1]?.field_of_action_id, 'B Arbeit', 6],
      ['none', 'Ohne Handlungsfeld', 3],
    ]);
    expect(chart.rows[0]?.href).toBe(`/massnahmen?handlungsfeld=${DASHBOARD.measures_by_field[0]?.field_of_action_id}`);
    expect(chart.rows[2]?.href).toBe('/massnahmen');
    expect(measuresListHref({ body: 'x', status: 'planned' })).toBe('/massnahmen?status=planned&gremium=x');
  });

  it('draw an empty chart without dividing by zero', () => {
    const chart = bodyStatusChart(STATUSES, []);
    expect(chart.scale).toBe(1);
    expect(chart.rows).toEqual([]);
  });
});

describe('open needs and key figures', () => {
  it('bars carry the open needs of each body', () => {
    const { rows, scale } = openNeedsChart(DASHBOARD.open_needs_by_body);
    expect(scale).toBe(4);
    expect(rows.map((row) => [row.label, row.value, row.width])).toEqual([
      ['AK Bildung', 4, 100],
      ['AK Teilhabe', 0, 0],
      ['Steuerungsgruppe', 1, 25],
    ]);
    expect(rows[0]?.href).toBe(`/bedarfe?gremium=${DASHBOARD.open_needs_by_body[0]?.body_id}`);
  });

  it('sum the rows', () => {
    expect(keyFigures(DASHBOARD)).toEqual({ measures: 14, inProgress: 4, openNeeds: 5, upcoming: 7, goalsWithout: 1 });
  });
});

describe('progress over time', () => {
  it('puts one point per quarter, 0 % at the bottom, and breaks the line where a quarter has no value', () => {
    const points = progressPoints(DASHBOARD.progress_over_time);
    expect(points.map((p) => [p.period, p.measures, p.average])).toEqual(
      DASHBOARD.progress_over_time.map((q) => [q.period, q.measures, q.average_progress]),
    );
    expect(points.map((p) => p.x)).toEqual([50, 150, 250, 350, 450, 550, 650, 750]);
    expect(points[0]?.y).toBeNull();
    expect(points[1]?.y).toBe(LINE_HEIGHT * 0.9);
    expect(points[7]?.y).toBeCloseTo(LINE_HEIGHT * 0.3);
    expect(linePath(points)).toBe('M150 180 L250 180 M450 129 L550 100 L650 73.4 L750 60');
    expect(linePath(progressPoints([]))).toBe('');
  });

  it('splits the period', () => {
    expect(splitPeriod('2026-Q4')).toEqual({ year: '2026', quarter: 4 });
    expect(splitPeriod('kaputt')).toEqual({ year: 'kaputt', quarter: 0 });
  });
});
