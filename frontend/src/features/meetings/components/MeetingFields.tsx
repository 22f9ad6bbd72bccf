import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '@/components/ui';
import { orNull } from '@/lib/forms/changes';
import { berlinToIso, isoToBerlin } from '../api/dates';
import type { BodyListItem, Meeting } from '../api/meetings';

export type MeetingField =
  | 'body'
  | 'title'
  | 'number'
  | 'date'
  | 'startTime'
  | 'endTime'
  | 'address'
  | 'room'
  | 'onlineUrl'
  | 'theme';

export interface MeetingValues {
  body: string;
  title: string;
  number: string;
  date: string;
  startTime: string;
  endTime: string;
  address: string;
  room: string;
  onlineUrl: string;
  theme: string;
}

export const EMPTY_MEETING: MeetingValues = {
  body: '',
  title: '',
  number: '',
  date: '',
  startTime: '15:00',
  endTime: '17:00',
  address: '',
  room: '',
  onlineUrl: '',
  theme: '',
};

/** Server field -> form field, for 422 answers. */
export const MEETING_FIELD_MAP = {
  body_id: 'body',
  title: 'title',
  number: 'number',
  starts_at: 'startTime',
  ends_at: 'endTime',
  location_address: 'address',
  location_room: 'room',
  online_url: 'onlineUrl',
  theme: 'theme',
} as const satisfies Record<string, MeetingField>;

export const MEETING_FIELDS: MeetingField[] = [
  'body',
  'title',
  'number',
  'date',
  'startTime',
  'endTime',
  'address',
  'room',
  'onlineUrl',
  'theme',
];

export const MEETING_LABEL: Record<MeetingField, string> = {
  body: 'meetings.fields.body',
  title: 'meetings.fields.title',
  number: 'meetings.fields.number',
  date: 'meetings.fields.startDate',
  startTime: 'meetings.fields.startTime',
  endTime: 'meetings.fields.endTime',
  address: 'meetings.fields.address',
  room: 'meetings.fields.room',
  onlineUrl: 'meetings.fields.onlineUrl',
  theme: 'meetings.fields.theme',
};

export const meetingFieldId = (field: MeetingField) => `meeting-${field}`;

export function valuesOf(meeting: Meeting): MeetingValues {
  const start = isoToBerlin(meeting.starts_at);
  const end = isoToBerlin(meeting.ends_at);
  return {
    body: meeting.body_id,
    title: meeting.title,
    number: meeting.number ?? '',
    date: start.date,
    startTime: start.time,
    endTime: end.time,
    address: meeting.location_address ?? '',
    room: meeting.location_room ?? '',
    onlineUrl: meeting.online_url ?? '',
    theme: meeting.theme ?? '',
  };
}


/** Client checks (i18n keys) and the API's fields for valid values. */
export function checkMeeting(values: MeetingValues, needsBody: boolean) {
  const errors: Partial<Record<MeetingField, string>> = {};
  if (needsBody && !values.body) errors.body = 'validation.required';
  if (!values.title.trim()) errors.title = 'validation.required';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date)) errors.date = values.date ? 'meetings.form.invalidDate' : 'validation.required';
  if (!/^\d{2}:\d{2}$/.test(values.startTime)) errors.startTime = values.startTime ? 'meetings.form.invalidTime' : 'validation.required';
  if (!/^\d{2}:\d{2}$/.test(values.endTime)) errors.endTime = values.endTime ? 'meetings.form.invalidTime' : 'validation.required';
  const startsAt = errors.date || errors.startTime ? null : berlinToIso(values.date, values.startTime);
  const endsAt = errors.date || errors.endTime ? null : berlinToIso(values.date, values.endTime);
  if (!errors.date && !startsAt && !errors.startTime) errors.date = 'meetings.form.invalidDate';
  if (startsAt && endsAt && new Date(endsAt) <= new Date(startsAt)) errors.endTime = 'meetings.form.endBeforeStart';
  const fields =
    startsAt && endsAt
      ? {
          title: values.title.trim(),
          number: orNull(values.number),
          starts_at: startsAt,
          ends_at: endsAt,
          location_address: orNull(values.address),
          location_room: orNull(values.room),
          online_url: orNull(values.onlineUrl),
          theme: orNull(values.theme),
        }
      : null;
  return { errors, fields };
}

export function MeetingFields({
  values,
  errors,
  onChange,
  bodies,
}: {
  values: MeetingValues;
  errors: Partial<Record<MeetingField, string>>;
  onChange: (field: MeetingField, value: string) => void;
  /** The bodies to choose from; without, the body is fixed. */
  bodies?: BodyListItem[];
}) {
  const { t } = useTranslation();
  const text = (field: MeetingField, extra: { optional?: boolean; hint?: string; type?: string; required?: boolean } = {}) => (
    <TextField
      id={meetingFieldId(field)}
      label={t(MEETING_LABEL[field])}
      value={values[field]}
      error={errors[field]}
      onChange={(e) => onChange(field, e.target.value)}
      {...extra}
    />
  );
  return (
    <>
      {bodies && (
        <SelectField
          id={meetingFieldId('body')}
          label={t('meetings.fields.body')}
          value={values.body}
          error={errors.body}
          required
          onChange={(e) => onChange('body', e.target.value)}
          options={[
            { value: '', label: t('meetings.form.chooseBody') },
            ...bodies.map((b) => ({ value: b.id, label: b.name })),
          ]}
        />
      )}
      {text('title', { required: true })}
      {text('number', { optional: true, hint: t('meetings.form.numberHint') })}
      {text('date', { type: 'date', required: true })}
      <div className="app-plan-row__grid">
        {text('startTime', { type: 'time', required: true })}
        {text('endTime', { type: 'time', required: true })}
      </div>
      <fieldset className="kern-fieldset">
        <legend className="kern-label">{t('meetings.form.placeLegend')}</legend>
        <div className="kern-hint">{t('meetings.form.placeHint')}</div>
        <div className="kern-fieldset__body app-form">
          {text('address', { optional: true })}
          {text('room', { optional: true })}
          {text('onlineUrl', { optional: true, type: 'url', hint: t('meetings.form.onlineHint') })}
        </div>
      </fieldset>
      {text('theme', { optional: true })}
    </>
  );
}
