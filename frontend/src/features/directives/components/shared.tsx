import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui';
import { useSession } from '@/lib/session/SessionProvider';
import type { Directive, DirectiveStatus } from '../api/directives';

const VARIANTS: Record<DirectiveStatus, 'info' | 'success' | 'warning'> = {
  open: 'warning',
  in_progress: 'info',
  done: 'success',
};

export function DirectiveStatusBadge({ status }: { status: DirectiveStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant={VARIANTS[status]} small>
      {t(`directives.statuses.${status}`)}
    </Badge>
  );
}

/** Overdue shows as words, not only as a colour. */
export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge variant="danger" small>
      {t('directives.overdue')}
    </Badge>
  );
}

/** Only coordinators (and admins) reopen a done directive. */
export function useMayReopen(): boolean {
  const { hasRole } = useSession();
  return hasRole('admin') || hasRole('coordinator');
}

/**
 * Coordinators move every directive on; spokespersons those addressed to a body (the API checks
 * that they lead it and answers 403 otherwise).
 */
export function useMayChangeStatus(directive: Pick<Directive, 'addressee_kind'>): boolean {
  const { hasRole } = useSession();
  return hasRole('admin') || hasRole('coordinator') || (hasRole('spokesperson') && directive.addressee_kind === 'body');
}
