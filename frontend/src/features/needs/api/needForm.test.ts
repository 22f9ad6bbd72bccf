// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { EMPTY_NEED, needBody, needChanges, validateNeed, validateStatusNote } from './needForm';
import { nextStatuses } from './needs';

const BODY = '3d6f7a52-0c1e-4b0a-9f58-2b7f1c9e8d11';

describe('need form', () => {
  it('requires body and title and trims the body', () => {
    expect(validateNeed(EMPTY_NEED)).toEqual({ body: 'needs.validation.body', title: 'validation.required' });
    const values = { body: BODY, title: ' Kinderbetreuung während Sprachkursen ', description: ' ', fieldOfAction: '' };
    expect(validateNeed(values)).toEqual({});
    expect(needBody(values)).toEqual({
      body_id: BODY,
      title: 'Kinderbetreuung während Sprachkursen',
      description: '',
      field_of_action: null,
    });
    expect(validateNeed({ ...values, fieldOfAction: 'z'.repeat(201) }).fieldOfAction).toBe('needs.validation.tooLong200');
  });

  it('sends only the changed fields', () => {
    const before = { body: BODY, title: 'A', description: '', fieldOfAction: 'Bildung' };
    expect(needChanges(before, before)).toEqual({});
    expect(needChanges(before, { ...before, fieldOfAction: '' })).toEqual({ field_of_action: null });
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
