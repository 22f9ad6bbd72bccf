import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '@/components/Page';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('errors.notFound.title')} lead={t('errors.notFound.text')}>
      <p className="kern-body">
        <Link className="kern-link" to="/">
          {t('errors.notFound.home')}
        </Link>
      </p>
    </Page>
  );
}
