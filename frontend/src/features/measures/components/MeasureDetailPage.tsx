import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { DescriptionList } from '@/components/DescriptionList';
import { LoadedPage } from '@/components/LoadedPage';
import { Page } from '@/components/Page';
import { Alert, Button, type Column, Dialog, Table } from '@/components/ui';
import { formatDate, formatDateTime } from '@/lib/format';
import { type Measure, type MeetingRef, measureQuery, nextStatuses, useDeleteMeasure } from '../api/measures';
import { IndicatorsSection } from './IndicatorsSection';
import { MeasureStatusDialog } from './MeasureStatusDialog';
import { MilestonesSection } from './MilestonesSection';
import { MeasureStatusBadge, ProgressBar, useCanWriteMeasures } from './shared';
import { ChangeProblem } from './tracking';
import '../measures.css';

/** One measure: facts, partners, goals, needs, meetings, milestones and indicators; editors change them. */
export function MeasureDetailPage() {
  const { t } = useTranslation();
  const { measureId = '' } = useParams();
  const measure = useQuery(measureQuery(measureId));
  return (
    <LoadedPage query={measure} title={t('measures.detail.title')} backTo="/massnahmen" backLabel={t('measures.detail.backToList')}>
      {(loaded) => <MeasureDetail measure={loaded.data} etag={loaded.etag} />}
    </LoadedPage>
  );
}

const day = (value: string) => formatDate(`${value}T12:00:00Z`);

function MeetingLink({ meeting }: { meeting: MeetingRef }) {
  const { t } = useTranslation();
  const date = formatDateTime(meeting.meeting_starts_at);
  return (
    <Link className="kern-link" to={`/sitzungen/${meeting.meeting_id}`}>
      {meeting.agenda_item_id
        ? t('measures.detail.meetingItemRef', {
            meeting: meeting.meeting_title,
            date,
            number: meeting.agenda_item_number,
            item: meeting.agenda_item_title,
          })
        : t('measures.detail.meetingRef', { meeting: meeting.meeting_title, date })}
    </Link>
  );
}

function MeasureDetail({ measure, etag }: { measure: Measure; etag: string | null }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const canWrite = useCanWriteMeasures();
  const remove = useDeleteMeasure(measure.id);
  const [dialog, setDialog] = useState<'status' | 'delete' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const flash = done ?? (location.state as { flash?: string } | null)?.flash;
  const targets = nextStatuses(measure.status);
  const none = t('measures.detail.openEnd');

  const onDelete = async () => {
    try {
      await remove.mutateAsync(etag ?? '');
      navigate('/massnahmen', { state: { flash: t('measures.delete.done', { reference: measure.reference }) } });
    } catch {
      // The dialog shows the problem.
    }
  };

  const organisationColumns: Column<Measure['organisations'][number]>[] = [
    {
      key: 'name',
      header: t('measures.form.organisation'),
      rowHeader: true,
      cell: (o) => (
        <Link className="kern-link" to={`/organisationen/${o.organisation_id}`}>
          {o.name}
        </Link>
      ),
    },
    { key: 'role', header: t('measures.form.role'), cell: (o) => t(`measures.roles.${o.role}`) },
  ];

  return (
    <Page
      title={measure.title}
      lead={t('measures.detail.lead', { reference: measure.reference, body: measure.body_short_name || measure.body_name })}
      actions={
        canWrite && (
          <div className="kern-flex kern-flex-wrap kern-gap-md">
            {targets.length > 0 && (
              <Button icon="autorenew" onClick={() => { setDone(null); setDialog('status'); }}>
                {t('measures.detail.changeStatus')}
              </Button>
            )}
            <Link className="kern-btn kern-btn--secondary" to={`/massnahmen/${measure.id}/bearbeiten`}>
              <span className="kern-icon kern-icon--edit" aria-hidden="true" />
              <span className="kern-label">{t('measures.detail.edit')}</span>
            </Link>
            <Button variant="secondary" icon="delete" onClick={() => { remove.reset(); setDialog('delete'); }}>
              {t('measures.detail.delete')}
            </Button>
          </div>
        )
      }
    >
      {flash && <Alert variant="success" title={flash} live="status" />}
      <section className="app-section" aria-labelledby="measure-overview">
        <h2 className="kern-heading-medium" id="measure-overview">
          {t('measures.detail.overview')}
        </h2>
        <DescriptionList
          items={[
            { key: 'reference', label: t('measures.fields.reference'), value: measure.reference },
            {
              key: 'status',
              label: t('measures.fields.status'),
              value: (
                <>
                  <MeasureStatusBadge status={measure.status} />
                  {targets.length === 0 && (
                    <p className="kern-body kern-body--small">
                      {t('measures.status.final', { status: t(`measures.statuses.${measure.status}`) })}
                    </p>
                  )}
                </>
              ),
            },
            {
              key: 'reason',
              label: t('measures.fields.statusReason'),
              value: measure.status_reason ? <span className="app-preline">{measure.status_reason}</span> : null,
            },
            {
              key: 'progress',
              label: t('measures.fields.progress'),
              value: <ProgressBar id="measure-progress" value={measure.progress} label={t('measures.progressValue', { value: measure.progress })} />,
            },
            {
              key: 'body',
              label: t('measures.fields.bodyShort'),
              value: (
                <Link className="kern-link" to={`/arbeitskreise/${measure.body_id}`}>
                  {measure.body_name}
                </Link>
              ),
            },
            { key: 'targetGroup', label: t('measures.fields.targetGroup'), value: measure.target_group },
            {
              key: 'period',
              label: t('measures.fields.period'),
              value:
                measure.starts_on || measure.ends_on
                  ? t('measures.detail.periodValue', {
                      from: measure.starts_on ? day(measure.starts_on) : none,
                      to: measure.ends_on ? day(measure.ends_on) : none,
                    })
                  : null,
            },
            { key: 'origin', label: t('measures.fields.origin'), value: measure.origin ? <MeetingLink meeting={measure.origin} /> : null },
            { key: 'created', label: t('measures.fields.createdAt'), value: formatDateTime(measure.created_at) },
            { key: 'updated', label: t('measures.fields.updatedAt'), value: formatDateTime(measure.updated_at) },
          ]}
        />
      </section>

      <DetailSection id="measure-description" heading={t('measures.detail.descriptionHeading')}>
        <p className="kern-body app-preline">{measure.description || t('measures.detail.noDescription')}</p>
      </DetailSection>

      <DetailSection
        id="measure-organisations"
        heading={t('measures.fields.organisations')}
        empty={measure.organisations.length === 0 && t('measures.detail.organisationsEmpty')}
      >
        <Table
          caption={t('measures.detail.organisationsCaption')}
          captionHidden
          columns={organisationColumns}
          rows={measure.organisations}
          rowKey={(o) => o.organisation_id}
        />
      </DetailSection>

      <DetailSection id="measure-goals" heading={t('measures.detail.goalsHeading')} empty={measure.goals.length === 0 && t('measures.detail.goalsEmpty')}>
        <ul className="app-measure-list">
          {measure.goals.map((g) => (
            <li key={g.id} className="kern-body">
              <strong>{g.code}</strong> {g.title}{' '}
              <span className="kern-body--small">
                ({t('measures.detail.goalField', { code: g.field_code, title: g.field_title })}
                {g.edition_status === 'draft' && `; ${t('measures.detail.goalEditionDraft', { year: g.edition_year })}`}
                {g.edition_status === 'superseded' && `; ${t('measures.detail.goalEditionOld', { year: g.edition_year })}`})
              </span>
            </li>
          ))}
        </ul>
      </DetailSection>

      <DetailSection id="measure-needs" heading={t('measures.detail.needsHeading')} empty={measure.needs.length === 0 && t('measures.detail.needsEmpty')}>
        <ul className="app-measure-list">
          {measure.needs.map((n) => (
            <li key={n.id} className="kern-body">
              <Link className="kern-link" to={`/bedarfe/${n.id}`}>
                {n.title}
              </Link>{' '}
              ({n.body_short_name}, {t(`measures.needStatuses.${n.status}`)})
            </li>
          ))}
        </ul>
      </DetailSection>

      <DetailSection
        id="measure-meetings"
        heading={t('measures.detail.meetingsHeading')}
        empty={measure.discussed_in.length === 0 && t('measures.detail.meetingsEmpty')}
      >
        <ul className="app-measure-list">
          {measure.discussed_in.map((m) => (
            <li key={`${m.meeting_id}-${m.agenda_item_id ?? ''}`} className="kern-body">
              <MeetingLink meeting={m} />
            </li>
          ))}
        </ul>
      </DetailSection>

      <MilestonesSection measure={measure} canWrite={canWrite} />
      <IndicatorsSection measure={measure} canWrite={canWrite} />

      <p className="kern-body">
        <Link className="kern-link" to="/massnahmen">
          {t('measures.detail.backToList')}
        </Link>
      </p>

      {canWrite && (
        <MeasureStatusDialog
          open={dialog === 'status'}
          measure={measure}
          etag={etag}
          onClose={() => setDialog(null)}
          onDone={(status) => {
            setDialog(null);
            setDone(t('measures.status.done', { status: t(`measures.statuses.${status}`) }));
          }}
        />
      )}
      <Dialog
        open={dialog === 'delete'}
        role="alertdialog"
        title={t('measures.delete.title')}
        onClose={() => setDialog(null)}
        footer={
          <>
            <Button variant="secondary" onClick={() => setDialog(null)}>
              {t('common.cancel')}
            </Button>
            <Button variant="primary" icon="delete" onClick={() => void onDelete()} disabled={remove.isPending}>
              {t('measures.delete.confirm')}
            </Button>
          </>
        }
      >
        {remove.isError && <ChangeProblem error={remove.error} />}
        <p className="kern-body">{t('measures.delete.text', { reference: measure.reference, title: measure.title })}</p>
      </Dialog>
    </Page>
  );
}

/** A section of the detail page with its heading; `empty` (a text) stands instead of the content when set. */
function DetailSection({ id, heading, empty, children }: { id: string; heading: string; empty?: string | false; children: ReactNode }) {
  return (
    <section className="app-section" aria-labelledby={id}>
      <h2 className="kern-heading-medium" id={id}>
        {heading}
      </h2>
      {empty ? <p className="kern-body">{empty}</p> : children}
    </section>
  );
}
