import { isUuid } from '@/lib/ids';
import { pageOffset } from '@/lib/paging';
import {
  MEASURE_PAGE_SIZE,
  MEASURE_STATUSES,
  type MeasureExportFilters,
  type MeasureListParams,
  type MeasureStatus,
} from './measures';

/** The filters of the measure list, as the form holds them. */
export interface MeasureFilters {
  q: string;
  statuses: MeasureStatus[];
  body: string;
  field: string;
  goal: string;
  organisation: string;
  from: string;
  to: string;
}

export type MeasureView = 'list' | 'board';

export const EMPTY_FILTERS: MeasureFilters = {
  q: '',
  statuses: [],
  body: '',
  field: '',
  goal: '',
  organisation: '',
  from: '',
  to: '',
};

/** German names in the address bar (`/massnahmen?status=planned,in_progress&gremium=…&ansicht=tafel`). */
const URL_KEYS = {
  q: 'q',
  statuses: 'status',
  body: 'gremium',
  field: 'handlungsfeld',
  goal: 'ziel',
  organisation: 'organisation',
  from: 'von',
  to: 'bis',
} as const satisfies Record<keyof MeasureFilters, string>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Filters, view and page offset from the address bar; anything malformed is dropped. */
export function parseFilters(search: URLSearchParams): { filters: MeasureFilters; view: MeasureView; offset: number } {
  const id = (key: 'body' | 'field' | 'goal' | 'organisation') => {
    const value = search.get(URL_KEYS[key]) ?? '';
    return isUuid(value) ? value : '';
  };
  const day = (key: 'from' | 'to') => {
    const value = search.get(URL_KEYS[key]) ?? '';
    return DAY.test(value) ? value : '';
  };
  const requested = search
    .getAll(URL_KEYS.statuses)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim());
  const statuses = MEASURE_STATUSES.filter((s) => requested.includes(s));
  return {
    filters: {
      q: (search.get(URL_KEYS.q) ?? '').trim(),
      statuses,
      body: id('body'),
      field: id('field'),
      goal: id('goal'),
      organisation: id('organisation'),
      from: day('from'),
      to: day('to'),
    },
    view: search.get('ansicht') === 'tafel' ? 'board' : 'list',
    offset: pageOffset(search, MEASURE_PAGE_SIZE),
  };
}

/** The address bar's parameters for filters, view and 1-based page (the board has no pages). */
export function writeFilters(filters: MeasureFilters, view: MeasureView, page = 1): URLSearchParams {
  const result = new URLSearchParams();
  if (filters.q.trim()) result.set(URL_KEYS.q, filters.q.trim());
  const statuses = MEASURE_STATUSES.filter((s) => filters.statuses.includes(s));
  if (statuses.length > 0) result.set(URL_KEYS.statuses, statuses.join(','));
  for (const key of ['body', 'field', 'goal', 'organisation', 'from', 'to'] as const) {
    if (filters[key]) result.set(URL_KEYS[key], filters[key]);
  }
  if (view === 'board') result.set('ansicht', 'tafel');
  else if (page > 1) result.set('seite', String(page));
  return result;
}

/** Whether any filter is set (the reset button and the empty text depend on it). */
export function isFiltered(filters: MeasureFilters): boolean {
  return Object.values(filters).some((value) => (Array.isArray(value) ? value.length > 0 : value !== ''));
}

/** The API's filters for the list and the export (no paging). */
export function filterParams(filters: MeasureFilters): MeasureExportFilters {
  const q = filters.q.trim();
  return {
    ...(q ? { q } : {}),
    ...(filters.statuses.length > 0 ? { status: MEASURE_STATUSES.filter((s) => filters.statuses.includes(s)) } : {}),
    ...(filters.body ? { body_id: filters.body } : {}),
    ...(filters.field ? { field_of_action_id: filters.field } : {}),
    ...(filters.goal ? { goal_id: filters.goal } : {}),
    ...(filters.organisation ? { organisation_id: filters.organisation } : {}),
    ...(filters.from ? { active_from: filters.from } : {}),
    ...(filters.to ? { active_to: filters.to } : {}),
  };
}

/** One page of the list with the filters. */
export function listParams(filters: MeasureFilters, limit: number, offset: number): MeasureListParams {
  return { ...filterParams(filters), limit, offset };
}
