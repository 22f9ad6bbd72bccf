import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '@/components/ui';
import type { FieldErrors } from '@/lib/forms/fieldErrors';
import { email as emailRule, required } from '@/lib/forms/validators';
import {
  ORGANISATION_KINDS,
  type Organisation,
  type OrganisationCreate,
} from '../api/directory';
import { orNull } from '@/lib/forms/changes';
import { MUNICIPALITIES } from '@/lib/reference';

export const ORGANISATION_FIELDS = [
  'name',
  'shortName',
  'kind',
  'street',
  'postalCode',
  'city',
  'municipality',
  'website',
  'email',
  'phone',
] as const;
export type OrganisationField = (typeof ORGANISATION_FIELDS)[number];
export type OrganisationFormValues = Record<OrganisationField, string>;

export const ORGANISATION_FIELD_MAP = {
  name: 'name',
  short_name: 'shortName',
  kind: 'kind',
  street: 'street',
  postal_code: 'postalCode',
  city: 'city',
  municipality: 'municipality',
  website: 'website',
  email: 'email',
  phone: 'phone',
} as const satisfies Record<string, OrganisationField>;

export const organisationFieldId = (field: OrganisationField) => `organisation-${field}`;

export const EMPTY_ORGANISATION: OrganisationFormValues = {
  name: '',
  shortName: '',
  kind: '',
  street: '',
  postalCode: '',
  city: '',
  municipality: '',
  website: '',
  email: '',
  phone: '',
};

export function organisationToValues(o: Organisation): OrganisationFormValues {
  return {
    name: o.name,
    shortName: o.short_name ?? '',
    kind: o.kind,
    street: o.street ?? '',
    postalCode: o.postal_code ?? '',
    city: o.city ?? '',
    municipality: o.municipality ?? '',
    website: o.website ?? '',
    email: o.email ?? '',
    phone: o.phone ?? '',
  };
}

/** The request body for these values (all fields; edit pages send only the changed ones). */
export function organisationBody(v: OrganisationFormValues): OrganisationCreate {
  return {
    name: v.name.trim(),
    short_name: orNull(v.shortName),
    kind: v.kind as OrganisationCreate['kind'],
    street: orNull(v.street),
    postal_code: orNull(v.postalCode),
    city: orNull(v.city),
    municipality: (orNull(v.municipality) as OrganisationCreate['municipality']) ?? null,
    website: orNull(v.website),
    email: orNull(v.email),
    phone: orNull(v.phone),
  };
}

/** Client-side rules; returns i18n keys. */
export function validateOrganisation(v: OrganisationFormValues): FieldErrors<OrganisationField> {
  const errors: FieldErrors<OrganisationField> = {};
  const name = required(v.name);
  if (name) errors.name = name;
  if (!v.kind) errors.kind = 'validation.required';
  if (v.email.trim()) {
    const mail = emailRule(v.email);
    if (mail) errors.email = mail;
  }
  if (v.website.trim() && !/^https?:\/\/\S+\.\S+/i.test(v.website.trim())) {
    errors.website = 'directory.organisations.form.websiteInvalid';
  }
  return errors;
}

export function OrganisationFields({
  values,
  errors,
  onChange,
}: {
  values: OrganisationFormValues;
  errors: FieldErrors<OrganisationField>;
  onChange: (field: OrganisationField, value: string) => void;
}) {
  const { t } = useTranslation();
  const text = (field: OrganisationField, extra: { type?: string; hint?: string; autoComplete?: string; required?: boolean } = {}) => (
    <TextField
      id={organisationFieldId(field)}
      label={t(`directory.organisations.fields.${field}`)}
      type={extra.type ?? 'text'}
      hint={extra.hint}
      autoComplete={extra.autoComplete ?? 'off'}
      optional={!extra.required}
      required={extra.required}
      value={values[field]}
      error={errors[field]}
      onChange={(e) => onChange(field, e.target.value)}
    />
  );
  return (
    <>
      {text('name', { required: true })}
      {text('shortName')}
      <SelectField
        id={organisationFieldId('kind')}
        label={t('directory.organisations.fields.kind')}
        value={values.kind}
        error={errors.kind}
        required
        onChange={(e) => onChange('kind', e.target.value)}
        options={[
          { value: '', label: t('directory.organisations.form.kindChoose') },
          ...ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`directory.kinds.${k}`) })),
        ]}
      />
      {text('street')}
      {text('postalCode', { autoComplete: 'off' })}
      {text('city')}
      <SelectField
        id={organisationFieldId('municipality')}
        label={t('directory.organisations.fields.municipality')}
        value={values.municipality}
        error={errors.municipality}
        onChange={(e) => onChange('municipality', e.target.value)}
        options={[
          { value: '', label: t('directory.organisations.form.municipalityNone') },
          ...MUNICIPALITIES.map((m) => ({ value: m, label: m })),
        ]}
      />
      {text('website', { type: 'url', hint: t('directory.organisations.form.websiteHint') })}
      {text('email', { type: 'email' })}
      {text('phone', { type: 'tel' })}
    </>
  );
}
