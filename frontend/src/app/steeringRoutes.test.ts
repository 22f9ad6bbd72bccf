import { matchRoutes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { routes } from './router';

const crumbs = (path: string) =>
  (matchRoutes(routes, path) ?? []).map((m) => m.route.handle?.crumb as string | undefined).filter(Boolean);

describe('routes of the steering group’s pages', () => {
  it('puts the status report below its meeting', () => {
    expect(crumbs('/sitzungen/9a000000-0000-4000-8000-000000000001/sachstandsbericht')).toEqual([
      'nav.home',
      'nav.meetings',
      'nav.meeting',
      'nav.statusReport',
    ]);
  });

  it('has the directives list and one directive', () => {
    expect(crumbs('/handlungsanweisungen')).toEqual(['nav.home', 'nav.directives']);
    expect(crumbs('/handlungsanweisungen/9d000000-0000-4000-8000-000000000001')).toEqual(['nav.home', 'nav.directives', 'nav.directive']);
  });
});
