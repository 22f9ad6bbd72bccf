// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { groupByStatus, visibleColumns } from './board';
import { EMPTY_FILTERS, filterParams, isFiltered, listParams, parseFilters, writeFilters } from './filters';
import type { MeasureStatus } from './measures';

const row = (reference: string, status: MeasureStatus) => ({ reference, status });
const ID = '3d6f7a52-0c1e-4b0a-9f58-2b7f1c9e8d11';

describe('board', () => {
  it('has one column per status in life-cycle order, empty ones included, rows in list order', () => {
    const columns = groupByStatus([
      row('M-2026-005', 'in_progress'),
      row('M-2026-004', 'idea'),
      row('M-2026-003', 'in_progress'),
      row('M-2026-001', 'discontinued'),
    ]);
    expect(columns.map((c) => c.status)).toEqual(['idea', 'planned', 'in_progress', 'completed', 'paused', 'discontinued']);
    expect(columns.map((c) => c.items.map((i) => i.reference))).toEqual([
      ['M-2026-004'],
      [],
      ['M-2026-005', 'M-2026-003'],
      [],
      [],
      ['M-2026-001'],
    ]);
  });

  it('shows only the columns of the filtered statuses', () => {
    const columns = groupByStatus([row('M-2026-001', 'paused')]);
    expect(visibleColumns(columns, []).length).toBe(6);
    expect(visibleColumns(columns, ['paused', 'idea']).map((c) => c.status)).toEqual(['idea', 'paused']);
  });
});

describe('list filters in the address bar', () => {
  it('reads German parameter names and drops malformed values', () => {
    const parsed = parseFilters(
      new URLSearchParams(`status=planned,bogus&status=idea&gremium=${ID}&handlungsfeld=nope&von=2026-01-01&bis=31.12.2026&ansicht=tafel&seite=3`),
    );
    expect(parsed.filters).toEqual({ ...EMPTY_FILTERS, statuses: ['idea', 'planned'], body: ID, from: '2026-01-01' });
    expect(parsed.view).toBe('board');
    expect(parsed.offset).toBe(40);
  });

  it('writes the filters back (round trip) and pages only the list', () => {
    const filters = { ...EMPTY_FILTERS, q: ' Sprach ', statuses: ['paused', 'idea'] as MeasureStatus[], goal: ID, to: '2026-12-31' };
    const list = writeFilters(filters, 'list', 2);
    expect(list.toString()).toBe(`q=Sprach&status=idea%2Cpaused&ziel=${ID}&bis=2026-12-31&seite=2`);
    expect(parseFilters(list).filters).toEqual({ ...filters, q: 'Sprach', statuses: ['idea', 'paused'] });
    expect(writeFilters(filters, 'board', 2).get('seite')).toBeNull();
    expect(writeFilters(filters, 'board').get('ansicht')).toBe('tafel');
  });

  it('turns the filters into API parameters (also for the export)', () => {
    expect(isFiltered(EMPTY_FILTERS)).toBe(false);
    expect(filterParams(EMPTY_FILTERS)).toEqual({});
    const filters = { ...EMPTY_FILTERS, statuses: ['completed', 'planned'] as MeasureStatus[], field: ID, organisation: ID, from: '2026-01-01' };
    expect(isFiltered(filters)).toBe(true);
    expect(filterParams(filters)).toEqual({
      status: ['planned', 'completed'],
      field_of_action_id: ID,
      organisation_id: ID,
      active_from: '2026-01-01',
    });
    expect(listParams(filters, 20, 40)).toMatchObject({ limit: 20, offset: 40, active_from: '2026-01-01' });
  });
});
