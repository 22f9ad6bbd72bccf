import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Loader } from '@/components/ui';
import { type PublicMeeting, publicMeetingsQuery } from '../api/publicMeetings';
import { MeetingFacts } from './MeetingFacts';

/** "Netzwerktreffen": the coming network meetings with the places left (no login). */
export function NetworkMeetingsPage() {
  const { t } = useTranslation();
  const meetings = useQuery(publicMeetingsQuery);
  return (
    <Page title={t('publicPages.meetings.title')} lead={t('publicPages.meetings.lead')}>
      {meetings.isPending && <Loader label={t('common.loading')} />}
      {meetings.isError && <ProblemAlert error={meetings.error} />}
      {meetings.data && meetings.data.length === 0 && (
        <p className="kern-body">{t('publicPages.meetings.none')}</p>
      )}
      {meetings.data?.map((meeting) => <MeetingSection key={meeting.id} meeting={meeting} />)}
    </Page>
  );
}

function MeetingSection({ meeting }: { meeting: PublicMeeting }) {
  const { t } = useTranslation();
  const headingId = `meeting-${meeting.id}`;
  return (
    <section className="app-section app-narrow" aria-labelledby={headingId}>
      <h2 className="kern-heading-medium" id={headingId}>
        {meeting.title}
      </h2>
      <MeetingFacts meeting={meeting} />
      {meeting.registration_open ? (
        <p className="kern-body">
          <Link className="kern-btn kern-btn--primary" to={`/netzwerktreffen/${meeting.id}/anmeldung`}>
            <span className="kern-label">{t('publicPages.meetings.register', { title: meeting.title })}</span>
          </Link>
        </p>
      ) : (
        <p className="kern-body">{t('publicPages.meetings.registrationClosed')}</p>
      )}
    </section>
  );
}
