import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { FilterActions } from '@/components/FilterActions';
import { Page } from '@/components/Page';
import { ResultTable } from '@/components/ResultTable';
import { Alert, Badge, type Column, SelectField, TextField } from '@/components/ui';
import { pageOffset } from '@/lib/paging';
import {
  ALL,
  ENGAGEMENTS,
  MEMBER_STATUSES,
  type MemberListItem,
  type MemberListParams,
  type MemberStatus,
  PAGE_SIZE,
  bodiesQuery,
  membersListQuery,
  organisationsListQuery,
} from '../api/directory';
import type { MemberExportFilters } from '../api/exports';
import { COMMON_LANGUAGES, sortBodies } from '@/lib/reference';
import { memberName } from '../api/labels';
import { MemberExport } from './ExportButtons';
import { useCanWrite } from './shared';

interface Filters {
  q: string;
  engagement: string;
  status: string;
  organisation: string;
  body: string;
  language: string;
}

const EMPTY: Filters = { q: '', engagement: '', status: '', organisation: '', body: '', language: '' };
const URL_KEYS: Record<keyof Filters, string> = {
  q: 'q',
  engagement: 'engagement',
  status: 'status',
  organisation: 'organisation',
  body: 'gremium',
  language: 'sprache',
};
const UUID = /^[0-9a-f-]{36}$/i;

function parse(search: URLSearchParams): Filters & { offset: number } {
  const get = (key: keyof Filters) => search.get(URL_KEYS[key]) ?? '';
  return {
    q: get('q'),
    engagement: (ENGAGEMENTS as readonly string[]).includes(get('engagement')) ? get('engagement') : '',
    status: (MEMBER_STATUSES as readonly string[]).includes(get('status')) ? get('status') : '',
    organisation: UUID.test(get('organisation')) ? get('organisation') : '',
    body: UUID.test(get('body')) ? get('body') : '',
    language: /^[a-z]{2}$/.test(get('language')) ? get('language') : '',
    offset: pageOffset(search, PAGE_SIZE),
  };
}

export function statusBadge(status: MemberStatus, label: string) {
  const variant = status === 'active' ? 'success' : status === 'inactive' ? 'warning' : 'info';
  return (
    <Badge variant={variant} small>
      {label}
    </Badge>
  );
}

export function MembersListPage() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const canWrite = useCanWrite();
  const [search, setSearch] = useSearchParams();
  const current = parse(search);
  const [filters, setFilters] = useState<Filters>(() => {
    const { offset: _offset, ...rest } = current;
    return rest;
  });
  const flash = (location.state as { flash?: string } | null)?.flash;
  const organisations = useQuery(organisationsListQuery({ sort: 'name', limit: ALL }));
  const bodies = useQuery(bodiesQuery);

  const exportFilters: MemberExportFilters = {
    sort: 'family_name',
    ...(current.q ? { q: current.q } : {}),
    ...(current.engagement ? { engagement: current.engagement as MemberListItem['engagement'] } : {}),
    ...(current.status ? { status: current.status as MemberStatus } : {}),
    ...(current.organisation ? { organisation_id: current.organisation } : {}),
    ...(current.body ? { body_id: current.body } : {}),
    ...(current.language ? { language: current.language } : {}),
  };
  const params: MemberListParams = {
    ...exportFilters,
    limit: PAGE_SIZE,
    offset: current.offset,
  };
  const list = useQuery(membersListQuery(params));

  const apply = (next: Filters, page = 1) => {
    const result = new URLSearchParams();
    for (const key of Object.keys(URL_KEYS) as (keyof Filters)[]) {
      const value = next[key].trim();
      if (value) result.set(URL_KEYS[key], value);
    }
    if (page > 1) result.set('seite', String(page));
    setSearch(result);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    apply(filters);
  };
  const set = (key: keyof Filters) => (value: string) => setFilters((f) => ({ ...f, [key]: value }));

  const filtered = Object.values({ ...current, offset: '' }).some((v) => v !== '');
  const orgNames = new Map((organisations.data?.items ?? []).map((o) => [o.id, o.short_name ?? o.name]));
  const languageName = (code: string) =>
    i18n.exists(`directory.languages.${code}`) ? t(`directory.languages.${code}`) : code;

  const columns: Column<MemberListItem>[] = [
    {
      key: 'name',
      header: t('directory.members.fields.name'),
      rowHeader: true,
      cell: (m) => (
        <Link className="kern-link" to={`/mitglieder/${m.id}`}>
          {memberName(m)}
        </Link>
      ),
    },
    {
      key: 'organisation',
      header: t('directory.members.fields.organisation'),
      cell: (m) => (m.organisation_id ? orgNames.get(m.organisation_id) ?? t('directory.none') : t('directory.none')),
    },
    { key: 'engagement', header: t('directory.members.fields.engagement'), cell: (m) => t(`directory.engagement.${m.engagement}`) },
    { key: 'function', header: t('directory.members.fields.function'), cell: (m) => m.function ?? t('directory.none') },
    {
      key: 'languages',
      header: t('directory.members.fields.languages'),
      cell: (m) => m.languages.map(languageName).join(', ') || t('directory.none'),
    },
    {
      key: 'status',
      header: t('directory.members.fields.status'),
      cell: (m) => statusBadge(m.status, t(`directory.memberStatus.${m.status}`)),
    },
  ];

  return (
    <Page
      title={t('directory.members.list.title')}
      lead={t('directory.members.list.lead')}
      actions={
        canWrite && (
          <>
            <Link className="kern-btn kern-btn--primary" to="/mitglieder/neu">
              <span className="kern-icon kern-icon--add" aria-hidden="true" />
              <span className="kern-label">{t('directory.members.list.create')}</span>
            </Link>
            <Link className="kern-btn kern-btn--secondary" to="/mitglieder/import">
              <span className="kern-label">{t('imports.open')}</span>
            </Link>
          </>
        )
      }
    >
      {flash && <Alert variant="success" title={flash} live="status" />}
      <div role="search" className="app-section">
        <form className="app-filter" onSubmit={onSubmit} aria-label={t('directory.members.list.filterLabel')}>
          <TextField
            id="members-q"
            type="search"
            label={t('directory.filter.search')}
            hint={t('directory.members.list.searchHint')}
            value={filters.q}
            onChange={(e) => set('q')(e.target.value)}
          />
          <SelectField
            id="members-engagement"
            label={t('directory.members.fields.engagement')}
            value={filters.engagement}
            onChange={(e) => set('engagement')(e.target.value)}
            options={[
              { value: '', label: t('directory.members.list.allEngagements') },
              ...ENGAGEMENTS.map((v) => ({ value: v, label: t(`directory.engagement.${v}`) })),
            ]}
          />
          <SelectField
            id="members-status"
            label={t('directory.members.fields.status')}
            value={filters.status}
            onChange={(e) => set('status')(e.target.value)}
            options={[
              { value: '', label: t('directory.members.list.allStatuses') },
              ...MEMBER_STATUSES.map((v) => ({ value: v, label: t(`directory.memberStatus.${v}`) })),
            ]}
          />
          <SelectField
            id="members-organisation"
            label={t('directory.members.fields.organisation')}
            value={filters.organisation}
            onChange={(e) => set('organisation')(e.target.value)}
            options={[
              { value: '', label: t('directory.members.list.allOrganisations') },
              ...(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name })),
            ]}
          />
          <SelectField
            id="members-body"
            label={t('directory.members.fields.body')}
            value={filters.body}
            onChange={(e) => set('body')(e.target.value)}
            options={[
              { value: '', label: t('directory.members.list.allBodies') },
              ...sortBodies(bodies.data?.items ?? []).map((b) => ({ value: b.id, label: b.name })),
            ]}
          />
          <SelectField
            id="members-language"
            label={t('directory.members.fields.language')}
            value={filters.language}
            onChange={(e) => set('language')(e.target.value)}
            options={[
              { value: '', label: t('directory.members.list.allLanguages') },
              ...COMMON_LANGUAGES.map((c) => ({ value: c, label: t(`directory.languages.${c}`) })),
            ]}
          />
          <FilterActions
            applyLabel={t('directory.filter.apply')}
            resetLabel={t('directory.filter.reset')}
            filtered={filtered}
            onReset={() => {
              setFilters(EMPTY);
              apply(EMPTY);
            }}
          />
        </form>
      </div>

      <MemberExport filters={exportFilters} />

      <ResultTable
        id="members-result"
        query={list}
        count={(vars) => t('directory.members.list.count', vars)}
        caption={t('directory.members.list.caption')}
        columns={columns}
        rowKey={(m) => m.id}
        empty={filtered ? t('directory.members.list.emptyFiltered') : t('directory.members.list.empty')}
        paginationLabel={t('directory.members.list.pagination')}
        limit={PAGE_SIZE}
        offset={current.offset}
        onPage={(page) => apply(current, page)}
      />
    </Page>
  );
}
