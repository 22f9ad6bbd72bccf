import { orNull } from '@/lib/forms/changes';
import type { FieldErrors } from '@/lib/forms/fieldErrors';
import { required } from '@/lib/forms/validators';
import { parseLanguages } from '@/lib/reference';
import type { Offer, OfferCreate, OfferUpdate } from './offers';

export const OFFER_FIELDS = [
  'organisation',
  'title',
  'description',
  'targetGroups',
  'languages',
  'municipalities',
  'costs',
  'contact',
  'validFrom',
  'validUntil',
  'published',
] as const;
export type OfferField = (typeof OFFER_FIELDS)[number];

/** Server body paths → form fields (422 mapping). */
export const OFFER_FIELD_MAP = {
  organisation_id: 'organisation',
  title: 'title',
  description: 'description',
  target_groups: 'targetGroups',
  languages: 'languages',
  municipalities: 'municipalities',
  costs: 'costs',
  contact: 'contact',
  valid_from: 'validFrom',
  valid_until: 'validUntil',
  published: 'published',
} as const satisfies Record<string, OfferField>;

export const offerFieldId = (field: OfferField) => `offer-${field}`;

export interface OfferFormValues {
  organisation: string;
  title: string;
  description: string;
  /** Comma-separated, e.g. "Frauen, Jugendliche". */
  targetGroups: string;
  /** Comma-separated ISO 639-1 codes, e.g. "de, ar". */
  languages: string;
  municipalities: string[];
  costs: string;
  contact: string;
  /** YYYY-MM-DD or ''. */
  validFrom: string;
  validUntil: string;
  published: boolean;
}

export const EMPTY_OFFER: OfferFormValues = {
  organisation: '',
  title: '',
  description: '',
  targetGroups: '',
  languages: '',
  municipalities: [],
  costs: '',
  contact: '',
  validFrom: '',
  validUntil: '',
  published: false,
};

export function offerToValues(o: Offer): OfferFormValues {
  return {
    organisation: o.organisation_id,
    title: o.title,
    description: o.description,
    targetGroups: o.target_groups.join(', '),
    languages: o.languages.join(', '),
    municipalities: [...o.municipalities],
    costs: o.costs ?? '',
    contact: o.contact ?? '',
    validFrom: o.valid_from ?? '',
    validUntil: o.valid_until ?? '',
    published: o.published,
  };
}

/** "Frauen, Jugendliche ,, Frauen" → ["Frauen", "Jugendliche"] (order kept, duplicates dropped). */
export function splitList(text: string): string[] {
  const result: string[] = [];
  for (const part of text.split(',')) {
    const entry = part.trim().replace(/\s+/g, ' ');
    if (entry && !result.includes(entry)) result.push(entry);
  }
  return result;
}


/** The full request body for these values (the edit page sends only what changed). */
export function offerBody(v: OfferFormValues): OfferCreate {
  return {
    organisation_id: v.organisation,
    title: v.title.trim(),
    description: v.description.trim(),
    target_groups: splitList(v.targetGroups),
    languages: [...parseLanguages(v.languages).codes].sort(),
    municipalities: [...v.municipalities].sort() as OfferCreate['municipalities'],
    costs: orNull(v.costs),
    contact: orNull(v.contact),
    valid_from: v.validFrom || null,
    valid_until: v.validUntil || null,
    published: v.published,
  };
}

/** Only the fields whose value differs from `before` (an empty object when nothing changed). */
export function offerChanges(before: OfferFormValues, after: OfferFormValues): OfferUpdate {
  const old = offerBody(before);
  const next = offerBody(after);
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof OfferCreate)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(old[key])) changes[key] = next[key];
  }
  return changes as OfferUpdate;
}

const CONTROL = /[\x00-\x1f\x7f]/;

/** Client-side rules mirroring `OfferCreate`; returns i18n keys. */
export function validateOffer(v: OfferFormValues): FieldErrors<OfferField> {
  const errors: FieldErrors<OfferField> = {};
  if (!v.organisation) errors.organisation = 'offers.validation.organisation';
  const title = required(v.title);
  if (title) errors.title = title;
  else if (v.title.trim().length > 200) errors.title = 'offers.validation.tooLong200';
  else if (CONTROL.test(v.title)) errors.title = 'validation.server.fallback';
  const groups = splitList(v.targetGroups);
  if (groups.length > 30) errors.targetGroups = 'offers.validation.tooMany';
  else if (groups.some((g) => g.length > 100)) errors.targetGroups = 'offers.validation.groupTooLong';
  const languages = parseLanguages(v.languages);
  if (languages.invalid.length > 0) errors.languages = 'offers.validation.languages';
  else if (languages.codes.length > 30) errors.languages = 'offers.validation.tooMany';
  for (const field of ['costs', 'contact'] as const) {
    if (v[field].trim().length > 200) errors[field] = 'offers.validation.tooLong200';
    else if (CONTROL.test(v[field])) errors[field] = 'validation.server.fallback';
  }
  if (v.validFrom && v.validUntil && v.validUntil < v.validFrom) errors.validUntil = 'offers.validation.dateOrder';
  return errors;
}
