import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictDialog } from '@/components/ConflictDialog';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Button, CheckboxGroup, Dialog, ErrorSummary, FieldError, SelectField, TextArea, TextField, cx } from '@/components/ui';
import { bodyOptionsQuery } from '@/lib/api/options';
import { type FieldProblem, isProblemKind, toProblem } from '@/lib/api/problem';
import { mapFieldErrors } from '@/lib/forms/fieldErrors';
import { useFormErrors, useServerFieldMessage } from '@/lib/forms/useFormErrors';
import {
  ADDRESSEE_KINDS,
  type Choice,
  DECISION_FIELDS,
  DIRECTIVE_FIELDS,
  type DecisionField,
  type DecisionValues,
  type DirectiveField,
  type DirectiveValues,
  MAX_DIRECTIVES,
  OUTCOMES,
  WITHOUT_DIRECTIVES,
  allowsDirectives,
  decisionBody,
  decisionFieldId,
  decisionFieldMap,
  directiveField,
  emptyDirective,
  initialDecision,
  requiresResolution,
  validateDecision,
} from '../api/decisionForm';
import { measureSearchQuery } from '../api/measureSearch';
import {
  type AddresseeKind,
  type Outcome,
  type Paper,
  awaitsDecision,
  meetingPapersQuery,
  organisationSearchQuery,
  useRecordDecision,
} from '../api/steering';

const FIELD_LABEL: Record<(typeof DECISION_FIELDS)[number], string> = {
  outcome: 'meetings.decision.outcome',
  resolution: 'meetings.decision.resolution',
  votesFor: 'meetings.decision.votesFor',
  votesAgainst: 'meetings.decision.votesAgainst',
  abstentions: 'meetings.decision.abstentions',
  directives: 'meetings.decision.directives',
};
const DIRECTIVE_LABEL: Record<DirectiveField, string> = {
  text: 'meetings.decision.text',
  addressee: 'meetings.decision.addressee',
  body: 'meetings.decision.body',
  organisation: 'meetings.decision.organisation',
  dueOn: 'meetings.decision.dueOn',
  measures: 'meetings.decision.measures',
};

/** Waits until typing pauses before a search goes out. */
function useDebounced(value: string): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value.trim()), 300);
    return () => clearTimeout(timer);
  }, [value]);
  return settled;
}

/** Keeps Enter in a search field from submitting the dialog's form. */
const searchOnly = (event: { key: string; preventDefault: () => void }) => {
  if (event.key === 'Enter') event.preventDefault();
};

/**
 * Records the steering group's decision on a scheduled paper (coordinators): outcome, resolution,
 * votes and the directives it issues. Open while `paper` is set; If-Match on the paper's version.
 */
export function DecisionDialog({
  meetingId,
  paper,
  onClose,
  onDone,
}: {
  meetingId: string;
  paper: Paper | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const serverMessage = useServerFieldMessage();
  const record = useRecordDecision(meetingId);
  const [values, setValues] = useState<DecisionValues>(() => initialDecision({ proposed_resolution: '' }));
  const [openedFor, setOpenedFor] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [reloading, setReloading] = useState(false);
  const fieldMap = useMemo(() => decisionFieldMap(values.directives.length), [values.directives.length]);
  const label = (field: DecisionField): string => {
    const match = /^d(\d+)\.(\w+)$/.exec(field);
    if (!match) return t(FIELD_LABEL[field as (typeof DECISION_FIELDS)[number]] ?? field);
    return t('meetings.decision.fieldLabel', {
      directive: t('meetings.decision.directiveN', { n: Number(match[1]) + 1 }),
      field: t(DIRECTIVE_LABEL[match[2] as DirectiveField]),
    });
  };
  const form = useFormErrors<DecisionField>(fieldMap, (path) => {
    const field = fieldMap[path];
    return field ? label(field) : path;
  });

  // Start from the paper each time the dialog opens for one.
  if (paper && openedFor !== paper.id) {
    setOpenedFor(paper.id);
    setValues(initialDecision(paper));
    form.clear();
  }
  if (!paper && openedFor !== null) setOpenedFor(null);

  const change = (patch: Partial<DecisionValues>, field?: DecisionField) => {
    setValues((v) => ({ ...v, ...patch }));
    if (field) form.clearField(field);
  };
  const changeDirective = (index: number, patch: Partial<DirectiveValues>, field: DirectiveField) => {
    setValues((v) => ({ ...v, directives: v.directives.map((d, i) => (i === index ? { ...d, ...patch } : d)) }));
    form.clearField(directiveField(index, field));
  };

  const translate = (error: FieldProblem) => {
    const key = `meetings.decision.server.${error.code}`;
    return i18n.exists(key) ? t(key) : serverMessage(error);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!paper) return;
    const found = validateDecision(values);
    const translated = Object.fromEntries(Object.entries(found).map(([k, v]) => [k, t(v ?? '')]));
    if (form.setClientErrors(translated)) return;
    const body = decisionBody(values);
    try {
      await record.mutateAsync({ paper, body });
      const outcome = t(`meetings.papers.outcomes.${body.outcome}`);
      const reference = paper.reference ?? paper.title;
      const count = body.directives?.length ?? 0;
      onDone(
        count > 0
          ? t('meetings.decision.doneWithDirectives', { reference, outcome, count })
          : t('meetings.decision.done', { reference, outcome }),
      );
    } catch (caught) {
      if (isProblemKind(caught, 'precondition-failed')) {
        setStale(true);
        return;
      }
      const problem = toProblem(caught);
      if (problem.fieldErrors.length > 0) {
        const mapped = mapFieldErrors(problem, fieldMap, translate, (e) => {
          const field = fieldMap[e.field];
          return field ? label(field) : '';
        });
        form.setClientErrors(mapped.fieldErrors);
        form.setFormErrors(mapped.formErrors);
      }
    }
  };

  /** Loads the paper afresh and starts over from it (the input is discarded, as the dialog says). */
  const reload = async () => {
    if (!paper) return;
    setReloading(true);
    try {
      await queryClient.invalidateQueries({ queryKey: meetingPapersQuery(meetingId).queryKey });
      const fresh = (await queryClient.fetchQuery(meetingPapersQuery(meetingId))).find((p) => p.id === paper.id);
      form.clear();
      record.reset();
      setStale(false);
      if (fresh && awaitsDecision(fresh, meetingId)) setValues(initialDecision(fresh));
      else onClose();
    } finally {
      setReloading(false);
    }
  };

  const close = () => {
    form.clear();
    record.reset();
    onClose();
  };

  const problem = record.isError ? toProblem(record.error) : null;
  const directivesAllowed = allowsDirectives(values.outcome);
  // Errors of hidden directives stay out of the summary: its links would lead nowhere.
  const summaryFields: DecisionField[] = directivesAllowed
    ? [...DECISION_FIELDS, ...values.directives.flatMap((_, index) => DIRECTIVE_FIELDS.map((f) => directiveField(index, f)))]
    : DECISION_FIELDS.filter((f) => f !== 'directives');
  const resolutionRequired = requiresResolution(values.outcome);

  return (
    <>
      <Dialog
        open={paper !== null}
        title={t('meetings.decision.title', { reference: paper?.reference ?? paper?.title ?? '' })}
        onClose={close}
        footer={
          <>
            <Button variant="secondary" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" form="decision-form" disabled={record.isPending}>
              {t('meetings.decision.submit')}
            </Button>
          </>
        }
      >
        {problem?.kind === 'conflict' && (
          <Alert variant="danger" title={t('meetings.decision.conflictTitle')} live="alert">
            <p className="kern-body">{t('meetings.decision.conflictText')}</p>
          </Alert>
        )}
        {problem?.kind === 'forbidden' && (
          <Alert variant="danger" title={t('meetings.decision.forbiddenTitle')} live="alert">
            <p className="kern-body">{t('meetings.decision.forbiddenText')}</p>
          </Alert>
        )}
        {problem &&
          !['conflict', 'forbidden', 'precondition-failed'].includes(problem.kind) &&
          !(problem.kind === 'validation-error' && problem.fieldErrors.length > 0) && <ProblemAlert error={record.error} />}
        <ErrorSummary
          focusKey={form.failedSubmits}
          messages={form.formErrors}
          items={summaryFields
            .filter((f) => form.errors[f])
            .map((f) => ({ fieldId: decisionFieldId(f), label: label(f), message: form.errors[f] ?? '' }))}
        />
        {paper && (
          <>
            <p className="kern-body">
              {t('meetings.decision.intro', { reference: paper.reference ?? '', title: paper.title, body: paper.body_name })}
            </p>
            <p className="kern-body kern-body--small">{t('meetings.decision.mailNote')}</p>
          </>
        )}
        <form id="decision-form" noValidate onSubmit={onSubmit} className="app-form" aria-label={t('meetings.decision.formLabel')}>
          <RadioGroup
            id={decisionFieldId('outcome')}
            legend={t('meetings.decision.outcome')}
            options={OUTCOMES.map((o) => ({ value: o, label: t(`meetings.papers.outcomes.${o}`) }))}
            value={values.outcome}
            error={form.errors.outcome}
            onChange={(outcome) => change({ outcome: outcome as Outcome }, 'outcome')}
          />
          <TextArea
            id={decisionFieldId('resolution')}
            label={t('meetings.decision.resolution')}
            hint={t('meetings.decision.resolutionHint')}
            optional={!resolutionRequired}
            required={resolutionRequired}
            rows={5}
            value={values.resolution}
            error={form.errors.resolution}
            onChange={(e) => change({ resolution: e.target.value }, 'resolution')}
          />
          <fieldset className="kern-fieldset" aria-describedby="decision-votes-hint">
            <legend className="kern-label">
              {t('meetings.decision.votes')}
              <span className="kern-label__optional"> – {t('form.optional')}</span>
            </legend>
            <div className="kern-hint" id="decision-votes-hint">
              {t('meetings.decision.votesHint')}
            </div>
            <div className="kern-fieldset__body app-decision-votes">
              {(['votesFor', 'votesAgainst', 'abstentions'] as const).map((field) => (
                <TextField
                  key={field}
                  id={decisionFieldId(field)}
                  label={t(FIELD_LABEL[field])}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={1000}
                  step={1}
                  value={values[field]}
                  error={form.errors[field]}
                  onChange={(e) => change({ [field]: e.target.value }, field)}
                />
              ))}
            </div>
          </fieldset>
          {directivesAllowed ? (
            <Directives
              values={values.directives}
              errors={form.errors}
              onAdd={() => change({ directives: [...values.directives, emptyDirective()] }, 'directives')}
              onRemove={(index) => {
                change({ directives: values.directives.filter((_, i) => i !== index) }, 'directives');
                // Errors belong to row positions; after removing a row they would point at the wrong one.
                form.clear();
              }}
              onChange={changeDirective}
            />
          ) : (
            values.outcome !== '' &&
            WITHOUT_DIRECTIVES.includes(values.outcome) && <p className="kern-body">{t('meetings.decision.noDirectives')}</p>
          )}
        </form>
      </Dialog>
      <ConflictDialog open={stale} onReload={() => void reload()} onClose={() => setStale(false)} reloading={reloading} />
    </>
  );
}

/** A KERN radio group in a fieldset; the first radio carries `id` (the error summary links to it). */
function RadioGroup({
  id,
  legend,
  options,
  value,
  error,
  onChange,
}: {
  id: string;
  legend: string;
  options: { value: string; label: string }[];
  value: string;
  error?: string | undefined;
  onChange: (value: string) => void;
}) {
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset className={cx('kern-fieldset', error && 'kern-fieldset--error')} aria-describedby={errorId}>
      <legend className="kern-label">{legend}</legend>
      <div className="kern-fieldset__body">
        {options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${option.value}`;
          return (
            <div className={cx('kern-form-check', error && 'kern-form-check--error')} key={option.value}>
              <input
                type="radio"
                id={optionId}
                name={id}
                value={option.value}
                className={cx('kern-form-check__radio', error && 'kern-form-check__radio--error')}
                checked={value === option.value}
                required
                aria-describedby={errorId}
                onChange={() => onChange(option.value)}
              />
              <label className="kern-label" htmlFor={optionId}>
                {option.label}
              </label>
            </div>
          );
        })}
      </div>
      {error && errorId && <FieldError id={errorId} message={error} />}
    </fieldset>
  );
}

function Directives({
  values,
  errors,
  onAdd,
  onRemove,
  onChange,
}: {
  values: DirectiveValues[];
  errors: Partial<Record<DecisionField, string>>;
  onAdd: () => void;
  onRemove: (index: number) => void;
  onChange: (index: number, patch: Partial<DirectiveValues>, field: DirectiveField) => void;
}) {
  const { t } = useTranslation();
  const addButton = useRef<HTMLButtonElement>(null);
  const error = errors.directives;
  const errorId = error ? 'decision-directives-error' : undefined;
  const add = () => {
    const index = values.length;
    onAdd();
    // The new row's text takes the focus once it exists.
    setTimeout(() => document.getElementById(decisionFieldId(directiveField(index, 'text')))?.focus(), 0);
  };
  return (
    <fieldset className={cx('kern-fieldset', error && 'kern-fieldset--error')} aria-describedby={['decision-directives-hint', errorId].filter(Boolean).join(' ')}>
      <legend className="kern-label">
        {t('meetings.decision.directives')}
        <span className="kern-label__optional"> – {t('form.optional')}</span>
      </legend>
      <div className="kern-hint" id="decision-directives-hint">
        {t('meetings.decision.directivesHint')}
      </div>
      <div className="kern-fieldset__body">
        {values.length === 0 && <p className="kern-body">{t('meetings.decision.directivesNone')}</p>}
        {values.map((directive, index) => (
          <DirectiveRow
            key={directive.key}
            index={index}
            values={directive}
            errors={errors}
            onChange={(patch, field) => onChange(index, patch, field)}
            onRemove={() => {
              onRemove(index);
              addButton.current?.focus();
            }}
          />
        ))}
        {values.length < MAX_DIRECTIVES && (
          <button
            type="button"
            ref={addButton}
            id={decisionFieldId('directives')}
            className="kern-btn kern-btn--secondary"
            onClick={add}
          >
            <span className="kern-icon kern-icon--add" aria-hidden="true" />
            <span className="kern-label">{t('meetings.decision.add')}</span>
          </button>
        )}
      </div>
      {error && errorId && <FieldError id={errorId} message={error} />}
    </fieldset>
  );
}

function DirectiveRow({
  index,
  values,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  values: DirectiveValues;
  errors: Partial<Record<DecisionField, string>>;
  onChange: (patch: Partial<DirectiveValues>, field: DirectiveField) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const bodies = useQuery(bodyOptionsQuery);
  const n = index + 1;
  const id = (field: DirectiveField) => decisionFieldId(directiveField(index, field));
  const error = (field: DirectiveField) => errors[directiveField(index, field)];
  return (
    <fieldset className="kern-fieldset app-decision-directive">
      <legend className="kern-label">{t('meetings.decision.directiveN', { n })}</legend>
      <TextArea
        id={id('text')}
        label={t('meetings.decision.text')}
        required
        rows={3}
        value={values.text}
        error={error('text')}
        onChange={(e) => onChange({ text: e.target.value }, 'text')}
      />
      <SelectField
        id={id('addressee')}
        label={t('meetings.decision.addressee')}
        required
        value={values.addresseeKind}
        error={error('addressee')}
        onChange={(e) => onChange({ addresseeKind: e.target.value as AddresseeKind | '' }, 'addressee')}
        options={[
          { value: '', label: t('meetings.decision.choose') },
          ...ADDRESSEE_KINDS.map((kind) => ({ value: kind, label: t(`meetings.decision.addressees.${kind}`) })),
        ]}
      />
      {values.addresseeKind === 'body' && (
        <SelectField
          id={id('body')}
          label={t('meetings.decision.body')}
          required
          value={values.bodyId}
          error={error('body')}
          onChange={(e) => onChange({ bodyId: e.target.value }, 'body')}
          options={[
            { value: '', label: t('meetings.decision.choose') },
            ...(bodies.data ?? []).map((b) => ({ value: b.id, label: b.name })),
          ]}
        />
      )}
      {values.addresseeKind === 'organisation' && (
        <OrganisationPicker
          id={id('organisation')}
          value={values.organisation}
          error={error('organisation')}
          onChange={(organisation) => onChange({ organisation }, 'organisation')}
        />
      )}
      <TextField
        id={id('dueOn')}
        type="date"
        label={t('meetings.decision.dueOn')}
        required
        value={values.dueOn}
        error={error('dueOn')}
        onChange={(e) => onChange({ dueOn: e.target.value }, 'dueOn')}
      />
      <MeasurePicker
        id={id('measures')}
        value={values.measures}
        error={error('measures')}
        onChange={(measures) => onChange({ measures }, 'measures')}
      />
      <div>
        <Button variant="secondary" icon="delete" onClick={onRemove} aria-label={t('meetings.decision.removeN', { n })}>
          {t('meetings.decision.remove')}
        </Button>
      </div>
    </fieldset>
  );
}

/** Search field and select for an addressed organisation (GET /organisations?q=). */
function OrganisationPicker({
  id,
  value,
  error,
  onChange,
}: {
  id: string;
  value: Choice | null;
  error?: string | undefined;
  onChange: (value: Choice | null) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const term = useDebounced(q);
  const matches = useQuery(organisationSearchQuery(term));
  const found = (matches.data?.items ?? []).map((o) => ({ id: o.id, label: o.short_name ? `${o.name} (${o.short_name})` : o.name }));
  const choices = [...(value && !found.some((o) => o.id === value.id) ? [value] : []), ...found];
  return (
    <SearchBlock
      searchId={`${id}-search`}
      searchLabel={t('meetings.decision.organisationSearch')}
      searchHint={t('meetings.decision.organisationSearchHint')}
      q={q}
      onQ={setQ}
      status={matches.isSuccess ? t('meetings.decision.organisationFound', { count: matches.data.total }) : ''}
      failure={matches.isError ? matches.error : null}
    >
      <SelectField
        id={id}
        label={t('meetings.decision.organisation')}
        required
        value={value?.id ?? ''}
        error={error}
        onChange={(e) => onChange(choices.find((o) => o.id === e.target.value) ?? null)}
        options={[{ value: '', label: t('meetings.decision.choose') }, ...choices.map((o) => ({ value: o.id, label: o.label }))]}
      />
    </SearchBlock>
  );
}

/** Search field and checkboxes for the measures a directive links (GET /measures?q=), optional. */
function MeasurePicker({
  id,
  value,
  error,
  onChange,
}: {
  id: string;
  value: Choice[];
  error?: string | undefined;
  onChange: (value: Choice[]) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const term = useDebounced(q);
  const matches = useQuery({ ...measureSearchQuery(term), enabled: term !== '' });
  const found = term === '' ? [] : (matches.data?.items ?? []).map((m) => ({ id: m.id, label: `${m.reference} ${m.title}` }));
  const options = [...value, ...found.filter((m) => !value.some((v) => v.id === m.id))];
  return (
    <SearchBlock
      searchId={`${id}-search`}
      searchLabel={t('meetings.decision.measureSearch')}
      searchHint={t('meetings.decision.measureSearchHint')}
      optional
      q={q}
      onQ={setQ}
      status={term !== '' && matches.isSuccess ? t('meetings.decision.measureFound', { count: matches.data.total }) : ''}
      failure={matches.isError ? matches.error : null}
    >
      {options.length > 0 && (
        <CheckboxGroup
          id={id}
          legend={t('meetings.decision.measures')}
          options={options.map((m) => ({ value: m.id, label: m.label }))}
          value={value.map((m) => m.id)}
          error={error}
          onChange={(ids) => onChange(options.filter((m) => ids.includes(m.id)))}
        />
      )}
    </SearchBlock>
  );
}

function SearchBlock({
  searchId,
  searchLabel,
  searchHint,
  optional,
  q,
  onQ,
  status,
  failure,
  children,
}: {
  searchId: string;
  searchLabel: string;
  searchHint: string;
  optional?: boolean;
  q: string;
  onQ: (value: string) => void;
  status: string;
  failure: unknown;
  children: ReactNode;
}) {
  return (
    <div className="app-decision-search">
      <TextField
        id={searchId}
        type="search"
        label={searchLabel}
        hint={searchHint}
        optional={optional}
        autoComplete="off"
        value={q}
        onChange={(e) => onQ(e.target.value)}
        onKeyDown={searchOnly}
      />
      <p className="kern-body kern-body--small" aria-live="polite">
        {status}
      </p>
      {failure !== null && <ProblemAlert error={failure} />}
      {children}
    </div>
  );
}
