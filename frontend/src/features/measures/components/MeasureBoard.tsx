import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Loader } from '@/components/ui';
import { formatNumber } from '@/lib/format';
import { groupByStatus, visibleColumns } from '../api/board';
import { type MeasureFilters, listParams } from '../api/filters';
import { BOARD_LIMIT, measuresListQuery } from '../api/measures';
import { ProgressBar } from './shared';

/**
 * The board ("Tafel"): one column per status, a card per measure with reference, title, body and
 * progress. Cards are links to the measure's page (status changes happen there).
 */
export function MeasureBoard({ filters, filtered }: { filters: MeasureFilters; filtered: boolean }) {
  const { t } = useTranslation();
  // One request of the API's largest page; the columns are grouped here.
  const list = useQuery(measuresListQuery(listParams(filters, BOARD_LIMIT, 0)));
  if (list.isPending) return <Loader label={t('common.loading')} />;
  if (list.isError) return <ProblemAlert error={list.error} />;
  const { items, total } = list.data;
  const columns = visibleColumns(groupByStatus(items), filters.statuses);

  return (
    <section aria-labelledby="measures-board-heading" className="app-section">
      <h2 className="kern-heading-small" id="measures-board-heading" aria-live="polite">
        {t('measures.list.count', { count: total, formatted: formatNumber(total) })}
      </h2>
      <p className="kern-body">{t('measures.board.hint')}</p>
      {total > items.length && (
        <Alert variant="warning" title={t('measures.board.tooMany', { shown: items.length, total: formatNumber(total) })} />
      )}
      {total === 0 && <p className="kern-body">{filtered ? t('measures.list.emptyFiltered') : t('measures.list.empty')}</p>}
      <div className="app-board">
        {columns.map((column) => {
          const headingId = `board-${column.status}`;
          const status = t(`measures.statuses.${column.status}`);
          return (
            <section className="app-board__column" key={column.status} aria-labelledby={headingId}>
              <h3 className="kern-heading-small app-board__heading" id={headingId}>
                {t('measures.board.column', { status, count: column.items.length })}
              </h3>
              {column.items.length === 0 ? (
                <p className="kern-body kern-body--small">{t('measures.board.columnEmpty')}</p>
              ) : (
                <ul className="app-board__cards" aria-labelledby={headingId}>
                  {column.items.map((m) => (
                    <li key={m.id}>
                      <article className="kern-card kern-card--hug kern-card--interactive app-board__card">
                        <div className="kern-card__container">
                          <header className="kern-card__header">
                            <p className="kern-preline">{m.reference}</p>
                            <h4 className="kern-title">
                              <Link className="kern-link kern-link--stretched" to={`/massnahmen/${m.id}`}>
                                {m.title}
                              </Link>
                            </h4>
                          </header>
                          <div className="kern-card__body">
                            <p className="kern-body kern-body--small">{m.body_short_name || m.body_name}</p>
                            <ProgressBar
                              id={`board-progress-${m.id}`}
                              value={m.progress}
                              label={t('measures.progressOf', { value: m.progress })}
                            />
                          </div>
                        </div>
                      </article>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </section>
  );
}
