// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  type DecisionValues,
  decisionBody,
  decisionFieldId,
  decisionFieldMap,
  emptyDirective,
  initialDecision,
  validateDecision,
} from './decisionForm';

const BODY = '3d6f7a52-0c1e-4b0a-9f58-2b7f1c9e8d11';
const ORG = '9a1c2b3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d';
const MEASURE = '7b1c2b3d-4e5f-4a6b-8c7d-0e1f2a3b4c5e';

function decision(patch: Partial<DecisionValues> = {}): DecisionValues {
  return { ...initialDecision({ proposed_resolution: 'Der Landkreis richtet einen Fahrdienst ein.' }), ...patch };
}

describe('decision form', () => {
  it('starts without an outcome and with the proposed resolution', () => {
    expect(initialDecision({ proposed_resolution: 'Vorschlag' })).toEqual({
      outcome: '',
      resolution: 'Vorschlag',
      votesFor: '',
      votesAgainst: '',
      abstentions: '',
      directives: [],
    });
  });

  it('needs an outcome, and the resolution text unless deferred or noted', () => {
    expect(validateDecision(decision())).toEqual({ outcome: 'meetings.decision.validation.outcome' });
    for (const outcome of ['approved', 'approved_with_changes', 'rejected'] as const) {
      expect(validateDecision(decision({ outcome, resolution: '  ' }))).toEqual({ resolution: 'meetings.decision.validation.resolution' });
    }
    expect(validateDecision(decision({ outcome: 'noted', resolution: '' }))).toEqual({});
    expect(validateDecision(decision({ outcome: 'deferred', resolution: '' }))).toEqual({});
  });

  it('takes votes as whole numbers from 0 to 1000, or none', () => {
    const errors = validateDecision(decision({ outcome: 'approved', votesFor: '9', votesAgainst: '-1', abstentions: '1,5' }));
    expect(errors).toEqual({ votesAgainst: 'meetings.decision.validation.votes', abstentions: 'meetings.decision.validation.votes' });
    expect(validateDecision(decision({ outcome: 'approved', votesFor: '1001' })).votesFor).toBe('meetings.decision.validation.votes');
    expect(validateDecision(decision({ outcome: 'approved', votesFor: '0', votesAgainst: '1000' }))).toEqual({});
  });

  it('checks each directive: text, addressee with its body or organisation, due date', () => {
    const values = decision({
      outcome: 'approved',
      directives: [
        { ...emptyDirective() },
        { ...emptyDirective(), text: 'Bedarf erheben', addresseeKind: 'body', dueOn: '2026-09-30' },
        { ...emptyDirective(), text: 'Räume anfragen', addresseeKind: 'organisation', dueOn: '30.09.2026' },
        { ...emptyDirective(), text: 'Bericht vorlegen', addresseeKind: 'office', dueOn: '2026-09-30' },
      ],
    });
    expect(validateDecision(values)).toEqual({
      'd0.text': 'validation.required',
      'd0.addressee': 'meetings.decision.validation.addressee',
      'd0.dueOn': 'meetings.decision.validation.dueOn',
      'd1.body': 'meetings.decision.validation.body',
      'd2.organisation': 'meetings.decision.validation.organisation',
      'd2.dueOn': 'meetings.decision.validation.dueOn',
    });
  });

  it('ignores directives where the outcome issues none (rejected, deferred)', () => {
    const values = decision({ outcome: 'rejected', directives: [emptyDirective()] });
    expect(validateDecision(values)).toEqual({});
    expect(decisionBody(values).directives).toEqual([]);
  });

  it('builds the request: trimmed texts, votes only when given, addressee ids by kind, measures', () => {
    const values = decision({
      outcome: 'approved_with_changes',
      resolution: ' Fahrdienst ab Herbst. ',
      votesFor: '9',
      votesAgainst: '',
      abstentions: '0',
      directives: [
        {
          ...emptyDirective(),
          text: ' Bedarf erheben ',
          addresseeKind: 'body',
          bodyId: BODY,
          organisation: { id: ORG, label: 'stale choice' },
          dueOn: '2026-09-30',
          measures: [{ id: MEASURE, label: 'M-2026-001 Fahrdienst' }],
        },
        { ...emptyDirective(), text: 'Räume anfragen', addresseeKind: 'organisation', organisation: { id: ORG, label: 'VHS' }, dueOn: '2026-10-31' },
        { ...emptyDirective(), text: 'Bericht vorlegen', addresseeKind: 'office', bodyId: BODY, dueOn: '2026-11-30' },
      ],
    });
    expect(validateDecision(values)).toEqual({});
    expect(decisionBody(values)).toEqual({
      outcome: 'approved_with_changes',
      resolution: 'Fahrdienst ab Herbst.',
      votes_for: 9,
      abstentions: 0,
      directives: [
        { text: 'Bedarf erheben', addressee_kind: 'body', addressee_body_id: BODY, due_on: '2026-09-30', measure_ids: [MEASURE] },
        { text: 'Räume anfragen', addressee_kind: 'organisation', addressee_organisation_id: ORG, due_on: '2026-10-31', measure_ids: [] },
        { text: 'Bericht vorlegen', addressee_kind: 'office', due_on: '2026-11-30', measure_ids: [] },
      ],
    });
  });

  it('maps the server paths of each directive to its fields and element ids', () => {
    const map = decisionFieldMap(2);
    expect(map['directives.1.addressee_body_id']).toBe('d1.body');
    expect(map['directives.0.addressee_kind']).toBe('d0.addressee');
    expect(map['directives.1.measure_ids']).toBe('d1.measures');
    expect(map['votes_for']).toBe('votesFor');
    expect(map['directives.2.text']).toBeUndefined();
    expect(decisionFieldId('d1.body')).toBe('decision-directive-2-body');
    expect(decisionFieldId('resolution')).toBe('decision-resolution');
  });
});
