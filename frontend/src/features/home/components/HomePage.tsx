import { useTranslation } from 'react-i18next';
import { Page } from '@/components/Page';
import { Card } from '@/components/ui';
import { useSession } from '@/lib/session/SessionProvider';
import { useSite } from '@/lib/site';

export function HomePage() {
  const { t } = useTranslation();
  const { user, hasRole } = useSession();
  const site = useSite();
  return (
    <Page
      title={t('home.title')}
      lead={t('home.welcome', { name: user?.name ?? '', county: site?.county_name ?? t('app.countyFallback') })}
    >
      <ul className="app-cards" aria-label={t('home.cardsLabel')}>
        <li>
          <Card title={t('home.bodies.title')} to="/arbeitskreise">
            <p className="kern-body">{t('home.bodies.text')}</p>
          </Card>
        </li>
        <li>
          <Card title={t('home.members.title')} to="/mitglieder">
            <p className="kern-body">{t('home.members.text')}</p>
          </Card>
        </li>
        <li>
          <Card title={t('home.organisations.title')} to="/organisationen">
            <p className="kern-body">{t('home.organisations.text')}</p>
          </Card>
        </li>
        <li>
          <Card title={t('home.account.title')} to="/konto">
            <p className="kern-body">{t('home.account.text')}</p>
          </Card>
        </li>
        {hasRole('admin') && (
          <li>
            <Card title={t('home.users.title')} to="/verwaltung/benutzer">
              <p className="kern-body">{t('home.users.text')}</p>
            </Card>
          </li>
        )}
        <li>
          <Card title={t('home.accessibility.title')} to="/barrierefreiheit">
            <p className="kern-body">{t('home.accessibility.text')}</p>
          </Card>
        </li>
      </ul>
      <section className="app-section" aria-labelledby="home-next">
        <h2 className="kern-heading-medium" id="home-next">
          {t('home.upcoming.title')}
        </h2>
        <p className="kern-body">{t('home.upcoming.text')}</p>
      </section>
    </Page>
  );
}
