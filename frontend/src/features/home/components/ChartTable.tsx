import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The table alternative of a chart, behind a disclosure ("Als Tabelle anzeigen"). */
export function ChartTable({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <details className="kern-accordion app-chart-table">
      <summary className="kern-accordion__header">
        <span className="kern-title">{t('home.dashboard.showTable')}</span>
      </summary>
      <div className="kern-accordion__body">{children}</div>
    </details>
  );
}
