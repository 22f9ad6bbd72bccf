import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { ExportBar } from '@/components/ExportButtons';
import { FilterActions } from '@/components/FilterActions';
import { Page } from '@/components/Page';
import { ResultTable } from '@/components/ResultTable';
import { Alert, CheckboxGroup, type Column, SelectField, TextField } from '@/components/ui';
import { bodyOptionsQuery, organisationOptionsQuery } from '@/lib/api/options';
import { type ExportFormat, saveBlob } from '@/lib/download';
import { formatDate } from '@/lib/format';
import {
  EMPTY_FILTERS,
  type MeasureFilters,
  type MeasureView,
  filterParams,
  isFiltered,
  listParams,
  parseFilters,
  writeFilters,
} from '../api/filters';
import {
  MEASURE_PAGE_SIZE,
  MEASURE_STATUSES,
  type MeasureListItem,
  type MeasureStatus,
  fetchMeasuresExport,
  fieldOptionsQuery,
  goalOptionsQuery,
  measuresListQuery,
} from '../api/measures';
import { MeasureBoard } from './MeasureBoard';
import { MeasureStatusBadge, ProgressBar, useCanExportMeasures, useCanWriteMeasures } from './shared';
import '../measures.css';

/** "Maßnahmen": filterable list or board (one column per status), CSV/Excel export for coordinators. */
export function MeasuresListPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const canWrite = useCanWriteMeasures();
  const canExport = useCanExportMeasures();
  const [search, setSearch] = useSearchParams();
  const current = parseFilters(search);
  const [filters, setFilters] = useState<MeasureFilters>(current.filters);
  const flash = (location.state as { flash?: string } | null)?.flash;
  const filtered = isFiltered(current.filters);

  const write = (next: MeasureFilters, view: MeasureView = current.view, page = 1) => setSearch(writeFilters(next, view, page));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    write(filters);
  };

  return (
    <Page
      title={t('measures.list.title')}
      lead={t('measures.list.lead')}
      actions={
        (canWrite || canExport) && (
          <>
            {canWrite && (
              <Link className="kern-btn kern-btn--primary" to="/massnahmen/neu">
                <span className="kern-icon kern-icon--add" aria-hidden="true" />
                <span className="kern-label">{t('measures.list.create')}</span>
              </Link>
            )}
            {canExport && (
              <Link className="kern-btn kern-btn--secondary" to="/massnahmen/import">
                <span className="kern-label">{t('measures.list.import')}</span>
              </Link>
            )}
          </>
        )
      }
    >
      {flash && <Alert variant="success" title={flash} live="status" />}
      {!canWrite && <p className="kern-body">{t('measures.list.readOnly')}</p>}
      <FilterForm
        filters={filters}
        onChange={setFilters}
        onSubmit={onSubmit}
        filtered={filtered}
        onReset={() => {
          setFilters(EMPTY_FILTERS);
          write(EMPTY_FILTERS);
        }}
      />

      <fieldset className="kern-fieldset app-section">
        <legend className="kern-label">{t('measures.list.view')}</legend>
        <div className="kern-fieldset__body kern-fieldset__body--horizontal">
          {(['list', 'board'] as const).map((view) => (
            <div className="kern-form-check" key={view}>
              <input
                type="radio"
                className="kern-form-check__radio"
                id={`measures-view-${view}`}
                name="measures-view"
                checked={current.view === view}
                onChange={() => write(current.filters, view)}
              />
              <label className="kern-label" htmlFor={`measures-view-${view}`}>
                {t(view === 'list' ? 'measures.list.viewList' : 'measures.list.viewBoard')}
              </label>
            </div>
          ))}
        </div>
      </fieldset>

      {current.view === 'board' ? (
        <MeasureBoard filters={current.filters} filtered={filtered} />
      ) : (
        <ListView filters={current.filters} filtered={filtered} offset={current.offset} onPage={(page) => write(current.filters, 'list', page)} />
      )}
      {canExport && <MeasureExport filters={current.filters} />}
    </Page>
  );
}

function FilterForm({
  filters,
  onChange,
  onSubmit,
  filtered,
  onReset,
}: {
  filters: MeasureFilters;
  onChange: (next: MeasureFilters) => void;
  onSubmit: (event: FormEvent) => void;
  filtered: boolean;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const bodies = useQuery(bodyOptionsQuery);
  const organisations = useQuery(organisationOptionsQuery);
  const fields = useQuery(fieldOptionsQuery);
  const goals = useQuery(goalOptionsQuery);
  const set = <K extends keyof MeasureFilters>(key: K, value: MeasureFilters[K]) => onChange({ ...filters, [key]: value });

  return (
    <div role="search" className="app-section">
      <form className="app-filter" onSubmit={onSubmit} aria-label={t('measures.list.filterLabel')}>
        <TextField
          id="measures-q"
          type="search"
          label={t('measures.list.search')}
          hint={t('measures.list.searchHint')}
          value={filters.q}
          onChange={(e) => set('q', e.target.value)}
        />
        <SelectField
          id="measures-body"
          label={t('measures.fields.bodyShort')}
          value={filters.body}
          onChange={(e) => set('body', e.target.value)}
          options={[
            { value: '', label: t('measures.list.allBodies') },
            ...(bodies.data ?? []).map((b) => ({ value: b.id, label: b.name })),
          ]}
        />
        {fields.isSuccess && fields.data.length > 0 && (
          <SelectField
            id="measures-field"
            label={t('measures.list.field')}
            value={filters.field}
            onChange={(e) => set('field', e.target.value)}
            options={[
              { value: '', label: t('measures.list.allFields') },
              ...fields.data.map((f) => ({ value: f.id, label: `${f.code} ${f.title}` })),
            ]}
          />
        )}
        {goals.isSuccess && goals.data.length > 0 && (
          <SelectField
            id="measures-goal"
            label={t('measures.list.goal')}
            value={filters.goal}
            onChange={(e) => set('goal', e.target.value)}
            options={[
              { value: '', label: t('measures.list.allGoals') },
              ...goals.data.map((g) => ({ value: g.id, label: `${g.code} ${g.title}` })),
            ]}
          />
        )}
        <SelectField
          id="measures-organisation"
          label={t('measures.list.organisation')}
          value={filters.organisation}
          onChange={(e) => set('organisation', e.target.value)}
          options={[
            { value: '', label: t('measures.list.allOrganisations') },
            ...(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name })),
          ]}
        />
        <TextField
          id="measures-from"
          type="date"
          label={t('measures.list.from')}
          hint={t('measures.list.periodHint')}
          value={filters.from}
          onChange={(e) => set('from', e.target.value)}
        />
        <TextField
          id="measures-to"
          type="date"
          label={t('measures.list.to')}
          value={filters.to}
          onChange={(e) => set('to', e.target.value)}
        />
        <div className="app-measure-statuses">
          <CheckboxGroup
            id="measures-status"
            legend={t('measures.list.statusLegend')}
            hint={t('measures.list.statusHint')}
            options={MEASURE_STATUSES.map((s) => ({ value: s, label: t(`measures.statuses.${s}`) }))}
            value={filters.statuses}
            onChange={(value) => set('statuses', value as MeasureStatus[])}
          />
        </div>
        {(fields.isError || goals.isError) && (
          <p className="kern-body kern-body--small app-filter__actions">{t('measures.list.optionsFailed')}</p>
        )}
        <FilterActions
          applyLabel={t('measures.list.apply')}
          resetLabel={t('measures.list.reset')}
          filtered={filtered}
          onReset={onReset}
        />
      </form>
    </div>
  );
}

function ListView({
  filters,
  filtered,
  offset,
  onPage,
}: {
  filters: MeasureFilters;
  filtered: boolean;
  offset: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const list = useQuery(measuresListQuery(listParams(filters, MEASURE_PAGE_SIZE, offset)));

  const columns: Column<MeasureListItem>[] = [
    { key: 'reference', header: t('measures.fields.reference'), cell: (m) => <span className="app-nowrap">{m.reference}</span> },
    {
      key: 'title',
      header: t('measures.fields.title'),
      rowHeader: true,
      cell: (m) => (
        <Link className="kern-link" to={`/massnahmen/${m.id}`}>
          {m.title}
        </Link>
      ),
    },
    { key: 'body', header: t('measures.fields.bodyShort'), cell: (m) => m.body_short_name || m.body_name },
    { key: 'status', header: t('measures.fields.status'), cell: (m) => <MeasureStatusBadge status={m.status} /> },
    {
      key: 'progress',
      header: t('measures.fields.progress'),
      cell: (m) => <ProgressBar id={`measure-progress-${m.id}`} value={m.progress} label={t('measures.progressValue', { value: m.progress })} />,
    },
    {
      key: 'period',
      header: t('measures.fields.period'),
      cell: (m) =>
        m.starts_on || m.ends_on
          ? t('measures.detail.periodValue', {
              from: m.starts_on ? formatDate(`${m.starts_on}T12:00:00Z`) : t('measures.detail.openEnd'),
              to: m.ends_on ? formatDate(`${m.ends_on}T12:00:00Z`) : t('measures.detail.openEnd'),
            })
          : t('directory.none'),
    },
    { key: 'goals', header: t('measures.fields.goals'), cell: (m) => (m.goal_codes.length > 0 ? m.goal_codes.join(', ') : t('directory.none')) },
    {
      key: 'leads',
      header: t('measures.fields.leads'),
      cell: (m) => (m.lead_organisation_names.length > 0 ? m.lead_organisation_names.join('; ') : t('directory.none')),
    },
  ];

  return (
    <ResultTable
      id="measures-result"
      query={list}
      count={(vars) => t('measures.list.count', vars)}
      caption={t('measures.list.caption')}
      columns={columns}
      rowKey={(m) => m.id}
      empty={filtered ? t('measures.list.emptyFiltered') : t('measures.list.empty')}
      paginationLabel={t('measures.list.pagination')}
      limit={MEASURE_PAGE_SIZE}
      offset={offset}
      onPage={onPage}
    />
  );
}

/** CSV and Excel download of the measures with the filters in use (no personal data, no reason asked). */
function MeasureExport({ filters }: { filters: MeasureFilters }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<unknown>(null);

  const run = async (format: ExportFormat) => {
    setError(null);
    setPending(format);
    try {
      const file = await fetchMeasuresExport(format, filterParams(filters));
      saveBlob(file.blob, file.fileName);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(null);
    }
  };

  return (
    <ExportBar
      id="measures-export"
      label={t('measures.export.title')}
      note={t('measures.export.note')}
      pending={pending}
      error={error}
      onExport={(format) => void run(format)}
    />
  );
}
