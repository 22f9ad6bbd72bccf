import { isUuid } from '@/lib/ids';
import { pageOffset } from '@/lib/paging';
import { SUBMISSION_STATUSES, type SubmissionListParams, type SubmissionStatus } from './submissions';

/** The board's columns in the paper's life-cycle order; withdrawn papers are listed on request only. */
export const BOARD_STATUSES = ['draft', 'submitted', 'scheduled', 'decided'] as const satisfies readonly SubmissionStatus[];
/** Cards per column; the rest is reached through the column's list ("x weitere"). */
export const COLUMN_LIMIT = 20;
/** Rows per page of the list of one status. */
export const LIST_PAGE_SIZE = 20;

export interface BoardFilters {
  q: string;
  /** A body id, or ''. */
  body: string;
}

export const EMPTY_FILTERS: BoardFilters = { q: '', body: '' };

export interface BoardSearch {
  filters: BoardFilters;
  /** One status: the paged list of that status instead of the board. */
  status: SubmissionStatus | null;
  offset: number;
}

function isStatus(value: string): value is SubmissionStatus {
  return (SUBMISSION_STATUSES as readonly string[]).includes(value);
}

/** Reads `?q=…&gremium=…&status=…&seite=…`, dropping malformed values. */
export function parseBoardSearch(search: URLSearchParams): BoardSearch {
  const body = search.get('gremium') ?? '';
  const status = search.get('status') ?? '';
  const list = isStatus(status) ? status : null;
  return {
    filters: { q: (search.get('q') ?? '').trim(), body: isUuid(body) ? body : '' },
    status: list,
    offset: list ? pageOffset(search, LIST_PAGE_SIZE) : 0,
  };
}

/** The address bar for the filters, one status's list (or the board) and its page. */
export function writeBoardSearch(filters: BoardFilters, status: SubmissionStatus | null = null, page = 1): URLSearchParams {
  const result = new URLSearchParams();
  if (filters.q.trim()) result.set('q', filters.q.trim());
  if (filters.body) result.set('gremium', filters.body);
  if (status) result.set('status', status);
  if (status && page > 1) result.set('seite', String(page));
  return result;
}

export function isFiltered(filters: BoardFilters): boolean {
  return filters.q.trim() !== '' || filters.body !== '';
}

/** The API parameters of one status's papers under the filters. */
export function statusParams(filters: BoardFilters, status: SubmissionStatus, limit: number, offset = 0): SubmissionListParams {
  return {
    status: [status],
    limit,
    offset,
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
    ...(filters.body ? { body_id: filters.body } : {}),
  };
}

export interface BoardColumn<T> {
  status: SubmissionStatus;
  items: T[];
  total: number;
  /** Papers of this status the column does not show. */
  more: number;
}

/** A column from its status's first page: the cards shown and how many more there are. */
export function boardColumn<T>(status: SubmissionStatus, page: { items: T[]; total: number }): BoardColumn<T> {
  return { status, items: page.items, total: page.total, more: Math.max(0, page.total - page.items.length) };
}
