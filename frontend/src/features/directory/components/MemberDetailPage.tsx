import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConsentsSection } from './ConsentsSection';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { LoadedPage } from '@/components/LoadedPage';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Badge, Button, type Column, Dialog, Loader, Table } from '@/components/ui';
import { formatDate, formatDateTime } from '@/lib/format';
import {
  type Member,
  type Membership,
  bodiesQuery,
  isFullMember,
  memberQuery,
  membershipsOfMemberQuery,
  organisationQuery,
  useDeleteMember,
} from '../api/directory';
import { memberName, roleLabelKey } from '../api/labels';
import { statusBadge } from './MembersListPage';
import { PrivacySection } from './PrivacySection';
import { DescriptionList } from '@/components/DescriptionList';
import { useCanWrite } from './shared';
import { useSession } from '@/lib/session/SessionProvider';

export function MemberDetailPage() {
  const { t } = useTranslation();
  const { memberId = '' } = useParams();
  const member = useQuery(memberQuery(memberId));
  return (
    <LoadedPage query={member} title={t('nav.member')} backTo="/mitglieder" backLabel={t('directory.members.detail.backToList')}>
      {(loaded) => <MemberDetail member={loaded.data} etag={loaded.etag} />}
    </LoadedPage>
  );
}

function period(m: Membership, t: (key: string, options?: Record<string, unknown>) => string) {
  return m.end_on
    ? t('directory.members.detail.range', { start: formatDate(m.start_on), end: formatDate(m.end_on) })
    : t('directory.members.detail.since', { start: formatDate(m.start_on) });
}

function MemberDetail({ member: m, etag }: { member: Member; etag: string | null }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const canWrite = useCanWrite();
  const isAdmin = useSession().hasRole('admin');
  const remove = useDeleteMember(m.id);
  const [confirm, setConfirm] = useState(false);
  const flash = (location.state as { flash?: string } | null)?.flash;
  const organisation = useQuery({ ...organisationQuery(m.organisation_id ?? ''), enabled: Boolean(m.organisation_id) });
  const memberships = useQuery(membershipsOfMemberQuery(m.id));
  const bodies = useQuery(bodiesQuery);
  const bodyNames = new Map((bodies.data?.items ?? []).map((b) => [b.id, b.name]));
  const name = memberName(m);
  const full = isFullMember(m) ? m : null;
  const languageName = (code: string) =>
    i18n.exists(`directory.languages.${code}`) ? t(`directory.languages.${code}`) : code;

  const onDelete = async () => {
    setConfirm(false);
    try {
      await remove.mutateAsync(etag ?? '');
      navigate('/mitglieder', { state: { flash: t('directory.members.list.deleted', { name }) } });
    } catch {
      /* shown below */
    }
  };

  const columns: Column<Membership>[] = [
    {
      key: 'body',
      header: t('directory.members.fields.body'),
      rowHeader: true,
      cell: (ms) => (
        <Link className="kern-link" to={`/arbeitskreise/${ms.body_id}`}>
          {bodyNames.get(ms.body_id) ?? t('nav.body')}
        </Link>
      ),
    },
    {
      key: 'role',
      header: t('directory.bodies.detail.role'),
      cell: (ms) => [t(roleLabelKey(ms.role)), ms.function_label].filter(Boolean).join(' – '),
    },
    { key: 'period', header: t('directory.members.detail.period'), cell: (ms) => period(ms, t) },
    {
      key: 'state',
      header: t('directory.members.fields.status'),
      cell: (ms) =>
        ms.is_current ? (
          <Badge variant="success" small>
            {t('directory.members.detail.current')}
          </Badge>
        ) : (
          <Badge variant="info" small>
            {t('directory.members.detail.past')}
          </Badge>
        ),
    },
  ];

  const organisationValue =
    m.organisation_id &&
    (organisation.data ? (
      <Link className="kern-link" to={`/organisationen/${m.organisation_id}`}>
        {organisation.data.data.name}
      </Link>
    ) : organisation.isError ? (
      t('directory.none')
    ) : (
      t('common.loading')
    ));

  return (
    <Page
      title={name}
      lead={
        <>
          {statusBadge(m.status, t(`directory.memberStatus.${m.status}`))}{' '}
          {full &&
            t('directory.members.detail.meta', {
              created: formatDateTime(full.created_at),
              updated: formatDateTime(full.updated_at),
            })}
        </>
      }
      actions={
        canWrite && (
          <>
            <Link className="kern-btn kern-btn--primary" to={`/mitglieder/${m.id}/bearbeiten`}>
              <span className="kern-icon kern-icon--edit" aria-hidden="true" />
              <span className="kern-label">{t('directory.members.detail.edit')}</span>
            </Link>
            <Button variant="secondary" icon="delete" onClick={() => setConfirm(true)} disabled={remove.isPending}>
              {t('directory.members.detail.delete')}
            </Button>
          </>
        )
      }
    >
      {flash && <Alert variant="success" title={flash} live="status" />}
      {remove.isError && <ProblemAlert error={remove.error} />}
      <DescriptionList
        items={[
          { key: 'organisation', label: t('directory.members.fields.organisation'), value: organisationValue },
          { key: 'engagement', label: t('directory.members.fields.engagement'), value: t(`directory.engagement.${m.engagement}`) },
          { key: 'function', label: t('directory.members.fields.function'), value: m.function },
          { key: 'languages', label: t('directory.members.fields.languages'), value: m.languages.map(languageName).join(', ') },
          ...(full
            ? [
                {
                  key: 'email',
                  label: t('directory.members.fields.email'),
                  value: full.email && (
                    <a className="kern-link" href={`mailto:${full.email}`}>
                      {full.email}
                    </a>
                  ),
                },
                { key: 'phone', label: t('directory.members.fields.phone'), value: full.phone },
                { key: 'joinedOn', label: t('directory.members.fields.joinedOn'), value: full.joined_on && formatDate(full.joined_on) },
                { key: 'leftOn', label: t('directory.members.fields.leftOn'), value: full.left_on && formatDate(full.left_on) },
                { key: 'internalNotes', label: t('directory.members.fields.internalNotes'), value: full.internal_notes },
              ]
            : []),
        ]}
      />

      <section className="app-section" aria-labelledby="member-memberships">
        <h2 className="kern-heading-medium" id="member-memberships">
          {t('directory.members.detail.memberships')}
        </h2>
        {memberships.isPending && <Loader label={t('common.loading')} />}
        {memberships.isError && <ProblemAlert error={memberships.error} />}
        {memberships.data && (
          <Table
            caption={t('directory.members.detail.membershipsCaption')}
            captionHidden
            columns={columns}
            rows={[...memberships.data.items].sort((a, b) => Number(b.is_current) - Number(a.is_current))}
            rowKey={(ms) => ms.id}
            empty={t('directory.members.detail.noMemberships')}
          />
        )}
      </section>

      {canWrite && full && <ConsentsSection memberId={m.id} />}

      {isAdmin && <PrivacySection memberId={m.id} name={name} etag={etag} />}

      <p className="kern-body app-section">
        <Link className="kern-link" to="/mitglieder">
          {t('directory.members.detail.backToList')}
        </Link>
      </p>

      <Dialog
        open={confirm}
        role="alertdialog"
        title={t('directory.members.detail.confirmDeleteTitle')}
        onClose={() => setConfirm(false)}
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirm(false)}>
              {t('common.cancel')}
            </Button>
            <Button icon="delete" onClick={onDelete}>
              {t('directory.members.detail.delete')}
            </Button>
          </>
        }
      >
        <p className="kern-body">{t('directory.members.detail.confirmDeleteText', { name })}</p>
      </Dialog>
    </Page>
  );
}
