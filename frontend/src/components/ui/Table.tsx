import type { ReactNode } from 'react';
import { cx } from './cx';

export interface Column<T> {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  numeric?: boolean;
  /** Marks the cell that names the row (rendered as a row header). */
  rowHeader?: boolean;
}

export interface TableProps<T> {
  caption: string;
  /** Hide the caption visually (it stays for screen readers). */
  captionHidden?: boolean;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  empty?: ReactNode;
}

/** KERN table in a horizontally scrollable, keyboard-focusable region. */
export function Table<T>({ caption, captionHidden, columns, rows, rowKey, empty }: TableProps<T>) {
  return (
    <div className="kern-table-responsive" tabIndex={0} role="region" aria-label={caption}>
      <table className="kern-table kern-table--striped">
        <caption className={captionHidden ? 'kern-sr-only' : 'kern-title'}>{caption}</caption>
        <thead className="kern-table__head">
          <tr className="kern-table__row">
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={cx('kern-table__header', column.numeric && 'kern-table__header--numeric')}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {rows.length === 0 && empty ? (
            <tr className="kern-table__row">
              <td className="kern-table__cell" colSpan={columns.length}>
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr className="kern-table__row" key={rowKey(row)}>
                {columns.map((column) =>
                  column.rowHeader ? (
                    <th key={column.key} scope="row" className="kern-table__header">
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td
                      key={column.key}
                      className={cx('kern-table__cell', column.numeric && 'kern-table__cell--numeric')}
                    >
                      {column.cell(row)}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
