import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { DescriptionList } from '@/components/DescriptionList';
import { LoadedPage } from '@/components/LoadedPage';
import { Page } from '@/components/Page';
import { formatDateTime } from '@/lib/format';
import { DELIVERY_PAGE_SIZE, type Subscription, subscriptionQuery } from '../api/webhooks';
import { DeliveryLog } from './DeliveryLog';
import { ActiveBadge, EventList, useClientName } from './shared';
import '../webhooks.css';

const LIST = '/verwaltung/webhooks';

/** One subscription: who subscribed what, and its delivery log (?seite=2 pages the log). */
export function WebhookDetailPage() {
  const { t } = useTranslation();
  const { subscriptionId = '' } = useParams();
  const subscription = useQuery(subscriptionQuery(subscriptionId));
  return (
    <LoadedPage query={subscription} title={t('webhooks.detail.title')} backTo={LIST} backLabel={t('webhooks.detail.backToList')}>
      {(loaded) => <WebhookDetail subscription={loaded} />}
    </LoadedPage>
  );
}

function WebhookDetail({ subscription }: { subscription: Subscription }) {
  const { t } = useTranslation();
  const { name } = useClientName();
  const [search, setSearch] = useSearchParams();
  const page = Number.parseInt(search.get('seite') ?? '1', 10);
  const offset = Number.isFinite(page) && page > 1 ? (page - 1) * DELIVERY_PAGE_SIZE : 0;

  return (
    <Page
      title={`${t('webhooks.detail.title')}: ${name(subscription.client_id)}`}
      lead={
        <>
          <ActiveBadge active={subscription.active} /> <span className="app-webhook-url">{subscription.url}</span>
        </>
      }
    >
      <section className="app-section" aria-labelledby="webhook-details-heading">
        <h2 className="kern-heading-medium" id="webhook-details-heading">
          {t('webhooks.detail.detailsHeading')}
        </h2>
        <DescriptionList
          items={[
            { key: 'client', label: t('webhooks.fields.client'), value: (
              <Link className="kern-link" to={`/verwaltung/api-clients/${subscription.client_id}`}>
                {name(subscription.client_id)}
              </Link>
            ) },
            { key: 'url', label: t('webhooks.fields.url'), value: <code className="app-webhook-url">{subscription.url}</code> },
            { key: 'events', label: t('webhooks.fields.events'), value: <EventList events={subscription.events} /> },
            { key: 'status', label: t('webhooks.fields.status'), value: subscription.active ? t('webhooks.active') : t('webhooks.inactive') },
            { key: 'created', label: t('webhooks.fields.createdAt'), value: formatDateTime(subscription.created_at) },
            { key: 'updated', label: t('webhooks.fields.updatedAt'), value: formatDateTime(subscription.updated_at) },
            { key: 'id', label: t('webhooks.fields.subscriptionId'), value: <code className="app-webhook-url">{subscription.id}</code> },
          ]}
        />
      </section>

      <section className="app-section" aria-labelledby="webhook-log-heading">
        <h2 className="kern-heading-medium" id="webhook-log-heading">
          {t('webhooks.detail.logHeading')}
        </h2>
        <p className="kern-body">{t('webhooks.detail.logLead')}</p>
        <DeliveryLog
          subscriptionId={subscription.id}
          offset={offset}
          onPage={(next) => setSearch(next > 1 ? new URLSearchParams({ seite: String(next) }) : new URLSearchParams())}
        />
      </section>

      <p className="kern-body app-section">
        <Link className="kern-link" to={LIST}>
          {t('webhooks.detail.backToList')}
        </Link>
      </p>
    </Page>
  );
}
