import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { type ConflictChange, ConflictDialog } from '@/components/ConflictDialog';
import { LoadedPage } from '@/components/LoadedPage';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Button, ErrorSummary, Loader } from '@/components/ui';
import { bodyOptionsQuery } from '@/lib/api/options';
import { isProblemKind } from '@/lib/api/problem';
import { diffChanges } from '@/lib/forms/changes';
import type { FieldErrors } from '@/lib/forms/fieldErrors';
import { useFormErrors } from '@/lib/forms/useFormErrors';
import { formatDate } from '@/lib/format';
import { isUuid } from '@/lib/ids';
import { type Abilities, isEditableStatus, mayEditPaper } from '../api/actions';
import {
  EMPTY_SUBMISSION,
  SUBMISSION_FIELDS,
  SUBMISSION_FIELD_MAP,
  type SubmissionField,
  type SubmissionFormValues,
  submissionBody,
  submissionChanges,
  submissionFieldId,
  submissionToValues,
  validateSubmission,
} from '../api/submissionForm';
import {
  type LinkChoice,
  type Submission,
  type Versioned,
  fetchLatestSubmission,
  linkedMeasureQuery,
  linkedNeedQuery,
  submissionKeys,
  submissionQuery,
  useCreateSubmission,
  useUpdateSubmission,
} from '../api/submissions';
import { type PaperContent, PaperDocument } from './PaperDocument';
import { SubmissionFields } from './SubmissionFields';
import { useAbilities, useLinkLabels } from './shared';
import '../submissions.css';

function useSubmissionForm(initial: SubmissionFormValues) {
  const { t } = useTranslation();
  const [values, setValues] = useState<SubmissionFormValues>(initial);
  const form = useFormErrors<SubmissionField>(SUBMISSION_FIELD_MAP, (f) =>
    t(`submissions.fields.${(SUBMISSION_FIELD_MAP as Record<string, string>)[f] ?? f}`, f),
  );
  const onChange = (field: SubmissionField, patch: Partial<SubmissionFormValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    form.clearField(field);
  };
  const check = () => {
    const found = validateSubmission(values);
    const translated: FieldErrors<SubmissionField> = {};
    for (const field of SUBMISSION_FIELDS) if (found[field]) translated[field] = t(found[field]);
    return !form.setClientErrors(translated);
  };
  const summary = (
    <ErrorSummary
      focusKey={form.failedSubmits}
      messages={form.formErrors}
      items={SUBMISSION_FIELDS.filter((f) => form.errors[f]).map((f) => ({
        fieldId: submissionFieldId(f),
        label: t(`submissions.fields.${f}`),
        message: form.errors[f] ?? '',
      }))}
    />
  );
  return { values, setValues, form, onChange, check, summary };
}

/** The paper as the form stands, for the live preview. */
function usePreview(values: SubmissionFormValues, reference: string | null, date: string): PaperContent {
  const bodies = useQuery(bodyOptionsQuery);
  return {
    reference,
    title: values.title,
    kind: values.kind,
    bodyName: bodies.data?.find((b) => b.id === values.body)?.name ?? '',
    date,
    situation: values.situation,
    proposedResolution: values.proposedResolution,
    rationale: values.rationale,
    measures: values.measures,
    needs: values.needs,
  };
}

/** Form and preview side by side on wide screens, the preview below the form on narrow ones. */
function EditorLayout({ form, preview }: { form: ReactNode; preview: PaperContent }) {
  const { t } = useTranslation();
  return (
    <div className="app-paper-editor">
      <div className="app-paper-editor__form">{form}</div>
      <section className="app-paper-editor__preview" aria-labelledby="submission-preview-heading">
        <h2 className="kern-heading-medium" id="submission-preview-heading">
          {t('submissions.form.preview')}
        </h2>
        <p className="kern-body kern-body--small">{t('submissions.form.previewHint')}</p>
        <PaperDocument paper={preview} level={3} />
      </section>
    </div>
  );
}

function ForbiddenOrProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return isProblemKind(error, 'forbidden') ? (
    <Alert variant="danger" title={t('submissions.forbidden.title')} live="alert">
      <p className="kern-body">{t('submissions.forbidden.text')}</p>
    </Alert>
  ) : (
    <ProblemAlert error={error} />
  );
}

/** `/vorlagen/neu`, optionally `?gremium=<bodyId>` to preselect the submitting body. */
export function SubmissionCreatePage() {
  const { t } = useTranslation();
  const abilities = useAbilities();
  if (abilities.pending) {
    return (
      <Page title={t('submissions.create.title')}>
        <Loader label={t('common.loading')} />
      </Page>
    );
  }
  return <SubmissionCreator abilities={abilities} />;
}

function SubmissionCreator({ abilities }: { abilities: Abilities }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const create = useCreateSubmission();
  const bodyParam = search.get('gremium') ?? '';
  const preset = isUuid(bodyParam) && mayEditPaper(bodyParam, abilities) ? bodyParam : '';
  // A spokesperson of one body only submits for that one.
  const only = !abilities.coordinator && abilities.ledBodyIds.length === 1 ? (abilities.ledBodyIds[0] ?? '') : '';
  const { values, form, onChange, check, summary } = useSubmissionForm({ ...EMPTY_SUBMISSION, body: preset || only });
  const preview = usePreview(values, null, formatDate(new Date()));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!check()) return;
    try {
      const created = await create.mutateAsync(submissionBody(values));
      navigate(`/vorlagen/${created.data.id}`, { state: { flash: t('submissions.create.done', { title: created.data.title }) } });
    } catch (caught) {
      form.applyProblem(caught);
    }
  };

  return (
    <Page title={t('submissions.create.title')} lead={t('submissions.create.lead')}>
      <EditorLayout
        preview={preview}
        form={
          <>
            {create.isError && !isProblemKind(create.error, 'validation-error') && <ForbiddenOrProblem error={create.error} />}
            {summary}
            <form noValidate onSubmit={onSubmit} className="app-form" aria-label={t('submissions.create.title')}>
              <SubmissionFields values={values} errors={form.errors} abilities={abilities} creating onChange={onChange} />
              <div className="kern-flex kern-flex-wrap kern-gap-md">
                <Button type="submit" disabled={create.isPending}>
                  {t('submissions.create.submit')}
                </Button>
                <Link className="kern-btn kern-btn--secondary" to="/vorlagen">
                  <span className="kern-label">{t('common.cancel')}</span>
                </Link>
              </div>
            </form>
          </>
        }
      />
    </Page>
  );
}

/** `/vorlagen/:submissionId/bearbeiten`: drafts and submitted papers, for those who may change them. */
export function SubmissionEditPage() {
  const { t } = useTranslation();
  const { submissionId = '' } = useParams();
  const submission = useQuery(submissionQuery(submissionId));
  return (
    <LoadedPage query={submission} title={t('submissions.edit.title')} backTo="/vorlagen" backLabel={t('submissions.detail.backToBoard')}>
      {(loaded) => <EditGate loaded={loaded} />}
    </LoadedPage>
  );
}

function EditGate({ loaded }: { loaded: Versioned<Submission> }) {
  const { t } = useTranslation();
  const abilities = useAbilities();
  const paper = loaded.data;
  const labels = useLinkLabels(paper.measure_ids, paper.need_ids);
  const title = t('submissions.edit.titleWithName', { title: paper.title });
  const back = (
    <p className="kern-body">
      <Link className="kern-link" to={`/vorlagen/${paper.id}`}>
        {t('submissions.edit.back')}
      </Link>
    </p>
  );
  if (abilities.pending || labels.pending) {
    return (
      <Page title={title}>
        <Loader label={t('common.loading')} />
      </Page>
    );
  }
  if (!isEditableStatus(paper.status)) {
    return (
      <Page title={title}>
        <Alert variant="info" title={t('submissions.edit.closedTitle')}>
          <p className="kern-body">{t('submissions.edit.closedText', { status: t(`submissions.statuses.${paper.status}`) })}</p>
        </Alert>
        {back}
      </Page>
    );
  }
  if (!mayEditPaper(paper.body_id, abilities)) {
    return (
      <Page title={title}>
        <Alert variant="info" title={t('submissions.forbidden.title')}>
          <p className="kern-body">{t('submissions.forbidden.text')}</p>
        </Alert>
        {back}
      </Page>
    );
  }
  return <SubmissionEditor paper={paper} etag={loaded.etag} labels={labels} abilities={abilities} />;
}

function SubmissionEditor({
  paper,
  etag,
  labels,
  abilities,
}: {
  paper: Submission;
  etag: string | null;
  labels: ReturnType<typeof useLinkLabels>;
  abilities: Abilities;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const update = useUpdateSubmission(paper.id);
  // Every link label seen (stored ones and those picked here), so a reloaded paper reads well.
  const known = useRef(new Map<string, LinkChoice>([...labels.measures, ...labels.needs].map((c) => [c.id, c])));
  const toValues = (p: Submission) => {
    const all = [...known.current.values()];
    return submissionToValues(p, { measures: all, needs: all });
  };
  // The stored paper (after a save or a reload) is the baseline of the changes and of the form.
  const stored = useMemo(() => toValues(paper), [paper]);
  const { values, setValues, form, onChange, check, summary } = useSubmissionForm(stored);
  const [saved, setSaved] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ changes: ConflictChange[]; latest: Versioned<Submission> | null } | null>(null);
  const preview = usePreview(values, paper.reference, formatDate(paper.submitted_at ?? paper.updated_at));

  useEffect(() => {
    setValues(stored);
  }, [stored, setValues]);

  const onFieldChange = (field: SubmissionField, patch: Partial<SubmissionFormValues>) => {
    for (const choice of [...(patch.measures ?? []), ...(patch.needs ?? [])]) known.current.set(choice.id, choice);
    setSaved(null);
    onChange(field, patch);
  };

  const joined = (list: { label: string }[]) => list.map((c) => c.label).join('; ');
  const conflictFields = [
    { label: t('submissions.fields.title'), show: (v: SubmissionFormValues) => v.title.trim() },
    { label: t('submissions.fields.kind'), show: (v: SubmissionFormValues) => (v.kind ? t(`submissions.kinds.${v.kind}`) : '') },
    { label: t('submissions.fields.situation'), show: (v: SubmissionFormValues) => v.situation.trim() },
    { label: t('submissions.fields.proposedResolution'), show: (v: SubmissionFormValues) => v.proposedResolution.trim() },
    { label: t('submissions.fields.rationale'), show: (v: SubmissionFormValues) => v.rationale.trim() },
    { label: t('submissions.fields.measures'), show: (v: SubmissionFormValues) => joined(v.measures) },
    { label: t('submissions.fields.needs'), show: (v: SubmissionFormValues) => joined(v.needs) },
  ];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    if (!check()) return;
    const body = submissionChanges(stored, values);
    if (Object.keys(body).length === 0) {
      setSaved(t('submissions.edit.nothingChanged'));
      return;
    }
    // The labels of new links are known here; the page need not load them again after the save.
    for (const choice of values.measures) queryClient.setQueryData(linkedMeasureQuery(choice.id).queryKey, choice);
    for (const choice of values.needs) queryClient.setQueryData(linkedNeedQuery(choice.id).queryKey, choice);
    try {
      await update.mutateAsync({ body, etag: etag ?? '' });
      setSaved(t('submissions.edit.saved'));
    } catch (caught) {
      if (isProblemKind(caught, 'precondition-failed')) {
        let latest: Versioned<Submission> | null = null;
        try {
          latest = await fetchLatestSubmission(paper.id);
        } catch {
          latest = null;
        }
        setConflict({ changes: latest ? diffChanges(conflictFields, values, toValues(latest.data)) : [], latest });
      } else {
        form.applyProblem(caught);
      }
    }
  };

  const reload = () => {
    if (conflict?.latest) queryClient.setQueryData(submissionKeys.detail(paper.id), conflict.latest);
    else void queryClient.invalidateQueries({ queryKey: submissionKeys.detail(paper.id) });
    form.clear();
    setConflict(null);
    setSaved(null);
  };

  const showProblem = update.isError && !isProblemKind(update.error, 'precondition-failed') && !isProblemKind(update.error, 'validation-error');

  return (
    <Page title={t('submissions.edit.titleWithName', { title: paper.title })} lead={paper.reference ?? t('submissions.card.noReference')}>
      <EditorLayout
        preview={preview}
        form={
          <>
            {saved && (
              <Alert variant="success" title={saved} live="status">
                <p className="kern-body">
                  <Link className="kern-link" to={`/vorlagen/${paper.id}`}>
                    {t('submissions.edit.back')}
                  </Link>
                </p>
              </Alert>
            )}
            {showProblem &&
              (isProblemKind(update.error, 'conflict') ? (
                <Alert variant="danger" title={t('submissions.edit.closedTitle')} live="alert">
                  <p className="kern-body">{t('submissions.edit.closedNow')}</p>
                </Alert>
              ) : (
                <ForbiddenOrProblem error={update.error} />
              ))}
            {summary}
            <form noValidate onSubmit={onSubmit} className="app-form" aria-label={t('submissions.edit.title')}>
              <SubmissionFields
                values={values}
                errors={form.errors}
                abilities={abilities}
                creating={false}
                onChange={onFieldChange}
              />
              <div className="kern-flex kern-flex-wrap kern-gap-md">
                <Button type="submit" disabled={update.isPending}>
                  {t('common.save')}
                </Button>
                <Link className="kern-btn kern-btn--secondary" to={`/vorlagen/${paper.id}`}>
                  <span className="kern-label">{t('submissions.edit.back')}</span>
                </Link>
              </div>
            </form>
          </>
        }
      />
      <ConflictDialog open={conflict !== null} changes={conflict?.changes ?? []} onReload={reload} onClose={() => setConflict(null)} />
    </Page>
  );
}
