import type { Dashboard } from './dashboard';

const BILDUNG = '00000000-0000-4000-8000-000000000001';
const TEILHABE = '00000000-0000-4000-8000-000000000002';
const STEERING = '00000000-0000-4000-8000-000000000003';
const FIELD_A = '00000000-0000-4000-8000-0000000000a1';
const FIELD_B = '00000000-0000-4000-8000-0000000000b1';

/** A dashboard as the API sends it (for the tests). */
export const DASHBOARD: Dashboard = {
  current_edition: { id: '00000000-0000-4000-8000-0000000000e1', year: 2018, title: 'Integrationskonzept 2018' },
  measure_statuses: ['idea', 'planned', 'in_progress', 'completed', 'paused', 'discontinued'],
  measures_by_body: [
    {
      body_id: BILDUNG,
      body_short_name: 'AK Bildung',
      body_name: 'Arbeitskreis Bildung',
      counts: { idea: 1, planned: 3, in_progress: 4, completed: 2, paused: 0, discontinued: 1 },
      total: 11,
    },
    {
      body_id: TEILHABE,
      body_short_name: 'AK Teilhabe',
      body_name: 'Arbeitskreis Gesellschaftliche Teilhabe',
      counts: { idea: 0, planned: 0, in_progress: 0, completed: 0, paused: 0, discontinued: 0 },
      total: 0,
    },
    {
      body_id: STEERING,
      body_short_name: 'Steuerungsgruppe',
      body_name: 'Steuerungsgruppe Integration',
      counts: { idea: 0, planned: 1, in_progress: 0, completed: 0, paused: 2, discontinued: 0 },
      total: 3,
    },
  ],
  measures_by_field: [
    {
      field_of_action_id: FIELD_A,
      code: 'A',
      title: 'Sprache und Bildung',
      counts: { idea: 1, planned: 2, in_progress: 3, completed: 0, paused: 0, discontinued: 0 },
      total: 6,
    },
    {
      field_of_action_id: FIELD_B,
      code: 'B',
      title: 'Arbeit',
      counts: { idea: 0, planned: 1, in_progress: 2, completed: 2, paused: 1, discontinued: 0 },
      total: 6,
    },
    {
      field_of_action_id: null,
      code: null,
      title: 'Ohne Handlungsfeld',
      counts: { idea: 0, planned: 1, in_progress: 0, completed: 0, paused: 1, discontinued: 1 },
      total: 3,
    },
  ],
  goals_without_measures: [
    { goal_id: '00000000-0000-4000-8000-0000000000c1', code: 'C.1', title: 'Vereine öffnen sich', field_code: 'C' },
  ],
  open_needs_by_body: [
    { body_id: BILDUNG, body_short_name: 'AK Bildung', body_name: 'Arbeitskreis Bildung', open: 4 },
    { body_id: TEILHABE, body_short_name: 'AK Teilhabe', body_name: 'Arbeitskreis Gesellschaftliche Teilhabe', open: 0 },
    { body_id: STEERING, body_short_name: 'Steuerungsgruppe', body_name: 'Steuerungsgruppe Integration', open: 1 },
  ],
  upcoming_meetings: [
    {
      id: '00000000-0000-4000-8000-0000000000d1',
      title: 'AK Bildung 2/2026',
      body_id: BILDUNG,
      body_short_name: 'AK Bildung',
      starts_at: '2026-05-13T13:00:00Z',
      status: 'invited',
    },
  ],
  upcoming_meetings_total: 7,
  progress_over_time: [
    { period: '2024-Q4', measures: 0, average_progress: null },
    { period: '2025-Q1', measures: 1, average_progress: 10 },
    { period: '2025-Q2', measures: 1, average_progress: 10 },
    { period: '2025-Q3', measures: 0, average_progress: null },
    { period: '2025-Q4', measures: 2, average_progress: 35.5 },
    { period: '2026-Q1', measures: 3, average_progress: 50 },
    { period: '2026-Q2', measures: 3, average_progress: 63.3 },
    { period: '2026-Q3', measures: 4, average_progress: 70 },
  ],
  recent_milestones: [
    {
      measure_id: '00000000-0000-4000-8000-0000000000f1',
      reference: 'M-2026-004',
      measure_title: 'Sprachcafé für Eltern',
      milestone_id: '00000000-0000-4000-8000-0000000000f2',
      date: '2026-04-30',
      title: 'Erster Termin',
      progress: 40,
    },
  ],
  recent_decisions: [
    {
      submission_id: '00000000-0000-4000-8000-0000000000d1',
      reference: 'SG-2026-002',
      title: 'Kinderbetreuung während der Sprachkurse',
      body_short_name: 'AK Familienleben',
      outcome: 'approved_with_changes',
      decided_at: '2026-04-22T15:30:00Z',
    },
  ],
  overdue_directives: [
    {
      directive_id: '00000000-0000-4000-8000-0000000000d2',
      submission_reference: 'SG-2026-002',
      text: 'Standorte für die Kursbetreuung prüfen',
      addressee_name: 'Stabsstelle Integration',
      due_on: '2026-04-30',
      status: 'in_progress',
    },
  ],
  overdue_directives_total: 3,
  generated_at: '2026-05-02T08:00:00Z',
};
