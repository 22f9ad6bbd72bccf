import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { FilterActions } from '@/components/FilterActions';
import { Page } from '@/components/Page';
import { ResultTable } from '@/components/ResultTable';
import { Alert, type Column, SelectField, TextField } from '@/components/ui';
import { formatDate } from '@/lib/format';
import { fieldOfActionLabel } from '../api/needForm';
import {
  NEED_PAGE_SIZE,
  NEED_STATUSES,
  type Need,
  type NeedListParams,
  type NeedStatus,
  fieldOfActionOptionsQuery,
  needsListQuery,
} from '../api/needs';
import { bodyOptionsQuery } from '@/lib/api/options';
import { pageOffset } from '@/lib/paging';
import { NeedStatusBadge, useCanEditNeeds } from './shared';
import { isUuid } from '@/lib/ids';

interface Filters {
  q: string;
  body: string;
  /** A field of action id, or ''. */
  field: string;
  /** A status, or 'alle'. */
  status: string;
}

const DEFAULT: Filters = { q: '', body: '', field: '', status: 'open' };
function parse(search: URLSearchParams): Filters & { offset: number } {
  const body = search.get('gremium') ?? '';
  const field = search.get('handlungsfeld') ?? '';
  const status = search.get('status') ?? 'open';
  return {
    q: search.get('q') ?? '',
    body: isUuid(body) ? body : '',
    field: isUuid(field) ? field : '',
    status: status === 'alle' || (NEED_STATUSES as readonly string[]).includes(status) ? status : 'open',
    offset: pageOffset(search, NEED_PAGE_SIZE),
  };
}

/** "Bedarfe": gaps and demands raised in the bodies; open ones first by default. */
export function NeedsListPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const canEdit = useCanEditNeeds();
  const [search, setSearch] = useSearchParams();
  const current = parse(search);
  const [filters, setFilters] = useState<Filters>(current);
  const bodies = useQuery(bodyOptionsQuery);
  const fields = useQuery(fieldOfActionOptionsQuery);
  const flash = (location.state as { flash?: string } | null)?.flash;

  const params: NeedListParams = {
    limit: NEED_PAGE_SIZE,
    offset: current.offset,
    ...(current.q.trim() ? { q: current.q.trim() } : {}),
    ...(current.body ? { body_id: current.body } : {}),
    ...(current.field ? { field_of_action_id: current.field } : {}),
    ...(current.status !== 'alle' ? { status: [current.status as NeedStatus] } : {}),
  };
  const list = useQuery(needsListQuery(params));

  const apply = (next: Filters, page = 1) => {
    const result = new URLSearchParams();
    if (next.q.trim()) result.set('q', next.q.trim());
    if (next.body) result.set('gremium', next.body);
    if (next.field) result.set('handlungsfeld', next.field);
    if (next.status !== 'open') result.set('status', next.status);
    if (page > 1) result.set('seite', String(page));
    setSearch(result);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    apply(filters);
  };

  const filtered = Boolean(current.q || current.body || current.field || current.status !== 'open');

  const columns: Column<Need>[] = [
    {
      key: 'title',
      header: t('needs.fields.title'),
      rowHeader: true,
      cell: (n) => (
        <Link className="kern-link" to={`/bedarfe/${n.id}`}>
          {n.title}
        </Link>
      ),
    },
    { key: 'body', header: t('needs.fields.body'), cell: (n) => n.body_short_name || n.body_name },
    { key: 'status', header: t('needs.fields.status'), cell: (n) => <NeedStatusBadge status={n.status} /> },
    {
      key: 'fieldOfAction',
      header: t('needs.fields.fieldOfAction'),
      cell: (n) => (n.field_of_action ? fieldOfActionLabel(n.field_of_action) : t('directory.none')),
    },
    { key: 'created', header: t('needs.fields.createdAt'), cell: (n) => formatDate(n.created_at) },
  ];

  return (
    <Page
      title={t('needs.list.title')}
      lead={t('needs.list.lead')}
      actions={
        canEdit && (
          <Link className="kern-btn kern-btn--primary" to="/bedarfe/neu">
            <span className="kern-icon kern-icon--add" aria-hidden="true" />
            <span className="kern-label">{t('needs.list.create')}</span>
          </Link>
        )
      }
    >
      {flash && <Alert variant="success" title={flash} live="status" />}
      {!canEdit && <p className="kern-body">{t('needs.list.readOnly')}</p>}
      <div role="search" className="app-section">
        <form className="app-filter" onSubmit={onSubmit} aria-label={t('needs.list.filterLabel')}>
          <TextField
            id="needs-q"
            type="search"
            label={t('needs.list.search')}
            hint={t('needs.list.searchHint')}
            value={filters.q}
            onChange={(e) => setFilters((f) => ({ ...f, q: e.target.value }))}
          />
          <SelectField
            id="needs-body"
            label={t('needs.fields.body')}
            value={filters.body}
            onChange={(e) => setFilters((f) => ({ ...f, body: e.target.value }))}
            options={[
              { value: '', label: t('needs.list.allBodies') },
              ...(bodies.data ?? []).map((b) => ({ value: b.id, label: b.name })),
            ]}
          />
          <SelectField
            id="needs-field"
            label={t('needs.fields.fieldOfAction')}
            value={filters.field}
            onChange={(e) => setFilters((f) => ({ ...f, field: e.target.value }))}
            options={[
              { value: '', label: t('needs.list.allFields') },
              ...(fields.data ?? []).map((f) => ({ value: f.id, label: fieldOfActionLabel(f) })),
              ...(current.field && !fields.data?.some((f) => f.id === current.field)
                ? [{ value: current.field, label: t('needs.list.otherField') }]
                : []),
            ]}
          />
          <SelectField
            id="needs-status"
            label={t('needs.fields.status')}
            value={filters.status}
            onChange={(e) => setFilters((f) => ({ ...f, status: e.target.value }))}
            options={[
              ...NEED_STATUSES.map((s) => ({ value: s, label: t(`needs.statuses.${s}`) })),
              { value: 'alle', label: t('needs.list.allStatuses') },
            ]}
          />
          <FilterActions
            applyLabel={t('needs.list.apply')}
            resetLabel={t('needs.list.reset')}
            filtered={filtered}
            onReset={() => {
              setFilters(DEFAULT);
              apply(DEFAULT);
            }}
          />
        </form>
      </div>

      <ResultTable
        id="needs-result"
        query={list}
        count={(vars) => t('needs.list.count', vars)}
        caption={t('needs.list.caption')}
        columns={columns}
        rowKey={(n) => n.id}
        empty={filtered ? t('needs.list.emptyFiltered') : t('needs.list.empty')}
        paginationLabel={t('needs.list.pagination')}
        limit={NEED_PAGE_SIZE}
        offset={current.offset}
        onPage={(page) => apply(current, page)}
      />
    </Page>
  );
}
