import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { FilterActions } from '@/components/FilterActions';
import { Page } from '@/components/Page';
import { ResultTable } from '@/components/ResultTable';
import { Alert, type Column, SelectField, TextField } from '@/components/ui';
import { pageOffset } from '@/lib/paging';
import {
  ORGANISATION_KINDS,
  type Organisation,
  type OrganisationListParams,
  PAGE_SIZE,
  organisationsListQuery,
} from '../api/directory';
import type { OrganisationExportFilters } from '../api/exports';
import { OrganisationExport } from './ExportButtons';
import { MUNICIPALITIES } from '@/lib/reference';
import { useCanWrite } from './shared';

interface Filters {
  q: string;
  kind: string;
  municipality: string;
}

function parse(search: URLSearchParams): Filters & { offset: number } {
  const kind = search.get('art') ?? '';
  const municipality = search.get('kommune') ?? '';
  return {
    q: search.get('q') ?? '',
    kind: (ORGANISATION_KINDS as readonly string[]).includes(kind) ? kind : '',
    municipality: (MUNICIPALITIES as readonly string[]).includes(municipality) ? municipality : '',
    offset: pageOffset(search, PAGE_SIZE),
  };
}

export function OrganisationsListPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const canWrite = useCanWrite();
  const [search, setSearch] = useSearchParams();
  const current = parse(search);
  const [filters, setFilters] = useState<Filters>({ q: current.q, kind: current.kind, municipality: current.municipality });
  const flash = (location.state as { flash?: string } | null)?.flash;

  const exportFilters: OrganisationExportFilters = {
    sort: 'name',
    ...(current.q ? { q: current.q } : {}),
    ...(current.kind ? { kind: current.kind as Organisation['kind'] } : {}),
    ...(current.municipality ? { municipality: current.municipality as NonNullable<Organisation['municipality']> } : {}),
  };
  const params: OrganisationListParams = { ...exportFilters, limit: PAGE_SIZE, offset: current.offset };
  const list = useQuery(organisationsListQuery(params));

  const apply = (next: Filters, page = 1) => {
    const result = new URLSearchParams();
    if (next.q.trim()) result.set('q', next.q.trim());
    if (next.kind) result.set('art', next.kind);
    if (next.municipality) result.set('kommune', next.municipality);
    if (page > 1) result.set('seite', String(page));
    setSearch(result);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    apply(filters);
  };

  const filtered = Boolean(current.q || current.kind || current.municipality);

  const columns: Column<Organisation>[] = [
    {
      key: 'name',
      header: t('directory.organisations.fields.name'),
      rowHeader: true,
      cell: (o) => (
        <Link className="kern-link" to={`/organisationen/${o.id}`}>
          {o.short_name && o.short_name !== o.name ? `${o.name} (${o.short_name})` : o.name}
        </Link>
      ),
    },
    { key: 'kind', header: t('directory.organisations.fields.kind'), cell: (o) => t(`directory.kinds.${o.kind}`) },
    {
      key: 'municipality',
      header: t('directory.organisations.fields.municipality'),
      cell: (o) => o.municipality ?? t('directory.none'),
    },
    {
      key: 'contact',
      header: t('directory.organisations.fields.contact'),
      cell: (o) => [o.email, o.phone].filter(Boolean).join(', ') || t('directory.none'),
    },
  ];

  return (
    <Page
      title={t('directory.organisations.list.title')}
      lead={t('directory.organisations.list.lead')}
      actions={
        canWrite && (
          <Link className="kern-btn kern-btn--primary" to="/organisationen/neu">
            <span className="kern-icon kern-icon--add" aria-hidden="true" />
            <span className="kern-label">{t('directory.organisations.list.create')}</span>
          </Link>
        )
      }
    >
      {flash && <Alert variant="success" title={flash} live="status" />}
      <div role="search" className="app-section">
        <form className="app-filter" onSubmit={onSubmit} aria-label={t('directory.organisations.list.filterLabel')}>
          <TextField
            id="organisations-q"
            type="search"
            label={t('directory.filter.search')}
            hint={t('directory.organisations.list.searchHint')}
            value={filters.q}
            onChange={(e) => setFilters((f) => ({ ...f, q: e.target.value }))}
          />
          <SelectField
            id="organisations-kind"
            label={t('directory.organisations.list.kindFilter')}
            value={filters.kind}
            onChange={(e) => setFilters((f) => ({ ...f, kind: e.target.value }))}
            options={[
              { value: '', label: t('directory.organisations.list.allKinds') },
              ...ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`directory.kinds.${k}`) })),
            ]}
          />
          <SelectField
            id="organisations-municipality"
            label={t('directory.organisations.list.municipalityFilter')}
            value={filters.municipality}
            onChange={(e) => setFilters((f) => ({ ...f, municipality: e.target.value }))}
            options={[
              { value: '', label: t('directory.organisations.list.allMunicipalities') },
              ...MUNICIPALITIES.map((m) => ({ value: m, label: m })),
            ]}
          />
          <FilterActions
            applyLabel={t('directory.filter.apply')}
            resetLabel={t('directory.filter.reset')}
            filtered={filtered}
            onReset={() => {
              const empty = { q: '', kind: '', municipality: '' };
              setFilters(empty);
              apply(empty);
            }}
          />
        </form>
      </div>

      <OrganisationExport filters={exportFilters} />

      <ResultTable
        id="organisations-result"
        query={list}
        count={(vars) => t('directory.organisations.list.count', vars)}
        caption={t('directory.organisations.list.caption')}
        columns={columns}
        rowKey={(o) => o.id}
        empty={filtered ? t('directory.organisations.list.emptyFiltered') : t('directory.organisations.list.empty')}
        paginationLabel={t('directory.organisations.list.pagination')}
        limit={PAGE_SIZE}
        offset={current.offset}
        onPage={(page) => apply(current, page)}
      />
    </Page>
  );
}
