import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Column, ErrorSummary, TextArea, TextField } from '@/components/ui';
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
import { DeleteRowDialog, RowFormDialog, RowsSection, useOnOpen, useRowDialogs } from './tracking';

const day = (value: string) => formatDate(`${value}T12:00:00Z`);

/** The measure's milestones by date; editors add, change and delete them in dialogs. */
export function MilestonesSection({ measure, canWrite }: { measure: Measure; canWrite: boolean }) {
  const { t } = useTranslation();
  const rows = useRowDialogs<Milestone>();
  const remove = useDeleteMilestone(measure.id);

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

  return (
    <RowsSection
      id="measure-milestones"
      texts={{
        heading: t('measures.milestones.heading'),
        empty: t('measures.milestones.empty'),
        caption: t('measures.milestones.caption'),
        actions: t('measures.milestones.actions'),
        edit: t('measures.milestones.edit'),
        editFor: (m) => t('measures.milestones.editFor', { title: m.title }),
        delete: t('measures.milestones.delete'),
        deleteFor: (m) => t('measures.milestones.deleteFor', { title: m.title }),
        add: t('measures.milestones.add'),
      }}
      rows={measure.milestones}
      columns={columns}
      canWrite={canWrite}
      dialogs={rows}
    >
      <MilestoneDialog measureId={measure.id} milestone={rows.editing} open={rows.editOpen} onClose={rows.closeEdit} onDone={rows.editDone} />
      <DeleteRowDialog
        row={rows.deleting}
        mutation={remove}
        title={t('measures.milestones.deleteTitle')}
        deleteLabel={t('measures.milestones.delete')}
        text={(m) => t('measures.milestones.deleteText', { title: m.title, date: day(m.date) })}
        doneMessage={(m) => t('measures.milestones.deleted', { title: m.title })}
        onClose={rows.closeDelete}
        onDone={rows.deleteDone}
      />
    </RowsSection>
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
  const form = useFormErrors<MilestoneField>(MILESTONE_FIELD_MAP, (f) => t(LABELS[(MILESTONE_FIELD_MAP as Record<string, MilestoneField>)[f] ?? 'title']));
  useOnOpen(open, milestone ? `${milestone.id}-${milestone.version}` : 'new', () =>
    setValues(milestone ? milestoneToValues(milestone) : EMPTY_MILESTONE),
  );

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

  return (
    <RowFormDialog
      open={open}
      title={t(milestone ? 'measures.milestones.editTitle' : 'measures.milestones.addTitle')}
      formId="milestone-form"
      pending={save.isPending}
      error={save.error}
      onClose={close}
    >
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
    </RowFormDialog>
  );
}
