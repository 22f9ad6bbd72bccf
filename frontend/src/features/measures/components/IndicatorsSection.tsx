import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, type Column, ErrorSummary, FieldError, TextField, cx } from '@/components/ui';
import type { FieldErrors } from '@/lib/forms/fieldErrors';
import { useFormErrors } from '@/lib/forms/useFormErrors';
import { formatNumber } from '@/lib/format';
import { type Indicator, type Measure, useDeleteIndicator, useSaveIndicator } from '../api/measures';
import {
  EMPTY_INDICATOR,
  INDICATOR_FIELDS,
  INDICATOR_FIELD_MAP,
  type IndicatorField,
  type IndicatorValues,
  indicatorBody,
  indicatorToValues,
  latestActual,
  newActualKey,
  sortActuals,
  validateIndicator,
} from '../api/trackingForms';
import { DeleteRowDialog, RowFormDialog, RowsSection, useOnOpen, useRowDialogs } from './tracking';

const num = (value: number | null | undefined) => (value === null || value === undefined ? null : formatNumber(value));

/** The measure's indicators: baseline, target, the latest actual value and every actual per period. */
export function IndicatorsSection({ measure, canWrite }: { measure: Measure; canWrite: boolean }) {
  const { t } = useTranslation();
  const rows = useRowDialogs<Indicator>();
  const remove = useDeleteIndicator(measure.id);
  const none = t('directory.none');
  const withUnit = (value: number | null | undefined, unit: string) => {
    const text = num(value);
    return text === null ? none : unit ? `${text} ${unit}` : text;
  };

  const columns: Column<Indicator>[] = [
    { key: 'name', header: t('measures.indicators.name'), rowHeader: true, cell: (i) => i.name },
    { key: 'baseline', header: t('measures.indicators.baseline'), numeric: true, cell: (i) => withUnit(i.baseline, i.unit) },
    { key: 'target', header: t('measures.indicators.target'), numeric: true, cell: (i) => withUnit(i.target, i.unit) },
    {
      key: 'latest',
      header: t('measures.indicators.latest'),
      numeric: true,
      cell: (i) => {
        const latest = latestActual(i.actuals);
        return latest ? t('measures.indicators.latestValue', { value: withUnit(latest.value, i.unit), period: latest.period }) : none;
      },
    },
    {
      key: 'actuals',
      header: t('measures.indicators.actuals'),
      cell: (i) =>
        i.actuals.length === 0 ? (
          t('measures.indicators.actualsEmpty')
        ) : (
          <ul className="app-plain-list">
            {sortActuals(i.actuals).map((a) => (
              <li key={a.period}>
                <span className="app-nowrap">{a.period}</span>: {num(a.value)}
              </li>
            ))}
          </ul>
        ),
    },
  ];

  return (
    <RowsSection
      id="measure-indicators"
      texts={{
        heading: t('measures.indicators.heading'),
        empty: t('measures.indicators.empty'),
        caption: t('measures.indicators.caption'),
        actions: t('measures.indicators.actions'),
        edit: t('measures.indicators.edit'),
        editFor: (i) => t('measures.indicators.editFor', { name: i.name }),
        delete: t('measures.indicators.delete'),
        deleteFor: (i) => t('measures.indicators.deleteFor', { name: i.name }),
        add: t('measures.indicators.add'),
      }}
      rows={measure.indicators}
      columns={columns}
      canWrite={canWrite}
      dialogs={rows}
    >
      <IndicatorDialog measureId={measure.id} indicator={rows.editing} open={rows.editOpen} onClose={rows.closeEdit} onDone={rows.editDone} />
      <DeleteRowDialog
        row={rows.deleting}
        mutation={remove}
        title={t('measures.indicators.deleteTitle')}
        deleteLabel={t('measures.indicators.delete')}
        text={(i) => t('measures.indicators.deleteText', { name: i.name })}
        doneMessage={(i) => t('measures.indicators.deleted', { name: i.name })}
        onClose={rows.closeDelete}
        onDone={rows.deleteDone}
      />
    </RowsSection>
  );
}

const LABELS: Record<IndicatorField, string> = {
  name: 'measures.indicators.name',
  unit: 'measures.indicators.unit',
  baseline: 'measures.indicators.baseline',
  target: 'measures.indicators.target',
  actuals: 'measures.indicators.actuals',
};

const fieldId = (field: IndicatorField) => `indicator-${field}`;

function IndicatorDialog({
  measureId,
  indicator,
  open,
  onClose,
  onDone,
}: {
  measureId: string;
  indicator: Indicator | null;
  open: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const save = useSaveIndicator(measureId);
  const [values, setValues] = useState<IndicatorValues>(EMPTY_INDICATOR);
  const addButton = useRef<HTMLButtonElement>(null);
  const form = useFormErrors<IndicatorField>(INDICATOR_FIELD_MAP, (f) => t(LABELS[(INDICATOR_FIELD_MAP as Record<string, IndicatorField>)[f] ?? 'name']));
  useOnOpen(open, indicator ? `${indicator.id}-${indicator.version}` : 'new', () =>
    setValues(indicator ? indicatorToValues(indicator) : EMPTY_INDICATOR),
  );

  const close = () => {
    form.clear();
    save.reset();
    onClose();
  };
  const set = (field: Exclude<IndicatorField, 'actuals'>) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    form.clearField(field);
  };
  const actualId = (index: number) => (index === 0 ? fieldId('actuals') : `${fieldId('actuals')}-${index + 1}`);
  const setActual = (index: number, patch: { period?: string; value?: string }) => {
    setValues((v) => ({ ...v, actuals: v.actuals.map((row, i) => (i === index ? { ...row, ...patch } : row)) }));
    form.clearField('actuals');
  };
  const addActual = () => {
    const next = values.actuals.length;
    setValues((v) => ({ ...v, actuals: [...v.actuals, { key: newActualKey(), period: '', value: '' }] }));
    setTimeout(() => document.getElementById(actualId(next))?.focus(), 0);
  };
  const removeActual = (index: number) => {
    setValues((v) => ({ ...v, actuals: v.actuals.filter((_, i) => i !== index) }));
    form.clearField('actuals');
    addButton.current?.focus();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    save.reset();
    const found = validateIndicator(values);
    const translated: FieldErrors<IndicatorField> = {};
    for (const field of INDICATOR_FIELDS) if (found[field]) translated[field] = t(found[field]);
    if (form.setClientErrors(translated)) return;
    try {
      const saved = await save.mutateAsync({ indicator, body: indicatorBody(values) });
      form.clear();
      onDone(t(indicator ? 'measures.indicators.saved' : 'measures.indicators.added', { name: saved.name }));
    } catch (caught) {
      form.applyProblem(caught);
    }
  };

  const actualsError = form.errors.actuals;
  return (
    <RowFormDialog
      open={open}
      title={t(indicator ? 'measures.indicators.editTitle' : 'measures.indicators.addTitle')}
      formId="indicator-form"
      pending={save.isPending}
      error={save.error}
      onClose={close}
    >
      <ErrorSummary
        focusKey={form.failedSubmits}
        messages={form.formErrors}
        items={INDICATOR_FIELDS.filter((f) => form.errors[f]).map((f) => ({
          fieldId: f === 'actuals' && values.actuals.length === 0 ? 'indicator-add-actual' : fieldId(f),
          label: t(LABELS[f]),
          message: form.errors[f] ?? '',
        }))}
      />
      <form id="indicator-form" noValidate onSubmit={onSubmit} className="app-form">
        <TextField id={fieldId('name')} label={t(LABELS.name)} required autoComplete="off" value={values.name} error={form.errors.name} onChange={(e) => set('name')(e.target.value)} />
        <TextField
          id={fieldId('unit')}
          label={t(LABELS.unit)}
          hint={t('measures.indicators.unitHint')}
          optional
          autoComplete="off"
          value={values.unit}
          error={form.errors.unit}
          onChange={(e) => set('unit')(e.target.value)}
        />
        <div className="app-measure-row">
          <TextField id={fieldId('baseline')} inputMode="decimal" label={t(LABELS.baseline)} optional value={values.baseline} error={form.errors.baseline} onChange={(e) => set('baseline')(e.target.value)} />
          <TextField id={fieldId('target')} inputMode="decimal" label={t(LABELS.target)} optional value={values.target} error={form.errors.target} onChange={(e) => set('target')(e.target.value)} />
        </div>
        <fieldset
          className={cx('kern-fieldset', actualsError && 'kern-fieldset--error')}
          aria-describedby={['indicator-actuals-hint', actualsError ? 'indicator-actuals-error' : ''].filter(Boolean).join(' ')}
        >
          <legend className="kern-label">{t(LABELS.actuals)}</legend>
          <div className="kern-hint" id="indicator-actuals-hint">
            {t('measures.indicators.actualsHint')}
          </div>
          <div className="kern-fieldset__body">
            {values.actuals.length === 0 ? (
              <p className="kern-body">{t('measures.indicators.actualsEmpty')}</p>
            ) : (
              <ul className="app-measure-rows">
                {values.actuals.map((row, index) => (
                  <li className="app-measure-row" key={row.key}>
                    <TextField
                      id={actualId(index)}
                      label={t('measures.indicators.periodN', { n: index + 1 })}
                      autoComplete="off"
                      value={row.period}
                      onChange={(e) => setActual(index, { period: e.target.value })}
                    />
                    <TextField
                      id={`indicator-actual-value-${index + 1}`}
                      inputMode="decimal"
                      label={t('measures.indicators.valueN', { n: index + 1 })}
                      value={row.value}
                      onChange={(e) => setActual(index, { value: e.target.value })}
                    />
                    <Button variant="secondary" icon="delete" aria-label={t('measures.indicators.removeActualN', { n: index + 1 })} onClick={() => removeActual(index)}>
                      {t('measures.indicators.remove')}
                    </Button>
                  </li>
                ))}
              </ul>
            )}
            <button type="button" ref={addButton} id="indicator-add-actual" className="kern-btn kern-btn--secondary app-measure-add" onClick={addActual}>
              <span className="kern-icon kern-icon--add" aria-hidden="true" />
              <span className="kern-label">{t('measures.indicators.addActual')}</span>
            </button>
          </div>
          {actualsError && <FieldError id="indicator-actuals-error" message={actualsError} />}
        </fieldset>
      </form>
    </RowFormDialog>
  );
}
