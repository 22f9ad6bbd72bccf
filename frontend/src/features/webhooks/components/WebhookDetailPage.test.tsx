import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem, renderRoute } from '@/test/utils';
import { WebhookDetailPage } from './WebhookDetailPage';

const CLIENT = { id: '7c000000-0000-4000-8000-000000000001', name: 'Fachverfahren Jobcenter', revoked_at: null };
const subscription = {
  id: '5b000000-0000-4000-8000-000000000001',
  client_id: CLIENT.id,
  url: 'https://jobcenter.example.org/hook',
  events: ['meeting.updated', 'meeting.created'],
  active: true,
  created_at: '2026-03-01T09:00:00Z',
  updated_at: '2026-03-01T09:00:00Z',
  version: 1,
};
const delivery = {
  id: 'd0000000-0000-4000-8000-000000000001',
  subscription_id: subscription.id,
  event: 'meeting.created',
  payload: '{"event":"meeting.created","id":"m1"}',
  status: 'failed',
  attempts: 8,
  next_attempt_at: '2026-03-05T14:00:00Z',
  last_status_code: 503,
  last_error: 'Service Unavailable',
  created_at: '2026-03-05T13:31:00Z',
  delivered_at: null,
  replay_of_id: null,
};
const replay = { ...delivery, id: 'd0000000-0000-4000-8000-000000000002', status: 'pending', attempts: 0, last_status_code: null, last_error: null, replay_of_id: delivery.id, created_at: '2026-03-06T08:00:00Z', next_attempt_at: '2026-03-06T08:00:00Z' };
const page = (items: unknown[]) => ({ items, total: items.length, limit: 20, offset: 0 });
const deliveriesPath = `GET /api/v1/webhooks/${subscription.id}/deliveries`;

function open() {
  return renderRoute(<WebhookDetailPage />, { path: '/webhooks/:subscriptionId', url: `/webhooks/${subscription.id}` });
}

describe('webhook page with its delivery log', () => {
  it('shows the subscription and the log in German, with the payload behind a disclosure', async () => {
    mockApi({
      [`GET /api/v1/webhooks/${subscription.id}`]: () => json(subscription),
      'GET /api/v1/api-clients': () => json(page([CLIENT])),
      [deliveriesPath]: () => json(page([delivery])),
    });
    open();
    await screen.findByRole('heading', { level: 1, name: 'Webhook: Fachverfahren Jobcenter' });
    const details = screen.getByRole('region', { name: 'Abonnement' });
    expect(within(details).getByRole('list')).toHaveTextContent('Sitzung angelegtSitzung geändert');
    expect(within(details).getByRole('link', { name: 'Fachverfahren Jobcenter' })).toHaveAttribute('href', `/verwaltung/api-clients/${CLIENT.id}`);

    const table = await screen.findByRole('table', { name: 'Zustellungen' });
    const row = within(table).getAllByRole('row')[1];
    if (!row) throw new Error('no delivery row');
    expect(within(row).getByRole('rowheader')).toHaveTextContent('Sitzung angelegt');
    expect(row).toHaveTextContent('05.03.2026, 14:31');
    expect(row).toHaveTextContent('Fehlgeschlagen');
    expect(row).toHaveTextContent('HTTP 503 – Service Unavailable');
    expect(row).toHaveTextContent('Keine weiteren Versuche');
    const payload = within(row).getByText('Inhalt anzeigen').closest('details');
    expect(payload).not.toHaveAttribute('open');
    expect(payload?.querySelector('pre')).toHaveTextContent('"event": "meeting.created"');
  });

  it('sends a delivery again, announces it and shows the new entry on top', async () => {
    const calls = mockApi({
      [`GET /api/v1/webhooks/${subscription.id}`]: () => json(subscription),
      'GET /api/v1/api-clients': () => json(page([CLIENT])),
      [deliveriesPath]: [() => json(page([delivery])), () => json(page([replay, delivery]))],
      [`POST /api/v1/webhook-deliveries/${delivery.id}/replay`]: () => json(replay, 201),
    });
    const user = userEvent.setup();
    open();
    const table = await screen.findByRole('table', { name: 'Zustellungen' });
    await user.click(within(table).getByRole('button', { name: 'Erneut senden (Sitzung angelegt vom 05.03.2026, 14:31)' }));

    expect(await screen.findByRole('status')).toHaveTextContent(
      '„Sitzung angelegt“ wurde erneut zum Versand eingeplant. Die neue Zustellung steht oben im Protokoll.',
    );
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([`/api/v1/webhook-deliveries/${delivery.id}/replay`]);
    expect(await screen.findByText('2 Zustellungen')).toBeInTheDocument();
    const first = within(screen.getByRole('table', { name: 'Zustellungen' })).getAllByRole('row')[1];
    expect(first).toHaveTextContent('Erneute Sendung');
    expect(first).toHaveTextContent('Ausstehend');
    expect(first).toHaveTextContent('Noch kein Versuch');
    expect(first).toHaveTextContent('Nächster Versuch ab 06.03.2026, 09:00');
  });

  it('shows the problem when the replay fails', async () => {
    mockApi({
      [`GET /api/v1/webhooks/${subscription.id}`]: () => json(subscription),
      'GET /api/v1/api-clients': () => json(page([CLIENT])),
      [deliveriesPath]: () => json(page([delivery])),
      [`POST /api/v1/webhook-deliveries/${delivery.id}/replay`]: () => problem(404, 'not-found'),
    });
    const user = userEvent.setup();
    open();
    await user.click(within(await screen.findByRole('table', { name: 'Zustellungen' })).getByRole('button', { name: /^Erneut senden/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Nicht gefunden');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says so when the subscription does not exist', async () => {
    mockApi({
      'GET /api/v1/api-clients': () => json(page([CLIENT])),
    });
    open();
    expect(await screen.findByRole('alert')).toHaveTextContent('Nicht gefunden');
    expect(screen.getByRole('link', { name: 'Zurück zur Liste der Webhooks' })).toBeInTheDocument();
  });
});
