import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { LoadedPage } from '@/components/LoadedPage';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Button, Dialog } from '@/components/ui';
import { isProblemKind } from '@/lib/api/problem';
import { formatDateTime } from '@/lib/format';
import { fieldOfActionLabel } from '../api/needForm';
import { type Need, needQuery, nextStatuses, useDeleteNeed } from '../api/needs';
import { DescriptionList } from '@/components/DescriptionList';
import { NeedStatusDialog } from './NeedStatusDialog';
import { NeedStatusBadge, useCanEditNeeds, useMayReopenNeeds } from './shared';

/** One need with its status, the status change and (for editors) edit and delete. */
export function NeedDetailPage() {
  const { t } = useTranslation();
  const { needId = '' } = useParams();
  const need = useQuery(needQuery(needId));
  return (
    <LoadedPage query={need} title={t('needs.detail.title')} backTo="/bedarfe" backLabel={t('needs.detail.backToList')}>
      {(loaded) => <NeedDetail need={loaded.data} etag={loaded.etag} />}
    </LoadedPage>
  );
}

function NeedDetail({ need, etag }: { need: Need; etag: string | null }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const canEdit = useCanEditNeeds();
  const mayReopen = useMayReopenNeeds();
  const remove = useDeleteNeed(need.id);
  const [dialog, setDialog] = useState<'status' | 'delete' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const state = location.state as { flash?: string; meetingId?: string } | null;
  const flash = done ?? state?.flash;
  const targets = nextStatuses(need.status, mayReopen);

  const onDelete = async () => {
    try {
      await remove.mutateAsync(etag ?? '');
      navigate('/bedarfe', { state: { flash: t('needs.delete.done', { title: need.title }) } });
    } catch {
      // The dialog shows the problem.
    }
  };

  return (
    <Page
      title={need.title}
      lead={need.body_name}
      actions={
        canEdit && (
          <div className="kern-flex kern-flex-wrap kern-gap-md">
            {targets.length > 0 && (
              <Button icon="autorenew" onClick={() => { setDone(null); setDialog('status'); }}>
                {t('needs.detail.changeStatus')}
              </Button>
            )}
            {(need.status === 'open' || need.status === 'addressed') && (
              <Link className="kern-btn kern-btn--secondary" to={`/massnahmen/neu?bedarf=${need.id}`}>
                <span className="kern-icon kern-icon--add" aria-hidden="true" />
                <span className="kern-label">{t('needs.measures.create')}</span>
              </Link>
            )}
            <Link className="kern-btn kern-btn--secondary" to={`/bedarfe/${need.id}/bearbeiten`}>
              <span className="kern-icon kern-icon--edit" aria-hidden="true" />
              <span className="kern-label">{t('needs.detail.edit')}</span>
            </Link>
            <Button variant="secondary" icon="delete" onClick={() => { remove.reset(); setDialog('delete'); }}>
              {t('needs.detail.delete')}
            </Button>
          </div>
        )
      }
    >
      <div className="app-narrow">
        {flash && (
          <Alert variant="success" title={flash} live="status">
            {!done && state?.meetingId && (
              <p className="kern-body">
                <Link className="kern-link" to={`/sitzungen/${state.meetingId}`}>
                  {t('needs.create.backToMeeting')}
                </Link>
              </p>
            )}
          </Alert>
        )}
        {need.description && <p className="kern-body app-preline">{need.description}</p>}
        <DescriptionList
          items={[
            { key: 'status', label: t('needs.fields.status'), value: <NeedStatusBadge status={need.status} /> },
            { key: 'note', label: t('needs.fields.statusNote'), value: need.status_note ? <span className="app-preline">{need.status_note}</span> : null },
            { key: 'body', label: t('needs.fields.body'), value: <Link className="kern-link" to={`/arbeitskreise/${need.body_id}`}>{need.body_name}</Link> },
            {
              key: 'fieldOfAction',
              label: t('needs.fields.fieldOfAction'),
              value: need.field_of_action ? (
                <Link className="kern-link" to={`/konzept/${need.field_of_action.edition_id}`}>
                  {t('needs.detail.fieldOfAction', {
                    field: fieldOfActionLabel(need.field_of_action),
                    year: need.field_of_action.edition_year,
                  })}
                </Link>
              ) : null,
            },
            {
              key: 'raisedAt',
              label: t('needs.fields.raisedAt'),
              value: need.raised_at ? (
                <Link className="kern-link" to={`/sitzungen/${need.raised_at.meeting_id}`}>
                  {t('needs.detail.raisedAt', {
                    meeting: need.raised_at.meeting_title,
                    date: formatDateTime(need.raised_at.meeting_starts_at),
                    number: need.raised_at.agenda_item_number,
                    item: need.raised_at.agenda_item_title,
                  })}
                </Link>
              ) : null,
            },
            { key: 'created', label: t('needs.fields.createdAt'), value: formatDateTime(need.created_at) },
            { key: 'updated', label: t('needs.fields.updatedAt'), value: formatDateTime(need.updated_at) },
          ]}
        />
        <section className="app-section" aria-labelledby="need-measures">
          <h2 className="kern-heading-medium" id="need-measures">
            {t('needs.measures.heading')}
          </h2>
          {need.measures.length === 0 ? (
            <p className="kern-body">{t('needs.measures.empty')}</p>
          ) : (
            <ul className="kern-list">
              {need.measures.map((m) => (
                <li key={m.id}>
                  <Link className="kern-link" to={`/massnahmen/${m.id}`}>
                    {t('needs.measures.item', { reference: m.reference, title: m.title })}
                  </Link>{' '}
                  ({t(`needs.measures.statuses.${m.status}`)})
                </li>
              ))}
            </ul>
          )}
        </section>
        <p className="kern-body">
          <Link className="kern-link" to="/bedarfe">
            {t('needs.detail.backToList')}
          </Link>
        </p>
      </div>
      <NeedStatusDialog
        open={dialog === 'status'}
        need={need}
        etag={etag}
        targets={targets}
        onClose={() => setDialog(null)}
        onDone={(status) => {
          setDialog(null);
          setDone(t('needs.status.done', { status: t(`needs.statuses.${status}`) }));
        }}
      />
      <Dialog
        open={dialog === 'delete'}
        role="alertdialog"
        title={t('needs.delete.title')}
        onClose={() => setDialog(null)}
        footer={
          <>
            <Button variant="secondary" onClick={() => setDialog(null)}>
              {t('common.cancel')}
            </Button>
            <Button variant="primary" icon="delete" onClick={onDelete} disabled={remove.isPending}>
              {t('needs.delete.confirm')}
            </Button>
          </>
        }
      >
        {remove.isError &&
          (isProblemKind(remove.error, 'precondition-failed') ? (
            <Alert variant="danger" title={t('needs.stale.title')} live="alert">
              <p className="kern-body">{t('needs.stale.text')}</p>
            </Alert>
          ) : isProblemKind(remove.error, 'forbidden') ? (
            <Alert variant="danger" title={t('needs.forbidden.title')} live="alert">
              <p className="kern-body">{t('needs.forbidden.text')}</p>
            </Alert>
          ) : (
            <ProblemAlert error={remove.error} />
          ))}
        <p className="kern-body">{t('needs.delete.text', { title: need.title })}</p>
      </Dialog>
    </Page>
  );
}
