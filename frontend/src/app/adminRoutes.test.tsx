import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { RouterProvider, createMemoryRouter, matchRoutes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { AdminLayout } from './layout/AdminLayout';
import { routes } from './router';

const session = vi.hoisted(() => ({ roles: ['admin'] as string[] }));
vi.mock('@/lib/session/SessionProvider', () => ({
  useSession: () => ({ hasRole: (role: string) => session.roles.includes(role) }),
}));

const crumbs = (path: string) =>
  (matchRoutes(routes, path) ?? []).map((m) => m.route.handle?.crumb as string | undefined).filter(Boolean);

function renderAdmin(url: string) {
  const router = createMemoryRouter(
    [{ path: '/verwaltung', element: <AdminLayout />, children: [{ path: '*', element: <h1>Seite</h1> }] }],
    { initialEntries: [url] },
  );
  render(
    <QueryClientProvider client={new QueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

describe('admin area', () => {
  it('has the API client pages below Verwaltung', () => {
    expect(crumbs('/verwaltung/api-clients')).toEqual(['nav.home', 'nav.admin', 'nav.apiClients']);
    expect(crumbs('/verwaltung/api-clients/neu')).toEqual(['nav.home', 'nav.admin', 'nav.apiClients', 'nav.apiClientCreate']);
    expect(crumbs('/verwaltung/api-clients/7c000000-0000-4000-8000-000000000001')).toEqual([
      'nav.home',
      'nav.admin',
      'nav.apiClients',
      'nav.apiClient',
    ]);
  });

  it('lists its sections next to each other, marking the current one', () => {
    session.roles = ['admin'];
    renderAdmin('/verwaltung/api-clients/neu');
    const nav = screen.getByRole('navigation', { name: 'Bereiche der Verwaltung' });
    expect(nav).toHaveTextContent('BenutzerAPI-Zugänge');
    expect(screen.getByRole('link', { name: 'API-Zugänge' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Benutzer' })).not.toHaveAttribute('aria-current');
  });

  it('does not exist for other roles', () => {
    session.roles = ['coordinator'];
    renderAdmin('/verwaltung/api-clients');
    expect(screen.queryByRole('navigation', { name: 'Bereiche der Verwaltung' })).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Seite' })).toBeNull();
  });
});
