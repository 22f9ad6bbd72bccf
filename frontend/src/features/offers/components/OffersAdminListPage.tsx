import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Badge, Button, type Column, Loader, Pagination, SelectField, Table, TextField } from '@/components/ui';
import { formatNumber } from '@/lib/format';
import { OFFER_PAGE_SIZE, type Offer, type OfferListParams, offersListQuery } from '../api/offers';
import { MUNICIPALITIES, organisationOptionsQuery } from '../api/reference';
import { useCanEditOffers, usePeriodText } from './shared';

interface Filters {
  q: string;
  organisation: string;
  municipality: string;
  published: string;
}

const EMPTY: Filters = { q: '', organisation: '', municipality: '', published: '' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parse(search: URLSearchParams): Filters & { offset: number } {
  const municipality = search.get('gemeinde') ?? '';
  const organisation = search.get('organisation') ?? '';
  const published = search.get('status') ?? '';
  const page = Number.parseInt(search.get('seite') ?? '1', 10);
  return {
    q: search.get('q') ?? '',
    organisation: UUID.test(organisation) ? organisation : '',
    municipality: (MUNICIPALITIES as readonly string[]).includes(municipality) ? municipality : '',
    published: published === 'oeffentlich' || published === 'intern' ? published : '',
    offset: Number.isFinite(page) && page > 1 ? (page - 1) * OFFER_PAGE_SIZE : 0,
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
  };
  const list = useQuery(offersListQuery(params));

  const apply = (next: Filters, page = 1) => {
    const result = new URLSearchParams();
    if (next.q.trim()) result.set('q', next.q.trim());
    if (next.organisation) result.set('organisation', next.organisation);
    if (next.municipality) result.set('gemeinde', next.municipality);
    if (next.published) result.set('status', next.published);
    if (page > 1) result.set('seite', String(page));
    setSearch(result);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    apply(filters);
  };

  const filtered = Boolean(current.q || current.organisation || current.municipality || current.published);

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

      {list.isPending && <Loader label={t('common.loading')} />}
      {list.isError && <ProblemAlert error={list.error} />}
      {list.data && (
        <section aria-labelledby="offers-result" className="app-section">
          <h2 className="kern-heading-small" id="offers-result" aria-live="polite">
            {t('offers.catalogue.count', { count: list.data.total, formatted: formatNumber(list.data.total) })}
          </h2>
          <Table
            caption={t('offers.admin.caption')}
            captionHidden
            columns={columns}
            rows={list.data.items}
            rowKey={(o) => o.id}
            empty={filtered ? t('offers.catalogue.emptyFiltered') : t('offers.admin.empty')}
          />
          <Pagination
            label={t('offers.catalogue.pagination')}
            total={list.data.total}
            limit={OFFER_PAGE_SIZE}
            offset={current.offset}
            onChange={(offset) => apply(current, offset / OFFER_PAGE_SIZE + 1)}
          />
        </section>
      )}
    </Page>
  );
}
