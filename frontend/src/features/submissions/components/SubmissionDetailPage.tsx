import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { DescriptionList } from '@/components/DescriptionList';
import { DocumentDownloads } from '@/components/ExportButtons';
import { LoadedPage } from '@/components/LoadedPage';
import { Notice } from '@/components/Notice';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Badge, Button, type Column, Loader, Table } from '@/components/ui';
import { formatDate, formatDateTime, formatTime } from '@/lib/format';
import { type SubmissionAction, isEditableStatus, mayEditPaper, paperActions } from '../api/actions';
import {
  type Directive,
  PAPER_FORMATS,
  type Submission,
  fetchPaper,
  paperMeetingQuery,
  submissionDirectivesQuery,
  submissionQuery,
  useDeleteSubmission,
  useWithdrawSubmission,
} from '../api/submissions';
import { type PaperContent, PaperDocument } from './PaperDocument';
import { SubmissionAttachments, useSubmissionAttachments } from './SubmissionAttachments';
import { ConfirmDialog, ScheduleDialog, SubmitDialog } from './SubmissionDialogs';
import { OutcomeBadge, SubmissionStatusBadge, useAbilities, useLinkLabels, useVotesText } from './shared';
import '../submissions.css';

/** `/vorlagen/:submissionId`: the paper, where it stands, its directives, files and the actions of its status. */
export function SubmissionDetailPage() {
  const { t } = useTranslation();
  const { submissionId = '' } = useParams();
  const submission = useQuery(submissionQuery(submissionId));
  return (
    <LoadedPage query={submission} title={t('submissions.detail.title')} backTo="/vorlagen" backLabel={t('submissions.detail.backToBoard')}>
      {(loaded) => <SubmissionDetail paper={loaded.data} etag={loaded.etag} />}
    </LoadedPage>
  );
}

type DialogName = 'submit' | 'withdraw' | 'delete' | 'schedule';

function SubmissionDetail({ paper, etag }: { paper: Submission; etag: string | null }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const abilities = useAbilities();
  const labels = useLinkLabels(paper.measure_ids, paper.need_ids);
  const attachments = useSubmissionAttachments(paper.id);
  const withdraw = useWithdrawSubmission(paper.id);
  const remove = useDeleteSubmission(paper.id);
  const [dialog, setDialog] = useState<DialogName | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const flash = notice ? null : (location.state as { flash?: string } | null)?.flash;
  const actions = abilities.pending ? [] : paperActions(paper, abilities);
  const has = (action: SubmissionAction) => actions.includes(action);
  const open = (name: DialogName) => {
    setNotice(null);
    withdraw.reset();
    remove.reset();
    setDialog(name);
  };

  const onWithdraw = async () => {
    try {
      await withdraw.mutateAsync(etag ?? '');
      setDialog(null);
      setNotice(t('submissions.withdraw.done'));
    } catch {
      // The dialog explains the problem.
    }
  };

  const onDelete = async () => {
    try {
      await remove.mutateAsync(etag ?? '');
      navigate('/vorlagen', { state: { flash: t('submissions.delete.done', { title: paper.title }) } });
    } catch {
      // The dialog explains the problem.
    }
  };

  const content: PaperContent = {
    reference: paper.reference,
    title: paper.title,
    kind: paper.kind,
    bodyName: paper.body_name,
    date: formatDate(paper.submitted_at ?? paper.updated_at),
    situation: paper.situation,
    proposedResolution: paper.proposed_resolution,
    rationale: paper.rationale,
    measures: labels.measures,
    needs: labels.needs,
    ...(attachments.data ? { attachments: attachments.data.map((a) => a.filename) } : {}),
    decision: paper.outcome ? { outcome: paper.outcome, resolution: paper.resolution } : null,
  };

  return (
    <Page
      title={paper.title}
      lead={
        <>
          {t('submissions.detail.lead', { reference: paper.reference ?? t('submissions.card.noReference'), body: paper.body_name })}{' '}
          <SubmissionStatusBadge status={paper.status} />
        </>
      }
      actions={
        actions.length > 0 && (
          <div className="kern-flex kern-flex-wrap kern-gap-md">
            {has('submit') && (
              <Button icon="success" onClick={() => open('submit')}>
                {t('submissions.detail.submit')}
              </Button>
            )}
            {has('schedule') && (
              <Button icon="add" onClick={() => open('schedule')}>
                {t('submissions.detail.schedule')}
              </Button>
            )}
            {has('recordDecision') && paper.meeting_id && (
              <Link className="kern-btn kern-btn--primary" to={`/sitzungen/${paper.meeting_id}?tab=vorlagen`}>
                <span className="kern-label">{t('submissions.detail.recordDecision')}</span>
              </Link>
            )}
            {has('edit') && (
              <Link className="kern-btn kern-btn--secondary" to={`/vorlagen/${paper.id}/bearbeiten`}>
                <span className="kern-icon kern-icon--edit" aria-hidden="true" />
                <span className="kern-label">{t('submissions.detail.edit')}</span>
              </Link>
            )}
            {has('withdraw') && (
              <Button variant="secondary" icon="close" onClick={() => open('withdraw')}>
                {t('submissions.detail.withdraw')}
              </Button>
            )}
            {has('delete') && (
              <Button variant="secondary" icon="delete" onClick={() => open('delete')}>
                {t('submissions.detail.delete')}
              </Button>
            )}
          </div>
        )
      }
    >
      <Notice message={notice} />
      {flash && <Alert variant="success" title={flash} live="status" />}
      <div className="app-paper-detail">
        <div className="app-paper-detail__paper">
          {labels.pending ? <Loader label={t('common.loading')} /> : <PaperDocument paper={content} level={2} linked />}
        </div>
        <div className="app-paper-detail__aside">
          <Procedure paper={paper} />
          <DocumentDownloads
            id="submission-downloads"
            label={t('submissions.detail.downloads')}
            formats={PAPER_FORMATS}
            formatLabel={(format) => t(`submissions.detail.download.${format}`)}
            fetchFile={(format) => fetchPaper(paper, format)}
          />
        </div>
      </div>
      {(paper.status === 'decided' || paper.decided_meeting_id) && <Directives submissionId={paper.id} />}
      <SubmissionAttachments
        paper={paper}
        attachments={attachments}
        editable={isEditableStatus(paper.status) && !abilities.pending && mayEditPaper(paper.body_id, abilities)}
      />
      <p className="kern-body app-section">
        <Link className="kern-link" to="/vorlagen">
          {t('submissions.detail.backToBoard')}
        </Link>
      </p>
      {/* Mounted only where the action is offered (they load data of their own). */}
      {has('submit') && (
        <SubmitDialog
          open={dialog === 'submit'}
          paper={paper}
          etag={etag}
          onClose={() => setDialog(null)}
          onDone={(submitted) => setNotice(t('submissions.submit.done', { reference: submitted.reference ?? '' }))}
        />
      )}
      {has('schedule') && (
        <ScheduleDialog
          open={dialog === 'schedule'}
          paper={paper}
          etag={etag}
          onClose={() => setDialog(null)}
          onDone={(_, meeting) => setNotice(t('submissions.schedule.done', { meeting: meeting.title, date: formatDate(meeting.starts_at) }))}
        />
      )}
      <ConfirmDialog
        open={dialog === 'withdraw'}
        title={t('submissions.withdraw.title')}
        text={t('submissions.withdraw.text', { title: paper.title })}
        confirmLabel={t('submissions.withdraw.confirm')}
        icon="close"
        pending={withdraw.isPending}
        error={withdraw.error}
        onConfirm={() => void onWithdraw()}
        onClose={() => setDialog(null)}
      />
      <ConfirmDialog
        open={dialog === 'delete'}
        title={t('submissions.delete.title')}
        text={t('submissions.delete.text', { title: paper.title })}
        confirmLabel={t('submissions.delete.confirm')}
        icon="delete"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => void onDelete()}
        onClose={() => setDialog(null)}
      />
    </Page>
  );
}

/** A meeting linked by title and date, or plainly named when the caller may not open it. */
function MeetingLink({ id }: { id: string }) {
  const { t } = useTranslation();
  const meeting = useQuery(paperMeetingQuery(id));
  if (meeting.isPending) return <>{t('common.loading')}</>;
  if (meeting.isError) return <>{t('submissions.detail.meetingHidden')}</>;
  return (
    <Link className="kern-link" to={`/sitzungen/${id}`}>
      {t('submissions.detail.meeting', {
        title: meeting.data.title,
        date: formatDate(meeting.data.starts_at),
        time: formatTime(meeting.data.starts_at),
      })}
    </Link>
  );
}

/** Where the paper stands: submitted when (late, and why), on which meeting, what was decided. */
function Procedure({ paper }: { paper: Submission }) {
  const { t } = useTranslation();
  const votes = useVotesText()(paper);
  const items = [
    { key: 'status', label: t('submissions.fields.status'), value: <SubmissionStatusBadge status={paper.status} /> },
    { key: 'kind', label: t('submissions.fields.kind'), value: t(`submissions.kinds.${paper.kind}`) },
    {
      key: 'body',
      label: t('submissions.fields.body'),
      value: (
        <Link className="kern-link" to={`/arbeitskreise/${paper.body_id}`}>
          {paper.body_name}
        </Link>
      ),
    },
    { key: 'submitted', label: t('submissions.fields.submittedAt'), value: paper.submitted_at ? formatDateTime(paper.submitted_at) : null },
    ...(paper.late_reason
      ? [{ key: 'late', label: t('submissions.fields.lateReason'), value: <span className="app-preline">{paper.late_reason}</span> }]
      : []),
    { key: 'meeting', label: t('submissions.fields.meeting'), value: paper.meeting_id ? <MeetingLink id={paper.meeting_id} /> : null },
  ];
  const decision = paper.outcome
    ? [
        { key: 'outcome', label: t('submissions.fields.outcome'), value: <OutcomeBadge outcome={paper.outcome} /> },
        ...(paper.outcome === 'deferred' ? [{ key: 'deferred', label: t('submissions.fields.deferredNote'), value: t('submissions.detail.deferred') }] : []),
        { key: 'votes', label: t('submissions.fields.votes'), value: votes },
        { key: 'decidedAt', label: t('submissions.fields.decidedAt'), value: paper.decided_at ? formatDate(paper.decided_at) : null },
        {
          key: 'decidedMeeting',
          label: t('submissions.fields.decidedMeeting'),
          value: paper.decided_meeting_id ? <MeetingLink id={paper.decided_meeting_id} /> : null,
        },
      ]
    : [];
  return (
    <section className="app-section" aria-labelledby="submission-procedure">
      <h2 className="kern-heading-medium" id="submission-procedure">
        {t('submissions.detail.procedure')}
      </h2>
      <DescriptionList items={[...items, ...decision, { key: 'updated', label: t('submissions.fields.updatedAt'), value: formatDateTime(paper.updated_at) }]} />
    </section>
  );
}

const DIRECTIVE_VARIANT: Record<Directive['status'], 'info' | 'success' | 'warning'> = {
  open: 'warning',
  in_progress: 'info',
  done: 'success',
};

/** The directives issued with the decision, with status and due date; overdue ones say so in words. */
function Directives({ submissionId }: { submissionId: string }) {
  const { t } = useTranslation();
  const directives = useQuery(submissionDirectivesQuery(submissionId));
  const columns: Column<Directive>[] = [
    { key: 'text', header: t('submissions.directives.text'), rowHeader: true, cell: (d) => (
        <Link className="kern-link app-preline" to={`/handlungsanweisungen/${d.id}`}>
          {d.text}
        </Link>
      ),
    },
    { key: 'addressee', header: t('submissions.directives.addressee'), cell: (d) => d.addressee_name },
    {
      key: 'due',
      header: t('submissions.directives.dueOn'),
      cell: (d) =>
        d.overdue ? (
          <span className="app-nowrap-date">
            {formatDate(d.due_on)}{' '}
            <Badge variant="danger" small>
              {t('submissions.directives.overdue')}
            </Badge>
          </span>
        ) : (
          formatDate(d.due_on)
        ),
    },
    {
      key: 'status',
      header: t('submissions.directives.status'),
      cell: (d) => (
        <Badge variant={DIRECTIVE_VARIANT[d.status]} small>
          {t(`submissions.directives.statuses.${d.status}`)}
        </Badge>
      ),
    },
  ];
  return (
    <section className="app-section" aria-labelledby="submission-directives">
      <h2 className="kern-heading-medium" id="submission-directives">
        {t('submissions.directives.heading')}
      </h2>
      {directives.isPending && <Loader label={t('common.loading')} />}
      {directives.isError && <ProblemAlert error={directives.error} />}
      {directives.data && (
        <Table
          caption={t('submissions.directives.caption')}
          captionHidden
          columns={columns}
          rows={directives.data}
          rowKey={(d) => d.id}
          empty={t('submissions.directives.empty')}
        />
      )}
      <p className="kern-body">
        <Link className="kern-link" to="/handlungsanweisungen">
          {t('submissions.directives.all')}
        </Link>
      </p>
    </section>
  );
}
