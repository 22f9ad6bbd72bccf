import { useTranslation } from 'react-i18next';
import { formatNumber } from '@/lib/format';
import { formatMeetingTime, formatPlace } from '../api/meetingTime';
import type { PublicMeeting } from '../api/publicMeetings';
import { DescriptionList } from '@/components/DescriptionList';

/** Theme, time (Europe/Berlin), place and places left of a network meeting. */
export function MeetingFacts({ meeting }: { meeting: PublicMeeting }) {
  const { t } = useTranslation();
  const place = formatPlace(meeting.location_address, meeting.location_room);
  let places: string | null = null;
  if (meeting.capacity !== null && meeting.places_left !== null) {
    places =
      meeting.places_left > 0
        ? t('publicPages.meetings.placesLeft', { count: meeting.places_left, formatted: formatNumber(meeting.places_left), capacity: formatNumber(meeting.capacity) })
        : t('publicPages.meetings.full', { count: meeting.waiting_list_length, formatted: formatNumber(meeting.waiting_list_length) });
  }
  return (
    <DescriptionList
      items={[
        { key: 'theme', label: t('publicPages.meetings.theme'), value: meeting.theme },
        { key: 'when', label: t('publicPages.meetings.when'), value: formatMeetingTime(meeting.starts_at, meeting.ends_at) },
        {
          key: 'where',
          label: t('publicPages.meetings.where'),
          value: [place, meeting.online ? t('publicPages.meetings.online') : ''].filter(Boolean).join(' · '),
        },
        ...(places ? [{ key: 'places', label: t('publicPages.meetings.places'), value: places }] : []),
      ]}
    />
  );
}
