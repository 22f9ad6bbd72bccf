import { useTranslation } from 'react-i18next';
import { Button } from './Button';

export interface PaginationProps {
  total: number;
  limit: number;
  offset: number;
  onChange: (offset: number) => void;
  label: string;
}

/** Previous/next paging with "Einträge 1–50 von 120" status. */
export function Pagination({ total, limit, offset, onChange, label }: PaginationProps) {
  const { t } = useTranslation();
  if (total === 0) return null;
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  const from = offset + 1;
  const to = Math.min(offset + limit, total);
  return (
    <nav className="app-pagination" aria-label={label}>
      <Button
        variant="secondary"
        icon="chevron-left"
        disabled={page <= 1}
        onClick={() => onChange(Math.max(0, offset - limit))}
      >
        {t('pagination.previous')}
      </Button>
      <p className="kern-body" aria-live="polite">
        {t('pagination.status', { from, to, total, page, pages })}
      </p>
      <Button
        variant="secondary"
        icon="chevron-right"
        disabled={page >= pages}
        onClick={() => onChange(offset + limit)}
      >
        {t('pagination.next')}
      </Button>
    </nav>
  );
}
