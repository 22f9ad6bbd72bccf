import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Button, Loader } from '@/components/ui';
import { isProblemKind } from '@/lib/api/problem';
import { formatDateTime } from '@/lib/format';
import { formatMeetingTime, formatPlace } from '../api/meetingTime';
import { DescriptionList } from '@/components/DescriptionList';
import { type InvitationAnswer, type InvitationSummary, invitationQuery, isPlausibleToken, useAnswerInvitation } from '../api/publicMeetings';

/** The page behind the answer link of an invitation: the meeting and "Zusagen"/"Absagen" (no login). */
export function InvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const plausible = isPlausibleToken(token);
  const invitation = useQuery({ ...invitationQuery(token), enabled: plausible });
  const title = t('publicPages.invitation.title');

  if (!plausible || invitation.isError) {
    return (
      <Page title={title}>
        <div className="app-narrow">
          {!plausible || isProblemKind(invitation.error, 'not-found') ? (
            <Alert variant="danger" title={t('publicPages.invitation.unknownTitle')} live="alert">
              <p className="kern-body">{t('publicPages.invitation.unknownText')}</p>
            </Alert>
          ) : (
            <ProblemAlert error={invitation.error} />
          )}
        </div>
      </Page>
    );
  }
  if (invitation.isPending) {
    return (
      <Page title={title}>
        <Loader label={t('common.loading')} />
      </Page>
    );
  }
  return <InvitationView token={token} invitation={invitation.data} />;
}

function InvitationView({ token, invitation }: { token: string; invitation: InvitationSummary }) {
  const { t } = useTranslation();
  const answer = useAnswerInvitation(token);
  const [answered, setAnswered] = useState<InvitationAnswer | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (answered) doneRef.current?.focus();
  }, [answered]);

  const send = async (response: InvitationAnswer) => {
    setAnswered(null);
    try {
      await answer.mutateAsync(response);
      setAnswered(response);
    } catch {
      // Shown below.
    }
  };

  const address = formatPlace(invitation.location_address, invitation.location_room);
  const place = (
    <>
      {address}
      {address && invitation.online_url && ' · '}
      {invitation.online_url && (
        <a className="kern-link" href={invitation.online_url} rel="noopener noreferrer">
          {t('publicPages.invitation.onlineLink')}
        </a>
      )}
    </>
  );
  const current =
    invitation.response === 'pending'
      ? t('publicPages.invitation.pending')
      : t(`publicPages.invitation.${invitation.response}`, {
          date: invitation.responded_at ? formatDateTime(invitation.responded_at) : '',
        });

  return (
    <Page title={invitation.title} lead={t('publicPages.invitation.greeting', { name: invitation.member_name })}>
      <div className="app-narrow">
        <div ref={doneRef} tabIndex={-1}>
          {answered && (
            <Alert variant="success" title={t(`publicPages.invitation.done.${answered}`)} live="status" />
          )}
          {answer.isError &&
            (isProblemKind(answer.error, 'conflict') ? (
              <Alert variant="danger" title={t('publicPages.invitation.closedTitle')} live="alert">
                <p className="kern-body">{t('publicPages.invitation.closedText')}</p>
              </Alert>
            ) : (
              <ProblemAlert error={answer.error} />
            ))}
        </div>
        {invitation.status === 'cancelled' && (
          <Alert variant="warning" title={t('publicPages.invitation.cancelledTitle')}>
            {invitation.cancel_reason && <p className="kern-body">{invitation.cancel_reason}</p>}
          </Alert>
        )}
        <DescriptionList
          items={[
            { key: 'meeting', label: t('publicPages.invitation.meeting'), value: [invitation.title, invitation.number ? `(${invitation.number})` : ''].filter(Boolean).join(' ') },
            { key: 'body', label: t('publicPages.invitation.body'), value: invitation.body_name },
            { key: 'when', label: t('publicPages.invitation.when'), value: formatMeetingTime(invitation.starts_at, invitation.ends_at) },
            { key: 'where', label: t('publicPages.invitation.where'), value: address || invitation.online_url ? place : null },
            { key: 'theme', label: t('publicPages.invitation.theme'), value: invitation.theme },
          ]}
        />
        <section aria-labelledby="invitation-agenda">
          <h2 className="kern-heading-small" id="invitation-agenda">
            {t('publicPages.invitation.agenda')}
          </h2>
          {invitation.agenda.length === 0 ? (
            <p className="kern-body">{t('publicPages.invitation.noAgenda')}</p>
          ) : (
            <ol className="app-plain-list">
              {invitation.agenda.map((item) => (
                <li className="kern-body" key={`${item.number}-${item.title}`}>
                  {t('publicPages.invitation.agendaItem', { number: item.number, title: item.title })}
                </li>
              ))}
            </ol>
          )}
        </section>
        <section aria-labelledby="invitation-answer">
          <h2 className="kern-heading-small" id="invitation-answer">
            {t('publicPages.invitation.answerHeading')}
          </h2>
          <p className="kern-body">{current}</p>
          {invitation.may_answer ? (
            <div className="kern-flex kern-flex-wrap kern-gap-md">
              <Button onClick={() => void send('accepted')} disabled={answer.isPending}>
                {t('publicPages.invitation.accept')}
              </Button>
              <Button variant="secondary" icon="close" onClick={() => void send('declined')} disabled={answer.isPending}>
                {t('publicPages.invitation.decline')}
              </Button>
            </div>
          ) : (
            <p className="kern-body">{t('publicPages.invitation.mayNotAnswer')}</p>
          )}
        </section>
      </div>
    </Page>
  );
}
