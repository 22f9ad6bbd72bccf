import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { ResultTable } from '@/components/ResultTable';
import { Alert, Button, type Column } from '@/components/ui';
import { formatDateTime } from '@/lib/format';
import { lastAnswer, prettyPayload } from '../api/labels';
import { DELIVERY_PAGE_SIZE, type Delivery, deliveriesQuery, useReplayDelivery } from '../api/webhooks';
import { DeliveryStatusBadge, useEventLabel } from './shared';

/** The delivery log of one subscription, newest first, with "send again" on every entry. */
export function DeliveryLog({ subscriptionId, offset, onPage }: { subscriptionId: string; offset: number; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const eventLabel = useEventLabel();
  const deliveries = useQuery(deliveriesQuery(subscriptionId, offset));
  const replay = useReplayDelivery(subscriptionId);
  const [replayed, setReplayed] = useState<string | null>(null);

  const send = (delivery: Delivery) => {
    setReplayed(null);
    replay.mutate(delivery.id, {
      onSuccess: () => {
        setReplayed(t('webhooks.detail.replayed', { event: eventLabel(delivery.event) }));
        if (offset > 0) onPage(1);
      },
    });
  };

  const columns: Column<Delivery>[] = [
    {
      key: 'event',
      header: t('webhooks.detail.event'),
      rowHeader: true,
      cell: (delivery) => (
        <>
          {eventLabel(delivery.event)}
          {delivery.replay_of_id && <span className="app-webhook-note">{t('webhooks.detail.replayOf')}</span>}
        </>
      ),
    },
    { key: 'created', header: t('webhooks.detail.createdAt'), cell: (delivery) => formatDateTime(delivery.created_at) },
    { key: 'status', header: t('webhooks.detail.status'), cell: (delivery) => <DeliveryStatusBadge status={delivery.status} /> },
    { key: 'attempts', header: t('webhooks.detail.attempts'), numeric: true, cell: (delivery) => delivery.attempts },
    {
      key: 'answer',
      header: t('webhooks.detail.lastAnswer'),
      cell: (delivery) => <span className="app-webhook-answer">{lastAnswer(delivery) ?? t('webhooks.detail.noAnswer')}</span>,
    },
    {
      key: 'timing',
      header: t('webhooks.detail.timing'),
      cell: (delivery) =>
        delivery.delivered_at
          ? t('webhooks.detail.deliveredAt', { time: formatDateTime(delivery.delivered_at) })
          : delivery.status === 'pending'
            ? t('webhooks.detail.nextAttempt', { time: formatDateTime(delivery.next_attempt_at) })
            : t('webhooks.detail.noNextAttempt'),
    },
    {
      key: 'payload',
      header: t('webhooks.detail.payload'),
      cell: (delivery) => (
        <details className="app-webhook-payload">
          <summary>{t('webhooks.detail.showPayload')}</summary>
          <pre tabIndex={0}>{prettyPayload(delivery.payload)}</pre>
        </details>
      ),
    },
    {
      key: 'actions',
      header: t('webhooks.detail.actions'),
      cell: (delivery) => (
        <Button variant="secondary" icon="autorenew" disabled={replay.isPending} onClick={() => send(delivery)}>
          {replay.isPending && replay.variables === delivery.id ? t('webhooks.detail.replaying') : t('webhooks.detail.replay')}
          {' '}
          <span className="kern-sr-only">
            {`(${t('webhooks.detail.replayContext', { event: eventLabel(delivery.event), time: formatDateTime(delivery.created_at) })})`}
          </span>
        </Button>
      ),
    },
  ];

  return (
    <>
      {replayed && <Alert variant="success" title={replayed} live="status" />}
      {replay.isError && <ProblemAlert error={replay.error} />}
      <ResultTable
        id="webhook-deliveries-result"
        query={deliveries}
        count={(vars) => t('webhooks.detail.count', vars)}
        caption={t('webhooks.detail.caption')}
        columns={columns}
        rowKey={(delivery) => delivery.id}
        empty={t('webhooks.detail.empty')}
        paginationLabel={t('webhooks.detail.pagination')}
        limit={DELIVERY_PAGE_SIZE}
        offset={offset}
        onPage={onPage}
      />
    </>
  );
}
