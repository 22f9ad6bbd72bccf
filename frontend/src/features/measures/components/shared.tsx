import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui';
import { useSession } from '@/lib/session/SessionProvider';
import type { MeasureStatus } from '../api/measures';

/** Coordinators (and admins) and spokespersons write measures; the API checks the responsible body. */
export function useCanWriteMeasures(): boolean {
  const { hasRole } = useSession();
  return hasRole('admin') || hasRole('coordinator') || hasRole('spokesperson');
}

/** The CSV/Excel export is for coordinators and admins. */
export function useCanExportMeasures(): boolean {
  const { hasRole } = useSession();
  return hasRole('admin') || hasRole('coordinator');
}

const VARIANTS: Record<MeasureStatus, 'info' | 'success' | 'warning' | 'danger'> = {
  idea: 'info',
  planned: 'info',
  in_progress: 'warning',
  completed: 'success',
  paused: 'warning',
  discontinued: 'danger',
};

export function MeasureStatusBadge({ status }: { status: MeasureStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant={VARIANTS[status]} small>
      {t(`measures.statuses.${status}`)}
    </Badge>
  );
}

/** The native progress bar (role progressbar) named by the visible percentage text next to it. */
export function ProgressBar({ id, value, label }: { id: string; value: number; label: string }) {
  return (
    <div className="kern-progress app-measure-progress">
      <span className="kern-body kern-body--small" id={`${id}-label`}>
        {label}
      </span>
      <progress id={id} max={100} value={value} aria-labelledby={`${id}-label`}>
        {value} %
      </progress>
    </div>
  );
}
