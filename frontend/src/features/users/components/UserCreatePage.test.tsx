import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, problem, renderRoute } from '@/test/utils';
import { UserCreatePage } from './UserCreatePage';

function errorOf(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id.endsWith('-error'));
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

async function fillValid(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Name'), 'Berta Beispiel');
  await user.type(screen.getByLabelText('E-Mail-Adresse'), 'berta@example.org');
  await user.type(screen.getByLabelText('Erstes Passwort'), 'ein-sicheres-Passwort');
}

describe('user form: field errors', () => {
  it('shows client-side errors at the fields and in a focused summary without calling the API', async () => {
    const calls = mockApi({});
    const user = userEvent.setup();
    renderRoute(<UserCreatePage />, { path: '/neu', url: '/neu' });
    await user.click(screen.getByRole('button', { name: 'Benutzer anlegen' }));

    expect(errorOf(screen.getByLabelText('Name'))).toContain('Bitte füllen Sie dieses Feld aus.');
    expect(screen.getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true');
    expect(errorOf(screen.getByLabelText('Erstes Passwort'))).toContain('Bitte füllen Sie dieses Feld aus.');
    const summary = screen.getByRole('heading', { name: 'Bitte korrigieren Sie folgende Angaben' }).closest('div.app-error-summary');
    expect(summary).toHaveFocus();
    expect(calls.filter((c) => c.path === '/api/v1/users')).toHaveLength(0);
  });

  it('puts the server 422 errors at the fields they name, in German', async () => {
    const calls = mockApi({
      'POST /api/v1/users': () =>
        problem(422, 'validation-error', {
          errors: [
            { location: 'body', field: 'email', message: 'value is not a valid email address', code: 'value_error' },
            { location: 'body', field: 'roles.1', message: "Input should be 'admin', ...", code: 'enum' },
          ],
        }),
    });
    const user = userEvent.setup();
    renderRoute(<UserCreatePage />, { path: '/neu', url: '/neu' });
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Benutzer anlegen' }));

    const email = screen.getByLabelText('E-Mail-Adresse');
    await screen.findAllByText('Diese Angabe hat nicht das erwartete Format.');
    expect(errorOf(email)).toContain('Diese Angabe hat nicht das erwartete Format.');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(errorOf(screen.getByLabelText('Name'))).toBe('');
    const roles = screen.getByRole('group', { name: 'Rollen' });
    expect(within(roles).getByText('Bitte wählen Sie einen der angebotenen Werte.')).toBeInTheDocument();
    // No English server text reaches the user.
    expect(screen.queryByText(/not a valid email/)).toBeNull();

    const post = calls.find((c) => c.method === 'POST');
    expect(JSON.parse(post?.body ?? '{}')).toEqual({
      name: 'Berta Beispiel',
      email: 'berta@example.org',
      password: 'ein-sicheres-Passwort',
      roles: ['member'],
    });
  });

  it('names the limit the server sent (context), in German', async () => {
    mockApi({
      'POST /api/v1/users': () =>
        problem(422, 'validation-error', {
          errors: [
            {
              location: 'body',
              field: 'name',
              message: 'String should have at most 200 characters',
              code: 'string_too_long',
              context: { max_length: 200 },
            },
          ],
        }),
    });
    const user = userEvent.setup();
    renderRoute(<UserCreatePage />, { path: '/neu', url: '/neu' });
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Benutzer anlegen' }));
    await screen.findAllByText('Name: Bitte geben Sie höchstens 200 Zeichen ein.');
    expect(errorOf(screen.getByLabelText('Name'))).toBe('Bitte geben Sie höchstens 200 Zeichen ein.');
  });

  it('shows a 409 (address taken) at the e-mail field, from the field error the server names', async () => {
    mockApi({
      'POST /api/v1/users': () =>
        problem(409, 'conflict', {
          errors: [{ location: 'body', field: 'email', message: 'A user with this e-mail exists.', code: 'email_taken' }],
        }),
    });
    const user = userEvent.setup();
    renderRoute(<UserCreatePage />, { path: '/neu', url: '/neu' });
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Benutzer anlegen' }));
    await screen.findAllByText('Es gibt bereits ein Konto mit dieser E-Mail-Adresse.');
    expect(errorOf(screen.getByLabelText('E-Mail-Adresse'))).toContain('Es gibt bereits ein Konto');
    expect(screen.queryByText(/A user with this/)).toBeNull();
  });

  it('shows a 409 without field errors at the e-mail field too', async () => {
    mockApi({ 'POST /api/v1/users': () => problem(409, 'conflict') });
    const user = userEvent.setup();
    renderRoute(<UserCreatePage />, { path: '/neu', url: '/neu' });
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Benutzer anlegen' }));
    await screen.findAllByText('Es gibt bereits ein Konto mit dieser E-Mail-Adresse.');
    expect(errorOf(screen.getByLabelText('E-Mail-Adresse'))).toContain('Es gibt bereits ein Konto');
  });

  it('explains other problems in plain German (500)', async () => {
    mockApi({ 'POST /api/v1/users': () => problem(500, 'internal-error') });
    const user = userEvent.setup();
    renderRoute(<UserCreatePage />, { path: '/neu', url: '/neu' });
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Benutzer anlegen' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Technischer Fehler');
    expect(alert).toHaveTextContent('Fehlernummer für Rückfragen: req-1');
    expect(alert).not.toHaveTextContent('English detail');
  });
});
