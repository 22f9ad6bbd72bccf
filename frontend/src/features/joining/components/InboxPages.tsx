import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import {
  Alert,
  Badge,
  Button,
  CheckboxGroup,
  type Column,
  Dialog,
  Loader,
  Pagination,
  SelectField,
  Table,
  TextArea,
  TextField,
} from '@/components/ui';
import { isProblemKind } from '@/lib/api/problem';
import { formatDateTime } from '@/lib/format';
import {
  INBOX_PAGE_SIZE,
  JOIN_STATUSES,
  type JoinRequest,
  type JoinStatus,
  type MemberRole,
  joinRequestQuery,
  joinRequestsQuery,
  memberSearchQuery,
  organisationSearchQuery,
  useAcceptJoinRequest,
  useDeclineJoinRequest,
  workingGroupsQuery,
} from '../api/inbox';

const personName = (r: JoinRequest) => `${r.given_name} ${r.family_name}`;

function StatusBadge({ status }: { status: JoinStatus }) {
  const { t } = useTranslation();
  const variant = status === 'open' ? 'info' : status === 'accepted' ? 'success' : 'warning';
  return (
    <Badge variant={variant} small>
      {t(`joining.status.${status}`)}
    </Badge>
  );
}

export function JoinRequestsListPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const [search, setSearch] = useSearchParams();
  const statusParam = search.get('status') ?? 'open';
  const status = (JOIN_STATUSES as readonly string[]).includes(statusParam) ? (statusParam as JoinStatus) : statusParam === 'alle' ? null : 'open';
  const page = Math.max(1, Number.parseInt(search.get('seite') ?? '1', 10) || 1);
  const offset = (page - 1) * INBOX_PAGE_SIZE;
  const [filter, setFilter] = useState(status ?? 'alle');
  const list = useQuery(
    joinRequestsQuery({ sort: '-created_at', limit: INBOX_PAGE_SIZE, offset, ...(status ? { status } : {}) }),
  );
  const flash = (location.state as { flash?: string } | null)?.flash;

  const apply = (nextStatus: string, nextPage = 1) => {
    const params = new URLSearchParams();
    params.set('status', nextStatus);
    if (nextPage > 1) params.set('seite', String(nextPage));
    setSearch(params);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    apply(filter);
  };

  const columns: Column<JoinRequest>[] = [
    {
      key: 'name',
      header: t('joining.inbox.name'),
      rowHeader: true,
      cell: (r) => (
        <Link className="kern-link" to={`/mitglieder/beitrittsanfragen/${r.id}`}>
          {personName(r)}
        </Link>
      ),
    },
    { key: 'organisation', header: t('joining.fields.organisation'), cell: (r) => r.organisation_name ?? t('directory.none') },
    { key: 'engagement', header: t('joining.fields.engagement'), cell: (r) => t(`joining.engagement.${r.engagement}`) },
    { key: 'created', header: t('joining.inbox.received'), cell: (r) => formatDateTime(r.created_at) },
    { key: 'status', header: t('joining.inbox.status'), cell: (r) => <StatusBadge status={r.status} /> },
  ];

  return (
    <Page title={t('joining.inbox.title')} lead={t('joining.inbox.lead')}>
      {flash && <Alert variant="success" title={flash} live="status" />}
      <div role="search" className="app-section">
        <form className="app-filter" onSubmit={onSubmit} aria-label={t('joining.inbox.filterLabel')}>
          <SelectField
            id="join-status"
            label={t('joining.inbox.status')}
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            options={[
              ...JOIN_STATUSES.map((s) => ({ value: s, label: t(`joining.status.${s}`) })),
              { value: 'alle', label: t('joining.inbox.allStatuses') },
            ]}
          />
          <div className="app-filter__actions">
            <Button type="submit" variant="secondary" icon="search">
              {t('joining.inbox.applyFilter')}
            </Button>
          </div>
        </form>
      </div>
      <section className="app-section" aria-labelledby="join-results">
        <h2 className="kern-heading-small" id="join-results">
          {t('joining.inbox.results', { count: list.data?.total ?? 0 })}
        </h2>
        {list.isPending && <Loader label={t('common.loading')} />}
        {list.isError && <ProblemAlert error={list.error} />}
        {list.data && (
          <>
            <Table
              caption={t('joining.inbox.title')}
              captionHidden
              columns={columns}
              rows={list.data.items}
              rowKey={(r) => r.id}
              empty={t('joining.inbox.empty')}
            />
            <Pagination
              label={t('joining.inbox.pagination')}
              total={list.data.total}
              limit={INBOX_PAGE_SIZE}
              offset={offset}
              onChange={(next) => apply(status ?? 'alle', next / INBOX_PAGE_SIZE + 1)}
            />
          </>
        )}
      </section>
    </Page>
  );
}

export function JoinRequestDetailPage() {
  const { t } = useTranslation();
  const { joinRequestId = '' } = useParams();
  const query = useQuery(joinRequestQuery(joinRequestId));
  const groups = useQuery(workingGroupsQuery);
  const [dialog, setDialog] = useState<'accept' | 'decline' | null>(null);

  if (query.isPending) {
    return (
      <Page title={t('joining.detail.title')}>
        <Loader label={t('common.loading')} />
      </Page>
    );
  }
  if (query.isError) {
    return (
      <Page title={t('joining.detail.title')}>
        <ProblemAlert error={query.error} />
        <p className="kern-body">
          <Link className="kern-link" to="/mitglieder/beitrittsanfragen">
            {t('joining.detail.backToList')}
          </Link>
        </p>
      </Page>
    );
  }
  const request = query.data.data;
  const etag = query.data.etag ?? '';
  const groupName = new Map((groups.data?.items ?? []).map((g) => [g.id, g.name]));
  const items = [
    { key: 'email', label: t('joining.fields.email'), value: request.email },
    { key: 'organisation', label: t('joining.fields.organisation'), value: request.organisation_name },
    { key: 'engagement', label: t('joining.fields.engagement'), value: t(`joining.engagement.${request.engagement}`) },
    {
      key: 'groups',
      label: t('joining.detail.workingGroups'),
      value: request.working_group_ids.map((id) => groupName.get(id) ?? id).join(', '),
    },
    { key: 'message', label: t('joining.fields.message'), value: request.message },
    { key: 'received', label: t('joining.inbox.received'), value: formatDateTime(request.created_at) },
    { key: 'privacy', label: t('joining.detail.privacyVersion'), value: request.privacy_text_version },
    { key: 'status', label: t('joining.inbox.status'), value: <StatusBadge status={request.status} /> },
    ...(request.decided_at
      ? [{ key: 'decided', label: t('joining.detail.decidedAt'), value: formatDateTime(request.decided_at) }]
      : []),
    ...(request.decision_message
      ? [{ key: 'decision', label: t('joining.detail.decisionMessage'), value: request.decision_message }]
      : []),
    ...(request.member_id
      ? [{
          key: 'member',
          label: t('joining.detail.member'),
          value: (
            <Link className="kern-link" to={`/mitglieder/${request.member_id}`}>
              {t('joining.detail.toMember')}
            </Link>
          ),
        }]
      : []),
  ];

  return (
    <Page
      title={t('joining.detail.heading', { name: personName(request) })}
      actions={
        request.status === 'open' && (
          <>
            <Button icon="success" onClick={() => setDialog('accept')}>
              {t('joining.accept.open')}
            </Button>
            <Button variant="secondary" icon="close" onClick={() => setDialog('decline')}>
              {t('joining.decline.open')}
            </Button>
          </>
        )
      }
    >
      <dl className="kern-description-list">
        {items.map((item) => (
          <div className="kern-description-list-item" key={item.key}>
            <dt className="kern-description-list-item__key">{item.label}</dt>
            <dd className="kern-description-list-item__value">
              {item.value === null || item.value === '' ? t('directory.none') : item.value}
            </dd>
          </div>
        ))}
      </dl>
      <p className="kern-body app-section">
        <Link className="kern-link" to="/mitglieder/beitrittsanfragen">
          {t('joining.detail.backToList')}
        </Link>
      </p>
      {dialog === 'accept' && (
        <AcceptDialog
          request={request}
          etag={etag}
          groups={(groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }))}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'decline' && <DeclineDialog request={request} etag={etag} onClose={() => setDialog(null)} />}
    </Page>
  );
}

function decisionError(error: unknown) {
  return error ? <ProblemAlert error={error} /> : null;
}

function AcceptDialog({
  request,
  etag,
  groups,
  onClose,
}: {
  request: JoinRequest;
  etag: string;
  groups: { value: string; label: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const accept = useAcceptJoinRequest(request.id);
  const [mode, setMode] = useState<'create' | 'link'>('create');
  const [q, setQ] = useState(`${request.family_name}`);
  const [memberId, setMemberId] = useState('');
  const [memberError, setMemberError] = useState<string | null>(null);
  const [role, setRole] = useState<MemberRole>('member');
  const [groupIds, setGroupIds] = useState<string[]>(request.working_group_ids);
  const [message, setMessage] = useState('');
  const found = useQuery(memberSearchQuery(mode === 'link' ? q : ''));
  const [orgQ, setOrgQ] = useState(request.organisation_name ?? '');
  // The choice survives a new search: it stays in the list until another one is chosen.
  const [organisation, setOrganisation] = useState<{ value: string; label: string } | null>(null);
  const organisations = useQuery(organisationSearchQuery(mode === 'create' ? orgQ : ''));
  const orgOptions = (orgQ.trim().length >= 2 ? (organisations.data?.items ?? []) : []).map((o) => ({
    value: o.id,
    label: o.short_name && o.short_name !== o.name ? `${o.name} (${o.short_name})` : o.name,
  }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (mode === 'link' && !memberId) {
      setMemberError(t('joining.accept.chooseMember'));
      return;
    }
    try {
      await accept.mutateAsync({
        etag,
        body: {
          ...(mode === 'link' ? { member_id: memberId } : {}),
          ...(mode === 'create' && organisation ? { organisation_id: organisation.value } : {}),
          role,
          working_group_ids: groupIds,
          message: message.trim(),
        },
      });
      navigate('/mitglieder/beitrittsanfragen', {
        state: { flash: t('joining.accept.done', { name: personName(request) }) },
      });
    } catch {
      // shown below
    }
  };
  const stale = isProblemKind(accept.error, 'precondition-failed') || isProblemKind(accept.error, 'conflict');

  return (
    <Dialog
      open
      title={t('joining.accept.title', { name: personName(request) })}
      onClose={onClose}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" form="join-accept-form" icon="success" disabled={accept.isPending || stale}>
            {t('joining.accept.submit')}
          </Button>
        </>
      }
    >
      {decisionError(accept.error)}
      {stale && <p className="kern-body">{t('joining.decision.stale')}</p>}
      <form id="join-accept-form" noValidate onSubmit={onSubmit} className="app-form">
        <SelectField
          id="join-accept-mode"
          label={t('joining.accept.mode')}
          value={mode}
          onChange={(e) => setMode(e.target.value as 'create' | 'link')}
          options={[
            { value: 'create', label: t('joining.accept.modeCreate') },
            { value: 'link', label: t('joining.accept.modeLink') },
          ]}
        />
        {mode === 'create' && (
          <>
            <TextField
              id="join-accept-organisation-search"
              type="search"
              label={t('joining.accept.organisationSearch')}
              hint={t('joining.accept.organisationSearchHint')}
              value={orgQ}
              onChange={(e) => setOrgQ(e.target.value)}
            />
            <SelectField
              id="join-accept-organisation"
              label={t('joining.accept.organisation')}
              value={organisation?.value ?? ''}
              onChange={(e) => {
                const options = organisation ? [organisation, ...orgOptions] : orgOptions;
                setOrganisation(options.find((o) => o.value === e.target.value) ?? null);
              }}
              options={[
                { value: '', label: t('joining.accept.organisationNone', { count: orgOptions.length }) },
                ...(organisation && !orgOptions.some((o) => o.value === organisation.value) ? [organisation] : []),
                ...orgOptions,
              ]}
            />
          </>
        )}
        {mode === 'link' && (
          <>
            <TextField
              id="join-accept-search"
              type="search"
              label={t('joining.accept.search')}
              hint={t('joining.accept.searchHint')}
              value={q}
              onChange={(e) => setQ(e.target.value)}
            />
            <SelectField
              id="join-accept-member"
              label={t('joining.accept.member')}
              value={memberId}
              error={memberError}
              onChange={(e) => {
                setMemberId(e.target.value);
                setMemberError(null);
              }}
              options={[
                {
                  value: '',
                  label: t('joining.accept.memberResults', { count: found.data?.total ?? 0 }),
                },
                ...(found.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.given_name} ${m.family_name}` })),
              ]}
            />
          </>
        )}
        <SelectField
          id="join-accept-role"
          label={t('joining.accept.role')}
          value={role}
          onChange={(e) => setRole(e.target.value as MemberRole)}
          options={[
            { value: 'member', label: t('joining.accept.roleMember') },
            { value: 'guest', label: t('joining.accept.roleGuest') },
          ]}
        />
        {groups.length > 0 && (
          <CheckboxGroup
            id="join-accept-groups"
            legend={t('joining.detail.workingGroups')}
            options={groups}
            value={groupIds}
            onChange={setGroupIds}
          />
        )}
        <TextArea
          id="join-accept-message"
          label={t('joining.accept.message')}
          hint={t('joining.accept.messageHint')}
          optional
          rows={3}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
        />
      </form>
    </Dialog>
  );
}

function DeclineDialog({ request, etag, onClose }: { request: JoinRequest; etag: string; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const decline = useDeclineJoinRequest(request.id);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (message.trim() === '') {
      setError(t('joining.decline.messageRequired'));
      return;
    }
    try {
      await decline.mutateAsync({ etag, body: { message: message.trim() } });
      navigate('/mitglieder/beitrittsanfragen', {
        state: { flash: t('joining.decline.done', { name: personName(request) }) },
      });
    } catch {
      // shown below
    }
  };
  const stale = isProblemKind(decline.error, 'precondition-failed') || isProblemKind(decline.error, 'conflict');

  return (
    <Dialog
      open
      title={t('joining.decline.title', { name: personName(request) })}
      onClose={onClose}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" form="join-decline-form" icon="close" disabled={decline.isPending || stale}>
            {t('joining.decline.submit')}
          </Button>
        </>
      }
    >
      {decisionError(decline.error)}
      {stale && <p className="kern-body">{t('joining.decision.stale')}</p>}
      <form id="join-decline-form" noValidate onSubmit={onSubmit} className="app-form">
        <TextArea
          id="join-decline-message"
          label={t('joining.decline.message')}
          hint={t('joining.decline.messageHint')}
          rows={4}
          value={message}
          error={error}
          onChange={(e) => {
            setMessage(e.target.value);
            setError(null);
          }}
          required
        />
      </form>
    </Dialog>
  );
}
