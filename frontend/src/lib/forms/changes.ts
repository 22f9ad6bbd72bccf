import type { ConflictChange } from '@/components/ConflictDialog';

/** Fields whose saved value differs from what the user entered (for the conflict dialog). */
export function diffChanges<V>(
  fields: readonly { label: string; show: (values: V) => string }[],
  mine: V,
  theirs: V,
): ConflictChange[] {
  return fields
    .map((field) => ({ label: field.label, mine: field.show(mine), theirs: field.show(theirs) }))
    .filter((change) => change.mine !== change.theirs);
}

/** '' → null for optional text fields (trimmed otherwise). */
export function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
