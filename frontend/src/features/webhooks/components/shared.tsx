import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui';
import { EVENT_KEYS, STATUS_BADGES, sortEvents } from '../api/labels';
import { type ApiClientSummary, type DeliveryStatus, type WebhookEvent, apiClientsQuery } from '../api/webhooks';

/** The German label of an event ("Sitzung angelegt"). */
export function useEventLabel(): (event: WebhookEvent) => string {
  const { t } = useTranslation();
  return (event) => t(`webhooks.events.${EVENT_KEYS[event]}`);
}

export function EventList({ events }: { events: readonly WebhookEvent[] }) {
  const label = useEventLabel();
  return (
    <ul className="app-webhook-events">
      {sortEvents(events).map((event) => (
        <li key={event}>{label(event)}</li>
      ))}
    </ul>
  );
}

export function ActiveBadge({ active, small }: { active: boolean; small?: boolean }) {
  const { t } = useTranslation();
  return active ? (
    <Badge variant="success" small={small}>
      {t('webhooks.active')}
    </Badge>
  ) : (
    <Badge variant="warning" small={small}>
      {t('webhooks.inactive')}
    </Badge>
  );
}

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  const { t } = useTranslation();
  const badge = STATUS_BADGES[status];
  return (
    <Badge variant={badge.variant} small>
      {t(`webhooks.deliveryStatus.${badge.key}`)}
    </Badge>
  );
}

/** The name of an API client by id, from the clients loaded once ("widerrufen" added for revoked ones). */
export function useClientName(): { name: (id: string) => string; clients: ApiClientSummary[] } {
  const { t } = useTranslation();
  const clients = useQuery(apiClientsQuery());
  const list = clients.data ?? [];
  const byId = new Map(list.map((client) => [client.id, client]));
  return {
    clients: list,
    name: (id) => {
      const client = byId.get(id);
      if (!client) return clients.isPending ? t('common.loading') : t('webhooks.clientUnknown');
      return client.revoked_at ? t('webhooks.clientRevoked', { name: client.name }) : client.name;
    },
  };
}
