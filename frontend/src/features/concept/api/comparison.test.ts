// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { attributeRows, baseCandidates, groupByKind, summarize } from './comparison';
import type { FieldChange, GoalChange } from './concept';
import { pickEditions } from './editions';

const changedGoal: GoalChange = {
  change: 'changed',
  code: 'B.4',
  before: { code: 'A.2', title: 'Betriebe gewinnen', description: '', field_code: 'A' },
  after: { code: 'B.4', title: 'Betriebe gewinnen', description: '', field_code: 'B' },
  changed_attributes: ['code', 'field_of_action'],
};
const addedGoal: GoalChange = {
  change: 'added',
  code: 'A.3',
  before: null,
  after: { code: 'A.3', title: 'Sprachkurse im Betrieb', description: 'Berufsbezogen', field_code: 'A' },
  changed_attributes: [],
};
const removedGoal: GoalChange = {
  change: 'removed',
  code: 'B.3',
  before: { code: 'B.3', title: 'Elternarbeit', description: '', field_code: 'B' },
  after: null,
  changed_attributes: [],
};
const changedField: FieldChange = {
  change: 'changed',
  code: 'A',
  before: { code: 'A', title: 'Arbeit', description: 'Alt' },
  after: { code: 'A', title: 'Arbeit und Ausbildung', description: 'Alt' },
  changed_attributes: ['title'],
};

describe('comparison', () => {
  it('groups the changes by kind, keeping their order', () => {
    const groups = groupByKind([removedGoal, changedGoal, addedGoal]);
    expect(groups.added).toEqual([addedGoal]);
    expect(groups.changed).toEqual([changedGoal]);
    expect(groups.removed).toEqual([removedGoal]);
    expect(summarize([changedField], [removedGoal, changedGoal, addedGoal])).toEqual({
      fields: { added: 0, changed: 1, removed: 0 },
      goals: { added: 1, changed: 1, removed: 1 },
      total: 4,
    });
  });

  it('lines up the attributes of both sides and marks the changed ones', () => {
    expect(attributeRows(changedGoal)).toEqual([
      { key: 'code', before: 'A.2', after: 'B.4', changed: true },
      { key: 'title', before: 'Betriebe gewinnen', after: 'Betriebe gewinnen', changed: false },
      { key: 'field_of_action', before: 'A', after: 'B', changed: true },
    ]);
    expect(attributeRows(changedField)).toEqual([
      { key: 'code', before: 'A', after: 'A', changed: false },
      { key: 'title', before: 'Arbeit', after: 'Arbeit und Ausbildung', changed: true },
      { key: 'description', before: 'Alt', after: 'Alt', changed: false },
    ]);
  });

  it('marks nothing as changed for added and removed items; the missing side is empty', () => {
    const rows = attributeRows(addedGoal);
    expect(rows.map((r) => r.key)).toEqual(['code', 'title', 'field_of_action', 'description']);
    expect(rows.every((r) => r.before === null && !r.changed)).toBe(true);
    expect(attributeRows(removedGoal).every((r) => r.after === null && !r.changed)).toBe(true);
  });

  it('offers the edition it was derived from first, never itself or the guiding principles', () => {
    const editions = [
      { id: 'draft', year: 2026, kind: 'concept' },
      { id: 'e2018', year: 2018, kind: 'concept' },
      { id: 'e2010', year: 2010, kind: 'concept' },
      { id: 'leitbild', year: 2008, kind: 'guiding_principles' },
    ];
    expect(baseCandidates(editions, 'draft', 'e2018').map((e) => e.id)).toEqual(['e2018', 'e2010']);
    expect(baseCandidates(editions, 'e2018', 'e2010').map((e) => e.id)).toEqual(['e2010', 'draft']);
    expect(baseCandidates(editions, 'e2010', null).map((e) => e.id)).toEqual(['draft', 'e2018']);
  });

  it('finds the edition in force, the draft and the guiding principles', () => {
    const picked = pickEditions([
      { id: 'd', kind: 'concept', status: 'draft' },
      { id: 'c', kind: 'concept', status: 'adopted' },
      { id: 's', kind: 'concept', status: 'superseded' },
      { id: 'l', kind: 'guiding_principles', status: 'adopted' },
    ] as const);
    expect([picked.current?.id, picked.draft?.id, picked.principles?.id]).toEqual(['c', 'd', 'l']);
    expect(pickEditions([])).toEqual({ current: null, draft: null, principles: null });
  });
});
