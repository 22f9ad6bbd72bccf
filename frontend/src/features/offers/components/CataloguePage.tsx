import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Button, Card, Pagination, SelectField, TextField } from '@/components/ui';
import { formatNumber } from '@/lib/format';
import { OFFER_PAGE_SIZE, type PublicOfferParams, publicOffersQuery } from '../api/offers';
import { CATALOGUE_LANGUAGES, MUNICIPALITIES } from '../api/reference';
import { useLanguageName } from './shared';
import './offers.css';

interface Filters {
  q: string;
  municipality: string;
  language: string;
  targetGroup: string;
}

const EMPTY: Filters = { q: '', municipality: '', language: '', targetGroup: '' };

function parse(search: URLSearchParams): Filters & { offset: number } {
  const municipality = search.get('gemeinde') ?? '';
  const language = search.get('sprache') ?? '';
  const page = Number.parseInt(search.get('seite') ?? '1', 10);
  return {
    q: search.get('q') ?? '',
    municipality: (MUNICIPALITIES as readonly string[]).includes(municipality) ? municipality : '',
    language: /^[a-z]{2}$/.test(language) ? language : '',
    targetGroup: search.get('zielgruppe') ?? '',
    offset: Number.isFinite(page) && page > 1 ? (page - 1) * OFFER_PAGE_SIZE : 0,
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
    ...(current.language ? { language: current.language } : {}),
    ...(current.targetGroup.trim() ? { target_group: current.targetGroup.trim() } : {}),
  };
  const list = useQuery(publicOffersQuery(params));

  const apply = (next: Filters, page = 1) => {
    const result = new URLSearchParams();
    if (next.q.trim()) result.set('q', next.q.trim());
    if (next.municipality) result.set('gemeinde', next.municipality);
    if (next.language) result.set('sprache', next.language);
    if (next.targetGroup.trim()) result.set('zielgruppe', next.targetGroup.trim());
    if (page > 1) result.set('seite', String(page));
    setSearch(result);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    apply(filters);
  };

  const filtered = Boolean(current.q || current.municipality || current.language || current.targetGroup);
  const languageOptions: { value: string; label: string }[] = [...CATALOGUE_LANGUAGES]
    .map((code) => ({ value: code, label: languageName(code) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'de'));
  if (current.language && !languageOptions.some((o) => o.value === current.language)) {
    languageOptions.push({ value: current.language, label: languageName(current.language) });
  }

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
          <SelectField
            id="catalogue-language"
            label={t('offers.catalogue.language')}
            value={filters.language}
            onChange={(e) => setFilters((f) => ({ ...f, language: e.target.value }))}
            options={[{ value: '', label: t('offers.catalogue.allLanguages') }, ...languageOptions]}
          />
          <TextField
            id="catalogue-target-group"
            label={t('offers.catalogue.targetGroup')}
            hint={t('offers.catalogue.targetGroupHint')}
            value={filters.targetGroup}
            onChange={(e) => setFilters((f) => ({ ...f, targetGroup: e.target.value }))}
          />
          <div className="app-filter__actions kern-flex kern-flex-wrap kern-gap-md">
            <Button type="submit" icon="search">
              {t('offers.catalogue.apply')}
            </Button>
            {filtered && (
              <Button
                variant="secondary"
                onClick={() => {
                  setFilters(EMPTY);
                  apply(EMPTY);
                }}
              >
                {t('offers.catalogue.reset')}
              </Button>
            )}
          </div>
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
