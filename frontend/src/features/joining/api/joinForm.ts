import { email as emailRule, required } from '@/lib/forms/validators';
import type { JoinEngagement, JoinRequestCreate } from './joining';

export const JOIN_FIELDS = ['givenName', 'familyName', 'email', 'organisation', 'engagement', 'workingGroups', 'message', 'consent'] as const;
export type JoinField = (typeof JOIN_FIELDS)[number];

/** Server body paths → form fields (422 mapping). */
export const JOIN_FIELD_MAP = {
  given_name: 'givenName',
  family_name: 'familyName',
  email: 'email',
  organisation_name: 'organisation',
  engagement: 'engagement',
  working_group_ids: 'workingGroups',
  message: 'message',
  consent: 'consent',
} as const satisfies Record<string, JoinField>;

export interface JoinFormValues {
  givenName: string;
  familyName: string;
  email: string;
  organisation: string;
  engagement: JoinEngagement | '';
  /** Ids of the working groups the person is interested in. */
  workingGroups: string[];
  message: string;
  consent: boolean;
  /** Honeypot: people never see it; bots fill it. */
  website: string;
}

export const EMPTY_JOIN: JoinFormValues = {
  givenName: '',
  familyName: '',
  email: '',
  organisation: '',
  engagement: '',
  workingGroups: [],
  message: '',
  consent: false,
  website: '',
};

export interface ValidationMessage {
  key: string;
  options?: Record<string, number>;
}

const LIMITS = { givenName: 100, familyName: 100, organisation: 200, message: 2000 } as const;
const CONTROL = /[\x00-\x1f\x7f]/;

/** Client-side checks mirroring `JoinRequestCreate`; returns i18n keys per field. */
export function validateJoin(values: JoinFormValues): Partial<Record<JoinField, ValidationMessage>> {
  const errors: Partial<Record<JoinField, ValidationMessage>> = {};
  for (const field of ['givenName', 'familyName'] as const) {
    const missing = required(values[field]);
    if (missing) errors[field] = { key: missing };
    else if (CONTROL.test(values[field])) errors[field] = { key: 'validation.server.fallback' };
  }
  const mail = emailRule(values.email);
  if (mail) errors.email = { key: mail };
  else if (values.email.trim().length > 254) errors.email = { key: 'validation.serverLimit.string_too_long', options: { count: 254 } };
  if (values.engagement === '') errors.engagement = { key: 'joining.validation.engagement' };
  if (!values.consent) errors.consent = { key: 'joining.validation.consent' };
  for (const field of ['givenName', 'familyName', 'organisation', 'message'] as const) {
    const limit = LIMITS[field];
    if (errors[field] === undefined && values[field].trim().length > limit) {
      errors[field] = { key: 'validation.serverLimit.string_too_long', options: { count: limit } };
    }
  }
  return errors;
}

/**
 * The request body; empty optional texts are left out or null, as the API expects.
 * `privacyTextVersion` is the version `/api/v1/site` names: the one the visitor consents to.
 */
export function joinBody(values: JoinFormValues, privacyTextVersion: string): JoinRequestCreate {
  const organisation = values.organisation.trim();
  return {
    given_name: values.givenName.trim(),
    family_name: values.familyName.trim(),
    email: values.email.trim(),
    organisation_name: organisation === '' ? null : organisation,
    engagement: values.engagement === '' ? 'volunteer' : values.engagement,
    working_group_ids: values.workingGroups,
    message: values.message.trim(),
    consent: values.consent,
    privacy_text_version: privacyTextVersion,
    website: values.website === '' ? null : values.website,
  };
}
