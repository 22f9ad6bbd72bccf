import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { FilterActions } from '@/components/FilterActions';
import { Page } from '@/components/Page';
import { ResultTable } from '@/components/ResultTable';
import { Alert, Badge, type Column, SelectField, TextField } from '@/components/ui';
import { pageOffset } from '@/lib/paging';
import { OFFER_PAGE_SIZE, type Offer, type OfferListParams, offersListQuery } from '../api/offers';
import { organisationOptionsQuery } from '@/lib/api/options';
import { MUNICIPALITIES, isMunicipality } from '@/lib/reference';
import { type AudienceFilter, AudienceFilterFields, audienceParams, parseAudience, writeAudience } from './AudienceFilters';
import { useCanEditOffers, usePeriodText } from './shared';
import { isUuid } from '@/lib/ids';

interface Filters extends AudienceFilter {
  q: string;
  organisation: string;
  municipality: string;
  published: string;
}

const EMPTY: Filters = { q: '', organisation: '', municipality: '', published: '', language: '', targetGroup: '' };
function parse(search: URLSearchParams): Filters & { offset: number } {
  const municipality = search.get('gemeinde') ?? '';
  const organisation = search.get('organisation') ?? '';
  const published = search.get('status') ?? '';
  return {
    q: search.get('q') ?? '',
    organisation: isUuid(organisation) ? organisation : '',
    municipality: isMunicipality(municipality) ? municipality : '',
    published: published === 'oeffentlich' || published === 'intern' ? published : '',
    ...parseAudience(search),
    offset: pageOffset(search, OFFER_PAGE_SIZE),
  };
}

/** "Angebotsverwaltung": every offer, internal ones too; editors create and change them. */
export function OffersAdminListPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const canEdit = useCanEditOffers();
  const period = usePeriodText();
  const [search, setSearch] = useSearchParams();
  const current = parse(search);
  const [filters, setFilters] = useState<Filters>(current);
  const organisations = useQuery(organisationOptionsQuery);
  const flash = (location.state as { flash?: string } | null)?.flash;

  const params: OfferListParams = {
    limit: OFFER_PAGE_SIZE,
    offset: current.offset,
    ...(current.q.trim() ? { q: current.q.trim() } : {}),
    ...(current.organisation ? { organisation_id: current.organisation } : {}),
    ...(current.municipality ? { municipality: current.municipality as NonNullable<OfferListParams['municipality']> } : {}),
    ...(current.published ? { published: current.published === 'oeffentlich' } : {}),
    ...audienceParams(current),
  };
  const list = useQuery(offersListQuery(params));

  const apply = (next: Filters, page = 1) => {
    const result = new URLSearchParams();
    if (next.q.trim()) result.set('q', next.q.trim());
    if (next.organisation) result.set('organisation', next.organisation);
    if (next.municipality) result.set('gemeinde', next.municipality);
    if (next.published) result.set('status', next.published);
    writeAudience(next, result);
    if (page > 1) result.set('seite', String(page));
    setSearch(result);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    apply(filters);
  };

  const filtered = Boolean(
    current.q || current.organisation || current.municipality || current.published || current.language || current.targetGroup,
  );

  const columns: Column<Offer>[] = [
    {
      key: 'title',
      header: t('offers.fields.title'),
      rowHeader: true,
      cell: (o) => (
        <Link className="kern-link" to={`/angebotsverwaltung/${o.id}`}>
          {o.title}
        </Link>
      ),
    },
    { key: 'organisation', header: t('offers.fields.organisation'), cell: (o) => o.organisation_name },
    {
      key: 'published',
      header: t('offers.admin.visibility'),
      cell: (o) =>
        o.published ? (
          <Badge variant="success" small>
            {t('offers.admin.public')}
          </Badge>
        ) : (
          <Badge variant="info" small>
            {t('offers.admin.internal')}
          </Badge>
        ),
    },
    { key: 'period', header: t('offers.fields.period'), cell: (o) => period(o.valid_from, o.valid_until) || t('offers.period.open') },
  ];

  return (
    <Page
      title={t('offers.admin.title')}
      lead={t('offers.admin.lead')}
      actions={
        canEdit && (
          <Link className="kern-btn kern-btn--primary" to="/angebotsverwaltung/neu">
            <span className="kern-icon kern-icon--add" aria-hidden="true" />
            <span className="kern-label">{t('offers.admin.create')}</span>
          </Link>
        )
      }
    >
      {flash && <Alert variant="success" title={flash} live="status" />}
      {!canEdit && <p className="kern-body">{t('offers.admin.readOnly')}</p>}
      <p className="kern-body">
        <Link className="kern-link" to="/angebote">
          {t('offers.admin.toCatalogue')}
        </Link>
      </p>
      <div role="search" className="app-section">
        <form className="app-filter" onSubmit={onSubmit} aria-label={t('offers.admin.filterLabel')}>
          <TextField
            id="offers-q"
            type="search"
            label={t('offers.catalogue.search')}
            hint={t('offers.catalogue.searchHint')}
            value={filters.q}
            onChange={(e) => setFilters((f) => ({ ...f, q: e.target.value }))}
          />
          <SelectField
            id="offers-organisation"
            label={t('offers.fields.organisation')}
            value={filters.organisation}
            onChange={(e) => setFilters((f) => ({ ...f, organisation: e.target.value }))}
            options={[
              { value: '', label: t('offers.admin.allOrganisations') },
              ...(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name })),
            ]}
          />
          <SelectField
            id="offers-municipality"
            label={t('offers.catalogue.municipality')}
            value={filters.municipality}
            onChange={(e) => setFilters((f) => ({ ...f, municipality: e.target.value }))}
            options={[{ value: '', label: t('offers.catalogue.allMunicipalities') }, ...MUNICIPALITIES.map((m) => ({ value: m, label: m }))]}
          />
          <SelectField
            id="offers-published"
            label={t('offers.admin.visibility')}
            value={filters.published}
            onChange={(e) => setFilters((f) => ({ ...f, published: e.target.value }))}
            options={[
              { value: '', label: t('offers.admin.allVisibilities') },
              { value: 'oeffentlich', label: t('offers.admin.public') },
              { value: 'intern', label: t('offers.admin.internal') },
            ]}
          />
          <AudienceFilterFields
            idPrefix="offers"
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

      <ResultTable
        id="offers-result"
        query={list}
        count={(vars) => t('offers.catalogue.count', vars)}
        caption={t('offers.admin.caption')}
        columns={columns}
        rowKey={(o) => o.id}
        empty={filtered ? t('offers.catalogue.emptyFiltered') : t('offers.admin.empty')}
        paginationLabel={t('offers.catalogue.pagination')}
        limit={OFFER_PAGE_SIZE}
        offset={current.offset}
        onPage={(page) => apply(current, page)}
      />
    </Page>
  );
}
