import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { type ConflictChange, ConflictDialog } from '@/components/ConflictDialog';
import { LoadedPage } from '@/components/LoadedPage';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Button, ErrorSummary, Loader } from '@/components/ui';
import { bodyOptionsQuery, organisationOptionsQuery } from '@/lib/api/options';
import { isProblemKind } from '@/lib/api/problem';
import { diffChanges } from '@/lib/forms/changes';
import type { FieldErrors } from '@/lib/forms/fieldErrors';
import { useFormErrors } from '@/lib/forms/useFormErrors';
import { formatDateTime } from '@/lib/format';
import { isUuid } from '@/lib/ids';
import {
  EMPTY_MEASURE,
  MEASURE_FIELDS,
  MEASURE_FIELD_MAP,
  type MeasureField,
  type MeasureFormValues,
  measureBody,
  measureChanges,
  measureFieldId,
  measureToValues,
  originFromNeed,
  validateMeasure,
  valuesFromNeed,
} from '../api/measureForm';
import {
  type Measure,
  fetchLatestMeasure,
  goalOptionsQuery,
  measureKeys,
  measureQuery,
  sourceNeedQuery,
  useCreateMeasure,
  useUpdateMeasure,
} from '../api/measures';
import { type LinkedGoal, type LinkedNeed, MeasureFields } from './MeasureFields';
import '../measures.css';

function useMeasureForm(initial: MeasureFormValues, creating: boolean) {
  const { t } = useTranslation();
  const [values, setValues] = useState<MeasureFormValues>(initial);
  const form = useFormErrors<MeasureField>(MEASURE_FIELD_MAP, (f) =>
    t(`measures.fields.${(MEASURE_FIELD_MAP as Record<string, string>)[f] ?? f}`, f),
  );
  const onChange = (field: MeasureField, patch: Partial<MeasureFormValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    form.clearField(field);
  };
  const check = () => {
    const clientErrors = validateMeasure(values, creating);
    const translated: FieldErrors<MeasureField> = {};
    for (const field of MEASURE_FIELDS) if (clientErrors[field]) translated[field] = t(clientErrors[field]);
    return !form.setClientErrors(translated);
  };
  const summary = (
    <ErrorSummary
      focusKey={form.failedSubmits}
      messages={form.formErrors}
      items={MEASURE_FIELDS.filter((f) => form.errors[f]).map((f) => ({
        fieldId: measureFieldId(f),
        label: t(`measures.fields.${f === 'body' ? 'bodyShort' : f}`),
        message: form.errors[f] ?? '',
      }))}
    />
  );
  return { values, setValues, form, onChange, check, summary };
}

function ForbiddenOrProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return isProblemKind(error, 'forbidden') ? (
    <Alert variant="danger" title={t('measures.forbidden.title')} live="alert">
      <p className="kern-body">{t('measures.forbidden.text')}</p>
    </Alert>
  ) : (
    <ProblemAlert error={error} />
  );
}

/** `/massnahmen/neu`, optionally `?bedarf=<needId>`: prefilled from the need, which is linked, with its meeting as origin. */
export function MeasureCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const needParam = search.get('bedarf') ?? '';
  const needId = isUuid(needParam) ? needParam : '';
  const need = useQuery({ ...sourceNeedQuery(needId), enabled: needId !== '' });
  const create = useCreateMeasure();
  const { values, setValues, form, onChange, check, summary } = useMeasureForm(EMPTY_MEASURE, true);
  const [prefilledFrom, setPrefilledFrom] = useState<string | null>(null);

  // Fill the form once from the need when it has loaded.
  useEffect(() => {
    if (need.data && prefilledFrom !== need.data.id) {
      setPrefilledFrom(need.data.id);
      setValues(valuesFromNeed(need.data));
    }
  }, [need.data, prefilledFrom, setValues]);

  const source = need.data ?? null;
  const linkedNeeds: LinkedNeed[] = source ? [{ id: source.id, title: source.title, status: source.status }] : [];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!check()) return;
    try {
      const created = await create.mutateAsync(measureBody(values, source ? originFromNeed(source) : undefined));
      navigate(`/massnahmen/${created.data.id}`, {
        state: { flash: t('measures.create.done', { reference: created.data.reference, title: created.data.title }) },
      });
    } catch (caught) {
      form.applyProblem(caught);
    }
  };

  const showProblem = create.isError && !isProblemKind(create.error, 'validation-error');
  return (
    <Page title={t('measures.create.title')} lead={t('measures.create.lead')}>
      <div className="app-narrow">
        {showProblem && <ForbiddenOrProblem error={create.error} />}
        {needId && need.isPending && <Loader label={t('common.loading')} />}
        {needId && need.isError && <Alert variant="warning" title={t('measures.create.needMissing')} />}
        {source && (
          <Alert variant="info" title={t('measures.create.fromNeed', { title: source.title })}>
            {source.raised_at && (
              <p className="kern-body">
                {t('measures.create.fromNeedMeeting', {
                  meeting: source.raised_at.meeting_title,
                  date: formatDateTime(source.raised_at.meeting_starts_at),
                  number: source.raised_at.agenda_item_number,
                })}
              </p>
            )}
          </Alert>
        )}
        {summary}
        <form noValidate onSubmit={onSubmit} className="app-form" aria-label={t('measures.create.title')}>
          <MeasureFields
            values={values}
            errors={form.errors}
            creating
            linkedGoals={[]}
            linkedNeeds={linkedNeeds}
            onChange={onChange}
          />
          <div className="kern-flex kern-flex-wrap kern-gap-md">
            <Button type="submit" disabled={create.isPending}>
              {t('measures.create.submit')}
            </Button>
            <Link className="kern-btn kern-btn--secondary" to={source ? `/bedarfe/${source.id}` : '/massnahmen'}>
              <span className="kern-label">{t('common.cancel')}</span>
            </Link>
          </div>
        </form>
      </div>
    </Page>
  );
}

export function MeasureEditPage() {
  const { t } = useTranslation();
  const { measureId = '' } = useParams();
  const measure = useQuery(measureQuery(measureId));
  return (
    <LoadedPage query={measure} title={t('measures.edit.title')} backTo="/massnahmen" backLabel={t('measures.detail.backToList')}>
      {(loaded) => <MeasureEditor measure={loaded.data} etag={loaded.etag} />}
    </LoadedPage>
  );
}

function MeasureEditor({ measure, etag }: { measure: Measure; etag: string | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const update = useUpdateMeasure(measure.id);
  const bodies = useQuery(bodyOptionsQuery);
  const organisations = useQuery(organisationOptionsQuery);
  const goals = useQuery(goalOptionsQuery);
  const { values, setValues, form, onChange, check, summary } = useMeasureForm(measureToValues(measure), false);
  const [saved, setSaved] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{
    changes: ConflictChange[];
    latest: Awaited<ReturnType<typeof fetchLatestMeasure>> | null;
  } | null>(null);

  useEffect(() => {
    setValues(measureToValues(measure));
  }, [measure, setValues]);

  const linkedGoals: LinkedGoal[] = measure.goals;
  const linkedNeeds: LinkedNeed[] = measure.needs.map((n) => ({ id: n.id, title: n.title, status: n.status }));

  // How each field reads in the conflict dialog (names, not ids).
  const goalCode = (id: string) =>
    measure.goals.find((g) => g.id === id)?.code ?? goals.data?.find((g) => g.id === id)?.code ?? id;
  const orgName = (id: string) => organisations.data?.find((o) => o.id === id)?.name ?? id;
  const show: Record<MeasureField, (v: MeasureFormValues) => string> = {
    title: (v) => v.title.trim(),
    body: (v) => bodies.data?.find((b) => b.id === v.body)?.name ?? v.body,
    status: (v) => t(`measures.statuses.${v.status}`),
    description: (v) => v.description.trim(),
    targetGroup: (v) => v.targetGroup.trim(),
    startsOn: (v) => v.startsOn,
    endsOn: (v) => v.endsOn,
    progress: (v) => v.progress.trim(),
    goals: (v) => v.goalIds.map(goalCode).sort().join(', '),
    organisations: (v) =>
      v.organisations
        .map((row) => `${orgName(row.organisationId)} (${t(`measures.roles.${row.role}`)})`)
        .sort()
        .join('; '),
    needs: (v) => String(v.needIds.length),
  };
  const conflictFields = MEASURE_FIELDS.filter((f) => f !== 'status').map((f) => ({
    label: t(`measures.fields.${f === 'body' ? 'bodyShort' : f}`),
    show: show[f],
  }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    if (!check()) return;
    const body = measureChanges(measureToValues(measure), values);
    if (Object.keys(body).length === 0) {
      setSaved(t('measures.edit.nothingChanged'));
      return;
    }
    try {
      await update.mutateAsync({ body, etag: etag ?? '' });
      setSaved(t('measures.edit.saved'));
    } catch (caught) {
      if (isProblemKind(caught, 'precondition-failed')) {
        let latest: Awaited<ReturnType<typeof fetchLatestMeasure>> | null = null;
        try {
          latest = await fetchLatestMeasure(measure.id);
        } catch {
          latest = null;
        }
        setConflict({ changes: latest ? diffChanges(conflictFields, values, measureToValues(latest.data)) : [], latest });
      } else {
        form.applyProblem(caught);
      }
    }
  };

  const reload = () => {
    if (conflict?.latest) queryClient.setQueryData(measureKeys.detail(measure.id), conflict.latest);
    else void queryClient.invalidateQueries({ queryKey: measureKeys.detail(measure.id) });
    form.clear();
    setConflict(null);
    setSaved(null);
  };

  const showProblem =
    update.isError && !isProblemKind(update.error, 'precondition-failed') && !isProblemKind(update.error, 'validation-error');

  return (
    <Page title={t('measures.edit.titleWithName', { reference: measure.reference })} lead={measure.title}>
      <div className="app-narrow">
        {saved && <Alert variant="success" title={saved} live="status" />}
        {showProblem && <ForbiddenOrProblem error={update.error} />}
        {summary}
        <p className="kern-body">{t('measures.edit.statusNote')}</p>
        <form noValidate onSubmit={onSubmit} className="app-form" aria-label={t('measures.edit.title')}>
          <MeasureFields
            values={values}
            errors={form.errors}
            creating={false}
            linkedGoals={linkedGoals}
            linkedNeeds={linkedNeeds}
            onChange={(f, patch) => {
              setSaved(null);
              onChange(f, patch);
            }}
          />
          <div className="kern-flex kern-flex-wrap kern-gap-md">
            <Button type="submit" disabled={update.isPending}>
              {t('common.save')}
            </Button>
            <Link className="kern-btn kern-btn--secondary" to={`/massnahmen/${measure.id}`}>
              <span className="kern-label">{t('measures.edit.back')}</span>
            </Link>
          </div>
        </form>
      </div>
      <ConflictDialog open={conflict !== null} changes={conflict?.changes ?? []} onReload={reload} onClose={() => setConflict(null)} />
    </Page>
  );
}
