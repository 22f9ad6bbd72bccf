import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Button, type Column, Loader, Table, TextField } from '@/components/ui';
import { isProblemKind } from '@/lib/api/problem';
import { useSession } from '@/lib/session/SessionProvider';
import {
  type Attendance,
  type Meeting,
  PRESENCES,
  type Presence,
  attendanceQuery,
  useSetGuests,
  useSetPresence,
} from '../api/meetings';
import { Notice } from './shared';

const COUNT_KEYS = ['invited', 'accepted', 'declined', 'pending', 'present', 'excused', 'absent', 'guests'] as const;

export function AttendanceTab({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const attendance = useQuery(attendanceQuery(meeting.id));
  const presence = useSetPresence(meeting.id);
  const [announcement, setAnnouncement] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  // The choice shows at once; the saved value replaces it (or, on failure, the old one returns).
  const [choosing, setChoosing] = useState<Record<string, Presence | null>>({});
  const editable = meeting.can_edit && meeting.status !== 'cancelled';

  if (attendance.isPending) return <Loader label={t('common.loading')} />;
  if (attendance.isError) return <ProblemAlert error={attendance.error} />;
  const { counts, items } = attendance.data;

  const setPresence = async (row: Attendance, value: Presence | null) => {
    setFailure(null);
    setChoosing((c) => ({ ...c, [row.member_id]: value }));
    try {
      await presence.mutateAsync({ memberId: row.member_id, presence: value, version: row.version });
      setAnnouncement(
        t('meetings.attendance.saved', {
          name: row.member_name,
          presence: t(`meetings.presence.${value ?? 'none'}`),
        }),
      );
    } catch (error) {
      setFailure(error);
      if (isProblemKind(error, 'precondition-failed')) await attendance.refetch();
    } finally {
      setChoosing((c) => {
        const next = { ...c };
        delete next[row.member_id];
        return next;
      });
    }
  };

  const columns: Column<Attendance>[] = [
    { key: 'name', header: t('meetings.attendance.member'), rowHeader: true, cell: (r) => r.member_name },
    { key: 'organisation', header: t('meetings.attendance.organisation'), cell: (r) => r.organisation_name ?? '–' },
    { key: 'answer', header: t('meetings.attendance.answer'), cell: (r) => t(`meetings.response.${r.response}`) },
    {
      key: 'presence',
      header: t('meetings.attendance.presence'),
      cell: (r) =>
        editable ? (
          <fieldset className="app-presence">
            <legend className="kern-sr-only">{t('meetings.attendance.presenceFor', { name: r.member_name })}</legend>
            {[...PRESENCES, null].map((value) => {
              const id = `presence-${r.member_id}-${value ?? 'none'}`;
              return (
                <div className="kern-form-check" key={id}>
                  <input
                    type="radio"
                    className="kern-form-check__radio"
                    id={id}
                    name={`presence-${r.member_id}`}
                    checked={(r.member_id in choosing ? choosing[r.member_id] : r.presence) === value}
                    disabled={presence.isPending}
                    onChange={() => void setPresence(r, value)}
                  />
                  <label className="kern-label" htmlFor={id}>
                    {t(`meetings.presence.${value ?? 'none'}`)}
                  </label>
                </div>
              );
            })}
          </fieldset>
        ) : (
          t(`meetings.presence.${r.presence ?? 'none'}`)
        ),
    },
  ];

  return (
    <section aria-labelledby="attendance-heading">
      <h2 className="kern-heading-medium" id="attendance-heading">
        {t('meetings.attendance.tab')}
      </h2>
      <p className="kern-sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
      {failure !== null && <ProblemAlert error={failure} />}
      <h3 className="kern-heading-small">{t('meetings.attendance.counts')}</h3>
      <dl className="app-counts">
        {COUNT_KEYS.map((key) => (
          <div key={key}>
            <dt>{t(`meetings.attendance.${key}`)}</dt>
            <dd>{counts[key]}</dd>
          </div>
        ))}
      </dl>
      {!meeting.can_edit && user?.member_id && <p className="kern-body">{t('meetings.attendance.ownOnly')}</p>}
      {(meeting.can_edit || items.length > 0) && (
        <Table
          caption={t('meetings.attendance.caption')}
          columns={columns}
          rows={items}
          rowKey={(r) => r.id}
          empty={t('meetings.attendance.empty')}
        />
      )}
      {meeting.can_edit && <Guests meeting={meeting} editable={editable} />}
    </section>
  );
}

function Guests({ meeting, editable }: { meeting: Meeting; editable: boolean }) {
  const { t } = useTranslation();
  const save = useSetGuests(meeting.id);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const store = async (guests: string[], message: string) => {
    setNotice(null);
    try {
      await save.mutateAsync({ guests, version: meeting.version });
      setNotice(message);
      return true;
    } catch {
      return false;
    }
  };

  const onAdd = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setError(t('validation.required'));
      return;
    }
    setError(null);
    if (await store([...meeting.guests, trimmed], t('meetings.attendance.guestAdded', { name: trimmed }))) setName('');
  };

  return (
    <section aria-labelledby="guests-heading" className="app-section">
      <h3 className="kern-heading-small" id="guests-heading">
        {t('meetings.attendance.guestsTitle')}
      </h3>
      <p className="kern-body">{t('meetings.attendance.guestsHint')}</p>
      <Notice message={notice} />
      {save.isError && <ProblemAlert error={save.error} />}
      {meeting.guests.length === 0 ? (
        <p className="kern-body">{t('meetings.attendance.noGuests')}</p>
      ) : (
        <ul className="app-plain-list" aria-labelledby="guests-heading">
          {meeting.guests.map((guest, index) => (
            <li key={`${guest}-${index}`}>
              <span>{guest}</span>
              {editable && (
                <Button
                  variant="secondary"
                  icon="delete"
                  aria-label={t('meetings.attendance.removeGuestFor', { name: guest })}
                  disabled={save.isPending}
                  onClick={() =>
                    void store(
                      meeting.guests.filter((_, i) => i !== index),
                      t('meetings.attendance.guestRemoved', { name: guest }),
                    )
                  }
                >
                  {t('meetings.attendance.removeGuest')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form className="app-form" noValidate onSubmit={onAdd}>
          <TextField
            id="guest-name"
            label={t('meetings.attendance.guestName')}
            value={name}
            error={error}
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
          />
          <div>
            <Button type="submit" icon="add" disabled={save.isPending}>
              {t('meetings.attendance.addGuest')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
