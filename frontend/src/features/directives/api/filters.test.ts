// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { nextStatuses, validateStatusNote } from './directives';
import { DEFAULT_FILTERS, isFiltered, listParams, parseFilters, writeFilters } from './filters';

const BODY = '3d6f7a52-0c1e-4b0a-9f58-2b7f1c9e8d11';

describe('directive filters', () => {
  it('read the address bar, dropping what is malformed', () => {
    expect(parseFilters(new URLSearchParams(''))).toEqual({ ...DEFAULT_FILTERS, offset: 0 });
    expect(parseFilters(new URLSearchParams(`q=+Kurs+&status=done&ueberfaellig=1&gremium=${BODY}&seite=3`))).toEqual({
      q: 'Kurs',
      status: 'done',
      overdue: true,
      body: BODY,
      offset: 40,
    });
    expect(parseFilters(new URLSearchParams('status=irgendwas&ueberfaellig=ja&gremium=AK'))).toEqual({ ...DEFAULT_FILTERS, offset: 0 });
  });

  it('write only what differs from the defaults, and read back the same', () => {
    expect(writeFilters(DEFAULT_FILTERS).toString()).toBe('');
    expect(isFiltered(DEFAULT_FILTERS)).toBe(false);
    const filters = { q: 'Kurs', status: 'alle' as const, overdue: true, body: BODY };
    const written = writeFilters(filters, 2);
    expect(written.toString()).toBe(`q=Kurs&status=alle&ueberfaellig=1&gremium=${BODY}&seite=2`);
    expect(parseFilters(written)).toEqual({ ...filters, offset: 20 });
    expect(isFiltered({ ...DEFAULT_FILTERS, overdue: true })).toBe(true);
  });

  it('ask the API for what is still to do by default, and for overdue ones with the checkbox', () => {
    expect(listParams(DEFAULT_FILTERS, 0)).toEqual({ limit: 20, offset: 0, status: ['open', 'in_progress'] });
    expect(listParams({ ...DEFAULT_FILTERS, status: 'alle', overdue: true, body: BODY, q: ' Kurs ' }, 40)).toEqual({
      limit: 20,
      offset: 40,
      q: 'Kurs',
      overdue: true,
      addressee_body_id: BODY,
    });
    expect(listParams({ ...DEFAULT_FILTERS, status: 'done' }, 0).status).toEqual(['done']);
  });
});

describe('directive status changes', () => {
  it('offer the moves the API allows; reopening a done one only to coordinators', () => {
    expect(nextStatuses('open', false)).toEqual(['in_progress', 'done']);
    expect(nextStatuses('in_progress', false)).toEqual(['done', 'open']);
    expect(nextStatuses('done', false)).toEqual([]);
    expect(nextStatuses('done', true)).toEqual(['in_progress']);
  });

  it('need a completion note for done only', () => {
    expect(validateStatusNote('', '')).toEqual({ status: 'directives.validation.status' });
    expect(validateStatusNote('done', '  ')).toEqual({ note: 'directives.validation.noteRequired' });
    expect(validateStatusNote('done', 'Zwei Träger haben zugesagt.')).toEqual({});
    expect(validateStatusNote('in_progress', '')).toEqual({});
  });
});
