import type { FieldErrors } from '@/lib/forms/fieldErrors';
import { required } from '@/lib/forms/validators';
import {
  CREATE_STATUSES,
  type Measure,
  type MeasureCreate,
  type MeasureStatus,
  type MeasureUpdate,
  type OrganisationRole,
  REASON_REQUIRED,
  type SourceNeed,
} from './measures';

export const MEASURE_FIELDS = [
  'title',
  'body',
  'status',
  'description',
  'targetGroup',
  'startsOn',
  'endsOn',
  'progress',
  'goals',
  'organisations',
  'needs',
] as const;
export type MeasureField = (typeof MEASURE_FIELDS)[number];

/** Server body paths → form fields (422 mapping); `organisations.2.role` lands on `organisations`. */
export const MEASURE_FIELD_MAP = {
  title: 'title',
  body_id: 'body',
  status: 'status',
  description: 'description',
  target_group: 'targetGroup',
  starts_on: 'startsOn',
  ends_on: 'endsOn',
  progress: 'progress',
  goal_ids: 'goals',
  organisations: 'organisations',
  need_ids: 'needs',
} as const satisfies Record<string, MeasureField>;

export const measureFieldId = (field: MeasureField) => `measure-${field}`;

export interface OrganisationRow {
  /** Stable key of the row in the form (not sent). */
  key: string;
  organisationId: string;
  role: OrganisationRole;
}

export interface MeasureFormValues {
  title: string;
  body: string;
  status: MeasureStatus;
  description: string;
  targetGroup: string;
  startsOn: string;
  endsOn: string;
  /** As typed; an integer 0–100 when valid. */
  progress: string;
  goalIds: string[];
  organisations: OrganisationRow[];
  needIds: string[];
}

/** Where a new measure comes from (a need raised at an agenda item): sent on creation only. */
export interface MeasureOrigin {
  meetingId: string | null;
  agendaItemId: string | null;
}

export const EMPTY_MEASURE: MeasureFormValues = {
  title: '',
  body: '',
  status: 'idea',
  description: '',
  targetGroup: '',
  startsOn: '',
  endsOn: '',
  progress: '0',
  goalIds: [],
  organisations: [],
  needIds: [],
};

let rowCounter = 0;
/** A key for a new organisation row. */
export function newRowKey(): string {
  rowCounter += 1;
  return `org-${rowCounter}`;
}

export function measureToValues(m: Measure): MeasureFormValues {
  return {
    title: m.title,
    body: m.body_id,
    status: m.status,
    description: m.description,
    targetGroup: m.target_group,
    startsOn: m.starts_on ?? '',
    endsOn: m.ends_on ?? '',
    progress: String(m.progress),
    goalIds: m.goals.map((g) => g.id),
    organisations: m.organisations.map((o) => ({ key: `org-${o.organisation_id}`, organisationId: o.organisation_id, role: o.role })),
    needIds: m.needs.map((n) => n.id),
  };
}

/** The form of a new measure for a need: its body, title and description, the need linked. */
export function valuesFromNeed(need: SourceNeed): MeasureFormValues {
  return { ...EMPTY_MEASURE, title: need.title, body: need.body_id, description: need.description, needIds: [need.id] };
}

/** The meeting and agenda item where the need was raised (the measure's origin). */
export function originFromNeed(need: SourceNeed): MeasureOrigin {
  return need.raised_at
    ? { meetingId: need.raised_at.meeting_id, agendaItemId: need.raised_at.agenda_item_id }
    : { meetingId: null, agendaItemId: null };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** The body of `POST /measures` (the fields the form edits; status only idea or planned). */
export function measureBody(v: MeasureFormValues, origin?: MeasureOrigin): MeasureCreate {
  const body: MeasureCreate = {
    title: v.title.trim(),
    body_id: v.body,
    // Creation allows idea or planned only (validateMeasure says so); PATCH never sends the status.
    status: v.status === 'planned' ? 'planned' : 'idea',
    description: v.description.trim(),
    target_group: v.targetGroup.trim(),
    starts_on: orNull(v.startsOn),
    ends_on: orNull(v.endsOn),
    progress: Number.parseInt(v.progress.trim() || '0', 10),
    goal_ids: [...v.goalIds],
    organisations: v.organisations.map((row) => ({ organisation_id: row.organisationId, role: row.role })),
    need_ids: [...v.needIds],
  };
  if (origin?.agendaItemId) body.origin_agenda_item_id = origin.agendaItemId;
  if (origin?.meetingId) body.origin_meeting_id = origin.meetingId;
  return body;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('|') === [...b].sort().join('|');

/** Only the fields whose value differs from `before` (lists are sent whole when they differ; no status). */
export function measureChanges(before: MeasureFormValues, after: MeasureFormValues): MeasureUpdate {
  const old = measureBody(before);
  const next = measureBody(after);
  const changes: MeasureUpdate = {};
  const scalars = ['title', 'body_id', 'description', 'target_group', 'starts_on', 'ends_on', 'progress'] as const;
  for (const key of scalars) {
    if (next[key] !== old[key]) Object.assign(changes, { [key]: next[key] });
  }
  if (!sameSet(old.goal_ids ?? [], next.goal_ids ?? [])) changes.goal_ids = next.goal_ids ?? [];
  if (!sameSet(old.need_ids ?? [], next.need_ids ?? [])) changes.need_ids = next.need_ids ?? [];
  const orgKey = (rows: MeasureCreate['organisations']) => (rows ?? []).map((r) => `${r.organisation_id}:${r.role}`);
  if (!sameSet(orgKey(old.organisations), orgKey(next.organisations))) changes.organisations = next.organisations ?? [];
  return changes;
}

const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;
const SINGLE_LINE_CONTROL = /[\x00-\x1f\x7f]/;

/** Client-side rules mirroring `MeasureCreate`; returns i18n keys. `creating` limits the status. */
export function validateMeasure(v: MeasureFormValues, creating: boolean): FieldErrors<MeasureField> {
  const errors: FieldErrors<MeasureField> = {};
  const title = required(v.title);
  if (title) errors.title = title;
  else if (v.title.trim().length > 200) errors.title = 'measures.validation.tooLong200';
  else if (SINGLE_LINE_CONTROL.test(v.title)) errors.title = 'validation.server.fallback';
  if (!v.body) errors.body = 'measures.validation.body';
  if (creating && !(CREATE_STATUSES as readonly string[]).includes(v.status)) errors.status = 'measures.validation.createStatus';
  if (v.targetGroup.trim().length > 300) errors.targetGroup = 'measures.validation.tooLong300';
  else if (SINGLE_LINE_CONTROL.test(v.targetGroup)) errors.targetGroup = 'validation.server.fallback';
  if (CONTROL.test(v.description)) errors.description = 'validation.server.fallback';
  const progress = v.progress.trim();
  if (!/^\d{1,3}$/.test(progress) || Number(progress) > 100) errors.progress = 'measures.validation.progress';
  if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) errors.endsOn = 'measures.validation.endBeforeStart';
  const chosen = v.organisations.map((row) => row.organisationId);
  if (chosen.some((id) => id === '')) errors.organisations = 'measures.validation.organisationMissing';
  else if (new Set(chosen).size !== chosen.length) errors.organisations = 'measures.validation.organisationTwice';
  return errors;
}

/** The status dialog's rule: paused and discontinued need a reason; returns i18n keys. */
export function validateStatusChange(status: MeasureStatus | '', reason: string): { status?: string; reason?: string } {
  if (status === '') return { status: 'measures.validation.status' };
  if (REASON_REQUIRED.includes(status) && reason.trim() === '') return { reason: 'measures.validation.reasonRequired' };
  return {};
}
