import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Button, Checkbox, ErrorSummary } from '@/components/ui';
import { isProblemKind } from '@/lib/api/problem';
import { useFormErrors } from '@/lib/forms/useFormErrors';
import { bodiesQuery, useCreateMeeting } from '../api/meetings';
import '../meetings.css';
import {
  EMPTY_MEETING,
  MEETING_FIELDS,
  MEETING_FIELD_MAP,
  MEETING_LABEL,
  type MeetingField,
  MeetingFields,
  checkMeeting,
  meetingFieldId,
} from './MeetingFields';

export function MeetingCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const bodies = useQuery(bodiesQuery);
  const create = useCreateMeeting();
  const [values, setValues] = useState(EMPTY_MEETING);
  const [applyTemplate, setApplyTemplate] = useState(true);
  const form = useFormErrors<MeetingField>(MEETING_FIELD_MAP, (f) => {
    const field = (MEETING_FIELD_MAP as Record<string, MeetingField>)[f];
    return field ? t(MEETING_LABEL[field]) : f;
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const { errors, fields } = checkMeeting(values, true);
    const translated = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, t(v)]));
    if (form.setClientErrors(translated) || !fields) return;
    try {
      const meeting = await create.mutateAsync({ body_id: values.body, ...fields, apply_agenda_template: applyTemplate });
      navigate(`/sitzungen/${meeting.id}`, { state: { flash: t('meetings.form.created', { title: meeting.title }) } });
    } catch (caught) {
      form.applyProblem(caught);
    }
  };

  const showProblem = create.isError && !isProblemKind(create.error, 'validation-error');

  return (
    <Page title={t('meetings.form.createTitle')} lead={t('meetings.form.createLead')}>
      {showProblem && <ProblemAlert error={create.error} />}
      <ErrorSummary
        focusKey={form.failedSubmits}
        messages={form.formErrors}
        items={MEETING_FIELDS.filter((f) => form.errors[f]).map((f) => ({
          fieldId: meetingFieldId(f),
          label: t(MEETING_LABEL[f]),
          message: form.errors[f] ?? '',
        }))}
      />
      <form noValidate onSubmit={onSubmit} className="app-form">
        <MeetingFields
          values={values}
          errors={form.errors}
          bodies={bodies.data ?? []}
          onChange={(field, value) => {
            setValues((v) => ({ ...v, [field]: value }));
            form.clearField(field);
          }}
        />
        <Checkbox
          id="meeting-template"
          label={t('meetings.form.applyTemplate')}
          checked={applyTemplate}
          onChange={(e) => setApplyTemplate(e.target.checked)}
        />
        <div className="kern-flex kern-flex-wrap kern-gap-md">
          <Button type="submit" disabled={create.isPending}>
            {t('meetings.form.submit')}
          </Button>
          <Link className="kern-btn kern-btn--secondary" to="/sitzungen">
            <span className="kern-label">{t('common.cancel')}</span>
          </Link>
        </div>
      </form>
    </Page>
  );
}
