import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderRoute } from '@/test/utils';
import { UsersListPage } from './UsersListPage';

function makeUsers(from: number, count: number) {
  return Array.from({ length: count }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(from + i).padStart(12, '0')}`,
    email: `person${from + i}@example.org`,
    name: `Person ${from + i}`,
    roles: ['member'],
    is_active: true,
    created_at: '2026-03-05T23:30:00Z',
    updated_at: '2026-03-05T23:30:00Z',
    version: 1,
  }));
}

describe('user list', () => {
  it('pages through the list and searches, keeping the state in the URL', async () => {
    const calls = mockApi({
      'GET /api/v1/users': (request) => {
        const url = new URL(request.url);
        const offset = Number(url.searchParams.get('offset') ?? 0);
        const limit = Number(url.searchParams.get('limit') ?? 20);
        if (url.searchParams.get('q')) return json({ items: [], total: 0, limit, offset: 0 });
        return json({ items: makeUsers(offset + 1, Math.min(limit, 45 - offset)), total: 45, limit, offset });
      },
    });
    const user = userEvent.setup();
    const { router } = renderRoute(<UsersListPage />, { path: '/benutzer', url: '/benutzer' });

    expect(await screen.findByText('Einträge 1–20 von 45 (Seite 1 von 3)')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '45 Benutzer gefunden' })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Benutzerliste' });
    // German date in Europe/Berlin: 23:30 UTC on 5 March is already 6 March in Gifhorn.
    expect(within(table).getAllByText('06.03.2026')).toHaveLength(20);
    expect(screen.getByRole('button', { name: 'Vorherige Seite' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Nächste Seite' }));
    expect(await screen.findByText('Einträge 21–40 von 45 (Seite 2 von 3)')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?seite=2');
    const last = calls.filter((c) => c.path.startsWith('/api/v1/users')).at(-1);
    expect(last?.path).toContain('offset=20');
    expect(last?.path).toContain('is_active=true');

    await user.type(screen.getByRole('searchbox', { name: 'Suche' }), 'niemand');
    await user.click(screen.getByRole('button', { name: 'Suchen' }));
    expect(await screen.findByText(/Keine Benutzer passen zu Ihrer Suche/)).toBeInTheDocument();
    expect(router.state.location.search).toBe('?q=niemand');
  });
});
