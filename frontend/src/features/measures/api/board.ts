import { MEASURE_STATUSES, type MeasureStatus } from './measures';

export interface BoardColumn<T> {
  status: MeasureStatus;
  items: T[];
}

/**
 * The board's columns: one per status in the life-cycle order, every status even when empty
 * (so the columns stay where users expect them); the rows keep the list's order within a column.
 */
export function groupByStatus<T extends { status: MeasureStatus }>(items: readonly T[]): BoardColumn<T>[] {
  const columns = new Map<MeasureStatus, T[]>(MEASURE_STATUSES.map((status) => [status, []]));
  for (const item of items) columns.get(item.status)?.push(item);
  return MEASURE_STATUSES.map((status) => ({ status, items: columns.get(status) ?? [] }));
}

/** Only the columns of the chosen statuses (all when none is chosen). */
export function visibleColumns<T>(columns: BoardColumn<T>[], statuses: readonly MeasureStatus[]): BoardColumn<T>[] {
  return statuses.length === 0 ? columns : columns.filter((column) => statuses.includes(column.status));
}
