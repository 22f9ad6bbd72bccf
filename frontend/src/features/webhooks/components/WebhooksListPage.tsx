import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FilterActions } from '@/components/FilterActions';
import { Page } from '@/components/Page';
import { ResultTable } from '@/components/ResultTable';
import { type Column, SelectField } from '@/components/ui';
import { formatDateTime } from '@/lib/format';
import { SUBSCRIPTION_PAGE_SIZE, type Subscription, type SubscriptionListParams, subscriptionsQuery } from '../api/webhooks';
import { ActiveBadge, EventList, useClientName } from './shared';
import '../webhooks.css';

/** The filters from the address (?zugang=<client id>&seite=2). */
function parseParams(search: URLSearchParams): { clientId: string; offset: number } {
  const page = Number.parseInt(search.get('seite') ?? '1', 10);
  return {
    clientId: search.get('zugang') ?? '',
    offset: Number.isFinite(page) && page > 1 ? (page - 1) * SUBSCRIPTION_PAGE_SIZE : 0,
  };
}

/** Every webhook subscription of the partner systems, filterable by API client. */
export function WebhooksListPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const current = parseParams(search);
  const [clientId, setClientId] = useState(current.clientId);
  const { name, clients } = useClientName();

  const params: SubscriptionListParams = {
    limit: SUBSCRIPTION_PAGE_SIZE,
    offset: current.offset,
    ...(current.clientId ? { client_id: current.clientId } : {}),
  };
  const subscriptions = useQuery(subscriptionsQuery(params));

  const apply = (next: { clientId: string; page?: number }) => {
    const result = new URLSearchParams();
    if (next.clientId) result.set('zugang', next.clientId);
    if (next.page && next.page > 1) result.set('seite', String(next.page));
    setSearch(result);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    apply({ clientId });
  };

  const columns: Column<Subscription>[] = [
    {
      key: 'url',
      header: t('webhooks.fields.url'),
      rowHeader: true,
      cell: (subscription) => (
        <Link
          className="kern-link app-webhook-url"
          to={`/verwaltung/webhooks/${subscription.id}`}
          aria-label={t('webhooks.list.open', { url: subscription.url })}
        >
          {subscription.url}
        </Link>
      ),
    },
    { key: 'client', header: t('webhooks.fields.client'), cell: (subscription) => name(subscription.client_id) },
    { key: 'events', header: t('webhooks.fields.events'), cell: (subscription) => <EventList events={subscription.events} /> },
    { key: 'status', header: t('webhooks.fields.status'), cell: (subscription) => <ActiveBadge active={subscription.active} small /> },
    { key: 'created', header: t('webhooks.fields.createdAt'), cell: (subscription) => formatDateTime(subscription.created_at) },
  ];

  const filtered = Boolean(current.clientId);
  const clientOptions = [
    { value: '', label: t('webhooks.list.allClients') },
    ...[...clients]
      .sort((a, b) => a.name.localeCompare(b.name, 'de'))
      .map((client) => ({ value: client.id, label: name(client.id) })),
  ];

  return (
    <Page title={t('webhooks.list.title')} lead={t('webhooks.list.lead')}>
      <div role="search" className="app-section">
        <form className="app-filter" onSubmit={onSubmit} aria-label={t('webhooks.list.filterLabel')}>
          <SelectField
            id="webhooks-client"
            label={t('webhooks.list.clientFilter')}
            value={clientId}
            onChange={(e) => setClientId(e.target.value)}
            options={clientOptions}
          />
          <FilterActions
            applyLabel={t('webhooks.list.apply')}
            resetLabel={t('webhooks.list.reset')}
            filtered={filtered}
            onReset={() => {
              setClientId('');
              apply({ clientId: '' });
            }}
          />
        </form>
      </div>

      <ResultTable
        id="webhooks-result"
        query={subscriptions}
        count={(vars) => t('webhooks.list.count', vars)}
        caption={t('webhooks.list.caption')}
        columns={columns}
        rowKey={(subscription) => subscription.id}
        empty={filtered ? t('webhooks.list.emptyFiltered') : t('webhooks.list.empty')}
        paginationLabel={t('webhooks.list.pagination')}
        limit={SUBSCRIPTION_PAGE_SIZE}
        offset={current.offset}
        onPage={(page) => apply({ clientId: current.clientId, page })}
      />
    </Page>
  );
}
