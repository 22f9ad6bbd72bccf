import type { FieldErrors } from '@/lib/forms/fieldErrors';
import type {
  Edition,
  EditionAdopt,
  EditionDerive,
  EditionUpdate,
  Field,
  FieldCreate,
  FieldUpdate,
  Goal,
  GoalCreate,
  GoalUpdate,
} from './concept';

/** Single-line texts refuse control characters, as the API does. */
const CONTROL = /[\x00-\x1f\x7f]/;
/** Multi-line texts keep tabs and line breaks. */
const CONTROL_MULTI = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;
export const YEAR_MIN = 1990;
export const YEAR_MAX = 2200;

/** A required single-line text of at most `max` characters; returns an i18n key or null. */
function line(value: string, max: number): string | null {
  const text = value.trim();
  if (text === '') return 'validation.required';
  if (text.length > max) return `concept.validation.tooLong${max}`;
  if (CONTROL.test(value)) return 'validation.server.fallback';
  return null;
}

function longText(value: string): string | null {
  if (value.length > 20_000) return 'concept.validation.tooLong20000';
  if (CONTROL_MULTI.test(value)) return 'validation.server.fallback';
  return null;
}

function year(value: string): string | null {
  const text = value.trim();
  if (text === '') return 'validation.required';
  if (!/^\d{4}$/.test(text) || Number(text) < YEAR_MIN || Number(text) > YEAR_MAX) return 'concept.validation.year';
  return null;
}

function collect<F extends string>(checks: Record<F, string | null>): FieldErrors<F> {
  const errors: FieldErrors<F> = {};
  for (const [field, error] of Object.entries(checks) as [F, string | null][]) if (error) errors[field] = error;
  return errors;
}

/** Only the keys whose value differs (arrays compared by content). */
function changed<T extends object>(before: T, after: T): Partial<T> {
  const result: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    const a = before[key];
    const b = after[key];
    const same = Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((v, i) => v === b[i]) : a === b;
    if (!same) result[key] = b;
  }
  return result;
}

// --- edition (title, year, introduction of a draft) ---------------------------------------------

export const EDITION_FIELDS = ['year', 'title', 'introduction'] as const;
export type EditionField = (typeof EDITION_FIELDS)[number];
export type EditionValues = Record<EditionField, string>;
export const EDITION_FIELD_MAP = { year: 'year', title: 'title', introduction: 'introduction' } as const satisfies Record<
  string,
  EditionField
>;

export function editionToValues(e: Edition): EditionValues {
  return { year: String(e.year), title: e.title, introduction: e.introduction };
}

export function validateEdition(v: EditionValues): FieldErrors<EditionField> {
  return collect({ year: year(v.year), title: line(v.title, 300), introduction: longText(v.introduction) });
}

export function editionChanges(before: EditionValues, after: EditionValues): EditionUpdate {
  const body = (v: EditionValues) => ({ year: Number(v.year.trim()), title: v.title.trim(), introduction: v.introduction.trim() });
  return changed(body(before), body(after));
}

// --- derive ---------------------------------------------------------------------------------------

export const DERIVE_FIELDS = ['year', 'title'] as const;
export type DeriveField = (typeof DERIVE_FIELDS)[number];
export type DeriveValues = Record<DeriveField, string>;
export const DERIVE_FIELD_MAP = { year: 'year', title: 'title' } as const satisfies Record<string, DeriveField>;

export function deriveDefaults(today: Date): DeriveValues {
  const next = String(today.getFullYear());
  return { year: next, title: `Integrationskonzept ${next}` };
}

export function validateDerive(v: DeriveValues): FieldErrors<DeriveField> {
  return collect({ year: year(v.year), title: line(v.title, 300) });
}

export function deriveBody(v: DeriveValues): EditionDerive {
  return { year: Number(v.year.trim()), title: v.title.trim() };
}

// --- adopt ----------------------------------------------------------------------------------------

export const ADOPT_FIELDS = ['adoptedOn', 'adoptedBy'] as const;
export type AdoptField = (typeof ADOPT_FIELDS)[number];
export type AdoptValues = Record<AdoptField, string>;
export const ADOPT_FIELD_MAP = { adopted_on: 'adoptedOn', adopted_by: 'adoptedBy' } as const satisfies Record<
  string,
  AdoptField
>;

export function validateAdopt(v: AdoptValues): FieldErrors<AdoptField> {
  const date = v.adoptedOn.trim();
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(new Date(`${date}T00:00:00Z`).getTime());
  return collect({
    adoptedOn: date === '' ? 'validation.required' : validDate ? null : 'concept.validation.date',
    adoptedBy: line(v.adoptedBy, 200),
  });
}

export function adoptBody(v: AdoptValues): EditionAdopt {
  return { adopted_on: v.adoptedOn.trim(), adopted_by: v.adoptedBy.trim() };
}

// --- fields of action -------------------------------------------------------------------------------

export const FIELD_FIELDS = ['code', 'title', 'description', 'bodies'] as const;
export type FieldField = (typeof FIELD_FIELDS)[number];
export interface FieldValues {
  code: string;
  title: string;
  description: string;
  bodies: string[];
}
export const FIELD_FIELD_MAP = {
  code: 'code',
  title: 'title',
  description: 'description',
  body_ids: 'bodies',
} as const satisfies Record<string, FieldField>;

export const EMPTY_FIELD: FieldValues = { code: '', title: '', description: '', bodies: [] };

export function fieldToValues(f: Field): FieldValues {
  return { code: f.code, title: f.title, description: f.description, bodies: [...f.body_ids] };
}

export function validateField(v: FieldValues): FieldErrors<FieldField> {
  return collect({ code: line(v.code, 16), title: line(v.title, 200), description: longText(v.description), bodies: null });
}

/** The create body (and, for changes, what `fieldChanges` compares). */
export function fieldBody(v: FieldValues): Omit<FieldCreate, 'position'> {
  return { code: v.code.trim(), title: v.title.trim(), description: v.description.trim(), body_ids: v.bodies };
}

export function fieldChanges(before: FieldValues, after: FieldValues): FieldUpdate {
  const sorted = (v: FieldValues) => ({ ...fieldBody(v), body_ids: [...v.bodies].sort() });
  const diff = changed(sorted(before), sorted(after));
  // Send the bodies in the order the user sees them.
  return 'body_ids' in diff ? { ...diff, body_ids: after.bodies } : diff;
}

// --- goals ----------------------------------------------------------------------------------------

export const GOAL_FIELDS = ['field', 'code', 'title', 'description'] as const;
export type GoalField = (typeof GOAL_FIELDS)[number];
export type GoalValues = Record<GoalField, string>;
export const GOAL_FIELD_MAP = {
  field_of_action_id: 'field',
  code: 'code',
  title: 'title',
  description: 'description',
} as const satisfies Record<string, GoalField>;

export function emptyGoal(fieldId: string): GoalValues {
  return { field: fieldId, code: '', title: '', description: '' };
}

export function goalToValues(g: Goal): GoalValues {
  return { field: g.field_of_action_id, code: g.code, title: g.title, description: g.description };
}

export function validateGoal(v: GoalValues): FieldErrors<GoalField> {
  return collect({
    field: v.field === '' ? 'concept.validation.field' : null,
    code: line(v.code, 16),
    title: line(v.title, 300),
    description: longText(v.description),
  });
}

export function goalBody(v: GoalValues): Omit<GoalCreate, 'position'> {
  return { field_of_action_id: v.field, code: v.code.trim(), title: v.title.trim(), description: v.description.trim() };
}

export function goalChanges(before: GoalValues, after: GoalValues): GoalUpdate {
  return changed(goalBody(before), goalBody(after));
}

/**
 * A suggestion for the next goal's code in a field: "B.4" after "B.1"–"B.3"; the field's code
 * with ".1" when it has no numbered goals yet.
 */
export function nextGoalCode(fieldCode: string, goalCodes: readonly string[]): string {
  const prefix = `${fieldCode}.`;
  const numbers = goalCodes
    .filter((code) => code.startsWith(prefix))
    .map((code) => Number(code.slice(prefix.length)))
    .filter((n) => Number.isInteger(n) && n > 0);
  return `${prefix}${numbers.length ? Math.max(...numbers) + 1 : 1}`;
}
