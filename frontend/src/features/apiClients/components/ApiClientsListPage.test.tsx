import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderRoute } from '@/test/utils';
import { ApiClientsListPage } from './ApiClientsListPage';

const ORG = { id: '0e000000-0000-4000-8000-000000000002', name: 'Wohlfahrtsverband Südheide (Demo)', short_name: 'WV Südheide' };
const live = {
  id: '7c000000-0000-4000-8000-000000000001',
  name: 'Beratungssoftware WV',
  organisation_id: ORG.id,
  organisation_name: ORG.name,
  scopes: ['meetings:read', 'offers:write'],
  requests_per_minute: 1200,
  revoked_at: null,
  last_used_at: '2026-03-05T13:31:00Z',
  created_at: '2026-03-01T09:00:00Z',
  updated_at: '2026-03-01T09:00:00Z',
  version: 1,
};
const revoked = {
  ...live,
  id: '7c000000-0000-4000-8000-000000000002',
  name: 'Intranet alt',
  organisation_id: null,
  organisation_name: null,
  scopes: ['export'],
  requests_per_minute: 60,
  revoked_at: '2026-03-02T09:00:00Z',
  last_used_at: null,
};

describe('API client list', () => {
  it('reads each client in German and filters live and revoked ones, keeping the filter in the URL', async () => {
    const calls = mockApi({
      'GET /api/v1/api-clients': (request) => {
        const revokedParam = new URL(request.url).searchParams.get('revoked');
        const items = revokedParam === 'true' ? [revoked] : revokedParam === 'false' ? [live] : [live, revoked];
        return json({ items, total: items.length, limit: 20, offset: 0 });
      },
    });
    const user = userEvent.setup();
    const { router } = renderRoute(<ApiClientsListPage />, { path: '/api-clients', url: '/api-clients' });

    const row = await screen.findByRole('row', { name: /Beratungssoftware WV/ });
    expect(calls.find((c) => c.path.startsWith('/api/v1/api-clients'))?.path).toContain('revoked=false');
    expect(screen.getByRole('heading', { name: '1 API-Zugang gefunden' })).toBeInTheDocument();
    expect(await within(row).findByRole('link', { name: 'Wohlfahrtsverband Südheide (Demo)' })).toBeInTheDocument();
    // Scopes as German labels, in the screens' order.
    expect(within(row).getByRole('list')).toHaveTextContent('Angebote der eigenen Organisation pflegenSitzungstermine lesen');
    expect(row).toHaveTextContent('1.200');
    expect(row).toHaveTextContent('05.03.2026, 14:31');
    expect(row).toHaveTextContent('Aktiv');
    expect(screen.getByRole('link', { name: 'Neuen API-Zugang anlegen' })).toHaveAttribute('href', '/verwaltung/api-clients/neu');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Nur widerrufene');
    await user.click(screen.getByRole('button', { name: 'Suchen' }));
    const old = await screen.findByRole('row', { name: /Intranet alt/ });
    expect(router.state.location.search).toBe('?status=widerrufen');
    expect(old).toHaveTextContent('Kreisintranet (keine Organisation)');
    expect(old).toHaveTextContent('Export abrufen');
    expect(old).toHaveTextContent('Noch nie');
    expect(old).toHaveTextContent('Widerrufen');

    await user.type(screen.getByRole('searchbox', { name: 'Suche' }), 'intranet');
    await user.click(screen.getByRole('button', { name: 'Suchen' }));
    expect(router.state.location.search).toBe('?q=intranet&status=widerrufen');
    expect(calls.at(-1)?.path).toContain('q=intranet');
    // The list names the organisations itself: no request per row.
    expect(calls.filter((c) => c.path.startsWith('/api/v1/organisations'))).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Filter zurücksetzen' }));
    expect(router.state.location.search).toBe('');
  });
});
