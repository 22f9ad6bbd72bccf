/** Moves the entry at `from` by `delta` places; the list unchanged when that leaves the list. */
export function moveBy<T>(items: readonly T[], from: number, delta: number): T[] {
  const to = from + delta;
  if (from < 0 || from >= items.length || to < 0 || to >= items.length || delta === 0) return [...items];
  return moveTo(items, from, to);
}

/** Moves the entry at `from` to index `to` (drag and drop). */
export function moveTo<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  const [moved] = next.splice(from, 1);
  if (moved === undefined) return [...items];
  next.splice(Math.max(0, Math.min(to, next.length)), 0, moved);
  return next;
}
