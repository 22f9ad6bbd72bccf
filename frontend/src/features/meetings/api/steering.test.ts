// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { AgendaItem } from './meetings';
import { type Paper, awaitsDecision, orderPapers, paperState } from './steering';

const MEETING = '9a000000-0000-4000-8000-000000000001';
const EARLIER = '9a000000-0000-4000-8000-000000000002';

function paper(id: string, patch: Partial<Paper> = {}): Paper {
  return {
    id,
    reference: `SG-2026-00${id.slice(-1)}`,
    title: `Vorlage ${id.slice(-1)}`,
    kind: 'request',
    body_id: 'b',
    body_name: 'Arbeitskreis Bildung',
    body_short_name: 'AK Bildung',
    situation: '',
    proposed_resolution: '',
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
    version: 1,
    ...patch,
  };
}

function item(position: number, submissionId: string | null, kind: AgendaItem['kind'] = 'submission'): AgendaItem {
  return {
    id: `item-${position}`,
    meeting_id: MEETING,
    position,
    number: String(position + 1),
    title: 'TOP',
    kind,
    notes: '',
    result: '',
    measure_id: null,
    measure: null,
    submission_id: submissionId,
    created_at: '2026-04-01T10:00:00Z',
    updated_at: '2026-04-01T10:00:00Z',
    version: 1,
  };
}

describe('papers of a steering meeting', () => {
  it('come in agenda order with their item number; papers without an item last, by reference', () => {
    const papers = [paper('p3'), paper('p1'), paper('p2'), paper('p4')];
    const agenda = [item(0, null, 'report'), item(3, 'p1'), item(1, 'p2')];
    expect(orderPapers(papers, agenda).map((row) => [row.paper.id, row.number])).toEqual([
      ['p2', '2'],
      ['p1', '4'],
      ['p3', null],
      ['p4', null],
    ]);
  });

  it('await a decision while scheduled for this meeting', () => {
    expect(awaitsDecision(paper('p1'), MEETING)).toBe(true);
    expect(awaitsDecision(paper('p1', { meeting_id: EARLIER }), MEETING)).toBe(false);
    expect(awaitsDecision(paper('p1', { status: 'decided' }), MEETING)).toBe(false);
  });

  it('show the outcome decided here, a deferred one too; a paper deferred elsewhere and scheduled again shows its status', () => {
    const decided = paper('p1', { status: 'decided', outcome: 'approved', decided_meeting_id: MEETING });
    expect(paperState(decided, MEETING)).toEqual({ kind: 'outcome', outcome: 'approved' });
    const deferred = paper('p2', { status: 'submitted', meeting_id: null, outcome: 'deferred', decided_meeting_id: MEETING });
    expect(paperState(deferred, MEETING)).toEqual({ kind: 'outcome', outcome: 'deferred' });
    const again = paper('p3', { status: 'scheduled', outcome: 'deferred', decided_meeting_id: EARLIER });
    expect(paperState(again, MEETING)).toEqual({ kind: 'status', status: 'scheduled' });
  });
});
