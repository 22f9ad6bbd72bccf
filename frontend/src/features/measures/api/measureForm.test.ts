// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  EMPTY_MEASURE,
  type MeasureFormValues,
  measureBody,
  measureChanges,
  measureToValues,
  originFromNeed,
  validateMeasure,
  validateStatusChange,
  valuesFromNeed,
} from './measureForm';
import type { Measure, SourceNeed } from './measures';
import { MEASURE_STATUSES, MEASURE_TRANSITIONS, nextStatuses } from './measures';

const BODY = '3d6f7a52-0c1e-4b0a-9f58-2b7f1c9e8d11';
const ORG_A = '3d6f7a52-0c1e-4b0a-9f58-2b7f1c9e8d21';
const ORG_B = '3d6f7a52-0c1e-4b0a-9f58-2b7f1c9e8d22';
const GOAL = '3d6f7a52-0c1e-4b0a-9f58-2b7f1c9e8d31';
const OLD_GOAL = '3d6f7a52-0c1e-4b0a-9f58-2b7f1c9e8d32';
const NEED = '3d6f7a52-0c1e-4b0a-9f58-2b7f1c9e8d41';
const MEETING = '3d6f7a52-0c1e-4b0a-9f58-2b7f1c9e8d51';
const ITEM = '3d6f7a52-0c1e-4b0a-9f58-2b7f1c9e8d52';

const filled: MeasureFormValues = {
  ...EMPTY_MEASURE,
  title: ' Sprachcafé für Eltern ',
  body: BODY,
  status: 'planned',
  description: ' Wöchentlich in der Kita. ',
  targetGroup: ' Eltern ',
  startsOn: '2026-03-01',
  endsOn: '',
  progress: ' 10 ',
  goalIds: [GOAL],
  organisations: [
    { key: 'a', organisationId: ORG_A, role: 'lead' },
    { key: 'b', organisationId: ORG_B, role: 'funder' },
  ],
  needIds: [NEED],
};

const MEASURE: Measure = {
  id: '3d6f7a52-0c1e-4b0a-9f58-2b7f1c9e8d01',
  reference: 'M-2026-001',
  title: 'Sprachcafé für Eltern',
  description: 'Wöchentlich in der Kita.',
  body_id: BODY,
  body_name: 'Arbeitskreis Bildung',
  body_short_name: 'AK Bildung',
  target_group: 'Eltern',
  status: 'in_progress',
  status_reason: '',
  progress: 40,
  starts_on: '2026-03-01',
  ends_on: null,
  goal_codes: ['B.2'],
  field_of_action_ids: [],
  lead_organisation_names: ['Volkshochschule'],
  goals: [
    { id: GOAL, code: 'B.2', title: 'Sprache', edition_id: 'e', edition_year: 2018, edition_status: 'adopted', field_of_action_id: 'f', field_code: 'B', field_title: 'Bildung' },
    { id: OLD_GOAL, code: 'B.9', title: 'Alt', edition_id: 'o', edition_year: 2010, edition_status: 'superseded', field_of_action_id: 'g', field_code: 'B', field_title: 'Bildung' },
  ],
  organisations: [
    { organisation_id: ORG_A, name: 'Volkshochschule', short_name: 'VHS', role: 'lead' },
    { organisation_id: ORG_B, name: 'Stiftung', short_name: '', role: 'funder' },
  ],
  needs: [{ id: NEED, title: 'Kinderbetreuung', status: 'addressed', body_short_name: 'AK Bildung' }],
  milestones: [],
  indicators: [],
  origin: null,
  discussed_in: [],
  created_at: '2026-03-01T10:00:00Z',
  updated_at: '2026-03-01T10:00:00Z',
  version: 2,
};

describe('measure form', () => {
  it('requires title and body and a progress of 0 to 100', () => {
    expect(validateMeasure(EMPTY_MEASURE, true)).toEqual({ title: 'validation.required', body: 'measures.validation.body' });
    expect(validateMeasure(filled, true)).toEqual({});
    expect(validateMeasure({ ...filled, progress: '101' }, true).progress).toBe('measures.validation.progress');
    expect(validateMeasure({ ...filled, progress: '-1' }, true).progress).toBe('measures.validation.progress');
    expect(validateMeasure({ ...filled, progress: '12.5' }, true).progress).toBe('measures.validation.progress');
    expect(validateMeasure({ ...filled, progress: '' }, true).progress).toBe('measures.validation.progress');
    expect(validateMeasure({ ...filled, progress: '100' }, true)).toEqual({});
    expect(validateMeasure({ ...filled, title: 'x'.repeat(201) }, true).title).toBe('measures.validation.tooLong200');
  });

  it('lets a new measure start only as idea or planned; editing keeps any status', () => {
    expect(validateMeasure({ ...filled, status: 'in_progress' }, true).status).toBe('measures.validation.createStatus');
    expect(validateMeasure({ ...filled, status: 'in_progress' }, false)).toEqual({});
  });

  it('refuses an end before the start and organisations missing or twice', () => {
    expect(validateMeasure({ ...filled, endsOn: '2026-02-28' }, true).endsOn).toBe('measures.validation.endBeforeStart');
    expect(validateMeasure({ ...filled, endsOn: '2026-03-01' }, true)).toEqual({});
    const blank = { key: 'c', organisationId: '', role: 'partner' as const };
    expect(validateMeasure({ ...filled, organisations: [...filled.organisations, blank] }, true).organisations).toBe(
      'measures.validation.organisationMissing',
    );
    const twice = { key: 'c', organisationId: ORG_A, role: 'partner' as const };
    expect(validateMeasure({ ...filled, organisations: [...filled.organisations, twice] }, true).organisations).toBe(
      'measures.validation.organisationTwice',
    );
  });

  it('maps the form to the create body, trimmed, with the origin of the need', () => {
    expect(measureBody(filled, { meetingId: MEETING, agendaItemId: ITEM })).toEqual({
      title: 'Sprachcafé für Eltern',
      body_id: BODY,
      status: 'planned',
      description: 'Wöchentlich in der Kita.',
      target_group: 'Eltern',
      starts_on: '2026-03-01',
      ends_on: null,
      progress: 10,
      goal_ids: [GOAL],
      organisations: [
        { organisation_id: ORG_A, role: 'lead' },
        { organisation_id: ORG_B, role: 'funder' },
      ],
      need_ids: [NEED],
      origin_agenda_item_id: ITEM,
      origin_meeting_id: MEETING,
    });
    expect(measureBody(filled)).not.toHaveProperty('origin_meeting_id');
  });

  it('prefills from a need: title, body, description, the need linked, its meeting as origin', () => {
    const need = {
      id: NEED,
      title: 'Kinderbetreuung während der Kurse',
      body_id: BODY,
      description: 'Mütter können sonst nicht teilnehmen.',
      status: 'open',
      raised_at: {
        meeting_id: MEETING,
        meeting_title: 'AK Bildung 1/2026',
        meeting_starts_at: '2026-02-10T15:00:00Z',
        agenda_item_id: ITEM,
        agenda_item_number: '3',
        agenda_item_title: 'Bedarfe',
      },
    } as SourceNeed;
    const values = valuesFromNeed(need);
    expect(values).toMatchObject({ title: need.title, body: BODY, description: need.description, needIds: [NEED], status: 'idea', progress: '0' });
    expect(originFromNeed(need)).toEqual({ meetingId: MEETING, agendaItemId: ITEM });
    expect(originFromNeed({ ...need, raised_at: null })).toEqual({ meetingId: null, agendaItemId: null });
  });

  it('sends only what changed; lists whole when their content differs, never the status', () => {
    const before = measureToValues(MEASURE);
    expect(before.goalIds).toEqual([GOAL, OLD_GOAL]);
    expect(measureChanges(before, before)).toEqual({});
    // Same goals in another order: no change.
    expect(measureChanges(before, { ...before, goalIds: [OLD_GOAL, GOAL] })).toEqual({});
    // Dropping the old edition's goal sends the remaining list.
    expect(measureChanges(before, { ...before, goalIds: [GOAL] })).toEqual({ goal_ids: [GOAL] });
    expect(measureChanges(before, { ...before, progress: '55', endsOn: '2026-12-31' })).toEqual({ progress: 55, ends_on: '2026-12-31' });
    const roles = before.organisations.map((row) => (row.organisationId === ORG_B ? { ...row, role: 'partner' as const } : row));
    expect(measureChanges(before, { ...before, organisations: roles })).toEqual({
      organisations: [
        { organisation_id: ORG_A, role: 'lead' },
        { organisation_id: ORG_B, role: 'partner' },
      ],
    });
    expect(measureChanges(before, { ...before, needIds: [] })).toEqual({ need_ids: [] });
    expect(measureChanges(before, { ...before, status: 'completed' })).toEqual({});
  });
});

describe('status machine', () => {
  it('offers exactly the transitions of the contract', () => {
    expect(nextStatuses('idea')).toEqual(['planned', 'discontinued']);
    expect(nextStatuses('planned')).toEqual(['in_progress', 'paused', 'discontinued']);
    expect(nextStatuses('in_progress')).toEqual(['completed', 'paused', 'discontinued']);
    expect(nextStatuses('paused')).toEqual(['planned', 'in_progress', 'discontinued']);
    expect(nextStatuses('completed')).toEqual([]);
    expect(nextStatuses('discontinued')).toEqual([]);
  });

  it('never offers staying in the same status or going back to idea', () => {
    for (const status of MEASURE_STATUSES) {
      expect(MEASURE_TRANSITIONS[status]).not.toContain(status);
      expect(MEASURE_TRANSITIONS[status]).not.toContain('idea');
    }
  });

  it('needs a reason for paused and discontinued only', () => {
    expect(validateStatusChange('', '')).toEqual({ status: 'measures.validation.status' });
    expect(validateStatusChange('paused', '  ')).toEqual({ reason: 'measures.validation.reasonRequired' });
    expect(validateStatusChange('discontinued', '')).toEqual({ reason: 'measures.validation.reasonRequired' });
    expect(validateStatusChange('discontinued', 'Förderung ausgelaufen')).toEqual({});
    expect(validateStatusChange('completed', '')).toEqual({});
  });
});
