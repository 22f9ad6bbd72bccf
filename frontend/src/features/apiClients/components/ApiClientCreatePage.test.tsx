import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { json, mockApi, problem, renderRoute } from '@/test/utils';
import { ApiClientCreatePage } from './ApiClientCreatePage';

const ORGS = [
  { id: '0e000000-0000-4000-8000-000000000001', name: 'Jobcenter Landkreis Gifhorn (Demo)', short_name: 'Jobcenter' },
  { id: '0e000000-0000-4000-8000-000000000002', name: 'Wohlfahrtsverband Südheide (Demo)', short_name: 'WV Südheide' },
];
const SECRET = 'geheim-abc123-nur-einmal';

function organisations(request: Request) {
  const q = new URL(request.url).searchParams.get('q')?.toLowerCase() ?? '';
  const items = ORGS.filter((o) => o.name.toLowerCase().includes(q));
  return json({ items, total: items.length, limit: 50, offset: 0 });
}

function created(body: string) {
  const sent = JSON.parse(body) as Record<string, unknown>;
  return json(
    {
      id: '7c000000-0000-4000-8000-000000000009',
      ...sent,
      revoked_at: null,
      last_used_at: null,
      created_at: '2026-03-05T10:00:00Z',
      updated_at: '2026-03-05T10:00:00Z',
      version: 1,
      client_secret: SECRET,
    },
    201,
    { ETag: '"1"' },
  );
}

function errorOf(element: HTMLElement): string {
  const ids = (element.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id.endsWith('-error'));
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

async function fillForm(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Name'), 'Fachverfahren Jobcenter');
  await user.type(screen.getByRole('searchbox', { name: /Organisation suchen/ }), 'jobcenter');
  await screen.findByText('1 Organisation gefunden.');
  await user.selectOptions(screen.getByRole('combobox', { name: 'Organisation' }), 'Jobcenter Landkreis Gifhorn (Demo) (Jobcenter)');
  await user.click(screen.getByRole('checkbox', { name: 'Sitzungstermine lesen' }));
  await user.click(screen.getByRole('checkbox', { name: 'Maßnahmen lesen' }));
}

describe('creating an API client', () => {
  it('explains each scope and checks the form before calling the API', async () => {
    const calls = mockApi({ 'GET /api/v1/organisations': organisations });
    const user = userEvent.setup();
    renderRoute(<ApiClientCreatePage />, { path: '/neu', url: '/neu' });

    const progress = screen.getByRole('checkbox', { name: 'Fortschritt der eigenen Maßnahmen melden' });
    expect(progress).toHaveAccessibleDescription(/an denen die Organisation beteiligt ist \(measures:progress\)/);
    // Without a search the select offers the intranet and the first organisations by name.
    const select = screen.getByRole('combobox', { name: 'Organisation' });
    expect(within(select).getByRole('option', { name: 'Kreisintranet (keine Organisation)' })).toBeInTheDocument();
    expect(await within(select).findByRole('option', { name: 'Wohlfahrtsverband Südheide (Demo) (WV Südheide)' })).toBeInTheDocument();

    await user.clear(screen.getByLabelText('Anfragen pro Minute'));
    await user.type(screen.getByLabelText('Anfragen pro Minute'), '0');
    await user.click(screen.getByRole('button', { name: 'API-Zugang anlegen' }));

    const summary = screen.getByRole('heading', { name: 'Bitte korrigieren Sie folgende Angaben' }).closest('div.app-error-summary');
    expect(summary).toHaveFocus();
    expect(errorOf(screen.getByLabelText('Name'))).toBe('Bitte füllen Sie dieses Feld aus.');
    expect(errorOf(select)).toContain('Bitte wählen Sie eine Organisation oder „Kreisintranet (keine Organisation)“.');
    expect(within(screen.getByRole('group', { name: 'Berechtigungen' })).getByText('Bitte wählen Sie mindestens eine Berechtigung.')).toBeInTheDocument();
    expect(errorOf(screen.getByLabelText('Anfragen pro Minute'))).toBe('Bitte geben Sie eine ganze Zahl von 1 bis 6.000 ein.');

    // The intranet has no organisation of its own to write for.
    await user.selectOptions(select, 'Kreisintranet (keine Organisation)');
    await user.click(screen.getByRole('checkbox', { name: 'Angebote der eigenen Organisation pflegen' }));
    await user.click(screen.getByRole('button', { name: 'API-Zugang anlegen' }));
    expect(screen.getAllByText(/setzen eine Organisation voraus/).length).toBeGreaterThan(0);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('sends the client, then shows its id and secret once with a warning, a copy button and a curl example', async () => {
    const calls = mockApi({ 'GET /api/v1/organisations': organisations, 'POST /api/v1/api-clients': (_request, body) => created(body) });
    const user = userEvent.setup();
    const { router } = renderRoute(<ApiClientCreatePage />, { path: '/neu', url: '/neu' });
    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'API-Zugang anlegen' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Zugangsdaten für „Fachverfahren Jobcenter“' })).toHaveFocus();
    expect(JSON.parse(calls.find((c) => c.method === 'POST')?.body ?? '{}')).toEqual({
      name: 'Fachverfahren Jobcenter',
      organisation_id: ORGS[0]?.id,
      scopes: ['measures:read', 'meetings:read'],
      requests_per_minute: 120,
    });
    expect(screen.getByText('Der API-Zugang „Fachverfahren Jobcenter“ wurde angelegt.').closest('[role="status"]')).not.toBeNull();
    expect(screen.getByText('Das Geheimnis wird nur jetzt angezeigt')).toBeInTheDocument();
    expect(screen.getByLabelText('Client-ID')).toHaveValue('7c000000-0000-4000-8000-000000000009');
    expect(screen.getByLabelText('Geheimnis (client_secret)')).toHaveValue(SECRET);
    const example = screen.getByRole('region', { name: 'Token-Anfrage mit curl' });
    expect(example).toHaveTextContent('grant_type=client_credentials');
    expect(example).toHaveTextContent('client_id=7c000000-0000-4000-8000-000000000009');
    // The example reads the secret from the environment instead of the command line.
    expect(example).toHaveTextContent('client_secret="$CLIENT_SECRET"');
    expect(example).not.toHaveTextContent(SECRET);

    await user.click(screen.getByRole('button', { name: 'Geheimnis kopieren' }));
    expect(await screen.findByText('Geheimnis wurde in die Zwischenablage kopiert.')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(SECRET);

    // Gone for good once the page is left.
    await user.click(screen.getByRole('link', { name: 'Zur Liste der API-Zugänge' }));
    await screen.findByText('Andere Seite');
    await router.navigate('/neu');
    await screen.findByRole('heading', { level: 1, name: 'Neuen API-Zugang anlegen' });
    expect(screen.queryByDisplayValue(SECRET)).toBeNull();
  });

  it('selects the secret for Ctrl+C where the browser refuses the clipboard', async () => {
    mockApi({ 'GET /api/v1/organisations': organisations, 'POST /api/v1/api-clients': (_request, body) => created(body) });
    const user = userEvent.setup();
    renderRoute(<ApiClientCreatePage />, { path: '/neu', url: '/neu' });
    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'API-Zugang anlegen' }));
    const secret = await screen.findByLabelText('Geheimnis (client_secret)');

    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    await user.click(screen.getByRole('button', { name: 'Geheimnis kopieren' }));
    expect(await screen.findByText(/Kopieren war nicht möglich\. Geheimnis ist markiert/)).toBeInTheDocument();
    expect(secret).toHaveFocus();
    const input = secret as HTMLInputElement;
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, SECRET.length]);
  });

  it('puts a server error about the organisation at its field, in German', async () => {
    mockApi({
      'GET /api/v1/organisations': organisations,
      'POST /api/v1/api-clients': () =>
        problem(422, 'validation-error', {
          errors: [{ location: 'body', field: 'organisation_id', message: 'No organisation with this id.', code: 'unknown_organisation' }],
        }),
    });
    const user = userEvent.setup();
    renderRoute(<ApiClientCreatePage />, { path: '/neu', url: '/neu' });
    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'API-Zugang anlegen' }));
    await waitFor(() =>
      expect(errorOf(screen.getByRole('combobox', { name: 'Organisation' }))).toBe('Diese Organisation gibt es nicht (mehr).'),
    );
    expect(screen.queryByText(/No organisation/)).toBeNull();
  });
});
