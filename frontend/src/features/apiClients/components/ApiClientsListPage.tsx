import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FilterActions } from '@/components/FilterActions';
import { Page } from '@/components/Page';
import { ResultTable } from '@/components/ResultTable';
import { type Column, SelectField, TextField } from '@/components/ui';
import { formatDateTime, formatNumber } from '@/lib/format';
import {
  API_CLIENT_PAGE_SIZE,
  type ApiClient,
  type ApiClientListParams,
  apiClientsListQuery,
} from '../api/apiClients';
import { ApiClientStatusBadge, OrganisationName, ScopeList } from './shared';
import '../apiClients.css';

type StatusFilter = 'live' | 'revoked' | 'all';

/** The filters from the address (?q=…&status=widerrufen|alle&seite=2); live clients by default. */
function parseParams(search: URLSearchParams): { q: string; status: StatusFilter; offset: number } {
  const status = search.get('status');
  const page = Number.parseInt(search.get('seite') ?? '1', 10);
  return {
    q: search.get('q') ?? '',
    status: status === 'widerrufen' ? 'revoked' : status === 'alle' ? 'all' : 'live',
    offset: Number.isFinite(page) && page > 1 ? (page - 1) * API_CLIENT_PAGE_SIZE : 0,
  };
}

const STATUS_PARAM: Record<StatusFilter, string | null> = { live: null, revoked: 'widerrufen', all: 'alle' };

export function ApiClientsListPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const current = parseParams(search);
  const [q, setQ] = useState(current.q);
  const [status, setStatus] = useState<StatusFilter>(current.status);

  const params: ApiClientListParams = {
    limit: API_CLIENT_PAGE_SIZE,
    offset: current.offset,
    ...(current.q ? { q: current.q } : {}),
    ...(current.status === 'all' ? {} : { revoked: current.status === 'revoked' }),
  };
  const clients = useQuery(apiClientsListQuery(params));

  const apply = (next: { q: string; status: StatusFilter; page?: number }) => {
    const result = new URLSearchParams();
    if (next.q.trim()) result.set('q', next.q.trim());
    const statusParam = STATUS_PARAM[next.status];
    if (statusParam) result.set('status', statusParam);
    if (next.page && next.page > 1) result.set('seite', String(next.page));
    setSearch(result);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    apply({ q, status });
  };

  const columns: Column<ApiClient>[] = [
    {
      key: 'name',
      header: t('apiClients.fields.name'),
      rowHeader: true,
      cell: (client) => (
        <Link className="kern-link" to={`/verwaltung/api-clients/${client.id}`}>
          {client.name}
        </Link>
      ),
    },
    { key: 'organisation', header: t('apiClients.fields.organisation'), cell: (client) => <OrganisationName client={client} /> },
    { key: 'scopes', header: t('apiClients.fields.scopes'), cell: (client) => <ScopeList scopes={client.scopes} /> },
    {
      key: 'rate',
      header: t('apiClients.fields.rateLimit'),
      numeric: true,
      cell: (client) => formatNumber(client.requests_per_minute),
    },
    {
      key: 'lastUsed',
      header: t('apiClients.fields.lastUsed'),
      cell: (client) => (client.last_used_at ? formatDateTime(client.last_used_at) : t('apiClients.neverUsed')),
    },
    { key: 'status', header: t('apiClients.fields.status'), cell: (client) => <ApiClientStatusBadge client={client} small /> },
  ];

  const filtered = Boolean(current.q || current.status !== 'live');

  return (
    <Page
      title={t('apiClients.list.title')}
      lead={t('apiClients.list.lead')}
      actions={
        <Link className="kern-btn kern-btn--primary" to="/verwaltung/api-clients/neu">
          <span className="kern-icon kern-icon--add" aria-hidden="true" />
          <span className="kern-label">{t('apiClients.list.create')}</span>
        </Link>
      }
    >
      <div role="search" className="app-section">
        <form className="app-filter" onSubmit={onSubmit} aria-label={t('apiClients.list.filterLabel')}>
          <TextField
            id="api-clients-q"
            type="search"
            label={t('apiClients.list.search')}
            hint={t('apiClients.list.searchHint')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
          <SelectField
            id="api-clients-status"
            label={t('apiClients.list.statusFilter')}
            value={status}
            onChange={(e) => setStatus(e.target.value as StatusFilter)}
            options={[
              { value: 'live', label: t('apiClients.list.onlyLive') },
              { value: 'revoked', label: t('apiClients.list.onlyRevoked') },
              { value: 'all', label: t('apiClients.list.allStatuses') },
            ]}
          />
          <FilterActions
            applyLabel={t('apiClients.list.apply')}
            resetLabel={t('apiClients.list.reset')}
            filtered={filtered}
            onReset={() => {
              setQ('');
              setStatus('live');
              apply({ q: '', status: 'live' });
            }}
          />
        </form>
      </div>

      <ResultTable
        id="api-clients-result"
        query={clients}
        count={(vars) => t('apiClients.list.count', vars)}
        caption={t('apiClients.list.caption')}
        columns={columns}
        rowKey={(client) => client.id}
        empty={filtered ? t('apiClients.list.emptyFiltered') : t('apiClients.list.empty')}
        paginationLabel={t('apiClients.list.pagination')}
        limit={API_CLIENT_PAGE_SIZE}
        offset={current.offset}
        onPage={(page) => apply({ q: current.q, status: current.status, page })}
      />
    </Page>
  );
}
