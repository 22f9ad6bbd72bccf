import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { json, mockApi, renderRoute } from '@/test/utils';
import type { Directive } from '../api/directives';
import { DirectivesListPage } from './DirectivesListPage';

const DIRECTIVE: Directive = {
  id: '9d000000-0000-4000-8000-000000000001',
  submission_id: '9c000000-0000-4000-8000-000000000001',
  submission_reference: 'SG-2026-002',
  submission_title: 'Kinderbetreuung während der Sprachkurse',
  text: 'Bedarf an Betreuungsplätzen je Kurs erheben',
  addressee_kind: 'body',
  addressee_body_id: '9b000000-0000-4000-8000-000000000001',
  addressee_organisation_id: null,
  addressee_name: 'Arbeitskreis Familienleben',
  due_on: '2026-04-30',
  overdue: true,
  status: 'open',
  completion_note: '',
  completed_at: null,
  measure_ids: [],
  created_at: '2026-03-01T10:00:00Z',
  updated_at: '2026-03-01T10:00:00Z',
  version: 1,
};

function render(url: string) {
  const calls = mockApi({
    'GET /api/v1/bodies': () => json({ items: [], total: 0, limit: 200, offset: 0 }),
    'GET /api/v1/directives': () => json({ items: [DIRECTIVE], total: 1, limit: 20, offset: 0 }),
  });
  const result = renderRoute(<DirectivesListPage />, { path: '/handlungsanweisungen', url });
  return { calls, ...result };
}

describe('the directives list', () => {
  it('asks for the overdue ones from the dashboard link and marks them in words', async () => {
    const { calls } = render('/handlungsanweisungen?ueberfaellig=1');
    const row = await screen.findByRole('row', { name: /Bedarf an Betreuungsplätzen/ });
    expect(within(row).getByText('Überfällig')).toBeInTheDocument();
    expect(within(row).getByText('Offen')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: 'Bedarf an Betreuungsplätzen je Kurs erheben' })).toHaveAttribute(
      'href',
      `/handlungsanweisungen/${DIRECTIVE.id}`,
    );
    expect(within(row).getByRole('link', { name: 'SG-2026-002 Kinderbetreuung während der Sprachkurse' })).toHaveAttribute(
      'href',
      `/vorlagen/${DIRECTIVE.submission_id}`,
    );
    expect(screen.getByRole('checkbox', { name: 'Nur überfällige' })).toBeChecked();
    const request = calls.find((c) => c.path.startsWith('/api/v1/directives'));
    const query = new URL(`http://x${request?.path}`).searchParams;
    expect(query.get('overdue')).toBe('true');
    expect(query.getAll('status').flatMap((s) => s.split(','))).toEqual(['open', 'in_progress']);
  });

  it('puts the chosen filters into the address bar', async () => {
    const { router } = render('/handlungsanweisungen');
    await screen.findByRole('row', { name: /Bedarf an Betreuungsplätzen/ });
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Status'), 'done');
    await user.type(screen.getByRole('searchbox', { name: /Suche/ }), 'Kurs');
    await user.click(screen.getByRole('button', { name: 'Filtern' }));
    await vi.waitFor(() => expect(router.state.location.search).toBe('?q=Kurs&status=done'));
  });
});
