import { matchRoutes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { routes } from '@/app/router';

const deepest = (path: string) => {
  const matches = matchRoutes(routes, path) ?? [];
  return matches.map((m) => m.route.handle?.crumb as string | undefined).filter(Boolean);
};

describe('route of the participant list', () => {
  it('sits below the meeting with its crumbs, without taking over the meeting screens', () => {
    expect(deepest('/sitzungen/9a000000-0000-4000-8000-000000000001/anmeldungen')).toEqual([
      'nav.home',
      'nav.meetings',
      'nav.meeting',
      'registrations.nav.list',
    ]);
    const meeting = matchRoutes(routes, '/sitzungen/9a000000-0000-4000-8000-000000000001') ?? [];
    const last = meeting.at(-1)?.route;
    expect(last?.path).toBe(':meetingId');
    expect(last?.children).toBeUndefined();
    expect(last?.lazy).toBeDefined();
    expect(matchRoutes(routes, '/sitzungen')?.at(-1)?.route.index).toBe(true);
  });
});
