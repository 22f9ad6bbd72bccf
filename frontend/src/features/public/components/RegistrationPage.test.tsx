import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SITE, json, mockApi, problem, renderRoute } from '@/test/utils';
import { RegistrationPage } from './RegistrationPage';

const MEETING = {
  id: '7a1d2c3e-0000-4000-8000-000000000001',
  title: 'Netzwerktreffen Integration 2027',
  theme: 'Ankommen, bleiben, mitgestalten',
  status: 'planned',
  starts_at: '2027-10-13T13:00:00Z',
  ends_at: '2027-10-13T16:00:00Z',
  location_address: 'Stadthalle Gifhorn',
  location_room: 'Großer Saal',
  online: false,
  registration_open: true,
  capacity: 80,
  places_left: 0,
  waiting_list_length: 3,
};
const POST = `POST /api/v1/public/meetings/${MEETING.id}/registrations`;

function render(handlers: Parameters<typeof mockApi>[0]) {
  const calls = mockApi({
    'GET /api/v1/site': () => json({ ...SITE, privacy_text_version: '2026-02' }),
    [`GET /api/v1/public/meetings/${MEETING.id}`]: () => json(MEETING),
    ...handlers,
  });
  renderRoute(<RegistrationPage />, { path: '/netzwerktreffen/:meetingId/anmeldung', url: `/netzwerktreffen/${MEETING.id}/anmeldung` });
  return calls;
}

async function fill(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByLabelText('Vorname'), 'Mira');
  await user.type(screen.getByLabelText('Nachname'), 'Beispiel');
  await user.type(screen.getByLabelText('E-Mail-Adresse'), 'mira@example.org');
  await user.click(screen.getByLabelText(/Ich willige ein/));
  await user.click(screen.getByRole('button', { name: 'Anmelden' }));
}

describe('registering for a network meeting', () => {
  it('sends the privacy text version the server names and confirms the waiting-list place with focus', async () => {
    const calls = render({ [POST]: () => json({ status: 'waitlisted', waiting_position: 4 }, 201) });
    const user = userEvent.setup();
    expect(await screen.findByText('Ausgebucht – Anmeldung auf die Warteliste möglich (3 Personen warten)')).toBeInTheDocument();
    await fill(user);
    const done = await screen.findByText('Sie stehen auf der Warteliste (Platz 4)');
    expect(done.closest('[tabindex="-1"]')).toHaveFocus();
    const post = calls.find((c) => c.method === 'POST');
    expect(JSON.parse(post?.body ?? '{}')).toEqual({
      given_name: 'Mira',
      family_name: 'Beispiel',
      email: 'mira@example.org',
      organisation_name: null,
      consent: true,
      privacy_text_version: '2026-02',
      website: null,
    });
  });

  it('puts a duplicate address (409) at the e-mail field, in German', async () => {
    render({
      [POST]: () =>
        problem(409, 'conflict', {
          errors: [{ location: 'body', field: 'email', message: 'This address is already registered.', code: 'already_registered' }],
        }),
    });
    const user = userEvent.setup();
    await fill(user);
    expect(await screen.findAllByText(/bereits jemand angemeldet/)).not.toHaveLength(0);
    expect(screen.getByLabelText('E-Mail-Adresse')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText(/already registered/)).toBeNull();
  });

  it('explains a meeting that no longer takes registrations (409 without a field)', async () => {
    render({ [POST]: () => problem(409, 'conflict') });
    const user = userEvent.setup();
    await fill(user);
    expect(await screen.findByText(/es wurde abgesagt, hat schon begonnen oder nimmt keine Anmeldungen an/)).toBeInTheDocument();
  });

  it('asks to wait after too many registrations (429) and blocks the button meanwhile', async () => {
    render({ [POST]: () => problem(429, 'too-many-requests', {}, { 'Retry-After': '600' }) });
    const user = userEvent.setup();
    await fill(user);
    expect(await screen.findByText(/Bitte versuchen Sie es in 10 Minuten erneut/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Anmelden' })).toBeDisabled();
  });

  it('puts server 422 errors at their fields', async () => {
    render({
      [POST]: () =>
        problem(422, 'validation-error', {
          errors: [{ location: 'body', field: 'family_name', message: 'too long', code: 'string_too_long', context: { max_length: 100 } }],
        }),
    });
    const user = userEvent.setup();
    await fill(user);
    expect(await screen.findAllByText('Bitte geben Sie höchstens 100 Zeichen ein.')).not.toHaveLength(0);
    expect(screen.getByLabelText('Nachname')).toHaveAttribute('aria-invalid', 'true');
  });
});
