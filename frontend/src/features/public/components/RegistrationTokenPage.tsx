import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Button, Dialog, Loader } from '@/components/ui';
import { isProblemKind } from '@/lib/api/problem';
import { formatDateTime } from '@/lib/format';
import { type RegistrationSummary, isPlausibleToken, registrationQuery, useCancelRegistration } from '../api/publicMeetings';
import { MeetingFacts } from './MeetingFacts';

/** The page behind the link in the registration mail: the registration and "Teilnahme absagen". */
export function RegistrationTokenPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const plausible = isPlausibleToken(token);
  const registration = useQuery({ ...registrationQuery(token), enabled: plausible });
  const title = t('publicPages.registration.title');

  if (!plausible || registration.isError) {
    return (
      <Page title={title}>
        <div className="app-narrow">
          {!plausible || isProblemKind(registration.error, 'not-found') ? (
            <Alert variant="danger" title={t('publicPages.registration.unknownTitle')} live="alert">
              <p className="kern-body">{t('publicPages.registration.unknownText')}</p>
            </Alert>
          ) : (
            <ProblemAlert error={registration.error} />
          )}
          <p className="kern-body">
            <Link className="kern-link" to="/netzwerktreffen">
              {t('publicPages.backToMeetings')}
            </Link>
          </p>
        </div>
      </Page>
    );
  }
  if (registration.isPending) {
    return (
      <Page title={title}>
        <Loader label={t('common.loading')} />
      </Page>
    );
  }
  return <RegistrationView token={token} registration={registration.data} />;
}

function RegistrationView({ token, registration }: { token: string; registration: RegistrationSummary }) {
  const { t } = useTranslation();
  const cancel = useCancelRegistration(token);
  const [confirming, setConfirming] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const doneRef = useRef<HTMLDivElement>(null);
  const meeting = registration.meeting;

  useEffect(() => {
    if (cancelled) doneRef.current?.focus();
  }, [cancelled]);

  const onCancel = async () => {
    try {
      await cancel.mutateAsync();
      setConfirming(false);
      setCancelled(true);
    } catch {
      // The dialog shows the problem.
    }
  };

  const name = `${registration.given_name} ${registration.family_name}`;
  const statusText =
    registration.status === 'confirmed'
      ? t('publicPages.registration.confirmed')
      : registration.status === 'waitlisted'
        ? t('publicPages.registration.waitlisted', { position: registration.waiting_position ?? '' })
        : t('publicPages.registration.cancelled', { date: registration.cancelled_at ? formatDateTime(registration.cancelled_at) : '' });
  const mayCancel = registration.status !== 'cancelled' && meeting.status !== 'cancelled' && meeting.status !== 'held' && meeting.status !== 'minutes_approved';

  return (
    <Page title={t('publicPages.registration.titleWithMeeting', { title: meeting.title })} lead={t('publicPages.registration.lead', { name })}>
      <div className="app-narrow" ref={doneRef} tabIndex={-1}>
        {cancelled && (
          <Alert variant="success" title={t('publicPages.registration.cancelDoneTitle')} live="status">
            <p className="kern-body">{t('publicPages.registration.cancelDoneText')}</p>
          </Alert>
        )}
        {meeting.status === 'cancelled' && (
          <Alert variant="warning" title={t('publicPages.registration.meetingCancelled')} />
        )}
        <section aria-labelledby="registration-status">
          <h2 className="kern-heading-small" id="registration-status">
            {t('publicPages.registration.statusHeading')}
          </h2>
          <p className="kern-body">{statusText}</p>
        </section>
        <MeetingFacts meeting={meeting} />
        {mayCancel && (
          <Button variant="secondary" icon="close" onClick={() => { cancel.reset(); setConfirming(true); }}>
            {t('publicPages.registration.cancel')}
          </Button>
        )}
        <p className="kern-body">
          <Link className="kern-link" to="/netzwerktreffen">
            {t('publicPages.backToMeetings')}
          </Link>
        </p>
      </div>
      <Dialog
        open={confirming}
        role="alertdialog"
        title={t('publicPages.registration.confirmTitle')}
        onClose={() => setConfirming(false)}
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t('publicPages.registration.keep')}
            </Button>
            <Button variant="primary" onClick={onCancel} disabled={cancel.isPending}>
              {t('publicPages.registration.confirmCancel')}
            </Button>
          </>
        }
      >
        {cancel.isError &&
          (isProblemKind(cancel.error, 'conflict') ? (
            <Alert variant="danger" title={t('publicPages.registration.tooLateTitle')} live="alert">
              <p className="kern-body">{t('publicPages.registration.tooLateText')}</p>
            </Alert>
          ) : (
            <ProblemAlert error={cancel.error} />
          ))}
        <p className="kern-body">{t('publicPages.registration.confirmText', { title: meeting.title })}</p>
      </Dialog>
    </Page>
  );
}
