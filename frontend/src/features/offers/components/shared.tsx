import { useTranslation } from 'react-i18next';
import { formatDate } from '@/lib/format';
import { useLanguageName } from '@/lib/reference';
import { useSession } from '@/lib/session/SessionProvider';
import type { PublicOffer } from '../api/offers';
import { type DescriptionItem, DescriptionList } from '@/components/DescriptionList';

/** Admins, coordinators and spokespersons record offers; the API has the final word. */
export function useCanEditOffers(): boolean {
  const { hasRole } = useSession();
  return hasRole('admin') || hasRole('coordinator') || hasRole('spokesperson');
}

/** "ab 01.02.2026", "bis 31.12.2026", "01.02.2026 – 31.12.2026" or '' (always). */
export function usePeriodText(): (from: string | null, until: string | null) => string {
  const { t } = useTranslation();
  return (from, until) => {
    if (from && until) return t('offers.period.between', { from: formatDate(from), until: formatDate(until) });
    if (from) return t('offers.period.from', { from: formatDate(from) });
    if (until) return t('offers.period.until', { until: formatDate(until) });
    return '';
  };
}

type OfferFacts = Pick<
  PublicOffer,
  'target_groups' | 'languages' | 'municipalities' | 'costs' | 'contact' | 'valid_from' | 'valid_until'
>;

/** Target groups, languages, places, costs, contact and period of an offer. */
export function OfferFactsList({
  offer,
  extra = [],
  after = [],
}: {
  offer: OfferFacts;
  extra?: DescriptionItem[];
  after?: DescriptionItem[];
}) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  const period = usePeriodText();
  return (
    <DescriptionList
      items={[
        ...extra,
        { key: 'targetGroups', label: t('offers.fields.targetGroups'), value: offer.target_groups.join(', ') },
        { key: 'languages', label: t('offers.fields.languages'), value: offer.languages.map(languageName).join(', ') },
        {
          key: 'municipalities',
          label: t('offers.fields.municipalities'),
          value: offer.municipalities.length > 0 ? offer.municipalities.join(', ') : t('offers.countyWide'),
        },
        { key: 'costs', label: t('offers.fields.costs'), value: offer.costs },
        { key: 'contact', label: t('offers.fields.contact'), value: offer.contact },
        { key: 'period', label: t('offers.fields.period'), value: period(offer.valid_from, offer.valid_until) || t('offers.period.open') },
        ...after,
      ]}
    />
  );
}
