import { useQueries, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { FilterActions } from '@/components/FilterActions';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { ResultTable } from '@/components/ResultTable';
import { Alert, type Column, Loader, SelectField, TextField } from '@/components/ui';
import { bodyOptionsQuery } from '@/lib/api/options';
import { formatDate, formatNumber } from '@/lib/format';
import {
  BOARD_STATUSES,
  type BoardColumn,
  type BoardFilters,
  COLUMN_LIMIT,
  EMPTY_FILTERS,
  LIST_PAGE_SIZE,
  boardColumn,
  isFiltered,
  parseBoardSearch,
  statusParams,
  writeBoardSearch,
} from '../api/board';
import { mayDraft } from '../api/actions';
import { type Submission, type SubmissionStatus, submissionsListQuery } from '../api/submissions';
import { OutcomeBadge, SubmissionStatusBadge, useAbilities } from './shared';
import '../submissions.css';

/** The day a card or row names: submission for submitted papers, else the last change. */
function paperDay(s: Submission): string {
  return formatDate(s.submitted_at ?? s.updated_at);
}

/**
 * "Vorlagen": the papers of the working groups to the steering group, as a board with one column
 * per status (Entwurf → Eingereicht → Terminiert → Entschieden), withdrawn ones on request; or, with
 * `?status=…`, the paged list of one status. Search and body filter live in the address bar.
 */
export function SubmissionBoardPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const abilities = useAbilities();
  const [search, setSearch] = useSearchParams();
  const current = parseBoardSearch(search);
  const [filters, setFilters] = useState<BoardFilters>(current.filters);
  const bodies = useQuery(bodyOptionsQuery);
  const flash = (location.state as { flash?: string } | null)?.flash;
  const filtered = isFiltered(current.filters);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSearch(writeBoardSearch(filters, current.status));
  };

  return (
    <Page
      title={t('submissions.board.title')}
      lead={t('submissions.board.lead')}
      actions={
        !abilities.pending &&
        mayDraft(abilities) && (
          <Link className="kern-btn kern-btn--primary" to="/vorlagen/neu">
            <span className="kern-icon kern-icon--add" aria-hidden="true" />
            <span className="kern-label">{t('submissions.board.create')}</span>
          </Link>
        )
      }
    >
      {flash && <Alert variant="success" title={flash} live="status" />}
      <div role="search" className="app-section">
        <form className="app-filter" onSubmit={onSubmit} aria-label={t('submissions.board.filterLabel')}>
          <TextField
            id="submissions-q"
            type="search"
            label={t('submissions.board.search')}
            hint={t('submissions.board.searchHint')}
            value={filters.q}
            onChange={(e) => setFilters((f) => ({ ...f, q: e.target.value }))}
          />
          <SelectField
            id="submissions-body"
            label={t('submissions.fields.body')}
            value={filters.body}
            onChange={(e) => setFilters((f) => ({ ...f, body: e.target.value }))}
            options={[
              { value: '', label: t('submissions.board.allBodies') },
              ...(bodies.data ?? []).map((b) => ({ value: b.id, label: b.name })),
            ]}
          />
          <FilterActions
            applyLabel={t('submissions.board.apply')}
            resetLabel={t('submissions.board.reset')}
            filtered={filtered}
            onReset={() => {
              setFilters(EMPTY_FILTERS);
              setSearch(writeBoardSearch(EMPTY_FILTERS, current.status));
            }}
          />
        </form>
      </div>
      {current.status ? (
        <StatusList
          filters={current.filters}
          status={current.status}
          offset={current.offset}
          filtered={filtered}
          onPage={(page) => setSearch(writeBoardSearch(current.filters, current.status, page))}
        />
      ) : (
        <Board filters={current.filters} filtered={filtered} />
      )}
    </Page>
  );
}

function Board({ filters, filtered }: { filters: BoardFilters; filtered: boolean }) {
  const { t } = useTranslation();
  // One request per column: each column knows its own total, so a truncated one says so honestly.
  const pages = useQueries({
    queries: [...BOARD_STATUSES.map((status) => submissionsListQuery(statusParams(filters, status, COLUMN_LIMIT))),
      // Only the number of withdrawn papers; they are listed on request.
      submissionsListQuery(statusParams(filters, 'withdrawn', 1))],
  });
  const failed = pages.find((page) => page.isError);
  if (failed) return <ProblemAlert error={failed.error} />;
  if (pages.some((page) => !page.data)) return <Loader label={t('common.loading')} />;
  const columns = BOARD_STATUSES.map((status, index) => boardColumn(status, pages[index]?.data ?? { items: [], total: 0 }));
  const withdrawn = pages[BOARD_STATUSES.length]?.data?.total ?? 0;
  const total = columns.reduce((sum, column) => sum + column.total, 0);
  const listLink = (status: SubmissionStatus) => `/vorlagen?${writeBoardSearch(filters, status).toString()}`;

  return (
    <section aria-labelledby="submissions-board-heading" className="app-section">
      <h2 className="kern-heading-small" id="submissions-board-heading" aria-live="polite">
        {t('submissions.board.count', { count: total, formatted: formatNumber(total) })}
      </h2>
      {total === 0 && <p className="kern-body">{filtered ? t('submissions.board.emptyFiltered') : t('submissions.board.empty')}</p>}
      <div className="app-board app-submission-board">
        {columns.map((column) => (
          <BoardColumnSection key={column.status} column={column} moreLink={listLink(column.status)} />
        ))}
      </div>
      <p className="kern-body app-section">
        {withdrawn > 0 ? (
          <Link className="kern-link" to={listLink('withdrawn')}>
            {t('submissions.board.showWithdrawn', { count: withdrawn, formatted: formatNumber(withdrawn) })}
          </Link>
        ) : (
          t('submissions.board.noWithdrawn')
        )}
      </p>
    </section>
  );
}

function BoardColumnSection({ column, moreLink }: { column: BoardColumn<Submission>; moreLink: string }) {
  const { t } = useTranslation();
  const headingId = `submissions-column-${column.status}`;
  return (
    <section className="app-board__column" aria-labelledby={headingId}>
      <h3 className="kern-heading-small app-board__heading" id={headingId}>
        {t('submissions.board.column', { status: t(`submissions.statuses.${column.status}`), count: column.total })}
      </h3>
      {column.items.length === 0 ? (
        <p className="kern-body kern-body--small">{t('submissions.board.columnEmpty')}</p>
      ) : (
        <ul className="app-board__cards" aria-labelledby={headingId}>
          {column.items.map((s) => (
            <li key={s.id}>
              <SubmissionCard submission={s} />
            </li>
          ))}
        </ul>
      )}
      {column.more > 0 && (
        <p className="kern-body kern-body--small app-board__more">
          <Link className="kern-link" to={moreLink}>
            {t('submissions.board.more', { count: column.more, status: t(`submissions.statuses.${column.status}`) })}
          </Link>
        </p>
      )}
    </section>
  );
}

function SubmissionCard({ submission: s }: { submission: Submission }) {
  const { t } = useTranslation();
  return (
    <article className="kern-card kern-card--hug kern-card--interactive app-board__card">
      <div className="kern-card__container">
        <header className="kern-card__header">
          <p className="kern-preline">{s.reference ?? t('submissions.card.noReference')}</p>
          <h4 className="kern-title">
            <Link className="kern-link kern-link--stretched" to={`/vorlagen/${s.id}`}>
              {s.title}
            </Link>
          </h4>
        </header>
        <div className="kern-card__body">
          <p className="kern-body kern-body--small">
            {t('submissions.card.kindAndBody', { kind: t(`submissions.kinds.${s.kind}`), body: s.body_short_name || s.body_name })}
          </p>
          <p className="kern-body kern-body--small">
            {s.submitted_at ? t('submissions.card.submittedOn', { date: paperDay(s) }) : t('submissions.card.changedOn', { date: paperDay(s) })}
          </p>
          {s.status === 'decided' && s.outcome && <OutcomeBadge outcome={s.outcome} />}
          {s.late_reason && <p className="kern-body kern-body--small">{t('submissions.card.late')}</p>}
        </div>
      </div>
    </article>
  );
}

function StatusList({
  filters,
  status,
  offset,
  filtered,
  onPage,
}: {
  filters: BoardFilters;
  status: SubmissionStatus;
  offset: number;
  filtered: boolean;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const list = useQuery(submissionsListQuery(statusParams(filters, status, LIST_PAGE_SIZE, offset)));
  const statusLabel = t(`submissions.statuses.${status}`);
  const columns: Column<Submission>[] = [
    {
      key: 'title',
      header: t('submissions.fields.title'),
      rowHeader: true,
      cell: (s) => (
        <Link className="kern-link" to={`/vorlagen/${s.id}`}>
          {s.title}
        </Link>
      ),
    },
    { key: 'reference', header: t('submissions.fields.reference'), cell: (s) => s.reference ?? t('submissions.card.noReference') },
    { key: 'kind', header: t('submissions.fields.kind'), cell: (s) => t(`submissions.kinds.${s.kind}`) },
    { key: 'body', header: t('submissions.fields.body'), cell: (s) => s.body_short_name || s.body_name },
    {
      key: 'state',
      header: t('submissions.fields.status'),
      cell: (s) => (s.status === 'decided' && s.outcome ? <OutcomeBadge outcome={s.outcome} /> : <SubmissionStatusBadge status={s.status} />),
    },
    { key: 'date', header: t('submissions.fields.date'), cell: (s) => paperDay(s) },
  ];
  return (
    <>
      <p className="kern-body app-section">
        <Link className="kern-link" to={`/vorlagen?${writeBoardSearch(filters).toString()}`}>
          {t('submissions.board.backToBoard')}
        </Link>
      </p>
      <ResultTable
        id="submissions-result"
        query={list}
        count={(vars) => t('submissions.board.listCount', { ...vars, status: statusLabel })}
        caption={t('submissions.board.listCaption', { status: statusLabel })}
        columns={columns}
        rowKey={(s) => s.id}
        empty={filtered ? t('submissions.board.emptyFiltered') : t('submissions.board.listEmpty', { status: statusLabel })}
        paginationLabel={t('submissions.board.pagination')}
        limit={LIST_PAGE_SIZE}
        offset={offset}
        onPage={onPage}
      />
    </>
  );
}
