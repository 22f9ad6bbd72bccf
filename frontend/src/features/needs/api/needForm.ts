import type { FieldErrors } from '@/lib/forms/fieldErrors';
import { required } from '@/lib/forms/validators';
import { NOTE_REQUIRED, type Need, type NeedCreate, type NeedStatus, type NeedUpdate } from './needs';

export const NEED_FIELDS = ['body', 'title', 'description', 'fieldOfAction'] as const;
export type NeedField = (typeof NEED_FIELDS)[number];

/** Server body paths → form fields (422 mapping). */
export const NEED_FIELD_MAP = {
  body_id: 'body',
  title: 'title',
  description: 'description',
  field_of_action_id: 'fieldOfAction',
} as const satisfies Record<string, NeedField>;

export const needFieldId = (field: NeedField) => `need-${field}`;

export type NeedFormValues = Record<NeedField, string>;

export const EMPTY_NEED: NeedFormValues = { body: '', title: '', description: '', fieldOfAction: '' };

export function needToValues(n: Need): NeedFormValues {
  return { body: n.body_id, title: n.title, description: n.description, fieldOfAction: n.field_of_action_id ?? '' };
}

export function needBody(v: NeedFormValues): NeedCreate {
  return {
    body_id: v.body,
    title: v.title.trim(),
    description: v.description.trim(),
    field_of_action_id: v.fieldOfAction === '' ? null : v.fieldOfAction,
  };
}

/** How a field of action reads in the needs pages: "B Bildung und Sprache". */
export function fieldOfActionLabel(field: { code: string; title: string }): string {
  return `${field.code} ${field.title}`;
}

/** Only the fields whose value differs from `before`. */
export function needChanges(before: NeedFormValues, after: NeedFormValues): NeedUpdate {
  const old = needBody(before);
  const next = needBody(after);
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof NeedCreate)[]) {
    if (next[key] !== old[key]) changes[key] = next[key];
  }
  return changes as NeedUpdate;
}

const CONTROL = /[\x00-\x1f\x7f]/;

/** Client-side rules mirroring `NeedCreate`; returns i18n keys. */
export function validateNeed(v: NeedFormValues): FieldErrors<NeedField> {
  const errors: FieldErrors<NeedField> = {};
  if (!v.body) errors.body = 'needs.validation.body';
  const title = required(v.title);
  if (title) errors.title = title;
  if (!errors.title) {
    if (v.title.trim().length > 200) errors.title = 'needs.validation.tooLong200';
    else if (CONTROL.test(v.title)) errors.title = 'validation.server.fallback';
  }
  return errors;
}

/** The status dialog's rule: resolved and dismissed need a note; returns an i18n key or null. */
export function validateStatusNote(status: NeedStatus | '', note: string): { status?: string; note?: string } {
  const errors: { status?: string; note?: string } = {};
  if (status === '') errors.status = 'needs.validation.status';
  else if (NOTE_REQUIRED.includes(status) && note.trim() === '') errors.note = 'needs.validation.noteRequired';
  return errors;
}
