import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { json, mockApi, problem, renderRoute } from '@/test/utils';
import type { Need } from '../api/needs';
import { NeedStatusDialog } from './NeedStatusDialog';

const NEED: Need = {
  id: '9c0e1f2a-0000-4000-8000-000000000007',
  body_id: '9c0e1f2a-0000-4000-8000-000000000001',
  body_name: 'Arbeitskreis Sprache',
  body_short_name: 'AK Sprache',
  title: 'Kinderbetreuung während der Kurse',
  description: '',
  raised_at_agenda_item_id: null,
  raised_at: null,
  field_of_action_id: null,
  field_of_action: null,
  measures: [],
  status: 'open',
  status_note: '',
  created_at: '2026-03-05T13:30:00Z',
  updated_at: '2026-03-05T13:30:00Z',
  version: 3,
};
const PATH = `POST /api/v1/needs/${NEED.id}/status`;

function render(onDone = vi.fn()) {
  renderRoute(
    <NeedStatusDialog open need={NEED} etag={'"3"'} targets={['addressed', 'escalated', 'dismissed']} onClose={() => {}} onDone={onDone} />,
    { path: '/bedarfe/:needId', url: `/bedarfe/${NEED.id}` },
  );
  return screen.getByRole('dialog', { name: 'Status ändern' });
}

describe('changing the status of a need', () => {
  it('asks for a note when dismissing, then sends status and note with If-Match', async () => {
    const calls = mockApi({ [PATH]: () => json({ ...NEED, status: 'dismissed', status_note: 'Doppelt', version: 4 }, 200, { ETag: '"4"' }) });
    const onDone = vi.fn();
    const dialog = render(onDone);
    const user = userEvent.setup();
    await user.selectOptions(within(dialog).getByLabelText('Neuer Status'), 'dismissed');
    await user.click(within(dialog).getByRole('button', { name: 'Status ändern' }));
    expect(within(dialog).getByText('Bitte schreiben Sie, warum der Bedarf erledigt oder verworfen ist.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await user.type(within(dialog).getByLabelText(/Anmerkung zum Status/), ' Doppelt ');
    await user.click(within(dialog).getByRole('button', { name: 'Status ändern' }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith('dismissed'));
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.headers.get('If-Match')).toBe('"3"');
    expect(JSON.parse(post?.body ?? '{}')).toEqual({ status: 'dismissed', note: 'Doppelt' });
  });

  it('explains a refused move (409) in German', async () => {
    mockApi({ [PATH]: () => problem(409, 'conflict', { detail: 'A need cannot go from resolved to addressed.' }) });
    const dialog = render();
    const user = userEvent.setup();
    await user.selectOptions(within(dialog).getByLabelText('Neuer Status'), 'addressed');
    await user.click(within(dialog).getByRole('button', { name: 'Status ändern' }));
    expect(await within(dialog).findByText('Dieser Statuswechsel ist nicht möglich')).toBeInTheDocument();
    expect(screen.queryByText(/cannot go from/)).toBeNull();
  });

  it('puts the server note error (422) at the note field', async () => {
    mockApi({
      [PATH]: () =>
        problem(422, 'validation-error', { errors: [{ location: 'body', field: 'note', message: 'Say why.', code: 'note_required' }] }),
    });
    const dialog = render();
    const user = userEvent.setup();
    await user.selectOptions(within(dialog).getByLabelText('Neuer Status'), 'escalated');
    await user.click(within(dialog).getByRole('button', { name: 'Status ändern' }));
    await vi.waitFor(() => expect(within(dialog).getByLabelText(/Anmerkung zum Status/)).toHaveAttribute('aria-invalid', 'true'));
    expect(within(dialog).getByText('Bitte schreiben Sie, warum der Bedarf erledigt oder verworfen ist.')).toBeInTheDocument();
    expect(screen.queryByText('Say why.')).toBeNull();
  });
});
