import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { json, mockApi, problem, renderRoute } from '@/test/utils';
import type { Measure } from '../api/measures';
import { MeasureStatusDialog } from './MeasureStatusDialog';

const MEASURE: Measure = {
  id: '9c0e1f2a-0000-4000-8000-000000000017',
  reference: 'M-2026-003',
  title: 'Sprachcafé für Eltern',
  description: '',
  body_id: '9c0e1f2a-0000-4000-8000-000000000001',
  body_name: 'Arbeitskreis Bildung',
  body_short_name: 'AK Bildung',
  target_group: '',
  status: 'planned',
  status_reason: '',
  progress: 10,
  starts_on: null,
  ends_on: null,
  goal_codes: [],
  field_of_action_ids: [],
  lead_organisation_names: [],
  goals: [],
  organisations: [],
  needs: [],
  milestones: [],
  indicators: [],
  origin: null,
  discussed_in: [],
  created_at: '2026-03-05T13:30:00Z',
  updated_at: '2026-03-05T13:30:00Z',
  version: 4,
};
const PATH = `POST /api/v1/measures/${MEASURE.id}/status`;

function render(onDone = vi.fn()) {
  renderRoute(<MeasureStatusDialog open measure={MEASURE} etag={'"4"'} onClose={() => {}} onDone={onDone} />, {
    path: '/massnahmen/:measureId',
    url: `/massnahmen/${MEASURE.id}`,
  });
  return screen.getByRole('dialog', { name: 'Status ändern' });
}

describe('changing the status of a measure', () => {
  it('offers only the moves the status machine allows', () => {
    const dialog = render();
    const options = within(within(dialog).getByLabelText('Neuer Status')).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['Bitte wählen', 'In Umsetzung', 'Pausiert', 'Eingestellt']);
  });

  it('asks for a reason when pausing, then sends status and reason with If-Match', async () => {
    const calls = mockApi({ [PATH]: () => json({ ...MEASURE, status: 'paused', status_reason: 'Räume fehlen', version: 5 }, 200, { ETag: '"5"' }) });
    const onDone = vi.fn();
    const dialog = render(onDone);
    const user = userEvent.setup();
    await user.selectOptions(within(dialog).getByLabelText('Neuer Status'), 'paused');
    await user.click(within(dialog).getByRole('button', { name: 'Status ändern' }));
    expect(within(dialog).getByText('Bitte begründen Sie, warum die Maßnahme pausiert oder eingestellt wird.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await user.type(within(dialog).getByLabelText(/Begründung/), ' Räume fehlen ');
    await user.click(within(dialog).getByRole('button', { name: 'Status ändern' }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith('paused'));
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.headers.get('If-Match')).toBe('"4"');
    expect(JSON.parse(post?.body ?? '{}')).toEqual({ status: 'paused', reason: 'Räume fehlen' });
  });

  it('explains a refused move (409) in German with the allowed targets', async () => {
    mockApi({
      [PATH]: () =>
        problem(409, 'conflict', {
          detail: 'A measure cannot move from planned to completed.',
          errors: [{ location: 'body', field: 'status', message: 'Allowed from planned: in_progress, paused, discontinued.', code: 'transition_not_allowed' }],
        }),
    });
    const dialog = render();
    const user = userEvent.setup();
    await user.selectOptions(within(dialog).getByLabelText('Neuer Status'), 'in_progress');
    await user.click(within(dialog).getByRole('button', { name: 'Status ändern' }));
    expect(await within(dialog).findByText('Dieser Statuswechsel ist nicht möglich')).toBeInTheDocument();
    expect(within(dialog).getByText(/Von „Geplant“ aus sind möglich: „In Umsetzung“, „Pausiert“, „Eingestellt“/)).toBeInTheDocument();
    expect(screen.queryByText(/cannot move/)).toBeNull();
  });

  it('says so when the measure changed in the meantime (412)', async () => {
    mockApi({ [PATH]: () => problem(412, 'precondition-failed') });
    const dialog = render();
    const user = userEvent.setup();
    await user.selectOptions(within(dialog).getByLabelText('Neuer Status'), 'in_progress');
    await user.click(within(dialog).getByRole('button', { name: 'Status ändern' }));
    expect(await within(dialog).findByText('Zwischenzeitlich geändert')).toBeInTheDocument();
  });
});
