import type { FieldErrors } from '@/lib/forms/fieldErrors';
import { required } from '@/lib/forms/validators';
import type { LinkChoice, Submission, SubmissionCreate, SubmissionKind, SubmissionUpdate } from './submissions';

export const SUBMISSION_FIELDS = ['title', 'kind', 'body', 'situation', 'proposedResolution', 'rationale', 'measures', 'needs'] as const;
export type SubmissionField = (typeof SUBMISSION_FIELDS)[number];

/** Server body paths → form fields (422 mapping). */
export const SUBMISSION_FIELD_MAP = {
  title: 'title',
  kind: 'kind',
  body_id: 'body',
  situation: 'situation',
  proposed_resolution: 'proposedResolution',
  rationale: 'rationale',
  measure_ids: 'measures',
  need_ids: 'needs',
} as const satisfies Record<string, SubmissionField>;

export const submissionFieldId = (field: SubmissionField) => `submission-${field}`;

export interface SubmissionFormValues {
  title: string;
  kind: SubmissionKind | '';
  body: string;
  situation: string;
  proposedResolution: string;
  rationale: string;
  measures: LinkChoice[];
  needs: LinkChoice[];
}

export const EMPTY_SUBMISSION: SubmissionFormValues = {
  title: '',
  kind: '',
  body: '',
  situation: '',
  proposedResolution: '',
  rationale: '',
  measures: [],
  needs: [],
};

export const TITLE_MAX = 200;
export const TEXT_MAX = 20_000;
export const LINKS_MAX = 50;

/** The form of a stored paper; the links' labels come from `labels` (the paper keeps only ids). */
export function submissionToValues(s: Submission, labels: { measures: LinkChoice[]; needs: LinkChoice[] }): SubmissionFormValues {
  const label = (list: LinkChoice[], id: string) => list.find((c) => c.id === id) ?? { id, label: id };
  return {
    title: s.title,
    kind: s.kind,
    body: s.body_id,
    situation: s.situation,
    proposedResolution: s.proposed_resolution,
    rationale: s.rationale,
    measures: s.measure_ids.map((id) => label(labels.measures, id)),
    needs: s.need_ids.map((id) => label(labels.needs, id)),
  };
}

// Text areas keep their line breaks; only surrounding blank space goes.
const texts = (v: SubmissionFormValues) => ({
  title: v.title.trim(),
  situation: v.situation.trim(),
  proposed_resolution: v.proposedResolution.trim(),
  rationale: v.rationale.trim(),
  measure_ids: v.measures.map((m) => m.id),
  need_ids: v.needs.map((n) => n.id),
});

export function submissionBody(v: SubmissionFormValues): SubmissionCreate {
  if (v.kind === '') throw new Error('submissionBody needs a kind');
  return { ...texts(v), kind: v.kind, body_id: v.body };
}

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/** Only the fields whose value differs from `before` (the body cannot change after creation). */
export function submissionChanges(before: SubmissionFormValues, after: SubmissionFormValues): SubmissionUpdate {
  const old = texts(before);
  const next = texts(after);
  const changes: SubmissionUpdate = {};
  if (next.title !== old.title) changes.title = next.title;
  if (after.kind !== before.kind && after.kind !== '') changes.kind = after.kind;
  if (next.situation !== old.situation) changes.situation = next.situation;
  if (next.proposed_resolution !== old.proposed_resolution) changes.proposed_resolution = next.proposed_resolution;
  if (next.rationale !== old.rationale) changes.rationale = next.rationale;
  if (!sameIds(next.measure_ids, old.measure_ids)) changes.measure_ids = next.measure_ids;
  if (!sameIds(next.need_ids, old.need_ids)) changes.need_ids = next.need_ids;
  return changes;
}

const CONTROL = /[\x00-\x1f\x7f]/;
// Tab, line feed and carriage return are fine in the long texts.
const CONTROL_MULTI = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;

/** Client-side rules mirroring `SubmissionCreate`; returns i18n keys. */
export function validateSubmission(v: SubmissionFormValues): FieldErrors<SubmissionField> {
  const errors: FieldErrors<SubmissionField> = {};
  const title = required(v.title);
  if (title) errors.title = title;
  else if (v.title.trim().length > TITLE_MAX) errors.title = 'submissions.validation.titleTooLong';
  else if (CONTROL.test(v.title)) errors.title = 'submissions.validation.singleLine';
  if (v.kind === '') errors.kind = 'submissions.validation.kind';
  if (!v.body) errors.body = 'submissions.validation.body';
  for (const field of ['situation', 'proposedResolution', 'rationale'] as const) {
    if (v[field].trim().length > TEXT_MAX) errors[field] = 'submissions.validation.textTooLong';
    else if (CONTROL_MULTI.test(v[field])) errors[field] = 'validation.server.fallback';
  }
  if (v.measures.length > LINKS_MAX) errors.measures = 'submissions.validation.tooManyLinks';
  if (v.needs.length > LINKS_MAX) errors.needs = 'submissions.validation.tooManyLinks';
  return errors;
}

/** Requests and recommendations go to the steering group only with a proposed resolution (the API's rule). */
export function needsProposedResolution(paper: { kind: SubmissionKind; proposed_resolution: string }): boolean {
  return paper.kind !== 'report' && paper.proposed_resolution.trim() === '';
}
