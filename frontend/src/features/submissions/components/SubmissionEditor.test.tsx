import { screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SessionProvider, useSession } from '@/lib/session/SessionProvider';
import { json, mockApi, problem, renderRoute } from '@/test/utils';
import type { Submission } from '../api/submissions';
import { SubmissionCreatePage } from './SubmissionFormPages';

const AK = '9b000000-0000-4000-8000-000000000001';
const OTHER_AK = '9b000000-0000-4000-8000-000000000002';
const STEERING = '9b000000-0000-4000-8000-000000000003';
const MEMBER = '9e000000-0000-4000-8000-000000000001';

const body = (id: string, name: string, short: string, kind: 'working_group' | 'steering_group') => ({
  id,
  name,
  short_name: short,
  kind,
  cadence: 'quarterly',
  description: '',
  guiding_question: '',
  founded_year: null,
  spokespersons: [],
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  version: 1,
});
const BODIES = [
  body(AK, 'Arbeitskreis Bildung', 'AK Bildung', 'working_group'),
  body(OTHER_AK, 'Arbeitskreis Familienleben', 'AK Familienleben', 'working_group'),
  body(STEERING, 'Steuerungsgruppe Integration', 'Steuerungsgruppe', 'steering_group'),
];
const page = <T,>(items: T[]) => json({ items, total: items.length, limit: 20, offset: 0 });

const CREATED: Submission = {
  id: '9c000000-0000-4000-8000-000000000009',
  reference: null,
  title: 'Leseförderung in den Ferien',
  kind: 'recommendation',
  body_id: AK,
  body_name: 'Arbeitskreis Bildung',
  body_short_name: 'AK Bildung',
  situation: '',
  proposed_resolution: '',
  rationale: '',
  status: 'draft',
  submitted_at: null,
  late_reason: null,
  meeting_id: null,
  outcome: null,
  resolution: '',
  votes_for: null,
  votes_against: null,
  abstentions: null,
  decided_at: null,
  decided_meeting_id: null,
  measure_ids: [],
  need_ids: [],
  created_at: '2026-03-01T10:00:00Z',
  updated_at: '2026-03-01T10:00:00Z',
  version: 1,
};

/** As RequireAuth in the app: the page renders once the user is known. */
function SignedIn({ children }: { children: ReactNode }) {
  return useSession().user ? children : null;
}

function render(roles: string[], extra: Parameters<typeof mockApi>[0] = {}) {
  const calls = mockApi({
    'POST /api/v1/auth/refresh': () => json({ access_token: 'token', expires_in: 900, token_type: 'bearer' }),
    'GET /api/v1/auth/me': () =>
      json({ id: 'u1', email: 'sprecherin@example.org', name: 'Sina Sprecherin', roles, member_id: MEMBER, is_active: true, created_at: '', updated_at: '', version: 1 }),
    'GET /api/v1/bodies': () => page(BODIES),
    'GET /api/v1/memberships': () =>
      page([{ id: 'ms1', member_id: MEMBER, body_id: AK, role: 'spokesperson', is_current: true, start_on: '2025-01-01', end_on: null }]),
    'GET /api/v1/measures': () => page([{ id: '9a000000-0000-4000-8000-000000000001', reference: 'M-2026-004', title: 'Lernpaten' }]),
    'GET /api/v1/needs': () => page([]),
    ...extra,
  });
  const result = renderRoute(
    <SessionProvider>
      <SignedIn>
        <SubmissionCreatePage />
      </SignedIn>
    </SessionProvider>,
    { path: '/vorlagen/neu', url: '/vorlagen/neu' },
  );
  return { calls, ...result };
}

describe('the submission editor', () => {
  it('shows the typed paper in the preview and offers a spokesperson only the bodies they lead', async () => {
    render(['member', 'spokesperson']);
    const user = userEvent.setup();
    const title = await screen.findByLabelText('Titel');
    const bodySelect = screen.getByLabelText('Einreichendes Gremium');
    // The one body this spokesperson leads is preselected; other bodies are not offered.
    await vi.waitFor(() => expect(bodySelect).toHaveValue(AK));
    expect(within(bodySelect).queryByRole('option', { name: 'Arbeitskreis Familienleben' })).toBeNull();

    await user.type(title, 'Leseförderung in den Ferien');
    await user.type(screen.getByLabelText(/^Sachverhalt/), 'Viele Kinder lesen in den Ferien kaum.');
    const preview = screen.getByRole('region', { name: 'Vorschau' });
    expect(within(preview).getByRole('heading', { name: 'Leseförderung in den Ferien' })).toBeInTheDocument();
    expect(within(preview).getByText('Viele Kinder lesen in den Ferien kaum.')).toBeInTheDocument();
    expect(within(preview).getByText('Vorlage (Entwurf)')).toBeInTheDocument();
    expect(within(preview).getByText('Landkreis Gifhorn')).toBeInTheDocument();
    expect(within(preview).getByText('Arbeitskreis Bildung')).toBeInTheDocument();
  });

  it('lists the missing fields, then sends the draft with its links', async () => {
    const { calls, router } = render(['admin'], { 'POST /api/v1/submissions': () => json(CREATED, 201, { ETag: '"1"' }) });
    const user = userEvent.setup();
    await screen.findByRole('option', { name: 'Arbeitskreis Familienleben' });
    await user.click(screen.getByRole('button', { name: 'Entwurf speichern' }));
    const summary = screen.getByRole('heading', { name: 'Bitte korrigieren Sie folgende Angaben' }).closest('div.kern-alert');
    expect(summary).not.toBeNull();
    const links = within(summary as HTMLElement).getAllByRole('link').map((l) => l.textContent);
    expect(links).toEqual([
      'Titel: Bitte füllen Sie dieses Feld aus.',
      'Art der Vorlage: Bitte wählen Sie die Art der Vorlage.',
      'Einreichendes Gremium: Bitte wählen Sie das einreichende Gremium.',
    ]);
    expect(calls.filter((c) => c.method === 'POST' && c.path === '/api/v1/submissions')).toHaveLength(0);

    await user.type(screen.getByLabelText('Titel'), 'Leseförderung in den Ferien');
    await user.selectOptions(screen.getByLabelText('Art der Vorlage'), 'recommendation');
    await user.selectOptions(screen.getByLabelText('Einreichendes Gremium'), AK);
    await user.click(await screen.findByRole('checkbox', { name: 'M-2026-004 Lernpaten' }));
    await user.click(screen.getByRole('button', { name: 'Entwurf speichern' }));
    await vi.waitFor(() => expect(router.state.location.pathname).toBe(`/vorlagen/${CREATED.id}`));
    const post = calls.find((c) => c.method === 'POST' && c.path === '/api/v1/submissions');
    expect(JSON.parse(post?.body ?? '{}')).toEqual({
      title: 'Leseförderung in den Ferien',
      kind: 'recommendation',
      body_id: AK,
      situation: '',
      proposed_resolution: '',
      rationale: '',
      measure_ids: ['9a000000-0000-4000-8000-000000000001'],
      need_ids: [],
    });
  });

  it('puts a server error (422) at its field in German', async () => {
    render(['coordinator'], {
      'POST /api/v1/submissions': () =>
        problem(422, 'validation-error', {
          errors: [{ location: 'body', field: 'title', message: 'String should have at most 200 characters', code: 'string_too_long', context: { max_length: 200 } }],
        }),
    });
    const user = userEvent.setup();
    await screen.findByRole('option', { name: 'Arbeitskreis Bildung' });
    await user.type(screen.getByLabelText('Titel'), 'Leseförderung');
    await user.selectOptions(screen.getByLabelText('Art der Vorlage'), 'report');
    await user.selectOptions(screen.getByLabelText('Einreichendes Gremium'), AK);
    await user.click(screen.getByRole('button', { name: 'Entwurf speichern' }));
    await vi.waitFor(() => expect(screen.getByLabelText('Titel')).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getAllByText(/Bitte geben Sie höchstens 200 Zeichen ein\./).length).toBeGreaterThan(0);
    expect(screen.queryByText(/String should have/)).toBeNull();
  });
});
