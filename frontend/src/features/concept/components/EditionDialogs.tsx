import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Button, CheckboxGroup, Dialog, Loader, SelectField, TextArea, TextField } from '@/components/ui';
import { bodyOptionsQuery } from '@/lib/api/options';
import { isProblemKind } from '@/lib/api/problem';
import { diffChanges } from '@/lib/forms/changes';
import {
  type Edition,
  type EditionSummary,
  type Field,
  type Goal,
  conceptKeys,
  fetchEdition,
  useAdoptEdition,
  useCreateEdition,
  useDeleteEdition,
  useDeleteField,
  useDeleteGoal,
  useDeriveEdition,
  useSaveField,
  useSaveGoal,
  useUpdateEdition,
} from '../api/concept';
import {
  ADOPT_FIELDS,
  ADOPT_FIELD_MAP,
  type AdoptField,
  type AdoptValues,
  DERIVE_FIELDS,
  DERIVE_FIELD_MAP,
  type DeriveField,
  EDITION_FIELDS,
  EDITION_FIELD_MAP,
  EMPTY_FIELD,
  type EditionField,
  type EditionValues,
  FIELD_FIELDS,
  FIELD_FIELD_MAP,
  type FieldField,
  type FieldValues,
  GOAL_FIELDS,
  GOAL_FIELD_MAP,
  type GoalField,
  type GoalValues,
  adoptBody,
  deriveBody,
  deriveDefaults,
  editionChanges,
  editionToValues,
  emptyGoal,
  fieldBody,
  fieldChanges,
  fieldToValues,
  goalBody,
  goalChanges,
  goalToValues,
  nextGoalCode,
  validateAdopt,
  validateDerive,
  validateEdition,
  validateField,
  validateGoal,
} from '../api/conceptForm';
import { todayIso } from './shared';
import { type Conflict, ConflictNotice, useDialogForm } from './useDialogForm';

/** The problem of a failed write in words for the concept: read-only (409) and stale (412) explained. */
function WriteProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (isProblemKind(error, 'conflict')) {
    return (
      <Alert variant="danger" title={t('concept.dialogs.readOnly.title')} live="alert">
        <p className="kern-body">{t('concept.dialogs.readOnly.text')}</p>
      </Alert>
    );
  }
  if (isProblemKind(error, 'precondition-failed')) {
    return (
      <Alert variant="danger" title={t('concept.dialogs.stale.title')} live="alert">
        <p className="kern-body">{t('concept.dialogs.stale.text')}</p>
      </Alert>
    );
  }
  return <ProblemAlert error={error} />;
}

function DialogFooter({ form, submit, pending, onCancel }: { form: string; submit: string; pending: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Button variant="secondary" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" form={form} disabled={pending}>
        {submit}
      </Button>
    </>
  );
}

const showsOwnProblem = (error: unknown) => isProblemKind(error, 'validation-error');

/** The save error an edit dialog explains above its form: not field errors (at the fields), not 412 (the conflict notice). */
const editProblem = (mutation: { isError: boolean; error: unknown }) =>
  mutation.isError && !showsOwnProblem(mutation.error) && !isProblemKind(mutation.error, 'precondition-failed') ? mutation.error : null;

/** A dialog around one form: intro, the write problem (when not null), the error summary, the fields; optionally the 412 notice. */
function FormDialog({
  open,
  title,
  formId,
  submit,
  pending,
  problem,
  intro,
  summary,
  onSubmit,
  onClose,
  conflict,
  children,
}: {
  open: boolean;
  title: string;
  formId: string;
  /** The submit button's text; "Speichern" when left out. */
  submit?: string;
  pending: boolean;
  /** The error to explain above the form; null for none. */
  problem: unknown;
  intro?: ReactNode;
  summary: ReactNode;
  onSubmit: (event: FormEvent) => void;
  onClose: () => void;
  conflict?: { value: Conflict | null; onClose: () => void };
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const dialog = (
    <Dialog
      open={open}
      title={title}
      onClose={onClose}
      footer={<DialogFooter form={formId} submit={submit ?? t('common.save')} pending={pending} onCancel={onClose} />}
    >
      {intro}
      {problem !== null && <WriteProblem error={problem} />}
      {summary}
      <form id={formId} noValidate onSubmit={onSubmit} className="app-form">
        {children}
      </form>
    </Dialog>
  );
  if (!conflict) return dialog;
  return (
    <>
      {dialog}
      <ConflictNotice conflict={conflict.value} onClose={conflict.onClose} />
    </>
  );
}

/** The 412 notice of a dialog: fetches the saved edition, lists what differs, and reloads it on request. */
function useStaleConflict(editionId: string, reset: () => void) {
  const queryClient = useQueryClient();
  const [value, setValue] = useState<Conflict | null>(null);
  /** `changes` compares the user's input with the freshly loaded edition. */
  const report = async (changes: (latest: Edition) => Conflict['changes']) => {
    const latest = await fetchEdition(editionId).catch(() => null);
    setValue({
      changes: latest ? changes(latest) : [],
      reload: () => {
        reset();
        if (latest) queryClient.setQueryData(conceptKeys.edition(editionId), latest);
        else void queryClient.invalidateQueries({ queryKey: conceptKeys.edition(editionId) });
      },
    });
  };
  return { value, onClose: () => setValue(null), report };
}

type Errors<F extends string> = Partial<Record<F, string | undefined>>;

/** Year and title of an edition. */
function YearTitleFields({
  fieldId,
  values,
  errors,
  set,
}: {
  fieldId: (field: 'year' | 'title') => string;
  values: { year: string; title: string };
  errors: Errors<'year' | 'title'>;
  set: (field: 'year' | 'title', value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id={fieldId('year')}
        label={t('concept.fields.year')}
        inputMode="numeric"
        autoComplete="off"
        required
        value={values.year}
        error={errors.year}
        onChange={(e) => set('year', e.target.value)}
      />
      <TextField
        id={fieldId('title')}
        label={t('concept.fields.title')}
        autoComplete="off"
        required
        value={values.title}
        error={errors.title}
        onChange={(e) => set('title', e.target.value)}
      />
    </>
  );
}

/** Code (with its hint), title and description of a field of action or a goal. */
function CodeTitleDescriptionFields({
  fieldId,
  codeHint,
  values,
  errors,
  set,
}: {
  fieldId: (field: 'code' | 'title' | 'description') => string;
  codeHint: string;
  values: { code: string; title: string; description: string };
  errors: Errors<'code' | 'title' | 'description'>;
  set: (field: 'code' | 'title' | 'description', value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id={fieldId('code')}
        label={t('concept.fields.code')}
        hint={codeHint}
        autoComplete="off"
        required
        value={values.code}
        error={errors.code}
        onChange={(e) => set('code', e.target.value)}
      />
      <TextField
        id={fieldId('title')}
        label={t('concept.fields.title')}
        autoComplete="off"
        required
        value={values.title}
        error={errors.title}
        onChange={(e) => set('title', e.target.value)}
      />
      <TextArea
        id={fieldId('description')}
        label={t('concept.fields.description')}
        optional
        rows={4}
        value={values.description}
        error={errors.description}
        onChange={(e) => set('description', e.target.value)}
      />
    </>
  );
}

// --- a new draft: derived from the current edition, or the very first one -----------------------

export function NewDraftDialog({
  open,
  source,
  onClose,
}: {
  open: boolean;
  /** The current edition to derive from; null for a blank first draft. */
  source: EditionSummary | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const derive = useDeriveEdition();
  const create = useCreateEdition();
  const mutation = source ? derive : create;
  const label = (f: DeriveField) => t(`concept.fields.${f}`);
  const { values, set, form, check, summary, fieldId } = useDialogForm({
    open,
    openKey: source?.id ?? 'blank',
    initial: () => deriveDefaults(new Date()),
    fields: DERIVE_FIELDS,
    fieldMap: DERIVE_FIELD_MAP,
    label,
    idPrefix: 'draft',
    validate: validateDerive,
  });
  const close = () => {
    derive.reset();
    create.reset();
    onClose();
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!check()) return;
    try {
      const draft = source
        ? await derive.mutateAsync({ sourceId: source.id, body: deriveBody(values) })
        : await create.mutateAsync({ ...deriveBody(values), introduction: '' });
      onClose();
      navigate(`/konzept/${draft.id}`, { state: { flash: t('concept.dialogs.derive.done', { title: draft.title }) } });
    } catch (caught) {
      form.applyProblem(caught);
    }
  };
  return (
    <FormDialog
      open={open}
      title={t(source ? 'concept.dialogs.derive.title' : 'concept.dialogs.create.title')}
      formId="draft-form"
      submit={t(source ? 'concept.dialogs.derive.submit' : 'concept.dialogs.create.submit')}
      pending={mutation.isPending}
      problem={mutation.isError && !showsOwnProblem(mutation.error) ? mutation.error : null}
      intro={
        <p className="kern-body">
          {source ? t('concept.dialogs.derive.text', { year: source.year }) : t('concept.dialogs.create.text')}
        </p>
      }
      summary={summary}
      onSubmit={onSubmit}
      onClose={close}
    >
      <YearTitleFields fieldId={fieldId} values={values} errors={form.errors} set={set} />
    </FormDialog>
  );
}

// --- the draft's own details --------------------------------------------------------------------------

export function EditionDetailsDialog({
  open,
  edition,
  onClose,
  onDone,
}: {
  open: boolean;
  edition: Edition;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateEdition(edition);
  const conflict = useStaleConflict(edition.id, () => update.reset());
  const label = (f: EditionField) => t(`concept.fields.${f}`);
  const { values, set, form, check, summary, fieldId } = useDialogForm({
    open,
    openKey: `${edition.id}-${edition.version}`,
    initial: () => editionToValues(edition),
    fields: EDITION_FIELDS,
    fieldMap: EDITION_FIELD_MAP,
    label,
    idPrefix: 'edition-details',
    validate: validateEdition,
  });
  const close = () => {
    update.reset();
    onClose();
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!check()) return;
    const body = editionChanges(editionToValues(edition), values);
    if (Object.keys(body).length === 0) {
      onDone(t('concept.dialogs.edition.nothingChanged'));
      return;
    }
    try {
      await update.mutateAsync({ body, version: edition.version });
      onDone(t('concept.dialogs.edition.saved'));
    } catch (caught) {
      if (isProblemKind(caught, 'precondition-failed')) {
        const shown = EDITION_FIELDS.map((f) => ({ label: label(f), show: (v: EditionValues) => v[f].trim() }));
        await conflict.report((latest) => diffChanges(shown, values, editionToValues(latest)));
      } else {
        form.applyProblem(caught);
      }
    }
  };
  return (
    <FormDialog
      open={open}
      title={t('concept.dialogs.edition.title')}
      formId="edition-form"
      pending={update.isPending}
      problem={editProblem(update)}
      summary={summary}
      onSubmit={onSubmit}
      onClose={close}
      conflict={conflict}
    >
      <YearTitleFields fieldId={fieldId} values={values} errors={form.errors} set={set} />
      <TextArea
        id={fieldId('introduction')}
        label={label('introduction')}
        optional
        rows={6}
        value={values.introduction}
        error={form.errors.introduction}
        onChange={(e) => set('introduction', e.target.value)}
      />
    </FormDialog>
  );
}

// --- fields of action -------------------------------------------------------------------------------

export function FieldDialog({
  open,
  edition,
  field,
  onClose,
  onDone,
}: {
  open: boolean;
  edition: Edition;
  /** null: a new field. */
  field: Field | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const save = useSaveField(edition.id);
  const bodies = useQuery({ ...bodyOptionsQuery, enabled: open });
  const conflict = useStaleConflict(edition.id, () => save.reset());
  const label = (f: FieldField) => t(`concept.fields.${f === 'title' ? 'title' : f}`);
  const { values, set, form, check, summary, fieldId } = useDialogForm<FieldField, FieldValues>({
    open,
    openKey: field ? `${field.id}-${field.version}` : 'new',
    initial: () => (field ? fieldToValues(field) : EMPTY_FIELD),
    fields: FIELD_FIELDS,
    fieldMap: FIELD_FIELD_MAP,
    label,
    idPrefix: 'field',
    validate: validateField,
  });
  const close = () => {
    save.reset();
    onClose();
  };
  const bodyName = (id: string) => bodies.data?.find((b) => b.id === id)?.short_name ?? id;
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!check()) return;
    try {
      if (field) {
        const body = fieldChanges(fieldToValues(field), values);
        if (Object.keys(body).length > 0) await save.mutateAsync({ field, body });
        onDone(t('concept.dialogs.field.saved', { code: values.code.trim() }));
      } else {
        const saved = await save.mutateAsync({ field: null, body: fieldBody(values) });
        onDone(t('concept.dialogs.field.added', { code: saved.code }));
      }
    } catch (caught) {
      if (field && isProblemKind(caught, 'precondition-failed')) {
        const shown = FIELD_FIELDS.map((f) => ({
          label: label(f),
          show: (v: FieldValues) => (f === 'bodies' ? v.bodies.map(bodyName).join(', ') : v[f].trim()),
        }));
        await conflict.report((latest) => {
          const saved = latest.fields.find((f) => f.id === field.id);
          return saved ? diffChanges(shown, values, fieldToValues(saved)) : [];
        });
      } else {
        form.applyProblem(caught);
      }
    }
  };
  return (
    <FormDialog
      open={open}
      title={field ? t('concept.dialogs.field.editTitle', { code: field.code }) : t('concept.dialogs.field.addTitle')}
      formId="field-form"
      pending={save.isPending}
      problem={editProblem(save)}
      summary={summary}
      onSubmit={onSubmit}
      onClose={close}
      conflict={conflict}
    >
      <CodeTitleDescriptionFields fieldId={fieldId} codeHint={t('concept.dialogs.field.codeHint')} values={values} errors={form.errors} set={set} />
      {bodies.isPending && <Loader label={t('concept.dialogs.field.bodiesLoading')} />}
      {bodies.isError && <ProblemAlert error={bodies.error} />}
      {bodies.isSuccess && (
        <CheckboxGroup
          id={fieldId('bodies')}
          legend={label('bodies')}
          hint={t('concept.dialogs.field.bodiesHint')}
          options={bodies.data.map((b) => ({ value: b.id, label: b.name }))}
          value={values.bodies}
          error={form.errors.bodies}
          onChange={(next) => set('bodies', next)}
        />
      )}
    </FormDialog>
  );
}

// --- goals --------------------------------------------------------------------------------------------

export function GoalDialog({
  open,
  edition,
  goal,
  fieldId: targetField,
  onClose,
  onDone,
}: {
  open: boolean;
  edition: Edition;
  /** null: a new goal in field `fieldId`. */
  goal: Goal | null;
  fieldId: string;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const save = useSaveGoal(edition.id);
  const conflict = useStaleConflict(edition.id, () => save.reset());
  const label = (f: GoalField) => t(`concept.fields.${f}`);
  const fieldName = (id: string) => {
    const found = edition.fields.find((f) => f.id === id);
    return found ? `${found.code} ${found.title}` : '';
  };
  const suggestion = () => {
    const target = edition.fields.find((f) => f.id === targetField);
    const codes = edition.fields.flatMap((f) => f.goals.map((g) => g.code));
    return { ...emptyGoal(targetField), code: target ? nextGoalCode(target.code, codes) : '' };
  };
  const { values, set, form, check, summary, fieldId } = useDialogForm<GoalField, GoalValues>({
    open,
    openKey: goal ? `${goal.id}-${goal.version}` : `new-${targetField}`,
    initial: () => (goal ? goalToValues(goal) : suggestion()),
    fields: GOAL_FIELDS,
    fieldMap: GOAL_FIELD_MAP,
    label,
    idPrefix: 'goal',
    validate: validateGoal,
  });
  const close = () => {
    save.reset();
    onClose();
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!check()) return;
    try {
      if (goal) {
        const body = goalChanges(goalToValues(goal), values);
        if (Object.keys(body).length > 0) await save.mutateAsync({ goal, body });
        onDone(t('concept.dialogs.goal.saved', { code: values.code.trim() }));
      } else {
        const saved = await save.mutateAsync({ goal: null, body: goalBody(values) });
        onDone(t('concept.dialogs.goal.added', { code: saved.code }));
      }
    } catch (caught) {
      if (goal && isProblemKind(caught, 'precondition-failed')) {
        const shown = GOAL_FIELDS.map((f) => ({
          label: label(f),
          show: (v: GoalValues) => (f === 'field' ? fieldName(v.field) : v[f].trim()),
        }));
        await conflict.report((latest) => {
          const saved = latest.fields.flatMap((f) => f.goals).find((g) => g.id === goal.id);
          return saved ? diffChanges(shown, values, goalToValues(saved)) : [];
        });
      } else {
        form.applyProblem(caught);
      }
    }
  };
  return (
    <FormDialog
      open={open}
      title={goal ? t('concept.dialogs.goal.editTitle', { code: goal.code }) : t('concept.dialogs.goal.addTitle')}
      formId="goal-form"
      pending={save.isPending}
      problem={editProblem(save)}
      summary={summary}
      onSubmit={onSubmit}
      onClose={close}
      conflict={conflict}
    >
      <SelectField
        id={fieldId('field')}
        label={label('field')}
        required
        value={values.field}
        error={form.errors.field}
        onChange={(e) => set('field', e.target.value)}
        options={edition.fields.map((f) => ({ value: f.id, label: `${f.code} ${f.title}` }))}
      />
      <CodeTitleDescriptionFields fieldId={fieldId} codeHint={t('concept.dialogs.goal.codeHint')} values={values} errors={form.errors} set={set} />
    </FormDialog>
  );
}

// --- deleting -------------------------------------------------------------------------------------------

export type DeleteTarget = { kind: 'field'; field: Field } | { kind: 'goal'; goal: Goal } | { kind: 'edition' };

export function DeleteDialog({
  target,
  edition,
  onClose,
  onDone,
}: {
  target: DeleteTarget | null;
  edition: Edition;
  onClose: () => void;
  onDone: (message: string, kind: DeleteTarget['kind']) => void;
}) {
  const { t } = useTranslation();
  const removeField = useDeleteField();
  const removeGoal = useDeleteGoal();
  const removeEdition = useDeleteEdition(edition);
  const mutation = target?.kind === 'field' ? removeField : target?.kind === 'goal' ? removeGoal : removeEdition;
  const close = () => {
    removeField.reset();
    removeGoal.reset();
    removeEdition.reset();
    onClose();
  };
  const run = async () => {
    if (!target) return;
    try {
      if (target.kind === 'field') {
        await removeField.mutateAsync(target.field);
        onDone(t('concept.dialogs.deleteField.done', { code: target.field.code }), 'field');
      } else if (target.kind === 'goal') {
        await removeGoal.mutateAsync(target.goal);
        onDone(t('concept.dialogs.deleteGoal.done', { code: target.goal.code }), 'goal');
      } else {
        await removeEdition.mutateAsync();
        onDone(t('concept.dialogs.discard.done', { title: edition.title }), 'edition');
      }
    } catch {
      // The dialog shows the problem.
    }
  };
  const title =
    target?.kind === 'field'
      ? t('concept.dialogs.deleteField.title')
      : target?.kind === 'goal'
        ? t('concept.dialogs.deleteGoal.title')
        : t('concept.dialogs.discard.title');
  const confirm =
    target?.kind === 'field'
      ? t('concept.dialogs.deleteField.confirm')
      : target?.kind === 'goal'
        ? t('concept.dialogs.deleteGoal.confirm')
        : t('concept.dialogs.discard.confirm');
  return (
    <Dialog
      open={target !== null}
      role="alertdialog"
      title={title}
      onClose={close}
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button icon="delete" onClick={() => void run()} disabled={mutation.isPending}>
            {confirm}
          </Button>
        </>
      }
    >
      {mutation.isError && <WriteProblem error={mutation.error} />}
      {target?.kind === 'field' && (
        <p className="kern-body">
          {t('concept.dialogs.deleteField.text', {
            code: target.field.code,
            title: target.field.title,
            count: target.field.goals.length,
          })}
        </p>
      )}
      {target?.kind === 'goal' && (
        <>
          <p className="kern-body">{t('concept.dialogs.deleteGoal.text', { code: target.goal.code, title: target.goal.title })}</p>
          {target.goal.measure_count > 0 && (
            <p className="kern-body">{t('concept.dialogs.deleteGoal.measures', { count: target.goal.measure_count })}</p>
          )}
        </>
      )}
      {target?.kind === 'edition' && <p className="kern-body">{t('concept.dialogs.discard.text', { title: edition.title })}</p>}
    </Dialog>
  );
}

// --- adopting -------------------------------------------------------------------------------------------

export function AdoptDialog({
  open,
  edition,
  current,
  onClose,
  onDone,
}: {
  open: boolean;
  edition: Edition;
  /** The edition in force now, which the adoption supersedes. */
  current: EditionSummary | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const adopt = useAdoptEdition(edition);
  const label = (f: AdoptField) => t(`concept.fields.${f}`);
  const { values, set, form, check, summary, fieldId } = useDialogForm<AdoptField, AdoptValues>({
    open,
    openKey: `${edition.id}-${edition.version}`,
    initial: () => ({ adoptedOn: todayIso(), adoptedBy: '' }),
    fields: ADOPT_FIELDS,
    fieldMap: ADOPT_FIELD_MAP,
    label,
    idPrefix: 'adopt',
    validate: validateAdopt,
  });
  const close = () => {
    adopt.reset();
    onClose();
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!check()) return;
    try {
      await adopt.mutateAsync(adoptBody(values));
      onDone(t('concept.dialogs.adopt.done', { title: edition.title }));
    } catch (caught) {
      form.applyProblem(caught);
    }
  };
  return (
    <FormDialog
      open={open}
      title={t('concept.dialogs.adopt.title')}
      formId="adopt-form"
      submit={t('concept.dialogs.adopt.submit')}
      pending={adopt.isPending}
      problem={adopt.isError && !showsOwnProblem(adopt.error) ? adopt.error : null}
      intro={
        <p className="kern-body">
          {current
            ? t('concept.dialogs.adopt.text', { title: edition.title, year: current.year })
            : t('concept.dialogs.adopt.textFirst', { title: edition.title })}
        </p>
      }
      summary={summary}
      onSubmit={onSubmit}
      onClose={close}
    >
      <TextField
        id={fieldId('adoptedOn')}
        type="date"
        label={label('adoptedOn')}
        required
        value={values.adoptedOn}
        error={form.errors.adoptedOn}
        onChange={(e) => set('adoptedOn', e.target.value)}
      />
      <TextField
        id={fieldId('adoptedBy')}
        label={label('adoptedBy')}
        hint={t('concept.dialogs.adopt.adoptedByHint')}
        autoComplete="off"
        required
        value={values.adoptedBy}
        error={form.errors.adoptedBy}
        onChange={(e) => set('adoptedBy', e.target.value)}
      />
    </FormDialog>
  );
}
