import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictChange } from '@/components/ConflictDialog';
import { useSession } from '@/lib/session/SessionProvider';

/** Write buttons appear for admin and coordinator; the API has the final word. */
export function useCanWrite(): boolean {
  const { hasRole } = useSession();
  return hasRole('admin') || hasRole('coordinator');
}

export interface DescriptionItem {
  key: string;
  label: string;
  value: ReactNode;
}

/** KERN description list; empty values read "–". */
export function DescriptionList({ items }: { items: DescriptionItem[] }) {
  const { t } = useTranslation();
  return (
    <dl className="kern-description-list">
      {items.map((item) => (
        <div className="kern-description-list-item" key={item.key}>
          <dt className="kern-description-list-item__key">{item.label}</dt>
          <dd className="kern-description-list-item__value">
            {item.value === null || item.value === undefined || item.value === '' ? t('directory.none') : item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Fields whose saved value differs from what the user entered (for the conflict dialog). */
export function diffChanges<V>(
  fields: readonly { label: string; show: (values: V) => string }[],
  mine: V,
  theirs: V,
): ConflictChange[] {
  return fields
    .map((field) => ({ label: field.label, mine: field.show(mine), theirs: field.show(theirs) }))
    .filter((change) => change.mine !== change.theirs);
}

/** '' → null for optional text fields. */
export function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
