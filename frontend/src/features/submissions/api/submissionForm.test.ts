// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { normalizeProblem } from '@/lib/api/problem';
import { deadlineConflict, lateReasonRequired, missingProposal } from './deadline';
import {
  EMPTY_SUBMISSION,
  needsProposedResolution,
  submissionBody,
  submissionChanges,
  submissionToValues,
  validateSubmission,
} from './submissionForm';
import type { Submission } from './submissions';

const BODY = '3d6f7a52-0c1e-4b0a-9f58-2b7f1c9e8d11';
const MEASURE = { id: '9a1c2b3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d', label: 'M-2026-004 Lernpaten' };
const NEED = { id: '7b2c3d4e-5f60-4a71-8b92-a3b4c5d6e7f8', label: 'Kinderbetreuung während der Kurse' };

const filled = {
  ...EMPTY_SUBMISSION,
  title: ' Kinderbetreuung während der Integrationskurse ',
  kind: 'request' as const,
  body: BODY,
  situation: '\nViele Mütter können nicht teilnehmen.\nDie Wartelisten wachsen.\n',
  proposedResolution: ' Die Steuerungsgruppe bittet den Landkreis … ',
  measures: [MEASURE],
  needs: [NEED],
};

describe('the submission form', () => {
  it('requires title, kind and submitting body', () => {
    expect(validateSubmission(EMPTY_SUBMISSION)).toEqual({
      title: 'validation.required',
      kind: 'submissions.validation.kind',
      body: 'submissions.validation.body',
    });
    expect(validateSubmission(filled)).toEqual({});
  });

  it('keeps to the API limits: a one-line title of 200 characters, long texts, 50 links', () => {
    expect(validateSubmission({ ...filled, title: 'x'.repeat(201) }).title).toBe('submissions.validation.titleTooLong');
    expect(validateSubmission({ ...filled, title: 'x'.repeat(200) }).title).toBeUndefined();
    expect(validateSubmission({ ...filled, title: 'Zeile\tzwei' }).title).toBe('submissions.validation.singleLine');
    expect(validateSubmission({ ...filled, rationale: 'x'.repeat(20_001) }).rationale).toBe('submissions.validation.textTooLong');
    // Line breaks are fine in the long texts.
    expect(validateSubmission({ ...filled, situation: 'eins\r\nzwei\tdrei' }).situation).toBeUndefined();
    const many = Array.from({ length: 51 }, (_, i) => ({ id: `id-${i}`, label: `M ${i}` }));
    expect(validateSubmission({ ...filled, measures: many }).measures).toBe('submissions.validation.tooManyLinks');
  });

  it('sends trimmed texts with their line breaks and the linked ids', () => {
    expect(submissionBody(filled)).toEqual({
      title: 'Kinderbetreuung während der Integrationskurse',
      kind: 'request',
      body_id: BODY,
      situation: 'Viele Mütter können nicht teilnehmen.\nDie Wartelisten wachsen.',
      proposed_resolution: 'Die Steuerungsgruppe bittet den Landkreis …',
      rationale: '',
      measure_ids: [MEASURE.id],
      need_ids: [NEED.id],
    });
  });

  it('sends only what changed; the body never changes after creation', () => {
    expect(submissionChanges(filled, { ...filled, title: 'Kinderbetreuung während der Integrationskurse' })).toEqual({});
    expect(submissionChanges(filled, { ...filled, kind: 'recommendation', body: 'anderer', needs: [] })).toEqual({
      kind: 'recommendation',
      need_ids: [],
    });
    expect(submissionChanges(filled, { ...filled, measures: [], rationale: 'Weil.' })).toEqual({ rationale: 'Weil.', measure_ids: [] });
  });

  it('reads a stored paper with the labels of its links (unknown ones by id)', () => {
    const stored = {
      title: 'T',
      kind: 'report',
      body_id: BODY,
      situation: 'S',
      proposed_resolution: '',
      rationale: 'R',
      measure_ids: [MEASURE.id, 'gone'],
      need_ids: [NEED.id],
    } as Submission;
    expect(submissionToValues(stored, { measures: [MEASURE], needs: [NEED] })).toEqual({
      title: 'T',
      kind: 'report',
      body: BODY,
      situation: 'S',
      proposedResolution: '',
      rationale: 'R',
      measures: [MEASURE, { id: 'gone', label: 'gone' }],
      needs: [NEED],
    });
  });

  it('knows that requests and recommendations need a proposed resolution to be submitted', () => {
    expect(needsProposedResolution({ kind: 'report', proposed_resolution: '' })).toBe(false);
    expect(needsProposedResolution({ kind: 'request', proposed_resolution: '  ' })).toBe(true);
    expect(needsProposedResolution({ kind: 'recommendation', proposed_resolution: 'Die Steuerungsgruppe empfiehlt …' })).toBe(false);
  });
});

function problem(status: number, body: Record<string, unknown>) {
  return normalizeProblem({ body, response: new Response(null, { status }) });
}

describe('the deadline the API names when it refuses a late paper', () => {
  it('reads meeting day and deadline of a 409 (spokesperson) in German notation', () => {
    const refused = problem(409, {
      type: 'urn:netzwerk:problem:conflict',
      detail: 'The deadline for the steering meeting on 2026-12-09 was 2026-11-18; only a coordinator can accept a late submission.',
    });
    expect(deadlineConflict(refused)).toEqual({ meetingDay: '09.12.2026', deadline: '18.11.2026' });
    expect(lateReasonRequired(refused)).toBeNull();
    const other = problem(409, { type: 'urn:netzwerk:problem:conflict', detail: 'Only drafts are submitted; this submission is submitted.' });
    expect(deadlineConflict(other)).toBeNull();
  });

  it('reads the deadline of a 422 at late_reason (coordinator without a reason)', () => {
    const ask = problem(422, {
      type: 'urn:netzwerk:problem:validation-error',
      errors: [
        {
          location: 'body',
          field: 'late_reason',
          message: 'The deadline was 2026-11-18; say why the late submission is accepted.',
          code: 'late_reason_required',
        },
      ],
    });
    expect(lateReasonRequired(ask)).toEqual({ meetingDay: null, deadline: '18.11.2026' });
    expect(deadlineConflict(ask)).toBeNull();
    expect(missingProposal(ask)).toBe(false);
    const proposal = problem(422, {
      type: 'urn:netzwerk:problem:validation-error',
      errors: [{ location: 'body', field: 'proposed_resolution', message: 'needed', code: 'required' }],
    });
    expect(missingProposal(proposal)).toBe(true);
    expect(lateReasonRequired(proposal)).toBeNull();
  });
});
