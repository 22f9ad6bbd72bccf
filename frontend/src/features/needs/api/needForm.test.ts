// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { EMPTY_NEED, fieldOfActionLabel, needBody, needChanges, validateNeed, validateStatusNote } from './needForm';
import { nextStatuses } from './needs';

const BODY = '3d6f7a52-0c1e-4b0a-9f58-2b7f1c9e8d11';
const FIELD = '9a1c2b3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d';

describe('need form', () => {
  it('requires body and title and trims the body', () => {
    expect(validateNeed(EMPTY_NEED)).toEqual({ body: 'needs.validation.body', title: 'validation.required' });
    const values = { body: BODY, title: ' Kinderbetreuung während Sprachkursen ', description: ' ', fieldOfAction: '' };
    expect(validateNeed(values)).toEqual({});
    expect(needBody(values)).toEqual({
      body_id: BODY,
      title: 'Kinderbetreuung während Sprachkursen',
      description: '',
      field_of_action_id: null,
    });
    expect(needBody({ ...values, fieldOfAction: FIELD }).field_of_action_id).toBe(FIELD);
    expect(validateNeed({ ...values, title: 'z'.repeat(201) }).title).toBe('needs.validation.tooLong200');
  });

  it('sends only the changed fields; clearing the field of action sends null', () => {
    const before = { body: BODY, title: 'A', description: '', fieldOfAction: FIELD };
    expect(needChanges(before, before)).toEqual({});
    expect(needChanges(before, { ...before, fieldOfAction: '' })).toEqual({ field_of_action_id: null });
    expect(needChanges({ ...before, fieldOfAction: '' }, before)).toEqual({ field_of_action_id: FIELD });
  });

  it('shows a field of action as code and title', () => {
    expect(fieldOfActionLabel({ code: 'B', title: 'Bildung und Sprache' })).toBe('B Bildung und Sprache');
  });

  it('needs a note for resolved and dismissed only', () => {
    expect(validateStatusNote('', '')).toEqual({ status: 'needs.validation.status' });
    expect(validateStatusNote('resolved', '  ')).toEqual({ note: 'needs.validation.noteRequired' });
    expect(validateStatusNote('dismissed', '')).toEqual({ note: 'needs.validation.noteRequired' });
    expect(validateStatusNote('dismissed', 'Doppelt erfasst')).toEqual({});
    expect(validateStatusNote('addressed', '')).toEqual({});
  });

  it('offers the moves the API allows; reopening only to coordinators', () => {
    expect(nextStatuses('open', true)).toEqual(['addressed', 'escalated', 'dismissed']);
    expect(nextStatuses('addressed', false)).toEqual(['escalated', 'resolved', 'dismissed']);
    expect(nextStatuses('addressed', true)).toContain('open');
    expect(nextStatuses('resolved', false)).toEqual([]);
    expect(nextStatuses('dismissed', true)).toEqual(['open']);
  });
});
