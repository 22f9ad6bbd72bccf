import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { LoadedPage } from '@/components/LoadedPage';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Button, Dialog, ErrorSummary, TextArea } from '@/components/ui';
import { isProblemKind } from '@/lib/api/problem';
import { useFormErrors } from '@/lib/forms/useFormErrors';
import { useSession } from '@/lib/session/SessionProvider';
import {
  type Meeting,
  attendanceQuery,
  meetingKeys,
  meetingQuery,
  useCancelMeeting,
  useDeleteMeeting,
  useMarkHeld,
  useMyResponse,
  useSendInvitations,
  useUpdateMeeting,
} from '../api/meetings';
import '../meetings.css';
import { AgendaTab } from './AgendaTab';
import { AttachmentsTab } from './AttachmentsTab';
import { AttendanceTab } from './AttendanceTab';
import {
  MEETING_FIELDS,
  MEETING_FIELD_MAP,
  MEETING_LABEL,
  type MeetingField,
  MeetingFields,
  checkMeeting,
  meetingFieldId,
  valuesOf,
} from './MeetingFields';
import { MinutesTab } from './MinutesTab';
import { PapersTab } from './PapersTab';
import { Notice, StatusBadge, Tabs, meetingWhen } from './shared';

const TABS = ['tagesordnung', 'vorlagen', 'anwesenheit', 'protokoll', 'anhaenge'] as const;
type TabId = (typeof TABS)[number];
/** Papers (Vorlagen) go to the steering group only. */
const tabsOf = (meeting: Meeting): readonly TabId[] =>
  meeting.body.kind === 'steering_group' ? TABS : TABS.filter((tab) => tab !== 'vorlagen');

export function MeetingDetailPage() {
  const { t } = useTranslation();
  const { meetingId = '' } = useParams();
  const meeting = useQuery(meetingQuery(meetingId));
  return (
    <LoadedPage query={meeting} title={t('nav.meeting')} backTo="/sitzungen" backLabel={t('meetings.detail.backToList')}>
      {(loaded) => <MeetingDetail meeting={loaded} />}
    </LoadedPage>
  );
}

type DialogName = 'edit' | 'invite' | 'cancel' | 'delete' | null;

function MeetingDetail({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { hasRole } = useSession();
  const [search, setSearch] = useSearchParams();
  const flash = (location.state as { flash?: string } | null)?.flash ?? null;
  const [notice, setNotice] = useState<string | null>(flash);
  const [failure, setFailure] = useState<unknown>(null);
  const [dialog, setDialog] = useState<DialogName>(null);
  const held = useMarkHeld(meeting.id);
  const steering = meeting.body.kind === 'steering_group';
  const tab: TabId = (tabsOf(meeting) as readonly string[]).includes(search.get('tab') ?? '') ? (search.get('tab') as TabId) : 'tagesordnung';

  const canEdit = meeting.can_edit;
  const open = meeting.status === 'planned' || meeting.status === 'invited';

  const done = (message: string) => {
    setDialog(null);
    setFailure(null);
    setNotice(message);
  };

  /** Shows a failed action; a stale version reloads the meeting first. */
  const failed = async (error: unknown) => {
    setDialog(null);
    setNotice(null);
    setFailure(error);
    if (isProblemKind(error, 'precondition-failed')) {
      await queryClient.invalidateQueries({ queryKey: meetingKeys.detail(meeting.id) });
    }
  };

  const markHeld = async () => {
    try {
      await held.mutateAsync(meeting.version);
      done(t('meetings.detail.markedHeld'));
    } catch (error) {
      await failed(error);
    }
  };

  const place = [meeting.location_address, meeting.location_room].filter(Boolean).join(', ');

  return (
    <Page
      title={meeting.title}
      lead={
        <>
          {meeting.body.name} · <StatusBadge status={meeting.status} />
        </>
      }
      actions={
        canEdit && (
          <>
            {meeting.status !== 'cancelled' && meeting.status !== 'minutes_approved' && (
              <Button variant="secondary" icon="edit" onClick={() => setDialog('edit')}>
                {t('meetings.detail.edit')}
              </Button>
            )}
            {open && (
              <Button onClick={() => setDialog('invite')}>
                {meeting.status === 'planned' ? t('meetings.detail.invite') : t('meetings.detail.inviteAgain')}
              </Button>
            )}
            {open && (
              <Button variant="secondary" onClick={() => void markHeld()} disabled={held.isPending}>
                {t('meetings.detail.markHeld')}
              </Button>
            )}
            {open && (
              <Button variant="secondary" onClick={() => setDialog('cancel')}>
                {t('meetings.detail.cancel')}
              </Button>
            )}
            {meeting.status === 'planned' && (
              <Button variant="secondary" icon="delete" onClick={() => setDialog('delete')}>
                {t('meetings.detail.delete')}
              </Button>
            )}
          </>
        )
      }
    >
      <Notice message={notice} />
      {meeting.registration_capacity !== null && (hasRole('admin') || hasRole('coordinator')) && (
        <p className="kern-body">
          <Link className="kern-link" to={`/sitzungen/${meeting.id}/anmeldungen`}>
            {t('registrations.nav.list')}
          </Link>
        </p>
      )}
      {steering && (
        <p className="kern-body">
          <Link className="kern-link" to={`/sitzungen/${meeting.id}/sachstandsbericht`}>
            {t('meetings.report.link')}
          </Link>
        </p>
      )}
      {failure !== null && (
        <div className="app-notice">
          {isProblemKind(failure, 'precondition-failed') ? (
            <Notice message={t('meetings.detail.conflict')} variant="warning" />
          ) : (
            <ProblemAlert error={failure} />
          )}
        </div>
      )}

      <section aria-labelledby="meeting-about" className="app-section">
        <h2 className="kern-heading-medium" id="meeting-about">
          {t('meetings.detail.about')}
        </h2>
        <dl className="kern-description-list">
          {[
            { key: 'when', label: t('meetings.detail.when'), value: meetingWhen(meeting, t) },
            { key: 'number', label: t('meetings.fields.number'), value: meeting.number },
            { key: 'body', label: t('meetings.fields.body'), value: meeting.body.name },
            { key: 'place', label: t('meetings.fields.place'), value: place },
            {
              key: 'online',
              label: t('meetings.fields.onlineUrl'),
              value: meeting.online_url && (
                <a className="kern-link" href={meeting.online_url} rel="noopener noreferrer" target="_blank">
                  {meeting.online_url}
                </a>
              ),
            },
            { key: 'theme', label: t('meetings.fields.theme'), value: meeting.theme },
            ...(meeting.status === 'cancelled'
              ? [{ key: 'reason', label: t('meetings.detail.cancelReason'), value: meeting.cancel_reason }]
              : []),
          ].map((item) => (
            <div className="kern-description-list-item" key={item.key}>
              <dt className="kern-description-list-item__key">{item.label}</dt>
              <dd className="kern-description-list-item__value">{item.value || '–'}</dd>
            </div>
          ))}
        </dl>
      </section>

      <MyAnswer meeting={meeting} />

      <Tabs
        label={t('meetings.detail.tabs')}
        selected={tab}
        onSelect={(id) => {
          const next = new URLSearchParams(search);
          next.set('tab', id);
          setSearch(next, { replace: true, state: location.state });
        }}
        tabs={[
          { id: 'tagesordnung', label: t('meetings.agenda.tab'), panel: () => <AgendaTab meeting={meeting} /> },
          ...(steering ? [{ id: 'vorlagen', label: t('meetings.papers.tab'), panel: () => <PapersTab meeting={meeting} /> }] : []),
          { id: 'anwesenheit', label: t('meetings.attendance.tab'), panel: () => <AttendanceTab meeting={meeting} /> },
          { id: 'protokoll', label: t('meetings.minutes.tab'), panel: () => <MinutesTab meeting={meeting} /> },
          { id: 'anhaenge', label: t('meetings.attachments.tab'), panel: () => <AttachmentsTab meeting={meeting} /> },
        ]}
      />

      <p className="kern-body app-section">
        <Link className="kern-link" to="/sitzungen">
          {t('meetings.detail.backToList')}
        </Link>
      </p>

      {canEdit && (
        <>
          <EditDialog open={dialog === 'edit'} meeting={meeting} onClose={() => setDialog(null)} onDone={done} onStale={failed} />
          <InviteDialog open={dialog === 'invite'} meeting={meeting} onClose={() => setDialog(null)} onDone={done} onFailed={failed} />
          <CancelDialog open={dialog === 'cancel'} meeting={meeting} onClose={() => setDialog(null)} onDone={done} onStale={failed} />
          <DeleteDialog
            open={dialog === 'delete'}
            meeting={meeting}
            onClose={() => setDialog(null)}
            onDone={() => navigate('/sitzungen', { state: { flash: t('meetings.detail.deleted', { title: meeting.title }) } })}
            onFailed={failed}
          />
        </>
      )}
    </Page>
  );
}

/** Invited members answer here (Zusagen/Absagen) while the meeting is ahead. */
function MyAnswer({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const attendance = useQuery({ ...attendanceQuery(meeting.id), enabled: Boolean(user?.member_id) });
  const answer = useMyResponse(meeting.id);
  const [message, setMessage] = useState<string | null>(null);
  const mine = attendance.data?.items.find((row) => row.member_id === user?.member_id);
  if (!mine || !(meeting.status === 'planned' || meeting.status === 'invited')) return null;

  const send = async (response: 'accepted' | 'declined') => {
    setMessage(null);
    try {
      await answer.mutateAsync(response);
      await attendance.refetch();
      setMessage(t('meetings.detail.answered', { answer: t(`meetings.response.${response}`) }));
    } catch {
      // The error is shown below.
    }
  };

  return (
    <section aria-labelledby="meeting-my-answer" className="app-section">
      <h2 className="kern-heading-medium" id="meeting-my-answer">
        {t('meetings.detail.myAnswer')}
      </h2>
      <Notice message={message} />
      {answer.isError && <ProblemAlert error={answer.error} />}
      <p className="kern-body">
        {t('meetings.detail.myAnswerText', { answer: t(`meetings.response.${mine.response}`) })}
      </p>
      <div className="app-inline-actions">
        <Button
          variant={mine.response === 'accepted' ? 'primary' : 'secondary'}
          aria-pressed={mine.response === 'accepted'}
          disabled={answer.isPending}
          onClick={() => void send('accepted')}
        >
          {t('meetings.detail.accept')}
        </Button>
        <Button
          variant={mine.response === 'declined' ? 'primary' : 'secondary'}
          aria-pressed={mine.response === 'declined'}
          disabled={answer.isPending}
          onClick={() => void send('declined')}
        >
          {t('meetings.detail.decline')}
        </Button>
      </div>
    </section>
  );
}

interface DialogProps {
  open: boolean;
  meeting: Meeting;
  onClose: () => void;
  onDone: (message: string) => void;
}

function EditDialog({ open, meeting, onClose, onDone, onStale }: DialogProps & { onStale: (error: unknown) => Promise<void> }) {
  const { t } = useTranslation();
  const update = useUpdateMeeting(meeting.id);
  const [values, setValues] = useState(() => valuesOf(meeting));
  const [openedFor, setOpenedFor] = useState<number | null>(null);
  const form = useFormErrors<MeetingField>(MEETING_FIELD_MAP, (f) => {
    const field = (MEETING_FIELD_MAP as Record<string, MeetingField>)[f];
    return field ? t(MEETING_LABEL[field]) : f;
  });
  // Start from the saved meeting each time the dialog opens.
  if (open && openedFor !== meeting.version) {
    setOpenedFor(meeting.version);
    setValues(valuesOf(meeting));
  }
  if (!open && openedFor !== null) setOpenedFor(null);

  const close = () => {
    form.clear();
    update.reset();
    onClose();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const { errors, fields } = checkMeeting(values, false);
    const translated = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, t(v)]));
    if (form.setClientErrors(translated) || !fields) return;
    try {
      await update.mutateAsync({ body: fields, version: meeting.version });
      form.clear();
      onDone(t('meetings.form.saved'));
    } catch (caught) {
      if (isProblemKind(caught, 'precondition-failed')) await onStale(caught);
      else form.applyProblem(caught);
    }
  };

  const showProblem = update.isError && !isProblemKind(update.error, 'validation-error');

  return (
    <Dialog
      open={open}
      title={t('meetings.form.editTitle')}
      onClose={close}
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" form="meeting-edit-form" disabled={update.isPending}>
            {t('common.save')}
          </Button>
        </>
      }
    >
      {showProblem && <ProblemAlert error={update.error} />}
      <ErrorSummary
        focusKey={form.failedSubmits}
        messages={form.formErrors}
        items={MEETING_FIELDS.filter((f) => form.errors[f]).map((f) => ({
          fieldId: meetingFieldId(f),
          label: t(MEETING_LABEL[f]),
          message: form.errors[f] ?? '',
        }))}
      />
      <form id="meeting-edit-form" noValidate onSubmit={onSubmit} className="app-form">
        <MeetingFields
          values={values}
          errors={form.errors}
          onChange={(field, value) => {
            setValues((v) => ({ ...v, [field]: value }));
            form.clearField(field);
          }}
        />
      </form>
    </Dialog>
  );
}

function InviteDialog({ open, meeting, onClose, onDone, onFailed }: DialogProps & { onFailed: (error: unknown) => Promise<void> }) {
  const { t } = useTranslation();
  const invite = useSendInvitations(meeting.id);
  const send = async () => {
    try {
      const result = await invite.mutateAsync(meeting.version);
      onDone(
        t('meetings.detail.invited', { count: result.invited, mailed: result.mailed, without: result.without_email }),
      );
    } catch (error) {
      await onFailed(error);
    }
  };
  return (
    <Dialog
      open={open}
      role="alertdialog"
      title={t('meetings.detail.inviteTitle')}
      onClose={onClose}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void send()} disabled={invite.isPending}>
            {t('meetings.detail.inviteConfirm')}
          </Button>
        </>
      }
    >
      <p className="kern-body">{t('meetings.detail.inviteText', { body: meeting.body.name })}</p>
    </Dialog>
  );
}

function CancelDialog({ open, meeting, onClose, onDone, onStale }: DialogProps & { onStale: (error: unknown) => Promise<void> }) {
  const { t } = useTranslation();
  const cancel = useCancelMeeting(meeting.id);
  const [reason, setReason] = useState('');
  const form = useFormErrors<'reason'>({ reason: 'reason' }, () => t('meetings.detail.cancelReasonLabel'));
  const close = () => {
    form.clear();
    cancel.reset();
    onClose();
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.setClientErrors(reason.trim() ? {} : { reason: t('validation.required') })) return;
    try {
      await cancel.mutateAsync({ reason: reason.trim(), version: meeting.version });
      setReason('');
      form.clear();
      onDone(t('meetings.detail.cancelled'));
    } catch (caught) {
      if (isProblemKind(caught, 'precondition-failed')) await onStale(caught);
      else form.applyProblem(caught);
    }
  };
  const showProblem = cancel.isError && !isProblemKind(cancel.error, 'validation-error');
  return (
    <Dialog
      open={open}
      role="alertdialog"
      title={t('meetings.detail.cancelTitle')}
      onClose={close}
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" form="meeting-cancel-form" disabled={cancel.isPending}>
            {t('meetings.detail.cancelConfirm')}
          </Button>
        </>
      }
    >
      <p className="kern-body">{t('meetings.detail.cancelText')}</p>
      {showProblem && <ProblemAlert error={cancel.error} />}
      <ErrorSummary
        focusKey={form.failedSubmits}
        messages={form.formErrors}
        items={
          form.errors.reason
            ? [{ fieldId: 'meeting-cancel-reason', label: t('meetings.detail.cancelReasonLabel'), message: form.errors.reason }]
            : []
        }
      />
      <form id="meeting-cancel-form" noValidate onSubmit={onSubmit} className="app-form">
        <TextArea
          id="meeting-cancel-reason"
          label={t('meetings.detail.cancelReasonLabel')}
          required
          rows={4}
          value={reason}
          error={form.errors.reason}
          onChange={(e) => {
            setReason(e.target.value);
            form.clearField('reason');
          }}
        />
      </form>
    </Dialog>
  );
}

function DeleteDialog({
  open,
  meeting,
  onClose,
  onDone,
  onFailed,
}: Omit<DialogProps, 'onDone'> & { onDone: () => void; onFailed: (error: unknown) => Promise<void> }) {
  const { t } = useTranslation();
  const remove = useDeleteMeeting(meeting.id);
  const run = async () => {
    try {
      await remove.mutateAsync(meeting.version);
      onDone();
    } catch (error) {
      await onFailed(error);
    }
  };
  return (
    <Dialog
      open={open}
      role="alertdialog"
      title={t('meetings.detail.deleteTitle')}
      onClose={onClose}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button icon="delete" onClick={() => void run()} disabled={remove.isPending}>
            {t('meetings.detail.delete')}
          </Button>
        </>
      }
    >
      <p className="kern-body">{t('meetings.detail.deleteText', { title: meeting.title })}</p>
    </Dialog>
  );
}
