import { useTranslation } from 'react-i18next';
import { type Column, Table } from '@/components/ui';
import { formatNumber } from '@/lib/format';
import type { QuarterProgress } from '../api/dashboard';
import { LINE_HEIGHT, LINE_WIDTH, type LinePoint, linePath, progressPoints, splitPeriod } from '../api/charts';
import { ChartTable } from './ChartTable';

const GRID = [0, 25, 50, 75, 100];

/** Average progress per quarter as a line (the SVG is named with every value) with a table. */
export function ProgressChart({ quarters }: { quarters: QuarterProgress[] }) {
  const { t } = useTranslation();
  const points = progressPoints(quarters);
  const quarterName = (period: string) => {
    const { year, quarter } = splitPeriod(period);
    return quarter ? t('home.dashboard.progress.quarterName', { quarter, year }) : period;
  };
  const value = (point: LinePoint) =>
    point.average === null
      ? t('home.dashboard.progress.noValue')
      : t('home.dashboard.progress.percent', { value: formatNumber(point.average) });
  const columns: Column<LinePoint>[] = [
    { key: 'period', header: t('home.dashboard.progress.quarter'), rowHeader: true, cell: (p) => quarterName(p.period) },
    { key: 'measures', header: t('home.dashboard.progress.measures'), numeric: true, cell: (p) => formatNumber(p.measures) },
    { key: 'average', header: t('home.dashboard.progress.average'), numeric: true, cell: value },
  ];
  const label = t('home.dashboard.progress.chartLabel', {
    points: points.map((p) => `${quarterName(p.period)}: ${value(p)}`).join('; '),
  });
  const hasValues = points.some((p) => p.y !== null);
  return (
    <section className="app-dashboard__panel app-dashboard__panel--wide" aria-labelledby="dashboard-progress">
      <h2 className="kern-heading-medium" id="dashboard-progress">
        {t('home.dashboard.progress.title')}
      </h2>
      <p className="kern-body kern-body--small app-muted">{t('home.dashboard.progress.text')}</p>
      {!hasValues && <p className="kern-body">{t('home.dashboard.progress.empty')}</p>}
      <div className="app-line">
        <div className="app-line__axis" aria-hidden="true">
          {[...GRID].reverse().map((tick) => (
            <span key={tick} className={`app-line__tick app-line__tick--${tick}`}>
              {tick} %
            </span>
          ))}
        </div>
        <svg
          className="app-line__plot"
          viewBox={`0 -10 ${LINE_WIDTH} ${LINE_HEIGHT + 20}`}
          preserveAspectRatio="none"
          role="img"
          aria-label={label}
          focusable="false"
        >
          {GRID.map((tick) => {
            const y = LINE_HEIGHT - (tick / 100) * LINE_HEIGHT;
            return (
              <line
                key={tick}
                className="app-line__grid"
                x1="0"
                x2={LINE_WIDTH}
                y1={y}
                y2={y}
                vectorEffect="non-scaling-stroke"
              />
            );
          })}
          <path className="app-line__path" d={linePath(points)} vectorEffect="non-scaling-stroke" />
          {points.map((point) =>
            point.y === null ? null : (
              <path
                key={point.period}
                className="app-line__point"
                d={`M${point.x} ${point.y} h0`}
                vectorEffect="non-scaling-stroke"
              />
            ),
          )}
        </svg>
        <ol className="app-line__labels" aria-hidden="true">
          {points.map((point) => {
            const { year, quarter } = splitPeriod(point.period);
            return (
              <li key={point.period} className="app-line__label">
                <span className="app-line__quarter">{t('home.dashboard.progress.quarterShort', { quarter })}</span>
                <span>{year}</span>
                <span className="app-line__value">{point.average === null ? '–' : `${formatNumber(Math.round(point.average))} %`}</span>
              </li>
            );
          })}
        </ol>
      </div>
      <ChartTable>
        <Table caption={t('home.dashboard.progress.caption')} captionHidden columns={columns} rows={points} rowKey={(p) => p.period} />
      </ChartTable>
    </section>
  );
}
