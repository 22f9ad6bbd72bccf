import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Column, Table } from '@/components/ui';
import { formatNumber } from '@/lib/format';
import type { StatusChartData, StatusRow } from '../api/charts';
import { ChartTable } from './ChartTable';
import { StatusLegend } from './StatusLegend';

/**
 * Stacked horizontal bars: one per row (body or field of action), one coloured part per status,
 * scaled to the largest row. Each bar is an image named with its numbers; the legend names the
 * colours and the table lists every number.
 */
export function StatusChart({
  id,
  title,
  text,
  caption,
  firstColumn,
  data,
  empty,
}: {
  id: string;
  title: string;
  text?: string;
  caption: string;
  firstColumn: string;
  data: StatusChartData;
  empty?: string;
}) {
  const { t } = useTranslation();
  const statusLabel = (status: string) => t(`home.dashboard.statuses.${status}`);
  const describe = (row: StatusRow) =>
    row.total === 0
      ? t('home.dashboard.rowNone', { label: row.label })
      : t('home.dashboard.rowDetail', {
          label: row.label,
          parts: row.segments.map((s) => `${statusLabel(s.status)} ${formatNumber(s.count)}`).join(', '),
        });
  const columns: Column<StatusRow>[] = [
    {
      key: 'label',
      header: firstColumn,
      rowHeader: true,
      cell: (row) => (
        <Link className="kern-link" to={row.href}>
          {row.label}
        </Link>
      ),
    },
    ...data.statuses.map(
      (status): Column<StatusRow> => ({
        key: status,
        header: statusLabel(status),
        numeric: true,
        cell: (row) => formatNumber(row.counts[status]),
      }),
    ),
    { key: 'total', header: t('home.dashboard.total'), numeric: true, cell: (row) => formatNumber(row.total) },
  ];
  return (
    <section className="app-dashboard__panel app-dashboard__panel--wide" aria-labelledby={id}>
      <h2 className="kern-heading-medium" id={id}>
        {title}
      </h2>
      {text && <p className="kern-body kern-body--small app-muted">{text}</p>}
      {data.rows.length === 0 && empty ? (
        <p className="kern-body">{empty}</p>
      ) : (
        <>
          <StatusLegend statuses={data.statuses} />
          <ul className="app-chart">
            {data.rows.map((row) => (
              <li key={row.key} className="app-chart__row">
                <span className="app-chart__label kern-body">{row.label}</span>
                <svg
                  className="app-chart__bar"
                  viewBox="0 0 100 10"
                  preserveAspectRatio="none"
                  role="img"
                  aria-label={describe(row)}
                  focusable="false"
                >
                  <rect className="app-chart__track" x="0" y="0" width="100" height="10" />
                  {row.segments.map((segment) => (
                    <rect
                      key={segment.status}
                      className={`app-chart__segment app-status app-status--${segment.status}`}
                      x={segment.start}
                      y="0"
                      width={segment.width}
                      height="10"
                      vectorEffect="non-scaling-stroke"
                    >
                      <title>{t('home.dashboard.barTitle', { status: statusLabel(segment.status), count: segment.count })}</title>
                    </rect>
                  ))}
                </svg>
                <span className="app-chart__value kern-body">{formatNumber(row.total)}</span>
              </li>
            ))}
          </ul>
          <ChartTable>
            <Table caption={caption} captionHidden columns={columns} rows={data.rows} rowKey={(row) => row.key} />
          </ChartTable>
        </>
      )}
    </section>
  );
}
