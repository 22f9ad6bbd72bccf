import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Button, Dialog, Loader, SelectField, TextArea } from '@/components/ui';
import { bodyOptionsQuery } from '@/lib/api/options';
import { toProblem } from '@/lib/api/problem';
import { formatDate, formatTime, todayInBerlin } from '@/lib/format';
import { type Deadline, deadlineConflict, lateReasonRequired, missingProposal } from '../api/deadline';
import { needsProposedResolution } from '../api/submissionForm';
import {
  type MeetingListItem,
  type Submission,
  openSteeringMeetingsQuery,
  useScheduleSubmission,
  useSubmitSubmission,
} from '../api/submissions';

/** Explains a refused action: changed in the meantime (412), not possible in this status (409), no right (403). */
export function ActionProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const problem = toProblem(error);
  if (problem.kind === 'precondition-failed') {
    return (
      <Alert variant="danger" title={t('submissions.stale.title')} live="alert">
        <p className="kern-body">{t('submissions.stale.text')}</p>
      </Alert>
    );
  }
  if (problem.kind === 'conflict') {
    return (
      <Alert variant="danger" title={t('submissions.conflict.title')} live="alert">
        <p className="kern-body">{t('submissions.conflict.text')}</p>
      </Alert>
    );
  }
  if (problem.kind === 'forbidden') {
    return (
      <Alert variant="danger" title={t('submissions.forbidden.title')} live="alert">
        <p className="kern-body">{t('submissions.forbidden.text')}</p>
      </Alert>
    );
  }
  return <ProblemAlert error={error} />;
}

/** A yes/no question before an action that cannot be undone (withdraw, delete). */
export function ConfirmDialog({
  open,
  title,
  text,
  confirmLabel,
  icon,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  text: string;
  confirmLabel: string;
  icon: 'delete' | 'close';
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      role="alertdialog"
      title={title}
      onClose={onClose}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button icon={icon} onClick={onConfirm} disabled={pending}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      {error !== null && <ActionProblem error={error} />}
      <p className="kern-body">{text}</p>
    </Dialog>
  );
}

/**
 * Submits a draft. After the deadline the API asks a coordinator for the reason of the late
 * acceptance (422 at `late_reason`): the dialog then asks for it and sends again. A spokesperson
 * after the deadline gets 409: the dialog says until when papers were due and who can still help.
 */
export function SubmitDialog({
  open,
  paper,
  etag,
  onClose,
  onDone,
}: {
  open: boolean;
  paper: Submission;
  etag: string | null;
  onClose: () => void;
  onDone: (submitted: Submission) => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmitSubmission(paper.id);
  const [late, setLate] = useState<Deadline | null>(null);
  const [refused, setRefused] = useState<Deadline | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const incomplete = needsProposedResolution(paper);
  const focusReason = () => document.getElementById('submission-late-reason')?.focus();

  const close = () => {
    setLate(null);
    setRefused(null);
    setReason('');
    setReasonError(null);
    setError(null);
    onClose();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (late && reason.trim() === '') {
      setReasonError(t('submissions.submit.reasonRequired'));
      focusReason();
      return;
    }
    try {
      const result = await submit.mutateAsync({ lateReason: late ? reason.trim() : '', etag: etag ?? '' });
      close();
      onDone(result.data);
    } catch (caught) {
      const problem = toProblem(caught);
      const askReason = lateReasonRequired(problem);
      const tooLate = deadlineConflict(problem);
      if (askReason) {
        // Asked for the first time, or the reason itself was refused.
        if (late) setReasonError(t('submissions.submit.reasonRejected'));
        setLate(askReason);
        // The field appears with this render; focus it afterwards.
        setTimeout(focusReason, 0);
      } else if (tooLate) {
        setRefused(tooLate);
      } else {
        setError(caught);
      }
    }
  };

  const proposalMissing = incomplete || (error !== null && missingProposal(toProblem(error)));

  return (
    <Dialog
      open={open}
      title={t('submissions.submit.title')}
      onClose={close}
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            {refused ? t('submissions.submit.close') : t('common.cancel')}
          </Button>
          {!refused && !proposalMissing && (
            <Button type="submit" form="submission-submit-form" disabled={submit.isPending}>
              {late ? t('submissions.submit.confirmLate') : t('submissions.submit.confirm')}
            </Button>
          )}
        </>
      }
    >
      {refused && (
        <Alert variant="danger" title={t('submissions.submit.refusedTitle')} live="alert">
          <p className="kern-body">
            {refused.deadline && refused.meetingDay
              ? t('submissions.submit.refusedText', { deadline: refused.deadline, meeting: refused.meetingDay })
              : t('submissions.submit.refusedTextUndated')}
          </p>
          <p className="kern-body">{t('submissions.submit.refusedAdvice')}</p>
        </Alert>
      )}
      {proposalMissing && (
        <Alert variant="warning" title={t('submissions.submit.proposalTitle')} live={incomplete ? undefined : 'alert'}>
          <p className="kern-body">{t('submissions.submit.proposalText')}</p>
          <p className="kern-body">
            <Link className="kern-link" to={`/vorlagen/${paper.id}/bearbeiten`}>
              {t('submissions.submit.proposalEdit')}
            </Link>
          </p>
        </Alert>
      )}
      {error !== null && !missingProposal(toProblem(error)) && <ActionProblem error={error} />}
      {!refused && !proposalMissing && (
        <form id="submission-submit-form" noValidate onSubmit={onSubmit} className="app-form" aria-label={t('submissions.submit.title')}>
          <p className="kern-body">{t('submissions.submit.text', { title: paper.title })}</p>
          {late && (
            <>
              <Alert variant="warning" title={t('submissions.submit.lateTitle')} live="alert">
                <p className="kern-body">
                  {late.deadline ? t('submissions.submit.lateText', { deadline: late.deadline }) : t('submissions.submit.lateTextUndated')}
                </p>
              </Alert>
              <TextArea
                id="submission-late-reason"
                label={t('submissions.fields.lateReason')}
                hint={t('submissions.submit.reasonHint')}
                required
                rows={3}
                value={reason}
                error={reasonError}
                onChange={(e) => {
                  setReason(e.target.value);
                  setReasonError(null);
                }}
              />
            </>
          )}
        </form>
      )}
    </Dialog>
  );
}

/** "10.06.2026, 15:00 Uhr – Steuerungsgruppe Integration, SG 1/2026 (eingeladen)" */
function meetingOption(m: MeetingListItem, t: (key: string, options?: Record<string, unknown>) => string): string {
  return t('submissions.schedule.option', {
    date: formatDate(m.starts_at),
    time: formatTime(m.starts_at),
    title: m.number && !m.title.includes(m.number) ? `${m.title}, ${m.number}` : m.title,
    status: t(`submissions.schedule.meetingStatuses.${m.status}`),
  });
}

/** Puts a submitted paper on the agenda of a coming steering meeting (coordinators). */
export function ScheduleDialog({
  open,
  paper,
  etag,
  onClose,
  onDone,
}: {
  open: boolean;
  paper: Submission;
  etag: string | null;
  onClose: () => void;
  onDone: (scheduled: Submission, meeting: MeetingListItem) => void;
}) {
  const { t } = useTranslation();
  const bodies = useQuery(bodyOptionsQuery);
  const steering = bodies.data?.find((b) => b.kind === 'steering_group');
  const meetings = useQuery({ ...openSteeringMeetingsQuery(steering?.id ?? '', todayInBerlin()), enabled: open && steering !== undefined });
  const schedule = useScheduleSubmission(paper.id);
  const [meetingId, setMeetingId] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const close = () => {
    setMeetingId('');
    setFieldError(null);
    setError(null);
    onClose();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const meeting = meetings.data?.find((m) => m.id === meetingId);
    if (!meeting) {
      setFieldError(t('submissions.schedule.choose'));
      document.getElementById('submission-schedule-meeting')?.focus();
      return;
    }
    try {
      const result = await schedule.mutateAsync({ meetingId, etag: etag ?? '' });
      close();
      onDone(result.data, meeting);
    } catch (caught) {
      const problem = toProblem(caught);
      const onMeeting = problem.fieldErrors.find((e) => e.field === 'meeting_id');
      if (problem.kind === 'validation-error' && onMeeting) {
        setFieldError(t('submissions.schedule.meetingClosed'));
        void meetings.refetch();
      } else {
        setError(caught);
      }
    }
  };

  const none = meetings.isSuccess && meetings.data.length === 0;
  const noSteeringGroup = bodies.isSuccess && !steering;

  return (
    <Dialog
      open={open}
      title={t('submissions.schedule.title')}
      onClose={close}
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            {t('common.cancel')}
          </Button>
          {!none && !noSteeringGroup && (
            <Button type="submit" form="submission-schedule-form" disabled={schedule.isPending || !meetings.isSuccess}>
              {t('submissions.schedule.confirm')}
            </Button>
          )}
        </>
      }
    >
      {error !== null && <ActionProblem error={error} />}
      {bodies.isError && <ProblemAlert error={bodies.error} />}
      {meetings.isError && <ProblemAlert error={meetings.error} />}
      {(bodies.isPending || (steering && meetings.isPending)) && <Loader label={t('submissions.schedule.loading')} />}
      {(none || noSteeringGroup) && (
        <Alert variant="info" title={t('submissions.schedule.noneTitle')}>
          <p className="kern-body">{t('submissions.schedule.noneText')}</p>
          <p className="kern-body">
            <Link className="kern-link" to="/sitzungen/neu">
              {t('submissions.schedule.createMeeting')}
            </Link>
          </p>
        </Alert>
      )}
      {meetings.isSuccess && meetings.data.length > 0 && (
        <form id="submission-schedule-form" noValidate onSubmit={onSubmit} className="app-form" aria-label={t('submissions.schedule.title')}>
          <p className="kern-body">{t('submissions.schedule.text', { reference: paper.reference ?? '', title: paper.title })}</p>
          <SelectField
            id="submission-schedule-meeting"
            label={t('submissions.schedule.meeting')}
            hint={t('submissions.schedule.meetingHint')}
            required
            value={meetingId}
            error={fieldError}
            onChange={(e) => {
              setMeetingId(e.target.value);
              setFieldError(null);
            }}
            options={[{ value: '', label: t('submissions.form.choose') }, ...meetings.data.map((m) => ({ value: m.id, label: meetingOption(m, t) }))]}
          />
        </form>
      )}
    </Dialog>
  );
}
