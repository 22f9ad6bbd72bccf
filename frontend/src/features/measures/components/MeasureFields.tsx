import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Button, FieldError, Loader, SelectField, TextArea, TextField, cx } from '@/components/ui';
import { bodyOptionsQuery, organisationOptionsQuery } from '@/lib/api/options';
import type { FieldErrors } from '@/lib/forms/fieldErrors';
import {
  type MeasureField,
  type MeasureFormValues,
  type OrganisationRow,
  measureFieldId,
  newRowKey,
} from '../api/measureForm';
import {
  CREATE_STATUSES,
  type Measure,
  type MeasureStatus,
  ORGANISATION_ROLES,
  type OrganisationRole,
  bodyNeedsQuery,
  goalOptionsQuery,
} from '../api/measures';

/** A goal or need the measure links already (shown even when the pickers do not offer it). */
export type LinkedGoal = Measure['goals'][number];
export interface LinkedNeed {
  id: string;
  title: string;
  status: string;
}

export function MeasureFields({
  values,
  errors,
  creating,
  linkedGoals,
  linkedNeeds,
  onChange,
}: {
  values: MeasureFormValues;
  errors: FieldErrors<MeasureField>;
  creating: boolean;
  linkedGoals: LinkedGoal[];
  linkedNeeds: LinkedNeed[];
  onChange: (field: MeasureField, patch: Partial<MeasureFormValues>) => void;
}) {
  const { t } = useTranslation();
  const bodies = useQuery(bodyOptionsQuery);
  const text = (field: MeasureField, key: 'title' | 'description' | 'targetGroup' | 'startsOn' | 'endsOn' | 'progress') =>
    (value: string) => onChange(field, { [key]: value });

  return (
    <>
      {bodies.isPending && <Loader label={t('measures.form.bodiesLoading')} />}
      {bodies.isError && <ProblemAlert error={bodies.error} />}
      <TextField
        id={measureFieldId('title')}
        label={t('measures.fields.title')}
        autoComplete="off"
        required
        value={values.title}
        error={errors.title}
        onChange={(e) => text('title', 'title')(e.target.value)}
      />
      <SelectField
        id={measureFieldId('body')}
        label={t('measures.fields.body')}
        value={values.body}
        error={errors.body}
        required
        onChange={(e) => onChange('body', { body: e.target.value })}
        options={[
          { value: '', label: t('measures.form.choose') },
          ...(bodies.data ?? []).map((b) => ({ value: b.id, label: b.name })),
        ]}
      />
      {creating && (
        <SelectField
          id={measureFieldId('status')}
          label={t('measures.fields.status')}
          hint={t('measures.form.statusHint')}
          value={values.status}
          error={errors.status}
          onChange={(e) => onChange('status', { status: e.target.value as MeasureStatus })}
          options={CREATE_STATUSES.map((s) => ({ value: s, label: t(`measures.statuses.${s}`) }))}
        />
      )}
      <TextArea
        id={measureFieldId('description')}
        label={t('measures.fields.description')}
        optional
        rows={6}
        value={values.description}
        error={errors.description}
        onChange={(e) => text('description', 'description')(e.target.value)}
      />
      <TextField
        id={measureFieldId('targetGroup')}
        label={t('measures.fields.targetGroup')}
        hint={t('measures.form.targetGroupHint')}
        optional
        autoComplete="off"
        value={values.targetGroup}
        error={errors.targetGroup}
        onChange={(e) => text('targetGroup', 'targetGroup')(e.target.value)}
      />
      <div className="app-measure-row">
        <TextField
          id={measureFieldId('startsOn')}
          type="date"
          label={t('measures.fields.startsOn')}
          optional
          value={values.startsOn}
          error={errors.startsOn}
          onChange={(e) => text('startsOn', 'startsOn')(e.target.value)}
        />
        <TextField
          id={measureFieldId('endsOn')}
          type="date"
          label={t('measures.fields.endsOn')}
          optional
          value={values.endsOn}
          error={errors.endsOn}
          onChange={(e) => text('endsOn', 'endsOn')(e.target.value)}
        />
      </div>
      <TextField
        id={measureFieldId('progress')}
        type="number"
        inputMode="numeric"
        min={0}
        max={100}
        step={1}
        label={t('measures.fields.progress')}
        hint={t('measures.form.progressHint')}
        value={values.progress}
        error={errors.progress}
        onChange={(e) => text('progress', 'progress')(e.target.value)}
      />
      <GoalPicker value={values.goalIds} linked={linkedGoals} error={errors.goals} onChange={(goalIds) => onChange('goals', { goalIds })} />
      <OrganisationRows
        rows={values.organisations}
        error={errors.organisations}
        onChange={(organisations) => onChange('organisations', { organisations })}
      />
      <NeedPicker
        bodyId={values.body}
        value={values.needIds}
        linked={linkedNeeds}
        error={errors.needs}
        onChange={(needIds) => onChange('needs', { needIds })}
      />
    </>
  );
}

/** A fieldset whose first input carries `firstId` (the error summary links to it). */
function Fieldset({
  legend,
  hint,
  error,
  idBase,
  children,
}: {
  legend: string;
  hint?: string;
  error?: string | undefined;
  idBase: string;
  children: ReactNode;
}) {
  const hintId = hint ? `${idBase}-hint` : undefined;
  const errorId = error ? `${idBase}-error` : undefined;
  return (
    <fieldset
      className={cx('kern-fieldset', error && 'kern-fieldset--error')}
      aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
    >
      <legend className="kern-label">{legend}</legend>
      {hint && (
        <div className="kern-hint" id={hintId}>
          {hint}
        </div>
      )}
      <div className="kern-fieldset__body">{children}</div>
      {error && errorId && <FieldError id={errorId} message={error} />}
    </fieldset>
  );
}

interface GoalChoice {
  id: string;
  label: string;
}

/** Goals of the current edition grouped by field of action; goals linked from earlier editions stay choosable. */
function GoalPicker({
  value,
  linked,
  error,
  onChange,
}: {
  value: string[];
  linked: LinkedGoal[];
  error?: string | undefined;
  onChange: (value: string[]) => void;
}) {
  const { t } = useTranslation();
  const goals = useQuery(goalOptionsQuery);
  const idBase = measureFieldId('goals');
  const groups: { key: string; legend: string; choices: GoalChoice[] }[] = [];
  for (const goal of goals.data ?? []) {
    let group = groups.find((g) => g.key === goal.field_of_action_id);
    if (!group) {
      group = { key: goal.field_of_action_id, legend: t('measures.form.goalField', { code: goal.field_code, title: goal.field_title }), choices: [] };
      groups.push(group);
    }
    group.choices.push({ id: goal.id, label: t('measures.form.goalLabel', { code: goal.code, title: goal.title }) });
  }
  const offered = new Set((goals.data ?? []).map((g) => g.id));
  const older = linked
    .filter((g) => !offered.has(g.id))
    .map((g) => ({ id: g.id, label: t('measures.form.goalOlderLabel', { code: g.code, title: g.title, year: g.edition_year }) }));
  if (older.length > 0) groups.push({ key: 'older', legend: t('measures.form.goalsOlder'), choices: older });
  const firstId = groups[0]?.choices[0]?.id;
  const toggle = (id: string, checked: boolean) => onChange(checked ? [...value, id] : value.filter((v) => v !== id));

  return (
    <Fieldset legend={t('measures.form.goalsLegend')} hint={t('measures.form.goalsHint')} error={error} idBase={idBase}>
      {goals.isPending && <Loader label={t('measures.form.goalsLoading')} />}
      {goals.isError && <p className="kern-body">{t('measures.form.goalsFailed')}</p>}
      {goals.isSuccess && groups.length === 0 && <p className="kern-body">{t('measures.form.goalsNone')}</p>}
      {groups.map((group) => (
        <fieldset className="kern-fieldset app-measure-goal-group" key={group.key}>
          <legend className="kern-label">{group.legend}</legend>
          <div className="kern-fieldset__body">
            {group.choices.map((choice) => {
              const id = choice.id === firstId ? idBase : `${idBase}-${choice.id}`;
              return (
                <div className={cx('kern-form-check', error && 'kern-form-check--error')} key={choice.id}>
                  <input
                    type="checkbox"
                    id={id}
                    className={cx('kern-form-check__checkbox', error && 'kern-form-check__checkbox--error')}
                    checked={value.includes(choice.id)}
                    onChange={(event) => toggle(choice.id, event.target.checked)}
                  />
                  <label className="kern-label" htmlFor={id}>
                    {choice.label}
                  </label>
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}
    </Fieldset>
  );
}

/** Organisations with their role: one row each, rows added and removed with buttons. */
function OrganisationRows({
  rows,
  error,
  onChange,
}: {
  rows: OrganisationRow[];
  error?: string | undefined;
  onChange: (rows: OrganisationRow[]) => void;
}) {
  const { t } = useTranslation();
  const organisations = useQuery(organisationOptionsQuery);
  const idBase = measureFieldId('organisations');
  const addButton = useRef<HTMLButtonElement>(null);
  const rowId = (index: number) => (index === 0 ? idBase : `${idBase}-${index + 1}`);

  const add = () => {
    const next = [...rows, { key: newRowKey(), organisationId: '', role: 'partner' as OrganisationRole }];
    onChange(next);
    // The new row's organisation select takes the focus once it exists.
    setTimeout(() => document.getElementById(rowId(next.length - 1))?.focus(), 0);
  };
  const remove = (index: number) => {
    onChange(rows.filter((_, i) => i !== index));
    addButton.current?.focus();
  };
  const update = (index: number, patch: Partial<OrganisationRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  return (
    <Fieldset legend={t('measures.form.organisationsLegend')} hint={t('measures.form.organisationsHint')} error={error} idBase={`${idBase}-set`}>
      {organisations.isError && <ProblemAlert error={organisations.error} />}
      {rows.length === 0 ? (
        <p className="kern-body">{t('measures.form.organisationsEmpty')}</p>
      ) : (
        <ul className="app-measure-rows">
          {rows.map((row, index) => (
            <li className="app-measure-row app-measure-row--organisation" key={row.key}>
              <SelectField
                id={rowId(index)}
                label={t('measures.form.organisationN', { n: index + 1 })}
                value={row.organisationId}
                onChange={(e) => update(index, { organisationId: e.target.value })}
                options={[
                  { value: '', label: t('measures.form.choose') },
                  ...(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name })),
                ]}
              />
              <SelectField
                id={`${idBase}-role-${index + 1}`}
                label={t('measures.form.roleN', { n: index + 1 })}
                value={row.role}
                onChange={(e) => update(index, { role: e.target.value as OrganisationRole })}
                options={ORGANISATION_ROLES.map((r) => ({ value: r, label: t(`measures.roles.${r}`) }))}
              />
              <Button variant="secondary" icon="delete" onClick={() => remove(index)} aria-label={t('measures.form.removeOrganisationN', { n: index + 1 })}>
                {t('measures.form.removeOrganisation')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        ref={addButton}
        id={rows.length === 0 ? idBase : undefined}
        className="kern-btn kern-btn--secondary app-measure-add"
        onClick={add}
      >
        <span className="kern-icon kern-icon--add" aria-hidden="true" />
        <span className="kern-label">{t('measures.form.addOrganisation')}</span>
      </button>
    </Fieldset>
  );
}

/** Needs of the responsible body (open or addressed) plus those linked already. */
function NeedPicker({
  bodyId,
  value,
  linked,
  error,
  onChange,
}: {
  bodyId: string;
  value: string[];
  linked: LinkedNeed[];
  error?: string | undefined;
  onChange: (value: string[]) => void;
}) {
  const { t } = useTranslation();
  const needs = useQuery({ ...bodyNeedsQuery(bodyId), enabled: bodyId !== '' });
  const idBase = measureFieldId('needs');
  const choices: LinkedNeed[] = [...linked];
  for (const need of needs.data ?? []) if (!choices.some((c) => c.id === need.id)) choices.push(need);
  const toggle = (id: string, checked: boolean) => onChange(checked ? [...value, id] : value.filter((v) => v !== id));

  return (
    <Fieldset legend={t('measures.form.needsLegend')} hint={t('measures.form.needsHint')} error={error} idBase={idBase}>
      {bodyId === '' && choices.length === 0 && <p className="kern-body">{t('measures.form.needsChooseBody')}</p>}
      {bodyId !== '' && needs.isPending && <Loader label={t('measures.form.needsLoading')} />}
      {needs.isError && <ProblemAlert error={needs.error} />}
      {bodyId !== '' && needs.isSuccess && choices.length === 0 && <p className="kern-body">{t('measures.form.needsNone')}</p>}
      {choices.map((need, index) => {
        const id = index === 0 ? idBase : `${idBase}-${need.id}`;
        return (
          <div className={cx('kern-form-check', error && 'kern-form-check--error')} key={need.id}>
            <input
              type="checkbox"
              id={id}
              className={cx('kern-form-check__checkbox', error && 'kern-form-check__checkbox--error')}
              checked={value.includes(need.id)}
              onChange={(event) => toggle(need.id, event.target.checked)}
            />
            <label className="kern-label" htmlFor={id}>
              {t('measures.form.needLabel', { title: need.title, status: t(`measures.needStatuses.${need.status}`) })}
            </label>
          </div>
        );
      })}
    </Fieldset>
  );
}
