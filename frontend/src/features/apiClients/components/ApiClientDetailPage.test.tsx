import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem, renderRoute } from '@/test/utils';
import { ApiClientDetailPage } from './ApiClientDetailPage';

const ORG = { id: '0e000000-0000-4000-8000-000000000002', name: 'Wohlfahrtsverband Südheide (Demo)', short_name: 'WV Südheide' };
const base = {
  id: '7c000000-0000-4000-8000-000000000001',
  name: 'Beratungssoftware WV',
  organisation_id: ORG.id,
  organisation_name: ORG.name,
  scopes: ['measures:read', 'meetings:read'],
  requests_per_minute: 120,
  revoked_at: null,
  last_used_at: '2026-03-05T13:31:00Z',
  created_at: '2026-03-01T09:00:00Z',
  updated_at: '2026-03-01T09:00:00Z',
  version: 1,
};
const path = `/api/v1/api-clients/${base.id}`;

function open() {
  return renderRoute(<ApiClientDetailPage />, { path: '/api-clients/:clientId', url: `/api-clients/${base.id}` });
}

describe('API client page', () => {
  it('shows the details in German and saves changed scopes with If-Match, saying that tokens end', async () => {
    const calls = mockApi({
      [`GET ${path}`]: () => json(base, 200, { ETag: '"1"' }),
      [`PATCH ${path}`]: (_request, body) => json({ ...base, ...JSON.parse(body), version: 2 }, 200, { ETag: '"2"' }),
    });
    const user = userEvent.setup();
    open();

    await screen.findByRole('heading', { level: 1, name: 'Beratungssoftware WV' });
    const details = screen.getByRole('region', { name: 'Angaben' });
    expect(within(details).getByText(base.id)).toBeInTheDocument();
    expect(await within(details).findByRole('link', { name: 'Wohlfahrtsverband Südheide (Demo)' })).toHaveAttribute(
      'href',
      `/organisationen/${ORG.id}`,
    );
    expect(within(details).getByRole('list')).toHaveTextContent('Maßnahmen lesenSitzungstermine lesen');
    expect(within(details).getByText('05.03.2026, 14:31')).toBeInTheDocument();
    expect(screen.getByText('Aktiv')).toBeInTheDocument();

    const edit = screen.getByRole('form', { name: 'Zugang bearbeiten' });
    expect(within(edit).getByRole('group', { name: 'Berechtigungen' })).toHaveAccessibleDescription(/Zugriffstoken sofort nicht mehr/);
    await user.click(within(edit).getByRole('checkbox', { name: 'Maßnahmen lesen' }));
    await user.click(within(edit).getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('Die Änderungen wurden gespeichert. Die bisherigen Zugriffstoken gelten nicht mehr.')).toBeInTheDocument();
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.headers.get('If-Match')).toBe('"1"');
    expect(JSON.parse(patch?.body ?? '{}')).toEqual({ scopes: ['meetings:read'] });

    await user.clear(within(edit).getByLabelText('Anfragen pro Minute'));
    await user.type(within(edit).getByLabelText('Anfragen pro Minute'), '30');
    await user.click(within(edit).getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('Die Änderungen wurden gespeichert.')).toBeInTheDocument();
    const second = calls.filter((c) => c.method === 'PATCH')[1];
    expect(second?.headers.get('If-Match')).toBe('"2"');
    expect(JSON.parse(second?.body ?? '{}')).toEqual({ requests_per_minute: 30 });
  });

  it('opens the conflict dialog on 412 instead of overwriting, and loads the other version on request', async () => {
    const theirs = { ...base, name: 'Von anderer Seite geändert', version: 2 };
    mockApi({
      [`GET ${path}`]: [() => json(base, 200, { ETag: '"1"' }), () => json(theirs, 200, { ETag: '"2"' })],
      [`PATCH ${path}`]: () => problem(412, 'precondition-failed'),
    });
    const user = userEvent.setup();
    open();
    const name = await screen.findByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Mein Name');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));

    const dialog = await screen.findByRole('alertdialog', { name: 'Eintrag wurde zwischenzeitlich geändert' });
    const row = within(dialog).getByRole('row', { name: /Name/ });
    expect(row).toHaveTextContent('Mein Name');
    expect(row).toHaveTextContent('Von anderer Seite geändert');
    await user.click(within(dialog).getByRole('button', { name: 'Aktuellen Stand laden' }));
    expect(screen.getByLabelText('Name')).toHaveValue('Von anderer Seite geändert');
  });

  it('renews the secret after a confirmation and shows the new one once', async () => {
    const calls = mockApi({
      [`GET ${path}`]: () => json(base, 200, { ETag: '"1"' }),
      [`POST ${path}/rotate`]: () => json({ ...base, version: 2, client_secret: 'neues-geheimnis-42' }, 200, { ETag: '"2"' }),
      [`PATCH ${path}`]: () => json({ ...base, name: 'Umbenannt', version: 3 }, 200, { ETag: '"3"' }),
    });
    const user = userEvent.setup();
    open();
    await user.click(await screen.findByRole('button', { name: 'Geheimnis erneuern' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Geheimnis erneuern?' });
    expect(dialog).toHaveTextContent('Das bisherige Geheimnis und alle damit ausgestellten Token gelten ab sofort nicht mehr');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Jetzt erneuern' }));

    expect(await screen.findByRole('heading', { name: 'Zugangsdaten' })).toHaveFocus();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByLabelText('Geheimnis (client_secret)')).toHaveValue('neues-geheimnis-42');
    expect(screen.getByText('Das Geheimnis wird nur jetzt angezeigt')).toBeInTheDocument();
    expect(screen.getByText('Das Geheimnis wurde erneuert. Das bisherige gilt nicht mehr.')).toBeInTheDocument();
    expect(calls.find((c) => c.path === `${path}/rotate`)?.headers.get('If-Match')).toBe('"1"');

    // The next change builds on the rotated version.
    const name = screen.getByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Umbenannt');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    await screen.findByText('Die Änderungen wurden gespeichert.');
    expect(calls.find((c) => c.method === 'PATCH')?.headers.get('If-Match')).toBe('"2"');

    await user.click(screen.getByRole('button', { name: 'Zugangsdaten ausblenden' }));
    expect(screen.queryByDisplayValue('neues-geheimnis-42')).toBeNull();
  });

  it('revokes after a confirmation; afterwards the page is read-only with the date', async () => {
    const calls = mockApi({
      [`GET ${path}`]: () => json(base, 200, { ETag: '"1"' }),
      [`POST ${path}/revoke`]: () => json({ ...base, revoked_at: '2026-03-06T08:15:00Z', version: 2 }, 200, { ETag: '"2"' }),
    });
    const user = userEvent.setup();
    open();
    await user.click(await screen.findByRole('button', { name: 'Widerrufen' }));
    const dialog = screen.getByRole('alertdialog', { name: 'API-Zugang widerrufen?' });
    expect(dialog).toHaveTextContent('Das lässt sich nicht rückgängig machen.');
    await user.click(within(dialog).getByRole('button', { name: 'Endgültig widerrufen' }));

    const notice = await screen.findByText('Der API-Zugang wurde widerrufen.');
    expect(notice.closest('.app-notice')).toHaveFocus();
    expect(screen.getByText('Dieser Zugang wurde am 06.03.2026, 09:15 widerrufen')).toBeInTheDocument();
    expect(screen.getByText('Widerrufen', { selector: '.kern-label' })).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Zugang bearbeiten' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Geheimnis erneuern' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Widerrufen' })).toBeNull();
    expect(calls.find((c) => c.path === `${path}/revoke`)?.headers.get('If-Match')).toBe('"1"');
  });

  it('shows the conflict dialog when the client changed before renewing its secret', async () => {
    const theirs = { ...base, revoked_at: '2026-03-06T08:15:00Z', version: 2 };
    const calls = mockApi({
      [`GET ${path}`]: [() => json(base, 200, { ETag: '"1"' }), () => json(theirs, 200, { ETag: '"2"' })],
      [`POST ${path}/rotate`]: () => problem(412, 'precondition-failed'),
    });
    const user = userEvent.setup();
    open();
    await user.click(await screen.findByRole('button', { name: 'Geheimnis erneuern' }));
    await user.click(screen.getByRole('button', { name: 'Jetzt erneuern' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Eintrag wurde zwischenzeitlich geändert' });
    expect(within(dialog).getByRole('row', { name: /Status/ })).toHaveTextContent(/Aktiv.*Widerrufen/);
    await user.click(within(dialog).getByRole('button', { name: 'Aktuellen Stand laden' }));
    expect(await screen.findByText(/Dieser Zugang wurde am .* widerrufen/)).toBeInTheDocument();
    expect(screen.queryByDisplayValue(/geheim/)).toBeNull();
    expect(calls.filter((c) => c.path === `${path}/rotate`)).toHaveLength(1);
  });
});
