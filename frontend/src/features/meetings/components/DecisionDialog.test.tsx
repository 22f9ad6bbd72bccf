import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { json, mockApi, problem, renderRoute } from '@/test/utils';
import type { Paper } from '../api/steering';
import { DecisionDialog } from './DecisionDialog';

const MEETING = '9a000000-0000-4000-8000-000000000001';
const BODY = '9c0e1f2a-0000-4000-8000-000000000001';
const PAPER: Paper = {
  id: '9c0e1f2a-0000-4000-8000-000000000007',
  reference: 'SG-2026-003',
  title: 'Fahrdienst zu Abendkursen',
  kind: 'request',
  body_id: BODY,
  body_name: 'Arbeitskreis Gesellschaftliche Teilhabe',
  body_short_name: 'AK Teilhabe',
  situation: 'Abendkurse sind ohne Auto kaum erreichbar.',
  proposed_resolution: 'Der Landkreis prüft einen Fahrdienst.',
  rationale: '',
  status: 'scheduled',
  submitted_at: '2026-04-01T10:00:00Z',
  late_reason: null,
  meeting_id: MEETING,
  outcome: null,
  resolution: '',
  votes_for: null,
  votes_against: null,
  abstentions: null,
  decided_at: null,
  decided_meeting_id: null,
  measure_ids: [],
  need_ids: [],
  created_at: '2026-04-01T10:00:00Z',
  updated_at: '2026-04-01T10:00:00Z',
  version: 4,
};
const DECISION = `POST /api/v1/submissions/${PAPER.id}/decision`;
const BODIES = {
  'GET /api/v1/bodies': () =>
    json({
      items: [
        { id: BODY, name: 'Arbeitskreis Gesellschaftliche Teilhabe', short_name: 'AK Teilhabe', kind: 'working_group' },
        { id: '9c0e1f2a-0000-4000-8000-000000000002', name: 'Steuerungsgruppe Integration', short_name: 'Steuerungsgruppe', kind: 'steering_group' },
      ],
      total: 2,
      limit: 200,
      offset: 0,
    }),
};

function render(onDone = vi.fn()) {
  renderRoute(<DecisionDialog meetingId={MEETING} paper={PAPER} onClose={() => {}} onDone={onDone} />, {
    path: '/sitzungen/:meetingId',
    url: `/sitzungen/${MEETING}?tab=vorlagen`,
  });
  return screen.getByRole('dialog', { name: 'Beschluss erfassen: SG-2026-003' });
}

describe('recording a decision', () => {
  it('asks for the outcome and each directive’s details, then sends the decision with If-Match', async () => {
    const calls = mockApi({ ...BODIES, [DECISION]: () => json({ ...PAPER, status: 'decided', outcome: 'approved', version: 5 }) });
    const onDone = vi.fn();
    const dialog = render(onDone);
    const user = userEvent.setup();
    expect(within(dialog).getByLabelText(/Beschluss \(Wortlaut\)/)).toHaveValue('Der Landkreis prüft einen Fahrdienst.');

    await user.click(within(dialog).getByRole('button', { name: 'Beschluss speichern' }));
    expect(within(dialog).getByRole('link', { name: 'Ergebnis der Beratung: Bitte wählen Sie das Ergebnis der Beratung.' })).toBeInTheDocument();

    await user.click(within(dialog).getByRole('radio', { name: 'Beschlossen' }));
    await user.click(within(dialog).getByRole('button', { name: 'Handlungsanweisung hinzufügen' }));
    const row = within(dialog).getByRole('group', { name: 'Handlungsanweisung 1' });
    expect(within(row).getByLabelText(/Auftrag/)).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Beschluss speichern' }));
    const summary = within(dialog).getByRole('heading', { name: 'Bitte korrigieren Sie folgende Angaben' }).closest('div.app-error-summary') as HTMLElement;
    expect(within(summary).getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Handlungsanweisung 1, Auftrag: Bitte füllen Sie dieses Feld aus.',
      'Handlungsanweisung 1, Adressat: Bitte wählen Sie, an wen sich die Handlungsanweisung richtet.',
      'Handlungsanweisung 1, Zu erledigen bis: Bitte geben Sie an, bis wann der Auftrag erledigt sein soll.',
    ]);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await user.type(within(row).getByLabelText(/Auftrag/), 'Bedarf an Fahrten erheben');
    await user.selectOptions(within(row).getByLabelText('Adressat'), 'body');
    await user.selectOptions(await within(row).findByLabelText('Arbeitskreis oder Gremium'), BODY);
    fireEvent.change(within(row).getByLabelText('Zu erledigen bis'), { target: { value: '2026-09-30' } });
    await user.type(within(dialog).getByLabelText('Ja-Stimmen'), '9');
    await user.click(within(dialog).getByRole('button', { name: 'Beschluss speichern' }));

    await vi.waitFor(() =>
      expect(onDone).toHaveBeenCalledWith('Der Beschluss zu SG-2026-003 ist gespeichert: Beschlossen, mit 1 Handlungsanweisung.'),
    );
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.headers.get('If-Match')).toBe('"4"');
    expect(JSON.parse(post?.body ?? '{}')).toEqual({
      outcome: 'approved',
      resolution: 'Der Landkreis prüft einen Fahrdienst.',
      votes_for: 9,
      directives: [{ text: 'Bedarf an Fahrten erheben', addressee_kind: 'body', addressee_body_id: BODY, due_on: '2026-09-30', measure_ids: [] }],
    });
  });

  it('offers no directives for “Abgelehnt” and lets “Zur Kenntnis genommen” go without a resolution', async () => {
    const calls = mockApi({ ...BODIES, [DECISION]: () => json({ ...PAPER, status: 'decided', outcome: 'noted' }) });
    const onDone = vi.fn();
    const dialog = render(onDone);
    const user = userEvent.setup();
    await user.click(within(dialog).getByRole('radio', { name: 'Abgelehnt' }));
    expect(within(dialog).queryByRole('button', { name: 'Handlungsanweisung hinzufügen' })).toBeNull();
    expect(within(dialog).getByText('Bei „Abgelehnt“ und „Vertagt“ werden keine Handlungsanweisungen erteilt.')).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/Beschluss \(Wortlaut\)/)).toBeRequired();

    await user.click(within(dialog).getByRole('radio', { name: 'Zur Kenntnis genommen' }));
    await user.clear(within(dialog).getByLabelText(/Beschluss \(Wortlaut\)/));
    await user.click(within(dialog).getByRole('button', { name: 'Beschluss speichern' }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith('Der Beschluss zu SG-2026-003 ist gespeichert: Zur Kenntnis genommen.'));
    expect(JSON.parse(calls.find((c) => c.method === 'POST')?.body ?? '{}')).toEqual({ outcome: 'noted', resolution: '', directives: [] });
  });

  it('puts a server error on the directive’s field (422) and explains a refused decision (409) in German', async () => {
    mockApi({
      ...BODIES,
      [DECISION]: [
        () =>
          problem(422, 'validation-error', {
            errors: [{ location: 'body', field: 'directives.0.addressee_body_id', message: 'No body with the id x.', code: 'unknown_body' }],
          }),
        () => problem(409, 'conflict', { detail: 'Only scheduled papers are decided; this submission is decided.' }),
      ],
    });
    const dialog = render();
    const user = userEvent.setup();
    await user.click(within(dialog).getByRole('radio', { name: 'Mit Änderungen beschlossen' }));
    await user.click(within(dialog).getByRole('button', { name: 'Handlungsanweisung hinzufügen' }));
    const row = within(dialog).getByRole('group', { name: 'Handlungsanweisung 1' });
    await user.type(within(row).getByLabelText(/Auftrag/), 'Bedarf erheben');
    await user.selectOptions(within(row).getByLabelText('Adressat'), 'body');
    await user.selectOptions(await within(row).findByLabelText('Arbeitskreis oder Gremium'), BODY);
    fireEvent.change(within(row).getByLabelText('Zu erledigen bis'), { target: { value: '2026-09-30' } });
    await user.click(within(dialog).getByRole('button', { name: 'Beschluss speichern' }));

    const select = within(row).getByLabelText('Arbeitskreis oder Gremium');
    await vi.waitFor(() => expect(select).toHaveAttribute('aria-invalid', 'true'));
    expect(within(row).getByText('Diesen Arbeitskreis oder dieses Gremium gibt es nicht mehr. Bitte wählen Sie erneut.')).toBeInTheDocument();
    expect(screen.queryByText(/No body with/)).toBeNull();

    await user.click(within(dialog).getByRole('button', { name: 'Beschluss speichern' }));
    expect(await within(dialog).findByText('Der Beschluss kann nicht gespeichert werden')).toBeInTheDocument();
    expect(screen.queryByText(/Only scheduled papers/)).toBeNull();
  });

  it('shows the conflict dialog when the paper changed in the meantime (412)', async () => {
    mockApi({ ...BODIES, [DECISION]: () => problem(412, 'precondition-failed') });
    const dialog = render();
    const user = userEvent.setup();
    await user.click(within(dialog).getByRole('radio', { name: 'Zur Kenntnis genommen' }));
    await user.click(within(dialog).getByRole('button', { name: 'Beschluss speichern' }));
    expect(await screen.findByRole('alertdialog', { name: 'Eintrag wurde zwischenzeitlich geändert' })).toBeInTheDocument();
  });
});
