import type { FieldChange, GoalChange } from './concept';

export type ChangeKind = FieldChange['change'];
export const CHANGE_KINDS: readonly ChangeKind[] = ['added', 'changed', 'removed'];

export type AttributeKey = 'code' | 'title' | 'description' | 'field_of_action';

/** One attribute of a compared item, side by side; `changed` only for items present in both editions. */
export interface AttributeRow {
  key: AttributeKey;
  before: string | null;
  after: string | null;
  changed: boolean;
}

type AnyChange = FieldChange | GoalChange;
type Snapshot = { code: string; title: string; description: string; field_code?: string };

function value(snapshot: Snapshot | null | undefined, key: AttributeKey): string | null {
  if (!snapshot) return null;
  if (key === 'field_of_action') return snapshot.field_code ?? null;
  return snapshot[key];
}

/**
 * The attributes of one change for the two columns. Fields have code, title and description;
 * goals also their field of action. Empty descriptions on both sides are left out.
 */
export function attributeRows(change: AnyChange): AttributeRow[] {
  const snapshot = change.before ?? change.after;
  const isGoal = snapshot !== null && 'field_code' in snapshot;
  const keys: AttributeKey[] = isGoal ? ['code', 'title', 'field_of_action', 'description'] : ['code', 'title', 'description'];
  const changed = new Set<string>(change.changed_attributes);
  return keys
    .map((key) => ({
      key,
      before: value(change.before, key),
      after: value(change.after, key),
      changed: change.change === 'changed' && changed.has(key),
    }))
    .filter((row) => row.key !== 'description' || Boolean(row.before) || Boolean(row.after));
}

/** The changes of one section grouped by kind (added, changed, removed), each in the API's order. */
export function groupByKind<T extends AnyChange>(changes: readonly T[]): Record<ChangeKind, T[]> {
  const groups: Record<ChangeKind, T[]> = { added: [], changed: [], removed: [] };
  for (const change of changes) groups[change.change].push(change);
  return groups;
}

export interface ComparisonSummary {
  fields: Record<ChangeKind, number>;
  goals: Record<ChangeKind, number>;
  total: number;
}

export function summarize(fields: readonly FieldChange[], goals: readonly GoalChange[]): ComparisonSummary {
  const count = (changes: readonly AnyChange[]) => {
    const groups = groupByKind(changes);
    return { added: groups.added.length, changed: groups.changed.length, removed: groups.removed.length };
  };
  return { fields: count(fields), goals: count(goals), total: fields.length + goals.length };
}

/**
 * The editions a target may be compared with, the one it was derived from first, then the
 * others newest first; never the target itself.
 */
export function baseCandidates<E extends { id: string; year: number; kind: string }>(
  editions: readonly E[],
  targetId: string,
  derivedFrom: string | null,
): E[] {
  const others = editions.filter((e) => e.id !== targetId && e.kind === 'concept');
  const first = others.filter((e) => e.id === derivedFrom);
  const rest = others.filter((e) => e.id !== derivedFrom).sort((a, b) => b.year - a.year);
  return [...first, ...rest];
}
