import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Button, type Column, Dialog, ErrorSummary, Table, TextArea, TextField } from '@/components/ui';
import { isProblemKind } from '@/lib/api/problem';
import type { FieldErrors } from '@/lib/forms/fieldErrors';
import { useFormErrors } from '@/lib/forms/useFormErrors';
import { formatDate } from '@/lib/format';
import { type Measure, type Milestone, useDeleteMilestone, useSaveMilestone } from '../api/measures';
import {
  EMPTY_MILESTONE,
  MILESTONE_FIELDS,
  MILESTONE_FIELD_MAP,
  type MilestoneField,
  type MilestoneValues,
  milestoneBody,
  milestoneToValues,
  validateMilestone,
} from '../api/trackingForms';

const day = (value: string) => formatDate(`${value}T12:00:00Z`);

/** A problem of a milestone or indicator change: stale, forbidden, or what the API said. */
export function ChangeProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (isProblemKind(error, 'precondition-failed')) {
    return (
      <Alert variant="danger" title={t('measures.stale.title')} live="alert">
        <p className="kern-body">{t('measures.stale.text')}</p>
      </Alert>
    );
  }
  if (isProblemKind(error, 'forbidden')) {
    return (
      <Alert variant="danger" title={t('measures.forbidden.title')} live="alert">
        <p className="kern-body">{t('measures.forbidden.text')}</p>
      </Alert>
    );
  }
  return <ProblemAlert error={error} />;
}

/** The measure's milestones by date; editors add, change and delete them in dialogs. */
export function MilestonesSection({ measure, canWrite }: { measure: Measure; canWrite: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Milestone | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Milestone | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const columns: Column<Milestone>[] = [
    { key: 'date', header: t('measures.milestones.date'), cell: (m) => <span className="app-nowrap">{day(m.date)}</span> },
    { key: 'title', header: t('measures.milestones.title'), rowHeader: true, cell: (m) => m.title },
    { key: 'note', header: t('measures.milestones.note'), cell: (m) => (m.note ? <span className="app-preline">{m.note}</span> : t('directory.none')) },
    {
      key: 'progress',
      header: t('measures.milestones.progress'),
      numeric: true,
      cell: (m) => (m.progress === null || m.progress === undefined ? t('directory.none') : t('measures.progressValue', { value: m.progress })),
    },
  ];
  if (canWrite) {
    columns.push({
      key: 'actions',
      header: t('measures.milestones.actions'),
      cell: (m) => (
        <div className="kern-flex kern-flex-wrap kern-gap-sm">
          <Button variant="secondary" icon="edit" aria-label={t('measures.milestones.editFor', { title: m.title })} onClick={() => { setNotice(null); setEditing(m); }}>
            {t('measures.milestones.edit')}
          </Button>
          <Button variant="secondary" icon="delete" aria-label={t('measures.milestones.deleteFor', { title: m.title })} onClick={() => { setNotice(null); setDeleting(m); }}>
            {t('measures.milestones.delete')}
          </Button>
        </div>
      ),
    });
  }

  return (
    <section className="app-section" aria-labelledby="measure-milestones">
      <h2 className="kern-heading-medium" id="measure-milestones">
        {t('measures.milestones.heading')}
      </h2>
      {notice && <Alert variant="success" title={notice} live="status" />}
      {measure.milestones.length === 0 ? (
        <p className="kern-body">{t('measures.milestones.empty')}</p>
      ) : (
        <Table caption={t('measures.milestones.caption')} captionHidden columns={columns} rows={measure.milestones} rowKey={(m) => m.id} />
      )}
      {canWrite && (
        <Button variant="secondary" icon="add" onClick={() => { setNotice(null); setEditing('new'); }}>
          {t('measures.milestones.add')}
        </Button>
      )}
      {canWrite && (
        <>
          <MilestoneDialog
            measureId={measure.id}
            milestone={editing === 'new' ? null : editing}
            open={editing !== null}
            onClose={() => setEditing(null)}
            onDone={(message) => {
              setEditing(null);
              setNotice(message);
            }}
          />
          <DeleteMilestoneDialog
            measureId={measure.id}
            milestone={deleting}
            onClose={() => setDeleting(null)}
            onDone={(message) => {
              setDeleting(null);
              setNotice(message);
            }}
          />
        </>
      )}
    </section>
  );
}

const LABELS: Record<MilestoneField, string> = {
  date: 'measures.milestones.date',
  title: 'measures.milestones.title',
  note: 'measures.milestones.note',
  progress: 'measures.milestones.progress',
};

function MilestoneDialog({
  measureId,
  milestone,
  open,
  onClose,
  onDone,
}: {
  measureId: string;
  milestone: Milestone | null;
  open: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const save = useSaveMilestone(measureId);
  const [values, setValues] = useState<MilestoneValues>(EMPTY_MILESTONE);
  const [openedFor, setOpenedFor] = useState<string | null>(null);
  const form = useFormErrors<MilestoneField>(MILESTONE_FIELD_MAP, (f) => t(LABELS[(MILESTONE_FIELD_MAP as Record<string, MilestoneField>)[f] ?? 'title']));
  const key = milestone ? `${milestone.id}-${milestone.version}` : 'new';
  if (open && openedFor !== key) {
    setOpenedFor(key);
    setValues(milestone ? milestoneToValues(milestone) : EMPTY_MILESTONE);
  }
  if (!open && openedFor !== null) setOpenedFor(null);

  const close = () => {
    form.clear();
    save.reset();
    onClose();
  };
  const set = (field: MilestoneField) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    form.clearField(field);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    save.reset();
    const found = validateMilestone(values);
    const translated: FieldErrors<MilestoneField> = {};
    for (const field of MILESTONE_FIELDS) if (found[field]) translated[field] = t(found[field]);
    if (form.setClientErrors(translated)) return;
    try {
      const saved = await save.mutateAsync({ milestone, body: milestoneBody(values) });
      form.clear();
      onDone(t(milestone ? 'measures.milestones.saved' : 'measures.milestones.added', { title: saved.title }));
    } catch (caught) {
      form.applyProblem(caught);
    }
  };

  const showProblem = save.isError && !isProblemKind(save.error, 'validation-error');
  return (
    <Dialog
      open={open}
      title={t(milestone ? 'measures.milestones.editTitle' : 'measures.milestones.addTitle')}
      onClose={close}
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" form="milestone-form" disabled={save.isPending}>
            {t('common.save')}
          </Button>
        </>
      }
    >
      {showProblem && <ChangeProblem error={save.error} />}
      <ErrorSummary
        focusKey={form.failedSubmits}
        messages={form.formErrors}
        items={MILESTONE_FIELDS.filter((f) => form.errors[f]).map((f) => ({
          fieldId: `milestone-${f}`,
          label: t(LABELS[f]),
          message: form.errors[f] ?? '',
        }))}
      />
      <form id="milestone-form" noValidate onSubmit={onSubmit} className="app-form">
        <TextField id="milestone-date" type="date" label={t(LABELS.date)} required value={values.date} error={form.errors.date} onChange={(e) => set('date')(e.target.value)} />
        <TextField id="milestone-title" label={t(LABELS.title)} required autoComplete="off" value={values.title} error={form.errors.title} onChange={(e) => set('title')(e.target.value)} />
        <TextArea id="milestone-note" label={t(LABELS.note)} optional rows={3} value={values.note} error={form.errors.note} onChange={(e) => set('note')(e.target.value)} />
        <TextField
          id="milestone-progress"
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          step={1}
          label={t(LABELS.progress)}
          hint={t('measures.milestones.progressHint')}
          optional
          value={values.progress}
          error={form.errors.progress}
          onChange={(e) => set('progress')(e.target.value)}
        />
      </form>
    </Dialog>
  );
}

function DeleteMilestoneDialog({
  measureId,
  milestone,
  onClose,
  onDone,
}: {
  measureId: string;
  milestone: Milestone | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteMilestone(measureId);
  const close = () => {
    remove.reset();
    onClose();
  };
  const run = async () => {
    if (!milestone) return;
    try {
      await remove.mutateAsync(milestone);
      onDone(t('measures.milestones.deleted', { title: milestone.title }));
    } catch {
      // The dialog shows the problem.
    }
  };
  return (
    <Dialog
      open={milestone !== null}
      role="alertdialog"
      title={t('measures.milestones.deleteTitle')}
      onClose={close}
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button icon="delete" onClick={() => void run()} disabled={remove.isPending}>
            {t('measures.milestones.delete')}
          </Button>
        </>
      }
    >
      {remove.isError && <ChangeProblem error={remove.error} />}
      {milestone && <p className="kern-body">{t('measures.milestones.deleteText', { title: milestone.title, date: day(milestone.date) })}</p>}
    </Dialog>
  );
}
