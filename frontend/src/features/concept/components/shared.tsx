import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui';
import { formatDate } from '@/lib/format';
import { useSession } from '@/lib/session/SessionProvider';
import type { EditionStatus } from '../api/concept';

/** Coordinators and admins change the concept; everyone else reads it (the API decides in the end). */
export function useCanEditConcept(): boolean {
  const { hasRole } = useSession();
  return hasRole('admin') || hasRole('coordinator');
}

const VARIANTS: Record<EditionStatus, 'info' | 'success' | 'warning'> = {
  draft: 'warning',
  adopted: 'success',
  superseded: 'info',
};

export function EditionStatusBadge({ status }: { status: EditionStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant={VARIANTS[status]} small>
      {t(`concept.statuses.${status}`)}
    </Badge>
  );
}

/** A date of the API ("2026-12-17") in German form; '' for none. */
export function day(value: string | null | undefined): string {
  return value ? formatDate(`${value}T12:00:00Z`) : '';
}

/** Today as the API's date ("2026-12-17"), in local time. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
