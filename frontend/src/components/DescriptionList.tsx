import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

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
