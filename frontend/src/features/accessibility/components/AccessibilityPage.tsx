import { useTranslation } from 'react-i18next';
import { Page } from '@/components/Page';
import { useSite } from '@/lib/site';

/** Erklärung zur Barrierefreiheit (BITV 2.0 / NBGG), with the feedback contact from the settings. */
export function AccessibilityPage() {
  const { t } = useTranslation();
  const site = useSite();
  const contact = site?.accessibility_contact_email;
  const siteName = site?.site_name ?? 'Netzwerk Integration';
  const county = site?.county_name ?? t('app.countyFallback');
  return (
    <Page title={t('a11y.title')} lead={t('a11y.lead', { site: siteName, county })}>
      <div className="app-prose">
        <section aria-labelledby="a11y-status">
          <h2 className="kern-heading-medium" id="a11y-status">
            {t('a11y.status.title')}
          </h2>
          <p className="kern-body">{t('a11y.status.text')}</p>
        </section>
        <section aria-labelledby="a11y-limits">
          <h2 className="kern-heading-medium" id="a11y-limits">
            {t('a11y.limits.title')}
          </h2>
          <p className="kern-body">{t('a11y.limits.text')}</p>
        </section>
        <section aria-labelledby="a11y-basis">
          <h2 className="kern-heading-medium" id="a11y-basis">
            {t('a11y.basis.title')}
          </h2>
          <p className="kern-body">{t('a11y.basis.text')}</p>
        </section>
        <section aria-labelledby="a11y-feedback">
          <h2 className="kern-heading-medium" id="a11y-feedback">
            {t('a11y.feedback.title')}
          </h2>
          <p className="kern-body">{t('a11y.feedback.text')}</p>
          {contact ? (
            <p className="kern-body">
              {t('a11y.feedback.emailLabel')}{' '}
              <a className="kern-link" href={`mailto:${contact}`}>
                {contact}
              </a>
            </p>
          ) : (
            <p className="kern-body">{t('a11y.feedback.noContact')}</p>
          )}
        </section>
        <section aria-labelledby="a11y-enforcement">
          <h2 className="kern-heading-medium" id="a11y-enforcement">
            {t('a11y.enforcement.title')}
          </h2>
          <p className="kern-body">{t('a11y.enforcement.text')}</p>
        </section>
      </div>
    </Page>
  );
}
