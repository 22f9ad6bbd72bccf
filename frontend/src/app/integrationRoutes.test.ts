import { matchRoutes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ADMIN_SECTIONS } from './layout/AdminLayout';
import { routes } from './router';

const crumbs = (path: string) =>
  (matchRoutes(routes, path) ?? []).map((m) => m.route.handle?.crumb as string | undefined).filter(Boolean);

describe('webhooks and intranet export in the admin area', () => {
  it('are sections of Verwaltung with breadcrumbs', () => {
    expect(ADMIN_SECTIONS.map((section) => section.to)).toEqual(
      expect.arrayContaining(['/verwaltung/webhooks', '/verwaltung/export']),
    );
    expect(crumbs('/verwaltung/webhooks')).toEqual(['nav.home', 'nav.admin', 'nav.webhooks']);
    expect(crumbs('/verwaltung/webhooks/5b000000-0000-4000-8000-000000000001')).toEqual([
      'nav.home',
      'nav.admin',
      'nav.webhooks',
      'nav.webhook',
    ]);
    expect(crumbs('/verwaltung/export')).toEqual(['nav.home', 'nav.admin', 'nav.intranetExport']);
  });
});
