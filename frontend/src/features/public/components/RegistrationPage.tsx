import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadedPage } from '@/components/LoadedPage';
import { ConsentFields } from '@/components/ConsentFields';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Button, ErrorSummary, TextField } from '@/components/ui';
import { toProblem } from '@/lib/api/problem';
import type { FieldErrors } from '@/lib/forms/fieldErrors';
import { useFormErrors } from '@/lib/forms/useFormErrors';
import { siteQuery } from '@/lib/site';
import { type PublicMeeting, type RegistrationCreated, publicMeetingQuery, useRegister } from '../api/publicMeetings';
import {
  EMPTY_REGISTRATION,
  REGISTRATION_FIELDS,
  REGISTRATION_FIELD_MAP,
  type RegistrationField,
  type RegistrationFormValues,
  registrationBody,
  validateRegistration,
} from '../api/registrationForm';
import { MeetingFacts } from './MeetingFacts';

const fieldId = (field: RegistrationField) => `registration-${field}`;

/** Registration for a network meeting (no login). */
export function RegistrationPage() {
  const { t } = useTranslation();
  const { meetingId = '' } = useParams();
  const meeting = useQuery(publicMeetingQuery(meetingId));
  return (
    <LoadedPage query={meeting} title={t('publicPages.register.title')} backTo="/netzwerktreffen" backLabel={t('publicPages.backToMeetings')}>
      {(m) => <RegistrationForm meeting={m} />}
    </LoadedPage>
  );
}

function RegistrationForm({ meeting }: { meeting: PublicMeeting }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const register = useRegister(meeting.id);
  const [values, setValues] = useState<RegistrationFormValues>(EMPTY_REGISTRATION);
  const [result, setResult] = useState<RegistrationCreated | null>(null);
  const [siteError, setSiteError] = useState<unknown>(null);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const doneRef = useRef<HTMLDivElement>(null);
  const form = useFormErrors<RegistrationField>(REGISTRATION_FIELD_MAP, (f) =>
    t(`publicPages.register.fields.${(REGISTRATION_FIELD_MAP as Record<string, string>)[f] ?? f}`, f),
  );
  const title = t('publicPages.register.titleWithMeeting', { title: meeting.title });

  const waiting = waitUntil !== null && now < waitUntil;
  useEffect(() => {
    if (waitUntil === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [waitUntil]);

  useEffect(() => {
    if (result) doneRef.current?.focus();
  }, [result]);

  const onChange = <F extends keyof RegistrationFormValues>(field: F, value: RegistrationFormValues[F]) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (field !== 'website') form.clearField(field as RegistrationField);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    register.reset();
    setSiteError(null);
    const clientErrors = validateRegistration(values);
    const translated: FieldErrors<RegistrationField> = {};
    for (const field of REGISTRATION_FIELDS) {
      const error = clientErrors[field];
      if (error) translated[field] = t(error.key, error.options);
    }
    if (form.setClientErrors(translated)) return;
    let privacyTextVersion: string;
    try {
      // The consent is to the notice version the server names, never a version built into the app.
      privacyTextVersion = (await queryClient.fetchQuery(siteQuery)).privacy_text_version;
    } catch (caught) {
      setSiteError(caught);
      return;
    }
    try {
      setResult(await register.mutateAsync(registrationBody(values, privacyTextVersion)));
    } catch (caught) {
      const problem = toProblem(caught);
      if (problem.kind === 'too-many-requests') {
        setNow(Date.now());
        setWaitUntil(Date.now() + (problem.retryAfterSeconds ?? 60) * 1000);
      } else if (problem.kind === 'conflict' && problem.fieldErrors.some((e) => e.field === 'email')) {
        form.setClientErrors({ email: t('publicPages.register.duplicate') });
      } else {
        form.applyProblem(caught);
      }
    }
  };

  if (result) {
    return (
      <Page title={title}>
        <div className="app-narrow" ref={doneRef} tabIndex={-1}>
          {result.status === 'confirmed' ? (
            <Alert variant="success" title={t('publicPages.register.confirmedTitle')} live="status">
              <p className="kern-body">{t('publicPages.register.confirmedText', { email: values.email.trim() })}</p>
            </Alert>
          ) : (
            <Alert variant="info" title={t('publicPages.register.waitlistedTitle', { position: result.waiting_position ?? '' })} live="status">
              <p className="kern-body">{t('publicPages.register.waitlistedText', { email: values.email.trim() })}</p>
            </Alert>
          )}
          <p className="kern-body">{t('publicPages.register.cancelHint')}</p>
          <p className="kern-body">
            <Link className="kern-link" to="/netzwerktreffen">
              {t('publicPages.backToMeetings')}
            </Link>
          </p>
        </div>
      </Page>
    );
  }

  const problem = register.isError ? toProblem(register.error) : null;
  const fieldProblem = problem !== null && problem.fieldErrors.some((e) => e.location === 'body');

  return (
    <Page title={title} lead={t('publicPages.register.lead')}>
      <div className="app-narrow">
        <MeetingFacts meeting={meeting} />
        {!meeting.registration_open && (
          <Alert variant="warning" title={t('publicPages.register.closedTitle')}>
            <p className="kern-body">{t('publicPages.register.closedText')}</p>
          </Alert>
        )}
        {meeting.registration_open && meeting.places_left === 0 && (
          <Alert variant="info" title={t('publicPages.register.fullTitle')}>
            <p className="kern-body">{t('publicPages.register.fullText')}</p>
          </Alert>
        )}
        {problem?.kind === 'too-many-requests' && (
          <Alert variant="danger" title={t('publicPages.register.throttledTitle')} live="alert">
            <p className="kern-body">
              {t('publicPages.register.throttledText', { count: Math.max(1, Math.ceil(((waitUntil ?? now) - now) / 60000)) })}
            </p>
          </Alert>
        )}
        {problem?.kind === 'conflict' && !fieldProblem && (
          <Alert variant="danger" title={t('publicPages.register.conflictTitle')} live="alert">
            <p className="kern-body">{t('publicPages.register.conflictText')}</p>
          </Alert>
        )}
        {problem && !fieldProblem && problem.kind !== 'too-many-requests' && problem.kind !== 'conflict' && (
          <ProblemAlert error={register.error} />
        )}
        {siteError !== null && <ProblemAlert error={siteError} />}
        <ErrorSummary
          focusKey={form.failedSubmits}
          messages={form.formErrors}
          items={REGISTRATION_FIELDS.filter((f) => form.errors[f]).map((f) => ({
            fieldId: fieldId(f),
            label: t(`publicPages.register.fields.${f}`),
            message: form.errors[f] ?? '',
          }))}
        />
        {meeting.registration_open && (
          <>
            <p className="kern-body">{t('publicPages.register.required')}</p>
            <form noValidate onSubmit={onSubmit} className="app-form" aria-label={t('publicPages.register.formLabel')}>
              <TextField
                id={fieldId('givenName')}
                label={t('publicPages.register.fields.givenName')}
                autoComplete="given-name"
                value={values.givenName}
                error={form.errors.givenName}
                onChange={(e) => onChange('givenName', e.target.value)}
                required
              />
              <TextField
                id={fieldId('familyName')}
                label={t('publicPages.register.fields.familyName')}
                autoComplete="family-name"
                value={values.familyName}
                error={form.errors.familyName}
                onChange={(e) => onChange('familyName', e.target.value)}
                required
              />
              <TextField
                id={fieldId('email')}
                label={t('publicPages.register.fields.email')}
                hint={t('publicPages.register.emailHint')}
                type="email"
                autoComplete="email"
                value={values.email}
                error={form.errors.email}
                onChange={(e) => onChange('email', e.target.value)}
                required
              />
              <TextField
                id={fieldId('organisation')}
                label={t('publicPages.register.fields.organisation')}
                autoComplete="organization"
                optional
                value={values.organisation}
                error={form.errors.organisation}
                onChange={(e) => onChange('organisation', e.target.value)}
              />
              <ConsentFields
                idPrefix="registration"
                texts={{
                  honeypot: t('publicPages.register.honeypot'),
                  privacyText: t('publicPages.register.privacyText'),
                  privacyLink: t('publicPages.register.privacyLink'),
                  consent: t('publicPages.register.fields.consent'),
                }}
                website={values.website}
                onWebsiteChange={(v) => onChange('website', v)}
                consent={values.consent}
                consentError={form.errors.consent}
                onConsentChange={(v) => onChange('consent', v)}
              />
              <div className="kern-flex kern-flex-wrap kern-gap-md">
                <Button type="submit" variant="primary" disabled={register.isPending || waiting}>
                  {register.isPending ? t('publicPages.register.submitting') : t('publicPages.register.submit')}
                </Button>
              </div>
            </form>
          </>
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
