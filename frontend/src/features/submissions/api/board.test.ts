// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { BOARD_STATUSES, EMPTY_FILTERS, boardColumn, isFiltered, parseBoardSearch, statusParams, writeBoardSearch } from './board';

const BODY = '3d6f7a52-0c1e-4b0a-9f58-2b7f1c9e8d11';

describe('the board of submissions', () => {
  it('has the columns in the life-cycle order; withdrawn papers are not a column', () => {
    expect(BOARD_STATUSES).toEqual(['draft', 'submitted', 'scheduled', 'decided']);
  });

  it('says how many papers of a column it does not show', () => {
    const rows = [{ id: 'a' }, { id: 'b' }];
    expect(boardColumn('submitted', { items: rows, total: 25 })).toEqual({ status: 'submitted', items: rows, total: 25, more: 23 });
    expect(boardColumn('draft', { items: rows, total: 2 }).more).toBe(0);
    expect(boardColumn('draft', { items: [], total: 0 })).toEqual({ status: 'draft', items: [], total: 0, more: 0 });
  });

  it('asks the API for one status with the filters', () => {
    expect(statusParams(EMPTY_FILTERS, 'draft', 20)).toEqual({ status: ['draft'], limit: 20, offset: 0 });
    expect(statusParams({ q: ' Kita ', body: BODY }, 'decided', 20, 40)).toEqual({
      status: ['decided'],
      limit: 20,
      offset: 40,
      q: 'Kita',
      body_id: BODY,
    });
  });
});

describe('board filters in the address bar', () => {
  it('reads search, body, one status and its page; drops malformed values', () => {
    expect(parseBoardSearch(new URLSearchParams(`q=Kita&gremium=${BODY}&status=withdrawn&seite=3`))).toEqual({
      filters: { q: 'Kita', body: BODY },
      status: 'withdrawn',
      offset: 40,
    });
    expect(parseBoardSearch(new URLSearchParams('gremium=kein-uuid&status=bogus&seite=3'))).toEqual({
      filters: EMPTY_FILTERS,
      status: null,
      offset: 0,
    });
  });

  it('writes them back (round trip); the board itself has no page', () => {
    const list = writeBoardSearch({ q: ' Kita ', body: BODY }, 'submitted', 2);
    expect(list.toString()).toBe(`q=Kita&gremium=${BODY}&status=submitted&seite=2`);
    expect(parseBoardSearch(list)).toEqual({ filters: { q: 'Kita', body: BODY }, status: 'submitted', offset: 20 });
    expect(writeBoardSearch({ q: 'Kita', body: '' }, null, 2).toString()).toBe('q=Kita');
    expect(isFiltered(EMPTY_FILTERS)).toBe(false);
    expect(isFiltered({ q: '', body: BODY })).toBe(true);
  });
});
