import { email as emailRule, required } from '@/lib/forms/validators';
import type { RegistrationCreate } from './publicMeetings';

export const REGISTRATION_FIELDS = ['givenName', 'familyName', 'email', 'organisation', 'consent'] as const;
export type RegistrationField = (typeof REGISTRATION_FIELDS)[number];

/** Server body paths → form fields (422 and 409 mapping). */
export const REGISTRATION_FIELD_MAP = {
  given_name: 'givenName',
  family_name: 'familyName',
  email: 'email',
  organisation_name: 'organisation',
  consent: 'consent',
} as const satisfies Record<string, RegistrationField>;

export interface RegistrationFormValues {
  givenName: string;
  familyName: string;
  email: string;
  organisation: string;
  consent: boolean;
  /** Honeypot: people never see it; bots fill it. */
  website: string;
}

export const EMPTY_REGISTRATION: RegistrationFormValues = {
  givenName: '',
  familyName: '',
  email: '',
  organisation: '',
  consent: false,
  website: '',
};

export interface ValidationMessage {
  key: string;
  options?: Record<string, number>;
}

const LIMITS = { givenName: 100, familyName: 100, organisation: 200 } as const;
const CONTROL = /[\x00-\x1f\x7f]/;

/** Client-side checks mirroring `RegistrationCreate`; returns i18n keys per field. */
export function validateRegistration(values: RegistrationFormValues): Partial<Record<RegistrationField, ValidationMessage>> {
  const errors: Partial<Record<RegistrationField, ValidationMessage>> = {};
  for (const field of ['givenName', 'familyName'] as const) {
    const missing = required(values[field]);
    if (missing) errors[field] = { key: missing };
  }
  const mail = emailRule(values.email);
  if (mail) errors.email = { key: mail };
  else if (values.email.trim().length > 254) errors.email = { key: 'validation.serverLimit.string_too_long', options: { count: 254 } };
  for (const field of ['givenName', 'familyName', 'organisation'] as const) {
    if (errors[field] !== undefined) continue;
    if (values[field].trim().length > LIMITS[field]) {
      errors[field] = { key: 'validation.serverLimit.string_too_long', options: { count: LIMITS[field] } };
    } else if (CONTROL.test(values[field])) {
      errors[field] = { key: 'validation.server.fallback' };
    }
  }
  if (!values.consent) errors.consent = { key: 'publicPages.register.consentRequired' };
  return errors;
}

/** The request body; `privacyTextVersion` is the version `/api/v1/site` names (what the visitor consents to). */
export function registrationBody(values: RegistrationFormValues, privacyTextVersion: string): RegistrationCreate {
  const organisation = values.organisation.trim();
  return {
    given_name: values.givenName.trim(),
    family_name: values.familyName.trim(),
    email: values.email.trim(),
    organisation_name: organisation === '' ? null : organisation,
    consent: values.consent,
    privacy_text_version: privacyTextVersion,
    website: values.website === '' ? null : values.website,
  };
}
