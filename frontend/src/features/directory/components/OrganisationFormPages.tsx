import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { type ConflictChange, ConflictDialog } from '@/components/ConflictDialog';
import { LoadedPage } from '@/components/LoadedPage';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Button, ErrorSummary } from '@/components/ui';
import { isProblemKind } from '@/lib/api/problem';
import type { FieldErrors } from '@/lib/forms/fieldErrors';
import { useFormErrors } from '@/lib/forms/useFormErrors';
import {
  type Organisation,
  type OrganisationUpdate,
  directoryKeys,
  fetchLatestOrganisation,
  organisationQuery,
  useCreateOrganisation,
  useUpdateOrganisation,
} from '../api/directory';
import {
  EMPTY_ORGANISATION,
  ORGANISATION_FIELDS,
  ORGANISATION_FIELD_MAP,
  type OrganisationField,
  OrganisationFields,
  type OrganisationFormValues,
  organisationBody,
  organisationFieldId,
  organisationToValues,
  validateOrganisation,
} from './OrganisationFields';
import { diffChanges } from '@/lib/forms/changes';

function useOrganisationForm(initial: OrganisationFormValues) {
  const { t } = useTranslation();
  const [values, setValues] = useState<OrganisationFormValues>(initial);
  const form = useFormErrors<OrganisationField>(ORGANISATION_FIELD_MAP, (f) =>
    t(`directory.organisations.fields.${(ORGANISATION_FIELD_MAP as Record<string, string>)[f] ?? f}`, f),
  );
  const onChange = (field: OrganisationField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    form.clearField(field);
  };
  /** Runs the client rules; true when the values may be sent. */
  const check = () => {
    const clientErrors = validateOrganisation(values);
    const translated: FieldErrors<OrganisationField> = {};
    for (const field of ORGANISATION_FIELDS) if (clientErrors[field]) translated[field] = t(clientErrors[field]);
    return !form.setClientErrors(translated);
  };
  const summary = (
    <ErrorSummary
      focusKey={form.failedSubmits}
      messages={form.formErrors}
      items={ORGANISATION_FIELDS.filter((f) => form.errors[f]).map((f) => ({
        fieldId: organisationFieldId(f),
        label: t(`directory.organisations.fields.${f}`),
        message: form.errors[f] ?? '',
      }))}
    />
  );
  return { values, setValues, form, onChange, check, summary };
}

export function OrganisationCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateOrganisation();
  const { values, form, onChange, check, summary } = useOrganisationForm(EMPTY_ORGANISATION);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!check()) return;
    try {
      const created = await create.mutateAsync(organisationBody(values));
      navigate(`/organisationen/${created.data.id}`, {
        state: { flash: t('directory.organisations.create.done', { name: created.data.name }) },
      });
    } catch (caught) {
      form.applyProblem(caught);
    }
  };

  const showProblem = create.isError && !isProblemKind(create.error, 'validation-error');

  return (
    <Page title={t('directory.organisations.create.title')} lead={t('directory.organisations.create.lead')}>
      <div className="app-narrow">
        {showProblem && <ProblemAlert error={create.error} />}
        {summary}
        <form noValidate onSubmit={onSubmit} className="app-form" aria-label={t('directory.organisations.create.title')}>
          <OrganisationFields values={values} errors={form.errors} onChange={onChange} />
          <div className="kern-flex kern-flex-wrap kern-gap-md">
            <Button type="submit" disabled={create.isPending}>
              {t('directory.organisations.create.submit')}
            </Button>
            <Link className="kern-btn kern-btn--secondary" to="/organisationen">
              <span className="kern-label">{t('common.cancel')}</span>
            </Link>
          </div>
        </form>
      </div>
    </Page>
  );
}

export function OrganisationEditPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const organisation = useQuery(organisationQuery(organisationId));
  return (
    <LoadedPage query={organisation} title={t('directory.organisations.edit.title')} backTo="/organisationen" backLabel={t('directory.organisations.detail.backToList')}>
      {(loaded) => <OrganisationEditor organisation={loaded.data} etag={loaded.etag} />}
    </LoadedPage>
  );
}

function OrganisationEditor({ organisation, etag }: { organisation: Organisation; etag: string | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const update = useUpdateOrganisation(organisation.id);
  const { values, setValues, form, onChange, check, summary } = useOrganisationForm(organisationToValues(organisation));
  const [saved, setSaved] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{
    changes: ConflictChange[];
    latest: Awaited<ReturnType<typeof fetchLatestOrganisation>> | null;
  } | null>(null);

  useEffect(() => {
    setValues(organisationToValues(organisation));
  }, [organisation, setValues]);

  const show = (field: OrganisationField) => (v: OrganisationFormValues) => {
    if (field === 'kind') return v.kind ? t(`directory.kinds.${v.kind}`) : '';
    return v[field].trim();
  };
  const conflictFields = ORGANISATION_FIELDS.map((f) => ({ label: t(`directory.organisations.fields.${f}`), show: show(f) }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    if (!check()) return;
    const next = organisationBody(values);
    const before = organisationBody(organisationToValues(organisation));
    const body: OrganisationUpdate = {};
    for (const key of Object.keys(next) as (keyof typeof next)[]) {
      if (next[key] !== before[key]) (body as Record<string, unknown>)[key] = next[key];
    }
    if (Object.keys(body).length === 0) {
      setSaved(t('directory.organisations.edit.nothingChanged'));
      return;
    }
    try {
      await update.mutateAsync({ body, etag: etag ?? '' });
      setSaved(t('directory.organisations.edit.saved'));
    } catch (caught) {
      if (isProblemKind(caught, 'precondition-failed')) {
        let latest: Awaited<ReturnType<typeof fetchLatestOrganisation>> | null = null;
        try {
          latest = await fetchLatestOrganisation(organisation.id);
        } catch {
          latest = null;
        }
        const changes = latest ? diffChanges(conflictFields, values, organisationToValues(latest.data)) : [];
        setConflict({ changes, latest });
      } else {
        form.applyProblem(caught);
      }
    }
  };

  const reload = () => {
    if (conflict?.latest) queryClient.setQueryData(directoryKeys.organisation(organisation.id), conflict.latest);
    else void queryClient.invalidateQueries({ queryKey: directoryKeys.organisation(organisation.id) });
    form.clear();
    setConflict(null);
    setSaved(null);
  };

  const showProblem =
    update.isError &&
    !isProblemKind(update.error, 'precondition-failed') &&
    !isProblemKind(update.error, 'validation-error');

  return (
    <Page title={t('directory.organisations.edit.titleWithName', { name: organisation.name })}>
      <div className="app-narrow">
        {saved && <Alert variant="success" title={saved} live="status" />}
        {showProblem && <ProblemAlert error={update.error} />}
        {summary}
        <form noValidate onSubmit={onSubmit} className="app-form" aria-label={t('directory.organisations.edit.title')}>
          <OrganisationFields values={values} errors={form.errors} onChange={(f, v) => { setSaved(null); onChange(f, v); }} />
          <div className="kern-flex kern-flex-wrap kern-gap-md">
            <Button type="submit" disabled={update.isPending}>
              {t('common.save')}
            </Button>
            <Link className="kern-btn kern-btn--secondary" to={`/organisationen/${organisation.id}`}>
              <span className="kern-label">{t('common.cancel')}</span>
            </Link>
          </div>
        </form>
      </div>
      <ConflictDialog
        open={conflict !== null}
        changes={conflict?.changes ?? []}
        onReload={reload}
        onClose={() => setConflict(null)}
      />
    </Page>
  );
}
