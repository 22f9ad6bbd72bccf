import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui';
import { useSession } from '@/lib/session/SessionProvider';
import type { NeedStatus } from '../api/needs';

/** Coordinators (and admins) and spokespersons record needs; the API checks the body. */
export function useCanEditNeeds(): boolean {
  const { hasRole } = useSession();
  return hasRole('admin') || hasRole('coordinator') || hasRole('spokesperson');
}

/** Only coordinators (and admins) reopen a need. */
export function useMayReopenNeeds(): boolean {
  const { hasRole } = useSession();
  return hasRole('admin') || hasRole('coordinator');
}

const VARIANTS: Record<NeedStatus, 'info' | 'success' | 'warning' | 'danger'> = {
  open: 'warning',
  addressed: 'info',
  escalated: 'info',
  resolved: 'success',
  dismissed: 'info',
};

export function NeedStatusBadge({ status }: { status: NeedStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant={VARIANTS[status]} small>
      {t(`needs.statuses.${status}`)}
    </Badge>
  );
}
