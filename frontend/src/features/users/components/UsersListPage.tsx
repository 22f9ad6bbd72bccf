import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { FilterActions } from '@/components/FilterActions';
import { Page } from '@/components/Page';
import { ResultTable } from '@/components/ResultTable';
import { Alert, Badge, type Column, SelectField, TextField } from '@/components/ui';
import { formatDate } from '@/lib/format';
import { PAGE_SIZE, ROLES, type Role, type User, type UserListParams, usersListQuery } from '../api/users';
import '../i18n'; // registers this feature's texts

type StatusFilter = 'active' | 'inactive' | 'all';

function parseParams(search: URLSearchParams): {
  q: string;
  role: Role | '';
  status: StatusFilter;
  offset: number;
} {
  const role = search.get('rolle') ?? '';
  const status = search.get('status');
  const page = Number.parseInt(search.get('seite') ?? '1', 10);
  return {
    q: search.get('q') ?? '',
    role: (ROLES as readonly string[]).includes(role) ? (role as Role) : '',
    status: status === 'inactive' || status === 'all' ? status : 'active',
    offset: Number.isFinite(page) && page > 1 ? (page - 1) * PAGE_SIZE : 0,
  };
}

export function UsersListPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const [search, setSearch] = useSearchParams();
  const current = parseParams(search);
  const [q, setQ] = useState(current.q);
  const [role, setRole] = useState<string>(current.role);
  const [status, setStatus] = useState<StatusFilter>(current.status);
  const flash = (location.state as { created?: string } | null)?.created;

  const params: UserListParams = {
    sort: 'name',
    limit: PAGE_SIZE,
    offset: current.offset,
    ...(current.q ? { q: current.q } : {}),
    ...(current.role ? { role: current.role } : {}),
    ...(current.status === 'all' ? {} : { is_active: current.status === 'active' }),
  };
  const users = useQuery(usersListQuery(params));

  const apply = (next: { q: string; role: string; status: StatusFilter; page?: number }) => {
    const result = new URLSearchParams();
    if (next.q.trim()) result.set('q', next.q.trim());
    if (next.role) result.set('rolle', next.role);
    if (next.status !== 'active') result.set('status', next.status);
    if (next.page && next.page > 1) result.set('seite', String(next.page));
    setSearch(result);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    apply({ q, role, status });
  };

  const columns: Column<User>[] = [
    {
      key: 'name',
      header: t('users.fields.name'),
      rowHeader: true,
      cell: (user) => (
        <Link className="kern-link" to={`/verwaltung/benutzer/${user.id}`}>
          {user.name}
        </Link>
      ),
    },
    { key: 'email', header: t('users.fields.email'), cell: (user) => user.email },
    {
      key: 'roles',
      header: t('users.fields.roles'),
      cell: (user) => user.roles.map((r) => t(`roles.${r}`)).join(', ') || '–',
    },
    {
      key: 'status',
      header: t('users.fields.status'),
      cell: (user) =>
        user.is_active ? (
          <Badge variant="success" small>
            {t('users.status.active')}
          </Badge>
        ) : (
          <Badge variant="warning" small>
            {t('users.status.inactive')}
          </Badge>
        ),
    },
    { key: 'created', header: t('users.fields.createdAt'), cell: (user) => formatDate(user.created_at) },
  ];

  const filtered = Boolean(current.q || current.role || current.status !== 'active');

  return (
    <Page
      title={t('users.list.title')}
      lead={t('users.list.lead')}
      actions={
        <Link className="kern-btn kern-btn--primary" to="/verwaltung/benutzer/neu">
          <span className="kern-icon kern-icon--add" aria-hidden="true" />
          <span className="kern-label">{t('users.list.create')}</span>
        </Link>
      }
    >
      {flash && (
        <Alert variant="success" title={t('users.create.done', { name: flash })} live="status" />
      )}
      <div role="search" className="app-section">
        <form className="app-filter" onSubmit={onSubmit} aria-label={t('users.list.filterLabel')}>
          <TextField
            id="users-q"
            type="search"
            label={t('users.list.search')}
            hint={t('users.list.searchHint')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
          <SelectField
            id="users-role"
            label={t('users.list.roleFilter')}
            value={role}
            onChange={(e) => setRole(e.target.value)}
            options={[{ value: '', label: t('users.list.allRoles') }, ...ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))]}
          />
          <SelectField
            id="users-status"
            label={t('users.list.statusFilter')}
            value={status}
            onChange={(e) => setStatus(e.target.value as StatusFilter)}
            options={[
              { value: 'active', label: t('users.list.onlyActive') },
              { value: 'inactive', label: t('users.list.onlyInactive') },
              { value: 'all', label: t('users.list.allStatuses') },
            ]}
          />
          <FilterActions
            applyLabel={t('users.list.apply')}
            resetLabel={t('users.list.reset')}
            filtered={filtered}
            onReset={() => {
              setQ('');
              setRole('');
              setStatus('active');
              apply({ q: '', role: '', status: 'active' });
            }}
          />
        </form>
      </div>

      <ResultTable
        id="users-result"
        query={users}
        count={(vars) => t('users.list.count', vars)}
        caption={t('users.list.caption')}
        columns={columns}
        rowKey={(u) => u.id}
        empty={filtered ? t('users.list.emptyFiltered') : t('users.list.empty')}
        paginationLabel={t('users.list.pagination')}
        limit={PAGE_SIZE}
        offset={current.offset}
        onPage={(page) => apply({ q: current.q, role: current.role, status: current.status, page })}
      />
    </Page>
  );
}
