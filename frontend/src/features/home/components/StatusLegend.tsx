import { useTranslation } from 'react-i18next';
import type { MeasureStatus } from '../api/dashboard';

/** The colour of each status, named: the charts never rely on colour alone (see also the tables). */
export function StatusLegend({ statuses }: { statuses: MeasureStatus[] }) {
  const { t } = useTranslation();
  return (
    <ul className="app-legend" aria-label={t('home.dashboard.legend')}>
      {statuses.map((status) => (
        <li key={status} className="app-legend__item">
          <svg className="app-legend__swatch" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
            <rect className={`app-status app-status--${status}`} x="0" y="0" width="10" height="10" />
          </svg>
          <span className="kern-body kern-body--small">{t(`home.dashboard.statuses.${status}`)}</span>
        </li>
      ))}
    </ul>
  );
}
