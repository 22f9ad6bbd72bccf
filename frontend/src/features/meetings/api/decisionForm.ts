import type { FieldErrors } from '@/lib/forms/fieldErrors';
import type { AddresseeKind, DecisionRecord, DirectiveIssue, Outcome, Paper } from './steering';

export const OUTCOMES = ['approved', 'approved_with_changes', 'rejected', 'deferred', 'noted'] as const satisfies readonly Outcome[];
export const ADDRESSEE_KINDS = ['body', 'organisation', 'office'] as const satisfies readonly AddresseeKind[];

/** Outcomes whose resolution text the API requires. */
export const RESOLUTION_REQUIRED: readonly Outcome[] = ['approved', 'approved_with_changes', 'rejected'];
/** Outcomes that issue no directives (the API refuses them). */
export const WITHOUT_DIRECTIVES: readonly Outcome[] = ['rejected', 'deferred'];

export const MAX_DIRECTIVES = 20;
const MAX_TEXT = 5000;
const MAX_VOTES = 1000;

export interface Choice {
  id: string;
  label: string;
}

export interface DirectiveValues {
  /** Stable React key of the row. */
  key: string;
  text: string;
  addresseeKind: AddresseeKind | '';
  bodyId: string;
  organisation: Choice | null;
  dueOn: string;
  measures: Choice[];
}

export interface DecisionValues {
  outcome: Outcome | '';
  resolution: string;
  votesFor: string;
  votesAgainst: string;
  abstentions: string;
  directives: DirectiveValues[];
}

export const DIRECTIVE_FIELDS = ['text', 'addressee', 'body', 'organisation', 'dueOn', 'measures'] as const;
export type DirectiveField = (typeof DIRECTIVE_FIELDS)[number];
export const DECISION_FIELDS = ['outcome', 'resolution', 'votesFor', 'votesAgainst', 'abstentions', 'directives'] as const;
/** A form field: one of the decision's, or `d<index>.<field>` of one directive. */
export type DecisionField = (typeof DECISION_FIELDS)[number] | `d${number}.${DirectiveField}`;

export const directiveField = (index: number, field: DirectiveField): DecisionField => `d${index}.${field}`;

/** Element ids of the fields (the error summary links to them). */
export function decisionFieldId(field: DecisionField): string {
  const match = /^d(\d+)\.(\w+)$/.exec(field);
  if (match) return `decision-directive-${Number(match[1]) + 1}-${match[2]}`;
  return `decision-${field}`;
}

let rowCounter = 0;
export function emptyDirective(): DirectiveValues {
  rowCounter += 1;
  return { key: `directive-${rowCounter}`, text: '', addresseeKind: '', bodyId: '', organisation: null, dueOn: '', measures: [] };
}

/** The form for a paper: no outcome chosen yet, the resolution prefilled with the proposed one. */
export function initialDecision(paper: Pick<Paper, 'proposed_resolution'>): DecisionValues {
  return { outcome: '', resolution: paper.proposed_resolution, votesFor: '', votesAgainst: '', abstentions: '', directives: [] };
}

export function allowsDirectives(outcome: Outcome | ''): boolean {
  return outcome !== '' && !WITHOUT_DIRECTIVES.includes(outcome);
}

export function requiresResolution(outcome: Outcome | ''): boolean {
  return outcome !== '' && RESOLUTION_REQUIRED.includes(outcome);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const COUNT = /^\d+$/;

function votes(value: string): number | null {
  return value.trim() === '' ? null : Number(value.trim());
}

/** Client-side rules mirroring `DecisionRecord`; returns i18n keys. Directives count only where the outcome issues them. */
export function validateDecision(values: DecisionValues): FieldErrors<DecisionField> {
  const errors: FieldErrors<DecisionField> = {};
  if (values.outcome === '') errors.outcome = 'meetings.decision.validation.outcome';
  if (requiresResolution(values.outcome) && values.resolution.trim() === '') errors.resolution = 'meetings.decision.validation.resolution';
  for (const field of ['votesFor', 'votesAgainst', 'abstentions'] as const) {
    const value = values[field].trim();
    if (value !== '' && (!COUNT.test(value) || Number(value) > MAX_VOTES)) errors[field] = 'meetings.decision.validation.votes';
  }
  if (!allowsDirectives(values.outcome)) return errors;
  if (values.directives.length > MAX_DIRECTIVES) errors.directives = 'meetings.decision.validation.tooMany';
  values.directives.forEach((d, index) => {
    const at = (field: DirectiveField) => directiveField(index, field);
    if (d.text.trim() === '') errors[at('text')] = 'validation.required';
    else if (d.text.trim().length > MAX_TEXT) errors[at('text')] = 'meetings.decision.validation.textTooLong';
    if (d.addresseeKind === '') errors[at('addressee')] = 'meetings.decision.validation.addressee';
    if (d.addresseeKind === 'body' && !d.bodyId) errors[at('body')] = 'meetings.decision.validation.body';
    if (d.addresseeKind === 'organisation' && !d.organisation) errors[at('organisation')] = 'meetings.decision.validation.organisation';
    if (!DAY.test(d.dueOn)) errors[at('dueOn')] = 'meetings.decision.validation.dueOn';
  });
  return errors;
}

/** The request body: trimmed texts, votes only when given, directives only where the outcome issues them. */
export function decisionBody(values: DecisionValues): DecisionRecord {
  if (values.outcome === '') throw new Error('decisionBody needs an outcome');
  const votesFor = votes(values.votesFor);
  const votesAgainst = votes(values.votesAgainst);
  const abstentions = votes(values.abstentions);
  return {
    outcome: values.outcome,
    resolution: values.resolution.trim(),
    ...(votesFor !== null ? { votes_for: votesFor } : {}),
    ...(votesAgainst !== null ? { votes_against: votesAgainst } : {}),
    ...(abstentions !== null ? { abstentions } : {}),
    directives: allowsDirectives(values.outcome) ? values.directives.map(directiveIssue) : [],
  };
}

function directiveIssue(d: DirectiveValues): DirectiveIssue {
  const kind = d.addresseeKind === '' ? 'office' : d.addresseeKind;
  return {
    text: d.text.trim(),
    addressee_kind: kind,
    ...(kind === 'body' ? { addressee_body_id: d.bodyId } : {}),
    ...(kind === 'organisation' && d.organisation ? { addressee_organisation_id: d.organisation.id } : {}),
    due_on: d.dueOn,
    measure_ids: d.measures.map((m) => m.id),
  };
}

/** Server body paths → form fields (422 mapping), for `count` directives. */
export function decisionFieldMap(count: number): Record<string, DecisionField> {
  const map: Record<string, DecisionField> = {
    outcome: 'outcome',
    resolution: 'resolution',
    votes_for: 'votesFor',
    votes_against: 'votesAgainst',
    abstentions: 'abstentions',
    directives: 'directives',
  };
  for (let index = 0; index < count; index += 1) {
    const path = `directives.${index}`;
    map[`${path}.text`] = directiveField(index, 'text');
    map[`${path}.addressee_kind`] = directiveField(index, 'addressee');
    map[`${path}.addressee_body_id`] = directiveField(index, 'body');
    map[`${path}.addressee_organisation_id`] = directiveField(index, 'organisation');
    map[`${path}.due_on`] = directiveField(index, 'dueOn');
    map[`${path}.measure_ids`] = directiveField(index, 'measures');
  }
  return map;
}
