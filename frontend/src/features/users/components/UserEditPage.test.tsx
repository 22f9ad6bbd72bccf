import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem, renderRoute } from '@/test/utils';
import { UserEditPage } from './UserEditPage';

const base = {
  id: '5d9e8f1a-0000-4000-8000-000000000001',
  email: 'rita@example.org',
  name: 'Rita Rolle',
  roles: ['member'],
  is_active: true,
  created_at: '2026-03-05T13:30:00Z',
  updated_at: '2026-03-05T13:30:00Z',
  version: 1,
};
const path = `/api/v1/users/${base.id}`;

describe('editing a user that someone else changed (412)', () => {
  it('sends If-Match, opens the conflict dialog instead of overwriting, and reloads on request', async () => {
    const theirs = { ...base, name: 'Rita Geändert', version: 2 };
    const calls = mockApi({
      [`GET ${path}`]: [() => json(base, 200, { ETag: '"1"' }), () => json(theirs, 200, { ETag: '"2"' })],
      [`PATCH ${path}`]: [
        () => problem(412, 'precondition-failed'),
        () => json({ ...theirs, roles: ['member', 'steering'], version: 3 }, 200, { ETag: '"3"' }),
      ],
    });
    const user = userEvent.setup();
    renderRoute(<UserEditPage />, { path: '/benutzer/:userId', url: `/benutzer/${base.id}` });

    const name = await screen.findByLabelText('Name');
    expect(name).toHaveValue('Rita Rolle');
    await user.clear(name);
    await user.type(name, 'Rita Meins');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));

    const dialog = await screen.findByRole('alertdialog', { name: 'Eintrag wurde zwischenzeitlich geändert' });
    const row = within(dialog).getByRole('row', { name: /Name/ });
    expect(row).toHaveTextContent('Rita Meins');
    expect(row).toHaveTextContent('Rita Geändert');

    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.headers.get('If-Match')).toBe('"1"');
    expect(JSON.parse(patch?.body ?? '{}')).toEqual({ name: 'Rita Meins' });

    await user.click(within(dialog).getByRole('button', { name: 'Aktuellen Stand laden' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByLabelText('Name')).toHaveValue('Rita Geändert');

    // The next save is based on the version the user has now seen.
    await user.click(screen.getByLabelText('Steuerungsgruppe'));
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    await screen.findByText('Die Änderungen wurden gespeichert.');
    const patches = calls.filter((c) => c.method === 'PATCH');
    expect(patches[1]?.headers.get('If-Match')).toBe('"2"');
    expect(JSON.parse(patches[1]?.body ?? '{}')).toEqual({ roles: ['member', 'steering'] });
  });

  it('keeps the input when the user goes back to it, and saving again is refused again', async () => {
    mockApi({
      [`GET ${path}`]: [() => json(base, 200, { ETag: '"1"' }), () => json({ ...base, name: 'X', version: 2 }, 200, { ETag: '"2"' })],
      [`PATCH ${path}`]: () => problem(412, 'precondition-failed'),
    });
    const user = userEvent.setup();
    renderRoute(<UserEditPage />, { path: '/benutzer/:userId', url: `/benutzer/${base.id}` });
    const name = await screen.findByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Rita Meins');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    await screen.findByRole('alertdialog');
    await user.click(screen.getByRole('button', { name: 'Zurück zu meiner Eingabe' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByLabelText('Name')).toHaveValue('Rita Meins');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByRole('alertdialog')).toBeInTheDocument();
  });
});
