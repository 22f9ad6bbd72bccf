import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderRoute } from '@/test/utils';
import { CalendarSubscription } from './CalendarSubscription';

const token = { id: '7f000000-0000-4000-8000-000000000001', member_id: '7f000000-0000-4000-8000-0000000000aa', created_at: '2026-11-20T09:15:00Z' };
const url = 'https://netzwerk.example.org/api/v1/calendars/private/abcdefghijklmnopqrstuvwxyz012345.ics';

describe('Kalender abonnieren', () => {
  it('shows a new link once, copies it and announces "Kopiert"', async () => {
    const fresh = { ...token, id: '7f000000-0000-4000-8000-000000000002', created_at: '2026-11-25T16:00:00Z' };
    const calls = mockApi({
      'GET /api/v1/calendar-tokens': [() => json({ items: [token] }), () => json({ items: [token, fresh] })],
      'POST /api/v1/calendar-tokens': () => json({ ...fresh, url }, 201),
    });
    const user = userEvent.setup();
    renderRoute(<CalendarSubscription />, { path: '/konto', url: '/konto' });
    const table = await screen.findByRole('table', { name: 'Ihre Kalender-Links' });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(screen.queryByLabelText('Kalender-Link')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Neuen Kalender-Link erstellen' }));
    const field = await screen.findByLabelText('Kalender-Link');
    expect(field).toHaveValue(url);
    expect(field).toHaveAttribute('readonly');
    expect(field).toHaveFocus();
    expect(screen.getByText(/Der Link wird nur jetzt angezeigt/)).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Link kopieren' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Kopiert');
    expect(await navigator.clipboard.readText()).toBe(url);
    expect(await within(table).findAllByRole('row')).toHaveLength(3);
  });

  it('revokes a link only after confirming, and says so', async () => {
    const calls = mockApi({
      'GET /api/v1/calendar-tokens': [() => json({ items: [token] }), () => json({ items: [] })],
      [`DELETE /api/v1/calendar-tokens/${token.id}`]: () => new Response(null, { status: 204 }),
    });
    const user = userEvent.setup();
    renderRoute(<CalendarSubscription />, { path: '/konto', url: '/konto' });
    await user.click(await screen.findByRole('button', { name: /^Widerrufen/ }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Kalender-Link widerrufen?' });
    await user.click(within(dialog).getByRole('button', { name: 'Abbrechen' }));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);

    await user.click(screen.getByRole('button', { name: /^Widerrufen/ }));
    await user.click(
      within(await screen.findByRole('alertdialog', { name: 'Kalender-Link widerrufen?' })).getByRole('button', {
        name: 'Link widerrufen',
      }),
    );
    expect(await screen.findByText('Der Kalender-Link wurde widerrufen.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual([`/api/v1/calendar-tokens/${token.id}`]);
    expect(await screen.findByText('Sie haben noch keinen Kalender-Link.')).toBeInTheDocument();
  });
});
