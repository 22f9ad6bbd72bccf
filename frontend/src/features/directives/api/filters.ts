import { isUuid } from '@/lib/ids';
import { pageOffset } from '@/lib/paging';
import { DIRECTIVE_PAGE_SIZE, DIRECTIVE_STATUSES, type DirectiveListParams, type DirectiveStatus } from './directives';

/** The status filter: the default shows what is still to do; `alle` everything. */
export type StatusFilter = 'unerledigt' | DirectiveStatus | 'alle';
export const STATUS_FILTERS = ['unerledigt', ...DIRECTIVE_STATUSES, 'alle'] as const satisfies readonly StatusFilter[];

export interface DirectiveFilters {
  q: string;
  status: StatusFilter;
  /** Only directives past their due date and not done. */
  overdue: boolean;
  /** The addressed body's id, or ''. */
  body: string;
}

export const DEFAULT_FILTERS: DirectiveFilters = { q: '', status: 'unerledigt', overdue: false, body: '' };

/**
 * Filters and page offset from the address bar
 * (`/handlungsanweisungen?status=done&ueberfaellig=1&gremium=…&q=…&seite=2`); anything malformed is dropped.
 */
export function parseFilters(search: URLSearchParams): DirectiveFilters & { offset: number } {
  const status = search.get('status') ?? '';
  const body = search.get('gremium') ?? '';
  return {
    q: (search.get('q') ?? '').trim(),
    status: (STATUS_FILTERS as readonly string[]).includes(status) ? (status as StatusFilter) : 'unerledigt',
    overdue: search.get('ueberfaellig') === '1',
    body: isUuid(body) ? body : '',
    offset: pageOffset(search, DIRECTIVE_PAGE_SIZE),
  };
}

/** The address bar's parameters for the filters and the 1-based page; defaults are left out. */
export function writeFilters(filters: DirectiveFilters, page = 1): URLSearchParams {
  const result = new URLSearchParams();
  if (filters.q.trim()) result.set('q', filters.q.trim());
  if (filters.status !== 'unerledigt') result.set('status', filters.status);
  if (filters.overdue) result.set('ueberfaellig', '1');
  if (filters.body) result.set('gremium', filters.body);
  if (page > 1) result.set('seite', String(page));
  return result;
}

export function isFiltered(filters: DirectiveFilters): boolean {
  return writeFilters(filters).toString() !== '';
}

/** One page of the list with the filters, as the API takes them. */
export function listParams(filters: DirectiveFilters, offset: number): DirectiveListParams {
  const q = filters.q.trim();
  const status: DirectiveStatus[] | null =
    filters.status === 'unerledigt' ? ['open', 'in_progress'] : filters.status === 'alle' ? null : [filters.status];
  return {
    limit: DIRECTIVE_PAGE_SIZE,
    offset,
    ...(q ? { q } : {}),
    ...(status ? { status } : {}),
    ...(filters.overdue ? { overdue: true } : {}),
    ...(filters.body ? { addressee_body_id: filters.body } : {}),
  };
}
