import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { FilterActions } from '@/components/FilterActions';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Card, Pagination, SelectField, TextField } from '@/components/ui';
import { formatNumber } from '@/lib/format';
import { pageOffset } from '@/lib/paging';
import { OFFER_PAGE_SIZE, type PublicOfferParams, publicOffersQuery } from '../api/offers';
import { MUNICIPALITIES, isMunicipality, useLanguageName } from '@/lib/reference';
import { type AudienceFilter, AudienceFilterFields, audienceParams, parseAudience, writeAudience } from './AudienceFilters';
import './offers.css';

interface Filters extends AudienceFilter {
  q: string;
  municipality: string;
}

const EMPTY: Filters = { q: '', municipality: '', language: '', targetGroup: '' };

function parse(search: URLSearchParams): Filters & { offset: number } {
  const municipality = search.get('gemeinde') ?? '';
  return {
    q: search.get('q') ?? '',
    municipality: isMunicipality(municipality) ? municipality : '',
    ...parseAudience(search),
    offset: pageOffset(search, OFFER_PAGE_SIZE),
  };
}

/** "Angebotskatalog": the published offers of the partners, for everyone (no login). */
export function CataloguePage() {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  const [search, setSearch] = useSearchParams();
  const current = parse(search);
  const [filters, setFilters] = useState<Filters>(current);

  const params: PublicOfferParams = {
    limit: OFFER_PAGE_SIZE,
    offset: current.offset,
    ...(current.q.trim() ? { q: current.q.trim() } : {}),
    ...(current.municipality ? { municipality: current.municipality as NonNullable<PublicOfferParams['municipality']> } : {}),
    ...audienceParams(current),
  };
  const list = useQuery(publicOffersQuery(params));

  const apply = (next: Filters, page = 1) => {
    const result = new URLSearchParams();
    if (next.q.trim()) result.set('q', next.q.trim());
    if (next.municipality) result.set('gemeinde', next.municipality);
    writeAudience(next, result);
    if (page > 1) result.set('seite', String(page));
    setSearch(result);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    apply(filters);
  };

  const filtered = Boolean(current.q || current.municipality || current.language || current.targetGroup);

  return (
    <Page title={t('offers.catalogue.title')} lead={t('offers.catalogue.lead')}>
      <div role="search" className="app-section">
        <form className="app-filter" onSubmit={onSubmit} aria-label={t('offers.catalogue.filterLabel')}>
          <TextField
            id="catalogue-q"
            type="search"
            label={t('offers.catalogue.search')}
            hint={t('offers.catalogue.searchHint')}
            value={filters.q}
            onChange={(e) => setFilters((f) => ({ ...f, q: e.target.value }))}
          />
          <SelectField
            id="catalogue-municipality"
            label={t('offers.catalogue.municipality')}
            value={filters.municipality}
            onChange={(e) => setFilters((f) => ({ ...f, municipality: e.target.value }))}
            options={[{ value: '', label: t('offers.catalogue.allMunicipalities') }, ...MUNICIPALITIES.map((m) => ({ value: m, label: m }))]}
          />
          <AudienceFilterFields
            idPrefix="catalogue"
            value={filters}
            current={current.language}
            onChange={(audience) => setFilters((f) => ({ ...f, ...audience }))}
          />
          <FilterActions
            applyLabel={t('offers.catalogue.apply')}
            resetLabel={t('offers.catalogue.reset')}
            filtered={filtered}
            onReset={() => {
              setFilters(EMPTY);
              apply(EMPTY);
            }}
          />
        </form>
      </div>

      {list.isError && <ProblemAlert error={list.error} />}
      <section aria-labelledby="catalogue-result" className="app-section">
        <h2 className="kern-heading-small" id="catalogue-result" aria-live="polite">
          {list.data ? t('offers.catalogue.count', { count: list.data.total, formatted: formatNumber(list.data.total) }) : list.isError ? t('offers.catalogue.failed') : t('common.loading')}
        </h2>
        {list.data && list.data.items.length === 0 && (
          <p className="kern-body">{filtered ? t('offers.catalogue.emptyFiltered') : t('offers.catalogue.empty')}</p>
        )}
        {list.data && list.data.items.length > 0 && (
          <ul className="app-cards" aria-labelledby="catalogue-result">
            {list.data.items.map((offer) => (
              <li key={offer.id}>
                <Card title={offer.title} headingLevel={3} preline={offer.organisation_name} to={`/angebote/${offer.id}`}>
                  {offer.description && <p className="kern-body app-offer-teaser">{offer.description}</p>}
                  <p className="kern-body kern-body--small">
                    {offer.municipalities.length > 0 ? offer.municipalities.join(', ') : t('offers.countyWide')}
                    {offer.languages.length > 0 && ` · ${offer.languages.map(languageName).join(', ')}`}
                  </p>
                </Card>
              </li>
            ))}
          </ul>
        )}
        {list.data && (
          <Pagination
            label={t('offers.catalogue.pagination')}
            total={list.data.total}
            limit={OFFER_PAGE_SIZE}
            offset={current.offset}
            onChange={(offset) => apply(current, offset / OFFER_PAGE_SIZE + 1)}
          />
        )}
      </section>
    </Page>
  );
}
