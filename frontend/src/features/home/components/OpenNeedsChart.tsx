import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Column, Table } from '@/components/ui';
import { formatNumber } from '@/lib/format';
import type { ValueRow } from '../api/charts';
import { ChartTable } from './ChartTable';

/** Open needs per body as bars with their number; the table links each body's open needs. */
export function OpenNeedsChart({ rows }: { rows: ValueRow[] }) {
  const { t } = useTranslation();
  const columns: Column<ValueRow>[] = [
    {
      key: 'label',
      header: t('home.dashboard.needs.body'),
      rowHeader: true,
      cell: (row) => (
        <Link className="kern-link" to={row.href}>
          {row.label}
        </Link>
      ),
    },
    { key: 'open', header: t('home.dashboard.needs.open'), numeric: true, cell: (row) => formatNumber(row.value) },
  ];
  return (
    <section className="app-dashboard__panel" aria-labelledby="dashboard-needs">
      <h2 className="kern-heading-medium" id="dashboard-needs">
        {t('home.dashboard.needs.title')}
      </h2>
      <ul className="app-chart">
        {rows.map((row) => (
          <li key={row.key} className="app-chart__row">
            <span className="app-chart__label kern-body">{row.label}</span>
            <svg
              className="app-chart__bar"
              viewBox="0 0 100 10"
              preserveAspectRatio="none"
              role="img"
              aria-label={t('home.dashboard.needs.rowLabel', { label: row.label, count: row.value })}
              focusable="false"
            >
              <rect className="app-chart__track" x="0" y="0" width="100" height="10" />
              {row.value > 0 && (
                <rect className="app-chart__segment app-chart__segment--needs" x="0" y="0" width={row.width} height="10" />
              )}
            </svg>
            <span className="app-chart__value kern-body">{formatNumber(row.value)}</span>
          </li>
        ))}
      </ul>
      <ChartTable>
        <Table caption={t('home.dashboard.needs.caption')} captionHidden columns={columns} rows={rows} rowKey={(row) => row.key} />
      </ChartTable>
      <p className="kern-body">
        <Link className="kern-link" to="/bedarfe">
          {t('home.dashboard.needs.all')}
        </Link>
      </p>
    </section>
  );
}
