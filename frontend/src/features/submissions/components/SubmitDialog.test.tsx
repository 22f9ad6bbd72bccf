import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { json, mockApi, problem, renderRoute } from '@/test/utils';
import type { Submission } from '../api/submissions';
import { SubmitDialog } from './SubmissionDialogs';

const DRAFT = {
  id: '9c000000-0000-4000-8000-000000000009',
  reference: null,
  title: 'Leseförderung in den Ferien',
  kind: 'recommendation',
  body_id: '9b000000-0000-4000-8000-000000000001',
  body_name: 'Arbeitskreis Bildung',
  body_short_name: 'AK Bildung',
  situation: 'Viele Kinder lesen in den Ferien kaum.',
  proposed_resolution: 'Die Steuerungsgruppe empfiehlt Ferienlesekurse.',
  rationale: '',
  status: 'draft',
  version: 4,
} as Submission;
const PATH = `POST /api/v1/submissions/${DRAFT.id}/submit`;

function render(paper: Submission = DRAFT, onDone = vi.fn()) {
  renderRoute(<SubmitDialog open paper={paper} etag={'"4"'} onClose={() => {}} onDone={onDone} />, {
    path: '/vorlagen/:id',
    url: `/vorlagen/${paper.id}`,
  });
  return screen.getByRole('dialog', { name: 'Vorlage einreichen' });
}

describe('submitting a paper', () => {
  it('asks a coordinator after the deadline for the reason and sends it with If-Match', async () => {
    const calls = mockApi({
      [PATH]: [
        () =>
          problem(422, 'validation-error', {
            errors: [{ location: 'body', field: 'late_reason', message: 'The deadline was 2026-11-18; say why the late submission is accepted.', code: 'late_reason_required' }],
          }),
        () => json({ ...DRAFT, status: 'submitted', reference: 'SG-2026-007', late_reason: 'Förderfrist', version: 5 }, 200, { ETag: '"5"' }),
      ],
    });
    const onDone = vi.fn();
    const dialog = render(DRAFT, onDone);
    const user = userEvent.setup();
    await user.click(within(dialog).getByRole('button', { name: 'Jetzt einreichen' }));
    expect(await within(dialog).findByText(/waren bis zum 18\.11\.2026 einzureichen/)).toBeInTheDocument();
    const reason = within(dialog).getByLabelText(/Grund für die verspätete Annahme/);
    await user.click(within(dialog).getByRole('button', { name: 'Verspätet annehmen und einreichen' }));
    expect(within(dialog).getByText('Bitte geben Sie den Grund für die verspätete Annahme an.')).toBeInTheDocument();
    await user.type(reason, ' Förderfrist ');
    await user.click(within(dialog).getByRole('button', { name: 'Verspätet annehmen und einreichen' }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ reference: 'SG-2026-007' })));
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts.map((c) => JSON.parse(c.body))).toEqual([{ late_reason: '' }, { late_reason: 'Förderfrist' }]);
    expect(posts.every((c) => c.headers.get('If-Match') === '"4"')).toBe(true);
  });

  it('tells a spokesperson in German until when papers were due (409)', async () => {
    mockApi({
      [PATH]: () =>
        problem(409, 'conflict', {
          detail: 'The deadline for the steering meeting on 2026-12-09 was 2026-11-18; only a coordinator can accept a late submission.',
        }),
    });
    const dialog = render();
    const user = userEvent.setup();
    await user.click(within(dialog).getByRole('button', { name: 'Jetzt einreichen' }));
    expect(
      await within(dialog).findByText('Vorlagen für die Sitzung der Steuerungsgruppe am 09.12.2026 waren bis zum 18.11.2026 einzureichen.'),
    ).toBeInTheDocument();
    expect(within(dialog).getByText(/Nur die Koordination kann eine verspätete Vorlage noch annehmen/)).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Jetzt einreichen' })).toBeNull();
    expect(screen.queryByText(/only a coordinator/)).toBeNull();
  });

  it('does not offer to submit a request without a proposed resolution', () => {
    mockApi({});
    const dialog = render({ ...DRAFT, kind: 'request', proposed_resolution: ' ' });
    expect(within(dialog).getByText('Der Beschlussvorschlag fehlt')).toBeInTheDocument();
    expect(within(dialog).getByRole('link', { name: 'Vorlage bearbeiten' })).toHaveAttribute('href', `/vorlagen/${DRAFT.id}/bearbeiten`);
    expect(within(dialog).queryByRole('button', { name: 'Jetzt einreichen' })).toBeNull();
  });
});
