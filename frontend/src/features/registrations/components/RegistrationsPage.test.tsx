import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { json, mockApi, problem, renderRoute } from '@/test/utils';
import { placesLeft } from '../api/registrations';
import { RegistrationsPage } from './RegistrationsPage';

const meetingId = '9a000000-0000-4000-8000-000000000001';
const meeting = { id: meetingId, title: 'Netzwerktreffen Integration 2027', starts_at: '2027-03-10T09:00:00Z' };
const registration = (n: number, status: string, position: number | null) => ({
  id: `9a000000-0000-4000-8000-00000000010${n}`,
  meeting_id: meetingId,
  given_name: `Vorname${n}`,
  family_name: `Nachname${n}`,
  email: `person${n}@example.org`,
  organisation_name: n === 1 ? 'Caritas Gifhorn' : null,
  privacy_text_version: '2026-01',
  status,
  waiting_position: position,
  created_at: '2026-11-25T10:00:00Z',
  cancelled_at: null,
  version: 1,
});
const list = {
  items: [registration(1, 'confirmed', null), registration(2, 'waitlisted', 1)],
  capacity: 1,
  confirmed: 1,
  waitlisted: 1,
  cancelled: 0,
};
const render = () =>
  renderRoute(<RegistrationsPage />, { path: '/sitzungen/:meetingId/anmeldungen', url: `/sitzungen/${meetingId}/anmeldungen` });

describe('places left', () => {
  it('is the capacity minus the confirmed places, never below zero, and null without a capacity', () => {
    expect(placesLeft({ capacity: 80, confirmed: 3 })).toBe(77);
    expect(placesLeft({ capacity: 2, confirmed: 2 })).toBe(0);
    expect(placesLeft({ capacity: 1, confirmed: 2 })).toBe(0);
    expect(placesLeft({ capacity: null, confirmed: 0 })).toBeNull();
  });
});

describe('participant list of a meeting', () => {
  it('shows the figures and every registration with status and waiting position', async () => {
    mockApi({
      [`GET /api/v1/meetings/${meetingId}`]: () => json(meeting),
      [`GET /api/v1/meetings/${meetingId}/registrations`]: () => json(list),
    });
    render();
    expect(await screen.findByRole('heading', { level: 1, name: 'Anmeldungen: Netzwerktreffen Integration 2027' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Teilnehmerliste' });
    const waiting = within(table).getByRole('row', { name: /Vorname2 Nachname2/ });
    expect(waiting).toHaveTextContent('person2@example.org');
    expect(waiting).toHaveTextContent('Warteliste');
    expect(within(waiting).getAllByRole('cell')[3]).toHaveTextContent('1');
    expect(within(table).getByRole('row', { name: /Vorname1 Nachname1/ })).toHaveTextContent('Caritas Gifhorn');
    expect(screen.getByText('Freie Plätze').nextElementSibling).toHaveTextContent('0');
    expect(screen.getByText('Auf der Warteliste').nextElementSibling).toHaveTextContent('1');
  });

  it('asks for a reason before the CSV export and sends it along', async () => {
    const calls = mockApi({
      [`GET /api/v1/meetings/${meetingId}`]: () => json(meeting),
      [`GET /api/v1/meetings/${meetingId}/registrations`]: () => json(list),
      [`GET /api/v1/meetings/${meetingId}/registrations.csv`]: [
        () => problem(422, 'validation-error', { errors: [{ location: 'query', field: 'reason', message: 'x', code: 'value_error' }] }),
        () =>
          new Response('Vorname;Nachname\r\n', {
            headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="Anmeldungen-2026-11-25.csv"' },
          }),
      ],
    });
    // jsdom has no object URLs; the download itself is the browser's business.
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const user = userEvent.setup();
    render();
    await user.click(await screen.findByRole('button', { name: 'Als CSV herunterladen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Teilnehmerliste exportieren (CSV)' });
    await user.click(within(dialog).getByRole('button', { name: 'Export herunterladen' }));
    expect(await within(dialog).findByText('Bitte geben Sie einen Grund an.')).toBeInTheDocument();
    expect(calls.some((c) => c.path.includes('registrations.csv'))).toBe(false);

    await user.type(within(dialog).getByLabelText('Grund'), 'Namensschilder');
    await user.click(within(dialog).getByRole('button', { name: 'Export herunterladen' }));
    expect(await within(dialog).findByText(/Der Server hat den Grund nicht angenommen/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Export herunterladen' }));
    expect(await screen.findByText('Die Datei „Anmeldungen-2026-11-25.csv“ wurde heruntergeladen.')).toBeInTheDocument();
    expect(click).toHaveBeenCalledOnce();
    click.mockRestore();
    const exports = calls.filter((c) => c.path.includes('registrations.csv'));
    expect(exports.map((c) => new URL(c.path, 'http://x').searchParams.get('reason'))).toEqual(['Namensschilder', 'Namensschilder']);
  });
});
