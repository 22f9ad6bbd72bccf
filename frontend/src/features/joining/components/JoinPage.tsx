import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConsentFields } from '@/components/ConsentFields';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Button, CheckboxGroup, ErrorSummary, Loader, SelectField, TextArea, TextField } from '@/components/ui';
import { toProblem } from '@/lib/api/problem';
import type { FieldErrors } from '@/lib/forms/fieldErrors';
import { useFormErrors } from '@/lib/forms/useFormErrors';
import { siteQuery } from '@/lib/site';
import { EMPTY_JOIN, JOIN_FIELDS, JOIN_FIELD_MAP, type JoinField, type JoinFormValues, joinBody, validateJoin } from '../api/joinForm';
import { publicWorkingGroupsQuery, useCreateJoinRequest } from '../api/joining';
import '../i18n'; // registers this feature's texts

const fieldId = (field: JoinField) => `join-${field}`;

/** "Mitmachen im Netzwerk Integration": the public join form (no login). */
export function JoinPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const groups = useQuery(publicWorkingGroupsQuery);
  const create = useCreateJoinRequest();
  const [siteError, setSiteError] = useState<unknown>(null);
  const [values, setValues] = useState<JoinFormValues>(EMPTY_JOIN);
  const [sent, setSent] = useState(false);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const doneRef = useRef<HTMLDivElement>(null);
  const form = useFormErrors<JoinField>(JOIN_FIELD_MAP, (f) =>
    t(`joining.fields.${(JOIN_FIELD_MAP as Record<string, string>)[f] ?? f}`, f),
  );

  const waiting = waitUntil !== null && now < waitUntil;
  useEffect(() => {
    if (waitUntil === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [waitUntil]);

  useEffect(() => {
    if (sent) doneRef.current?.focus();
  }, [sent]);

  const onChange = <F extends keyof JoinFormValues>(field: F, value: JoinFormValues[F]) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (field !== 'website') form.clearField(field as JoinField);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    create.reset();
    setSiteError(null);
    const clientErrors = validateJoin(values);
    const translated: FieldErrors<JoinField> = {};
    for (const field of JOIN_FIELDS) {
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
      await create.mutateAsync(joinBody(values, privacyTextVersion));
      setSent(true);
    } catch (caught) {
      const problem = toProblem(caught);
      if (problem.kind === 'too-many-requests') {
        setNow(Date.now());
        setWaitUntil(Date.now() + (problem.retryAfterSeconds ?? 60) * 1000);
      } else {
        form.applyProblem(caught);
      }
    }
  };

  if (sent) {
    return (
      <Page title={t('joining.form.title')}>
        <div className="app-narrow" ref={doneRef} tabIndex={-1}>
          <Alert variant="success" title={t('joining.done.title')} live="status">
            <p className="kern-body">{t('joining.done.text', { email: values.email.trim() })}</p>
            <p className="kern-body">{t('joining.done.next')}</p>
          </Alert>
          <p className="kern-body">
            <Link className="kern-link" to="/anmelden">
              {t('joining.done.toLogin')}
            </Link>
          </p>
        </div>
      </Page>
    );
  }

  const problem = create.isError ? toProblem(create.error) : null;
  const engagementOptions = [
    { value: '', label: t('joining.form.choose') },
    { value: 'professional', label: t('joining.engagement.professional') },
    { value: 'volunteer', label: t('joining.engagement.volunteer') },
  ];

  return (
    <Page title={t('joining.form.title')} lead={t('joining.form.lead')}>
      <div className="app-narrow">
        {problem?.kind === 'too-many-requests' && (
          <Alert variant="danger" title={t('joining.throttled.title')} live="alert">
            <p className="kern-body">
              {t('joining.throttled.text', { count: Math.max(1, Math.ceil(((waitUntil ?? now) - now) / 60000)) })}
            </p>
          </Alert>
        )}
        {problem && problem.kind !== 'too-many-requests' && problem.kind !== 'validation-error' && (
          <ProblemAlert error={create.error} />
        )}
        {problem?.kind === 'validation-error' && problem.fieldErrors.length === 0 && <ProblemAlert error={create.error} />}
        {siteError !== null && <ProblemAlert error={siteError} />}
        <ErrorSummary
          focusKey={form.failedSubmits}
          messages={form.formErrors}
          items={JOIN_FIELDS.filter((f) => form.errors[f]).map((f) => ({
            fieldId: fieldId(f),
            label: t(`joining.fields.${f}`),
            message: form.errors[f] ?? '',
          }))}
        />
        <p className="kern-body">{t('joining.form.required')}</p>
        <form noValidate onSubmit={onSubmit} className="app-form" aria-label={t('joining.form.title')}>
          <TextField
            id={fieldId('givenName')}
            label={t('joining.fields.givenName')}
            autoComplete="given-name"
            value={values.givenName}
            error={form.errors.givenName}
            onChange={(e) => onChange('givenName', e.target.value)}
            required
          />
          <TextField
            id={fieldId('familyName')}
            label={t('joining.fields.familyName')}
            autoComplete="family-name"
            value={values.familyName}
            error={form.errors.familyName}
            onChange={(e) => onChange('familyName', e.target.value)}
            required
          />
          <TextField
            id={fieldId('email')}
            label={t('joining.fields.email')}
            type="email"
            autoComplete="email"
            value={values.email}
            error={form.errors.email}
            onChange={(e) => onChange('email', e.target.value)}
            required
          />
          <TextField
            id={fieldId('organisation')}
            label={t('joining.fields.organisation')}
            hint={t('joining.form.organisationHint')}
            autoComplete="organization"
            optional
            value={values.organisation}
            error={form.errors.organisation}
            onChange={(e) => onChange('organisation', e.target.value)}
          />
          <SelectField
            id={fieldId('engagement')}
            label={t('joining.fields.engagement')}
            options={engagementOptions}
            value={values.engagement}
            error={form.errors.engagement}
            onChange={(e) => onChange('engagement', e.target.value as JoinFormValues['engagement'])}
            required
          />
          {groups.isPending && <Loader label={t('joining.form.workingGroupsLoading')} />}
          {groups.isError && (
            <Alert variant="info" title={t('joining.form.workingGroupsTitle')}>
              <p className="kern-body">{t('joining.form.workingGroupsNote')}</p>
            </Alert>
          )}
          {groups.data && groups.data.length > 0 && (
            <CheckboxGroup
              id={fieldId('workingGroups')}
              legend={t('joining.fields.workingGroups')}
              hint={t('joining.form.workingGroupsHint')}
              options={groups.data.map((g) => ({ value: g.id, label: g.name }))}
              value={values.workingGroups}
              error={form.errors.workingGroups}
              onChange={(ids) => onChange('workingGroups', ids)}
            />
          )}
          <TextArea
            id={fieldId('message')}
            label={t('joining.fields.message')}
            hint={t('joining.form.messageHint')}
            optional
            value={values.message}
            error={form.errors.message}
            onChange={(e) => onChange('message', e.target.value)}
          />
          <ConsentFields
            idPrefix="join"
            texts={{
              honeypot: t('joining.form.honeypot'),
              privacyText: t('joining.form.privacyText'),
              privacyLink: t('joining.form.privacyLink'),
              consent: t('joining.fields.consent'),
            }}
            website={values.website}
            onWebsiteChange={(v) => onChange('website', v)}
            consent={values.consent}
            consentError={form.errors.consent}
            onConsentChange={(v) => onChange('consent', v)}
          />
          <div className="kern-flex kern-flex-wrap kern-gap-md">
            <Button type="submit" variant="primary" disabled={create.isPending || waiting}>
              {create.isPending ? t('joining.form.submitting') : t('joining.form.submit')}
            </Button>
          </div>
        </form>
      </div>
    </Page>
  );
}
