import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadedPage } from '@/components/LoadedPage';
import { Page } from '@/components/Page';
import { publicOfferQuery } from '../api/offers';
import { OfferFactsList } from './shared';

/** One published offer of the catalogue (no login). */
export function PublicOfferPage() {
  const { t } = useTranslation();
  const { offerId = '' } = useParams();
  const offer = useQuery(publicOfferQuery(offerId));
  return (
    <LoadedPage query={offer} title={t('offers.catalogue.detailTitle')} backTo="/angebote" backLabel={t('offers.catalogue.backToList')}>
      {(o) => (
        <Page title={o.title} lead={o.organisation_name}>
          <div className="app-narrow">
            {o.description && <p className="kern-body app-preline">{o.description}</p>}
            <OfferFactsList
              offer={o}
              extra={[
                {
                  key: 'organisation',
                  label: t('offers.fields.organisation'),
                  value: o.organisation_website ? (
                    <a className="kern-link" href={o.organisation_website} rel="noopener noreferrer">
                      {o.organisation_name}
                    </a>
                  ) : (
                    o.organisation_name
                  ),
                },
              ]}
            />
            <p className="kern-body">
              <Link className="kern-link" to="/angebote">
                {t('offers.catalogue.backToList')}
              </Link>
            </p>
          </div>
        </Page>
      )}
    </LoadedPage>
  );
}
