import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem, renderRoute } from '@/test/utils';
import { OrganisationEditPage } from './OrganisationFormPages';

const base = {
  id: '5d9e8f1a-0000-4000-8000-0000000000aa',
  name: 'Caritas Gifhorn',
  short_name: null,
  kind: 'welfare_association',
  street: null,
  postal_code: null,
  city: 'Gifhorn',
  municipality: 'Stadt Gifhorn',
  website: null,
  email: null,
  phone: null,
  created_at: '2026-03-05T13:30:00Z',
  updated_at: '2026-03-05T13:30:00Z',
  version: 1,
};
const path = `/api/v1/organisations/${base.id}`;
const render = () =>
  renderRoute(<OrganisationEditPage />, { path: '/organisationen/:organisationId/bearbeiten', url: `/organisationen/${base.id}/bearbeiten` });

describe('editing an organisation', () => {
  it('sends only the changes with If-Match; a 412 opens the conflict dialog with the differences', async () => {
    const theirs = { ...base, kind: 'education_provider', version: 2 };
    const calls = mockApi({
      [`GET ${path}`]: [() => json(base, 200, { ETag: '"1"' }), () => json(theirs, 200, { ETag: '"2"' })],
      [`PATCH ${path}`]: () => problem(412, 'precondition-failed'),
    });
    const user = userEvent.setup();
    render();
    const name = await screen.findByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Caritas Gifhorn e. V.');
    await user.selectOptions(screen.getByLabelText('Kommune im Landkreis'), '');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));

    const dialog = await screen.findByRole('alertdialog', { name: 'Eintrag wurde zwischenzeitlich geändert' });
    expect(within(dialog).getByRole('row', { name: /^Art/ })).toHaveTextContent('Bildungs- und Ausbildungsträger');
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.headers.get('If-Match')).toBe('"1"');
    expect(JSON.parse(patch?.body ?? '{}')).toEqual({ name: 'Caritas Gifhorn e. V.', municipality: null });

    await user.click(within(dialog).getByRole('button', { name: 'Aktuellen Stand laden' }));
    expect(screen.getByLabelText('Name')).toHaveValue('Caritas Gifhorn');
    expect(screen.getByLabelText('Art')).toHaveValue('education_provider');
  });

  it('puts the server 422 on the field it names and checks the website on the client', async () => {
    mockApi({
      [`GET ${path}`]: () => json(base, 200, { ETag: '"1"' }),
      [`PATCH ${path}`]: () =>
        problem(422, 'validation-error', {
          errors: [{ location: 'body', field: 'postal_code', message: 'x', code: 'string_too_long', context: { max_length: 5 } }],
        }),
    });
    const user = userEvent.setup();
    render();
    const website = await screen.findByLabelText(/^Website/);
    await user.type(website, 'caritas.de');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('Bitte geben Sie eine vollständige Adresse ein, die mit https:// oder http:// beginnt.', { selector: '.kern-error span' })).toBeInTheDocument();

    await user.clear(website);
    await user.type(screen.getByLabelText(/^Postleitzahl/), '385180');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    const postal = screen.getByLabelText(/^Postleitzahl/);
    const errorId = postal.getAttribute('aria-describedby') ?? '';
    expect(await screen.findByText('Bitte geben Sie höchstens 5 Zeichen ein.', { selector: '.kern-error span' })).toBeInTheDocument();
    expect(errorId).toContain('organisation-postalCode-error');
  });
});
