import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Button, ErrorSummary, SelectField, TextField } from '@/components/ui';
import { isProblemKind } from '@/lib/api/problem';
import { berlinToIso, berlinToday, isoToBerlin } from '../api/dates';
import {
  type MeetingListItem,
  type PlannedMeeting,
  bodiesQuery,
  usePlanMeetings,
  usePlanPreview,
} from '../api/meetings';
import '../meetings.css';
import { Notice, meetingLabel, meetingWhen } from './shared';

interface Row {
  key: number;
  title: string;
  number: string;
  date: string;
  startTime: string;
  endTime: string;
  source: PlannedMeeting;
}

type RowField = 'title' | 'number' | 'date' | 'startTime' | 'endTime';
const ROW_FIELDS: RowField[] = ['title', 'number', 'date', 'startTime', 'endTime'];
const ROW_LABEL: Record<RowField, string> = {
  title: 'meetings.fields.title',
  number: 'meetings.fields.number',
  date: 'meetings.fields.startDate',
  startTime: 'meetings.fields.startTime',
  endTime: 'meetings.fields.endTime',
};
const rowFieldId = (key: number, field: RowField) => `plan-${key}-${field}`;

function toRow(meeting: PlannedMeeting, key: number): Row {
  const start = isoToBerlin(meeting.starts_at);
  const end = isoToBerlin(meeting.ends_at);
  return {
    key,
    title: meeting.title,
    number: meeting.number,
    date: start.date,
    startTime: start.time,
    endTime: end.time,
    source: meeting,
  };
}

/** Checks a row; gives its errors (i18n keys) and, when valid, the meeting to send. */
function checkRow(row: Row): { errors: Partial<Record<RowField, string>>; meeting: PlannedMeeting | null } {
  const errors: Partial<Record<RowField, string>> = {};
  if (!row.title.trim()) errors.title = 'validation.required';
  if (!row.number.trim()) errors.number = 'validation.required';
  const startsAt = berlinToIso(row.date, row.startTime);
  const endsAt = berlinToIso(row.date, row.endTime);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(row.date)) errors.date = row.date ? 'meetings.form.invalidDate' : 'validation.required';
  if (!/^\d{2}:\d{2}$/.test(row.startTime)) errors.startTime = 'meetings.form.invalidTime';
  if (!/^\d{2}:\d{2}$/.test(row.endTime)) errors.endTime = 'meetings.form.invalidTime';
  if (!errors.date && !errors.startTime && !startsAt) errors.date = 'meetings.form.invalidDate';
  if (startsAt && endsAt && new Date(endsAt) <= new Date(startsAt)) errors.endTime = 'meetings.form.endBeforeStart';
  if (Object.keys(errors).length > 0 || !startsAt || !endsAt) return { errors, meeting: null };
  return {
    errors,
    meeting: { ...row.source, title: row.title.trim(), number: row.number.trim(), starts_at: startsAt, ends_at: endsAt },
  };
}

export function MeetingPlanPage() {
  const { t } = useTranslation();
  const bodies = useQuery(bodiesQuery);
  const preview = usePlanPreview();
  const plan = usePlanMeetings();
  const [body, setBody] = useState('');
  const [year, setYear] = useState(berlinToday().slice(0, 4));
  const [chooseErrors, setChooseErrors] = useState<{ body?: string; year?: string }>({});
  const [rows, setRows] = useState<Row[] | null>(null);
  const [planned, setPlanned] = useState<{ body: string; year: number } | null>(null);
  const [rowErrors, setRowErrors] = useState<Record<number, Partial<Record<RowField, string>>>>({});
  const [failedSubmits, setFailedSubmits] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [created, setCreated] = useState<MeetingListItem[] | null>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const createdHeading = useRef<HTMLHeadingElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  const alreadyPlanned = plan.isError && isProblemKind(plan.error, 'conflict');

  useEffect(() => {
    if (alreadyPlanned) conflictRef.current?.focus();
  }, [alreadyPlanned, plan.failureCount]);

  const onPreview = async (event: FormEvent) => {
    event.preventDefault();
    const yearNumber = Number(year);
    const errors = {
      ...(body ? {} : { body: t('validation.required') }),
      ...(Number.isInteger(yearNumber) && yearNumber >= 2000 && yearNumber <= 2100 ? {} : { year: t('validation.required') }),
    };
    setChooseErrors(errors);
    if (Object.keys(errors).length > 0) return;
    setCreated(null);
    setNotice(null);
    plan.reset();
    try {
      const result = await preview.mutateAsync({ body_id: body, year: yearNumber });
      setRows(result.meetings.map(toRow));
      setPlanned({ body, year: yearNumber });
      setRowErrors({});
      previewHeading.current?.focus();
    } catch {
      setRows(null);
    }
  };

  const change = (key: number, field: RowField, value: string) => {
    setRows((current) => current?.map((row) => (row.key === key ? { ...row, [field]: value } : row)) ?? null);
    setRowErrors((current) => {
      const errors = { ...(current[key] ?? {}) };
      delete errors[field];
      return { ...current, [key]: errors };
    });
  };

  const removeRow = (row: Row, index: number) => {
    setRows((current) => current?.filter((r) => r.key !== row.key) ?? null);
    setNotice(t('meetings.plan.removed', { index: index + 1 }));
  };

  const onCreate = async (event: FormEvent) => {
    event.preventDefault();
    if (!rows || !planned) return;
    const checked = rows.map((row) => ({ row, ...checkRow(row) }));
    const errors = Object.fromEntries(checked.filter((c) => Object.keys(c.errors).length > 0).map((c) => [c.row.key, c.errors]));
    setRowErrors(errors);
    if (Object.keys(errors).length > 0) {
      setFailedSubmits((n) => n + 1);
      return;
    }
    setNotice(null);
    try {
      const result = await plan.mutateAsync({
        body_id: planned.body,
        year: planned.year,
        meetings: checked.flatMap((c) => (c.meeting ? [c.meeting] : [])),
      });
      setCreated(result.items);
      setRows(null);
      setPlanned(null);
    } catch {
      // Shown below (409 as "already planned").
    }
  };

  useEffect(() => {
    if (created) createdHeading.current?.focus();
  }, [created]);

  const summary = (rows ?? []).flatMap((row, index) =>
    ROW_FIELDS.filter((f) => rowErrors[row.key]?.[f]).map((f) => ({
      fieldId: rowFieldId(row.key, f),
      label: `${t('meetings.plan.meetingLegend', { index: index + 1 })}: ${t(ROW_LABEL[f])}`,
      message: t(rowErrors[row.key]?.[f] ?? ''),
    })),
  );

  return (
    <Page title={t('meetings.plan.title')} lead={t('meetings.plan.lead')}>
      <form className="app-form" noValidate onSubmit={onPreview} aria-labelledby="plan-choose">
        <h2 className="kern-heading-medium" id="plan-choose">
          {t('meetings.plan.choose')}
        </h2>
        {preview.isError && <ProblemAlert error={preview.error} />}
        <SelectField
          id="plan-body"
          label={t('meetings.fields.body')}
          value={body}
          required
          error={chooseErrors.body}
          onChange={(e) => {
            setBody(e.target.value);
            setChooseErrors((c) => ({ ...c, body: undefined }));
          }}
          options={[
            { value: '', label: t('meetings.form.chooseBody') },
            ...(bodies.data ?? []).map((b) => ({ value: b.id, label: b.name })),
          ]}
        />
        <TextField
          id="plan-year"
          type="number"
          inputMode="numeric"
          min={2000}
          max={2100}
          label={t('meetings.fields.year')}
          value={year}
          required
          error={chooseErrors.year}
          onChange={(e) => setYear(e.target.value)}
        />
        <div>
          <Button type="submit" disabled={preview.isPending}>
            {t('meetings.plan.preview')}
          </Button>
        </div>
      </form>

      {rows && (
        <section aria-labelledby="plan-proposals" className="app-section">
          <h2 className="kern-heading-medium" id="plan-proposals" ref={previewHeading} tabIndex={-1}>
            {t('meetings.plan.proposals')}
          </h2>
          <p className="kern-body" aria-live="polite">
            {t('meetings.plan.proposalsCount', { count: rows.length })}
          </p>
          <Notice message={notice} />
          {alreadyPlanned && (
            <div ref={conflictRef} tabIndex={-1} className="app-notice">
              <Alert variant="danger" title={t('meetings.plan.alreadyPlannedTitle')} live="alert">
                <p className="kern-body">{t('meetings.plan.alreadyPlanned')}</p>
              </Alert>
            </div>
          )}
          {plan.isError && !alreadyPlanned && <ProblemAlert error={plan.error} />}
          <ErrorSummary focusKey={failedSubmits} items={summary} />
          {rows.length === 0 ? (
            <p className="kern-body">{t('meetings.plan.none')}</p>
          ) : (
            <form noValidate onSubmit={onCreate}>
              {rows.map((row, index) => (
                <fieldset className="kern-fieldset app-plan-row" key={row.key}>
                  <legend className="kern-label">{t('meetings.plan.meetingLegend', { index: index + 1 })}</legend>
                  <div className="app-plan-row__grid">
                    {ROW_FIELDS.map((field) => (
                      <TextField
                        key={field}
                        id={rowFieldId(row.key, field)}
                        type={field === 'date' ? 'date' : field === 'startTime' || field === 'endTime' ? 'time' : 'text'}
                        label={t(ROW_LABEL[field])}
                        required
                        value={row[field]}
                        error={rowErrors[row.key]?.[field] ? t(rowErrors[row.key]?.[field] ?? '') : undefined}
                        onChange={(e) => change(row.key, field, e.target.value)}
                      />
                    ))}
                  </div>
                  <p className="kern-body kern-body--small">
                    {t('meetings.plan.agendaItems', { count: row.source.agenda?.length ?? 0 })}
                  </p>
                  <Button
                    variant="secondary"
                    icon="delete"
                    aria-label={t('meetings.plan.removeFor', { index: index + 1 })}
                    onClick={() => removeRow(row, index)}
                  >
                    {t('meetings.plan.remove')}
                  </Button>
                </fieldset>
              ))}
              <Button type="submit" disabled={plan.isPending}>
                {t('meetings.plan.create')}
              </Button>
            </form>
          )}
        </section>
      )}

      {created && (
        <section aria-labelledby="plan-created" className="app-section">
          <h2 className="kern-heading-medium" id="plan-created" ref={createdHeading} tabIndex={-1}>
            {t('meetings.plan.created', { count: created.length })}
          </h2>
          <ul className="kern-list">
            {created.map((meeting) => (
              <li key={meeting.id}>
                <Link className="kern-link" to={`/sitzungen/${meeting.id}`}>
                  {meetingLabel(meeting)}
                </Link>{' '}
                – {meetingWhen(meeting, t)}
              </li>
            ))}
          </ul>
          <p className="kern-body">
            <Link className="kern-link" to="/sitzungen">
              {t('meetings.plan.openList')}
            </Link>
          </p>
        </section>
      )}
    </Page>
  );
}
