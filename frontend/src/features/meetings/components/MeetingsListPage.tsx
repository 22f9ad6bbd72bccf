import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { FilterActions } from '@/components/FilterActions';
import { Page } from '@/components/Page';
import { ResultTable } from '@/components/ResultTable';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Button, type Column, Loader, SelectField, TextField } from '@/components/ui';
import { saveBlob } from '@/lib/download';
import { formatDate, formatTime } from '@/lib/format';
import { pageOffset } from '@/lib/paging';
import { berlinDay, berlinToday, monthOf, monthRange, monthWeeks, shiftMonth } from '../api/dates';
import {
  MEETING_STATUSES,
  MONTH_LIMIT,
  type MeetingListItem,
  type MeetingListParams,
  type MeetingStatus,
  PAGE_SIZE,
  bodiesQuery,
  fetchMeetingsCalendar,
  meetingsListQuery,
} from '../api/meetings';
import '../meetings.css';
import { StatusBadge, meetingLabel, useCanPlan } from './shared';

interface Filters {
  q: string;
  body: string;
  status: string;
  from: string;
  to: string;
}

const EMPTY: Filters = { q: '', body: '', status: '', from: '', to: '' };
const URL_KEYS: Record<keyof Filters, string> = { q: 'q', body: 'gremium', status: 'status', from: 'von', to: 'bis' };
const UUID = /^[0-9a-f-]{36}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

function parse(search: URLSearchParams) {
  const get = (key: keyof Filters) => search.get(URL_KEYS[key]) ?? '';
  const filters: Filters = {
    q: get('q'),
    body: UUID.test(get('body')) ? get('body') : '',
    status: (MEETING_STATUSES as readonly string[]).includes(get('status')) ? get('status') : '',
    from: DAY.test(get('from')) ? get('from') : '',
    to: DAY.test(get('to')) ? get('to') : '',
  };
  const month = search.get('monat') ?? '';
  return {
    filters,
    offset: pageOffset(search, PAGE_SIZE),
    calendar: search.get('ansicht') === 'kalender',
    month: MONTH.test(month) ? month : monthOf(filters.from || berlinToday()),
  };
}

/** The API's filters for the list's filter fields (dates are Berlin days, inclusive). */
function toParams(filters: Filters): MeetingListParams {
  return {
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.body ? { body_id: filters.body } : {}),
    ...(filters.status ? { status: filters.status as MeetingStatus } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  };
}

export function MeetingsListPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const canPlan = useCanPlan();
  const [search, setSearch] = useSearchParams();
  const current = parse(search);
  const [filters, setFilters] = useState<Filters>(current.filters);
  const [calendarError, setCalendarError] = useState(false);
  const flash = (location.state as { flash?: string } | null)?.flash;
  const bodies = useQuery(bodiesQuery);

  const write = (next: Filters, options: { page?: number; calendar?: boolean; month?: string } = {}) => {
    const result = new URLSearchParams();
    for (const key of Object.keys(URL_KEYS) as (keyof Filters)[]) {
      const value = next[key].trim();
      if (value) result.set(URL_KEYS[key], value);
    }
    const calendar = options.calendar ?? current.calendar;
    if (calendar) {
      result.set('ansicht', 'kalender');
      result.set('monat', options.month ?? current.month);
    } else if ((options.page ?? 1) > 1) {
      result.set('seite', String(options.page));
    }
    setSearch(result);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    write(filters, filters.from ? { month: monthOf(filters.from) } : {});
  };
  const set = (key: keyof Filters) => (value: string) => setFilters((f) => ({ ...f, [key]: value }));
  const filtered = Object.values(current.filters).some((v) => v !== '');

  const downloadCalendar = async () => {
    setCalendarError(false);
    try {
      const file = await fetchMeetingsCalendar();
      saveBlob(file.blob, file.fileName);
    } catch {
      setCalendarError(true);
    }
  };

  return (
    <Page
      title={t('meetings.list.title')}
      lead={t('meetings.list.lead')}
      actions={
        <>
          {canPlan && (
            <>
              <Link className="kern-btn kern-btn--primary" to="/sitzungen/neu">
                <span className="kern-icon kern-icon--add" aria-hidden="true" />
                <span className="kern-label">{t('meetings.list.create')}</span>
              </Link>
              <Link className="kern-btn kern-btn--secondary" to="/sitzungen/planen">
                <span className="kern-label">{t('meetings.list.plan')}</span>
              </Link>
            </>
          )}
          <Button variant="secondary" onClick={() => void downloadCalendar()}>
            {t('meetings.list.calendarFile')}
          </Button>
        </>
      }
    >
      {flash && <Alert variant="success" title={flash} live="status" />}
      {calendarError && <Alert variant="danger" title={t('meetings.list.calendarFailed')} live="alert" />}
      <div role="search" className="app-section">
        <form className="app-filter" onSubmit={onSubmit} aria-label={t('meetings.list.filterLabel')}>
          <TextField
            id="meetings-q"
            type="search"
            label={t('meetings.list.search')}
            hint={t('meetings.list.searchHint')}
            value={filters.q}
            onChange={(e) => set('q')(e.target.value)}
          />
          <SelectField
            id="meetings-body"
            label={t('meetings.fields.body')}
            value={filters.body}
            onChange={(e) => set('body')(e.target.value)}
            options={[
              { value: '', label: t('meetings.list.allBodies') },
              ...(bodies.data ?? []).map((b) => ({ value: b.id, label: b.name })),
            ]}
          />
          <SelectField
            id="meetings-status"
            label={t('meetings.fields.status')}
            value={filters.status}
            onChange={(e) => set('status')(e.target.value)}
            options={[
              { value: '', label: t('meetings.list.allStatuses') },
              ...MEETING_STATUSES.map((s) => ({ value: s, label: t(`meetings.status.${s}`) })),
            ]}
          />
          <TextField
            id="meetings-from"
            type="date"
            label={t('meetings.list.from')}
            value={filters.from}
            onChange={(e) => set('from')(e.target.value)}
          />
          <TextField
            id="meetings-to"
            type="date"
            label={t('meetings.list.to')}
            value={filters.to}
            onChange={(e) => set('to')(e.target.value)}
          />
          <FilterActions
            applyLabel={t('meetings.list.apply')}
            resetLabel={t('meetings.list.reset')}
            filtered={filtered}
            onReset={() => {
              setFilters(EMPTY);
              write(EMPTY);
            }}
          />
        </form>
      </div>

      <fieldset className="kern-fieldset app-section">
        <legend className="kern-label">{t('meetings.list.view')}</legend>
        <div className="kern-fieldset__body kern-fieldset__body--horizontal">
          {(['list', 'calendar'] as const).map((view) => (
            <div className="kern-form-check" key={view}>
              <input
                type="radio"
                className="kern-form-check__radio"
                id={`meetings-view-${view}`}
                name="meetings-view"
                checked={current.calendar === (view === 'calendar')}
                onChange={() => write(current.filters, { calendar: view === 'calendar' })}
              />
              <label className="kern-label" htmlFor={`meetings-view-${view}`}>
                {t(view === 'list' ? 'meetings.list.viewList' : 'meetings.list.viewCalendar')}
              </label>
            </div>
          ))}
        </div>
      </fieldset>

      {current.calendar ? (
        <MonthView filters={current.filters} month={current.month} onMonth={(month) => write(current.filters, { month })} />
      ) : (
        <ListView filters={current.filters} filtered={filtered} offset={current.offset} onPage={(page) => write(current.filters, { page })} />
      )}
    </Page>
  );
}

function ListView({
  filters,
  filtered,
  offset,
  onPage,
}: {
  filters: Filters;
  filtered: boolean;
  offset: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const list = useQuery(meetingsListQuery({ ...toParams(filters), limit: PAGE_SIZE, offset }));

  const columns: Column<MeetingListItem>[] = [
    {
      key: 'date',
      header: t('meetings.fields.date'),
      cell: (m) => (
        <>
          {formatDate(m.starts_at)}
          <br />
          {formatTime(m.starts_at)}–{formatTime(m.ends_at)}
        </>
      ),
    },
    { key: 'body', header: t('meetings.fields.body'), cell: (m) => m.body.short_name || m.body.name },
    {
      key: 'title',
      header: t('meetings.fields.titleNumber'),
      rowHeader: true,
      cell: (m) => (
        <Link className="kern-link" to={`/sitzungen/${m.id}`}>
          {meetingLabel(m)}
        </Link>
      ),
    },
    { key: 'status', header: t('meetings.fields.status'), cell: (m) => <StatusBadge status={m.status} /> },
    {
      key: 'counts',
      header: t('meetings.fields.counts'),
      cell: (m) => t('meetings.list.countsValue', { ...m.counts }),
    },
  ];

  if (list.isPending) return <Loader label={t('common.loading')} />;
  if (list.isError) return <ProblemAlert error={list.error} />;
  return (
    <ResultTable
      id="meetings-result"
      query={list}
      count={(vars) => t('meetings.list.count', vars)}
      caption={t('meetings.list.caption')}
      columns={columns}
      rowKey={(m) => m.id}
      empty={filtered ? t('meetings.list.emptyFiltered') : t('meetings.list.empty')}
      paginationLabel={t('meetings.list.pagination')}
      limit={PAGE_SIZE}
      offset={offset}
      onPage={onPage}
    />
  );
}

const monthName = new Intl.DateTimeFormat('de-DE', { month: 'long', year: 'numeric', timeZone: 'UTC' });

function MonthView({ filters, month, onMonth }: { filters: Filters; month: string; onMonth: (month: string) => void }) {
  const { t } = useTranslation();
  const [first, last] = monthRange(month);
  // The month's days, within the chosen period when one is set.
  const from = filters.from && filters.from > first ? filters.from : first;
  const to = filters.to && filters.to < last ? filters.to : last;
  const list = useQuery({
    ...meetingsListQuery({ ...toParams(filters), from, to, limit: MONTH_LIMIT, offset: 0 }),
    enabled: from <= to,
  });
  const label = monthName.format(new Date(`${first}T12:00:00Z`));
  const items = from <= to ? (list.data?.items ?? []) : [];
  const byDay = new Map<string, MeetingListItem[]>();
  for (const meeting of items) {
    const day = berlinDay(meeting.starts_at);
    byDay.set(day, [...(byDay.get(day) ?? []), meeting]);
  }
  const today = berlinToday();

  return (
    <section aria-labelledby="meetings-month" className="app-section">
      <div className="app-calendar__nav">
        <Button variant="secondary" icon="chevron-left" onClick={() => onMonth(shiftMonth(month, -1))}>
          {t('meetings.list.previousMonth')}
        </Button>
        <h2 className="kern-heading-small" id="meetings-month" aria-live="polite">
          {label}
        </h2>
        <Button variant="secondary" icon="chevron-right" onClick={() => onMonth(shiftMonth(month, 1))}>
          {t('meetings.list.nextMonth')}
        </Button>
      </div>
      {list.isError && <ProblemAlert error={list.error} />}
      {list.isPending && from <= to && <Loader label={t('common.loading')} />}
      <p className="kern-body" aria-live="polite">
        {t('meetings.list.monthCount', { count: items.length, month: label })}
      </p>
      {list.data && list.data.total > items.length && <Alert variant="warning" title={t('meetings.list.tooMany')} />}
      <div className="kern-table-responsive app-calendar-region" tabIndex={0} role="region" aria-label={t('meetings.list.monthCaption', { month: label })}>
        <table className="kern-table app-calendar">
          <caption className="kern-sr-only">{t('meetings.list.monthCaption', { month: label })}</caption>
          <thead className="kern-table__head">
            <tr className="kern-table__row">
              {WEEKDAYS.map((day) => (
                <th scope="col" className="kern-table__header" key={day}>
                  <abbr title={t(`meetings.list.weekdays.${day}`)}>{t(`meetings.list.weekdaysShort.${day}`)}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {monthWeeks(month).map((week, index) => (
              <tr className="kern-table__row" key={week.find(Boolean) ?? index}>
                {week.map((day, column) => {
                  if (!day) return <td className="kern-table__cell" key={`empty-${column}`} />;
                  const meetings = byDay.get(day) ?? [];
                  return (
                    <td className="kern-table__cell" key={day} aria-current={day === today ? 'date' : undefined}>
                      <span className="app-calendar__day">
                        <span aria-hidden="true">{Number(day.slice(8))}</span>
                        <span className="kern-sr-only">{formatDate(`${day}T12:00:00Z`)}</span>
                      </span>
                      {meetings.length > 0 && (
                        <ul className="app-calendar__list">
                          {meetings.map((meeting) => (
                            <li key={meeting.id}>
                              <Link className="kern-link" to={`/sitzungen/${meeting.id}`}>
                                {formatTime(meeting.starts_at)} {meetingLabel(meeting)}
                              </Link>
                              {meeting.status === 'cancelled' && <> ({t('meetings.status.cancelled')})</>}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
