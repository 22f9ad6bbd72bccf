import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { type Column, Loader, Pagination, Table } from '@/components/ui';
import { formatNumber } from '@/lib/format';

/** What a paged list query gives: loading and error state, and one page of rows with the total. */
export interface PagedQuery<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data?: { items: T[]; total: number } | undefined;
}

/**
 * The result of a filtered list page: loader or error, then a section with the live
 * result count as its heading, the table and the paging (1-based page to `onPage`).
 */
export function ResultTable<T>({
  id,
  query,
  count,
  caption,
  columns,
  rowKey,
  empty,
  paginationLabel,
  limit,
  offset,
  onPage,
}: {
  /** Id of the count heading that labels the section. */
  id: string;
  query: PagedQuery<T>;
  count: (vars: { count: number; formatted: string }) => string;
  caption: string;
  columns: Column<T>[];
  rowKey: (row: T) => string;
  empty: ReactNode;
  paginationLabel: string;
  limit: number;
  offset: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const { data } = query;
  return (
    <>
      {query.isPending && <Loader label={t('common.loading')} />}
      {query.isError && <ProblemAlert error={query.error} />}
      {data && (
        <section aria-labelledby={id} className="app-section">
          <h2 className="kern-heading-small" id={id} aria-live="polite">
            {count({ count: data.total, formatted: formatNumber(data.total) })}
          </h2>
          <Table caption={caption} captionHidden columns={columns} rows={data.items} rowKey={rowKey} empty={empty} />
          <Pagination
            label={paginationLabel}
            total={data.total}
            limit={limit}
            offset={offset}
            onChange={(next) => onPage(next / limit + 1)}
          />
        </section>
      )}
    </>
  );
}
