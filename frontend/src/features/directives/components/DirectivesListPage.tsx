import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FilterActions } from '@/components/FilterActions';
import { Page } from '@/components/Page';
import { ResultTable } from '@/components/ResultTable';
import { Checkbox, type Column, SelectField, TextField } from '@/components/ui';
import { bodyOptionsQuery } from '@/lib/api/options';
import { formatDate } from '@/lib/format';
import { DIRECTIVE_PAGE_SIZE, type Directive, directivesListQuery } from '../api/directives';
import { DEFAULT_FILTERS, type DirectiveFilters, STATUS_FILTERS, type StatusFilter, isFiltered, listParams, parseFilters, writeFilters } from '../api/filters';
import '../directives.css';
import { DirectiveStatusBadge, OverdueBadge } from './shared';

/** "Handlungsanweisungen": the steering group's directives, what is still to do first, overdue ones marked. */
export function DirectivesListPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const current = parseFilters(search);
  const [filters, setFilters] = useState<DirectiveFilters>(current);
  const bodies = useQuery(bodyOptionsQuery);
  const list = useQuery(directivesListQuery(listParams(current, current.offset)));
  const filtered = isFiltered(current);

  const apply = (next: DirectiveFilters, page = 1) => setSearch(writeFilters(next, page));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    apply(filters);
  };

  const columns: Column<Directive>[] = [
    {
      key: 'text',
      header: t('directives.fields.text'),
      rowHeader: true,
      cell: (d) => (
        <Link className="kern-link app-preline" to={`/handlungsanweisungen/${d.id}`}>
          {d.text}
        </Link>
      ),
    },
    {
      key: 'paper',
      header: t('directives.fields.paper'),
      cell: (d) => (
        <Link className="kern-link" to={`/vorlagen/${d.submission_id}`}>
          {d.submission_reference ? `${d.submission_reference} ${d.submission_title}` : d.submission_title}
        </Link>
      ),
    },
    { key: 'addressee', header: t('directives.fields.addressee'), cell: (d) => d.addressee_name },
    {
      key: 'due',
      header: t('directives.fields.dueOn'),
      cell: (d) => (
        <span className="app-directive-due">
          <span>{formatDate(d.due_on)}</span>
          {d.overdue && <OverdueBadge />}
        </span>
      ),
    },
    { key: 'status', header: t('directives.fields.status'), cell: (d) => <DirectiveStatusBadge status={d.status} /> },
  ];

  return (
    <Page title={t('directives.list.title')} lead={t('directives.list.lead')}>
      <div role="search" className="app-section">
        <form className="app-filter" onSubmit={onSubmit} aria-label={t('directives.list.filterLabel')}>
          <TextField
            id="directives-q"
            type="search"
            label={t('directives.list.search')}
            hint={t('directives.list.searchHint')}
            value={filters.q}
            onChange={(e) => setFilters((f) => ({ ...f, q: e.target.value }))}
          />
          <SelectField
            id="directives-status"
            label={t('directives.fields.status')}
            value={filters.status}
            onChange={(e) => setFilters((f) => ({ ...f, status: e.target.value as StatusFilter }))}
            options={STATUS_FILTERS.map((s) => ({ value: s, label: t(`directives.list.statusFilter.${s}`) }))}
          />
          <SelectField
            id="directives-body"
            label={t('directives.list.body')}
            value={filters.body}
            onChange={(e) => setFilters((f) => ({ ...f, body: e.target.value }))}
            options={[
              { value: '', label: t('directives.list.allBodies') },
              ...(bodies.data ?? []).map((b) => ({ value: b.id, label: b.name })),
            ]}
          />
          <Checkbox
            id="directives-overdue"
            label={t('directives.list.overdueOnly')}
            checked={filters.overdue}
            onChange={(e) => setFilters((f) => ({ ...f, overdue: e.target.checked }))}
          />
          <FilterActions
            applyLabel={t('directives.list.apply')}
            resetLabel={t('directives.list.reset')}
            filtered={filtered}
            onReset={() => {
              setFilters(DEFAULT_FILTERS);
              apply(DEFAULT_FILTERS);
            }}
          />
        </form>
      </div>

      <ResultTable
        id="directives-result"
        query={list}
        count={(vars) => t('directives.list.count', vars)}
        caption={t('directives.list.caption')}
        columns={columns}
        rowKey={(d) => d.id}
        empty={filtered ? t('directives.list.emptyFiltered') : t('directives.list.empty')}
        paginationLabel={t('directives.list.pagination')}
        limit={DIRECTIVE_PAGE_SIZE}
        offset={current.offset}
        onPage={(page) => apply(current, page)}
      />
    </Page>
  );
}
