// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { type Abilities, isEditableStatus, mayDraft, paperActions } from './actions';
import type { SubmissionStatus } from './submissions';

const AK = '3d6f7a52-0c1e-4b0a-9f58-2b7f1c9e8d11';
const OTHER = '9a1c2b3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d';
const MEETING = '7b2c3d4e-5f60-4a71-8b92-a3b4c5d6e7f8';

const coordinator: Abilities = { coordinator: true, ledBodyIds: [] };
const spokesperson: Abilities = { coordinator: false, ledBodyIds: [AK] };
const reader: Abilities = { coordinator: false, ledBodyIds: [] };

const paper = (status: SubmissionStatus, meeting: string | null = null) => ({ status, body_id: AK, meeting_id: meeting });

describe('what the detail page offers', () => {
  it('lets the spokesperson of the submitting body work on drafts and submitted papers only', () => {
    expect(paperActions(paper('draft'), spokesperson)).toEqual(['edit', 'submit', 'delete']);
    expect(paperActions(paper('submitted'), spokesperson)).toEqual(['edit', 'withdraw']);
    expect(paperActions(paper('scheduled', MEETING), spokesperson)).toEqual([]);
    expect(paperActions(paper('decided'), spokesperson)).toEqual([]);
    expect(paperActions(paper('withdrawn'), spokesperson)).toEqual([]);
  });

  it('gives coordinators scheduling and the way to the decision on top', () => {
    expect(paperActions(paper('draft'), coordinator)).toEqual(['edit', 'submit', 'delete']);
    expect(paperActions(paper('submitted'), coordinator)).toEqual(['edit', 'withdraw', 'schedule']);
    expect(paperActions(paper('scheduled', MEETING), coordinator)).toEqual(['recordDecision']);
    // Without a meeting there is no page to record the decision on.
    expect(paperActions(paper('scheduled'), coordinator)).toEqual([]);
    expect(paperActions(paper('decided'), coordinator)).toEqual([]);
  });

  it('offers nothing to readers and to spokespersons of other bodies', () => {
    for (const status of ['draft', 'submitted', 'scheduled', 'decided', 'withdrawn'] as const) {
      expect(paperActions(paper(status, MEETING), reader)).toEqual([]);
      expect(paperActions(paper(status, MEETING), { coordinator: false, ledBodyIds: [OTHER] })).toEqual([]);
    }
  });

  it('lets draft those who lead a body, and coordinators', () => {
    expect(mayDraft(coordinator)).toBe(true);
    expect(mayDraft(spokesperson)).toBe(true);
    expect(mayDraft(reader)).toBe(false);
    expect(['draft', 'submitted', 'scheduled', 'decided', 'withdrawn'].filter((s) => isEditableStatus(s as SubmissionStatus))).toEqual([
      'draft',
      'submitted',
    ]);
  });
});
