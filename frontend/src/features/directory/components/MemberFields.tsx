import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup, SelectField, TextArea, TextField } from '@/components/ui';
import type { FieldErrors } from '@/lib/forms/fieldErrors';
import { email as emailRule, required } from '@/lib/forms/validators';
import {
  ALL,
  ENGAGEMENTS,
  MEMBER_STATUSES,
  type Member,
  type MemberCreate,
  isFullMember,
  organisationsListQuery,
} from '../api/directory';
import { orNull } from '@/lib/forms/changes';
import { COMMON_LANGUAGES, parseLanguages } from '@/lib/reference';

export const MEMBER_FIELDS = [
  'title',
  'givenName',
  'familyName',
  'email',
  'phone',
  'organisation',
  'engagement',
  'function',
  'languages',
  'otherLanguages',
  'status',
  'joinedOn',
  'leftOn',
  'internalNotes',
] as const;
export type MemberField = (typeof MEMBER_FIELDS)[number];

export interface MemberFormValues {
  title: string;
  givenName: string;
  familyName: string;
  email: string;
  phone: string;
  organisation: string;
  engagement: string;
  function: string;
  /** Checked common languages. */
  languages: string[];
  /** Further codes, comma-separated. */
  otherLanguages: string;
  status: string;
  joinedOn: string;
  leftOn: string;
  internalNotes: string;
}

export const MEMBER_FIELD_MAP = {
  title: 'title',
  given_name: 'givenName',
  family_name: 'familyName',
  email: 'email',
  phone: 'phone',
  organisation_id: 'organisation',
  engagement: 'engagement',
  function: 'function',
  languages: 'otherLanguages',
  status: 'status',
  joined_on: 'joinedOn',
  left_on: 'leftOn',
  internal_notes: 'internalNotes',
} as const satisfies Record<string, MemberField>;

export const memberFieldId = (field: MemberField) => `member-${field}`;

export const EMPTY_MEMBER: MemberFormValues = {
  title: '',
  givenName: '',
  familyName: '',
  email: '',
  phone: '',
  organisation: '',
  engagement: 'professional',
  function: '',
  languages: ['de'],
  otherLanguages: '',
  status: 'active',
  joinedOn: '',
  leftOn: '',
  internalNotes: '',
};

const common = COMMON_LANGUAGES as readonly string[];

export function memberToValues(member: Member): MemberFormValues {
  const m = isFullMember(member) ? member : { ...member, email: null, phone: null, joined_on: null, left_on: null, internal_notes: '' };
  return {
    title: m.title ?? '',
    givenName: m.given_name,
    familyName: m.family_name,
    email: m.email ?? '',
    phone: m.phone ?? '',
    organisation: m.organisation_id ?? '',
    engagement: m.engagement,
    function: m.function ?? '',
    languages: m.languages.filter((c) => common.includes(c)),
    otherLanguages: m.languages.filter((c) => !common.includes(c)).join(', '),
    status: m.status,
    joinedOn: m.joined_on ?? '',
    leftOn: m.left_on ?? '',
    internalNotes: m.internal_notes,
  };
}

/** Checked languages first (in the offered order), then the typed codes. */
export function memberLanguages(v: MemberFormValues): string[] {
  const typed = parseLanguages(v.otherLanguages).codes;
  const checked = common.filter((c) => v.languages.includes(c));
  return [...checked, ...typed.filter((c) => !checked.includes(c))];
}

export function memberBody(v: MemberFormValues): MemberCreate {
  return {
    title: orNull(v.title),
    given_name: v.givenName.trim(),
    family_name: v.familyName.trim(),
    email: orNull(v.email),
    phone: orNull(v.phone),
    organisation_id: v.organisation || null,
    engagement: v.engagement as MemberCreate['engagement'],
    function: orNull(v.function),
    languages: memberLanguages(v),
    status: v.status as NonNullable<MemberCreate['status']>,
    joined_on: v.joinedOn || null,
    left_on: v.leftOn || null,
    internal_notes: v.internalNotes.trim(),
  };
}

/** Client-side rules; returns i18n keys (or key + options for the languages). */
export function validateMember(v: MemberFormValues): Partial<Record<MemberField, { key: string; options?: Record<string, string> }>> {
  const errors: Partial<Record<MemberField, { key: string; options?: Record<string, string> }>> = {};
  const given = required(v.givenName);
  if (given) errors.givenName = { key: given };
  const family = required(v.familyName);
  if (family) errors.familyName = { key: family };
  if (v.email.trim()) {
    const mail = emailRule(v.email);
    if (mail) errors.email = { key: mail };
  }
  const { invalid } = parseLanguages(v.otherLanguages);
  if (invalid.length > 0) {
    errors.otherLanguages = { key: 'directory.members.form.languagesInvalid', options: { entries: invalid.join(', ') } };
  }
  if (v.joinedOn && v.leftOn && v.leftOn < v.joinedOn) errors.leftOn = { key: 'directory.members.form.leftBeforeJoined' };
  return errors;
}

export function MemberFields({
  values,
  errors,
  onChange,
}: {
  values: MemberFormValues;
  errors: FieldErrors<MemberField>;
  onChange: <F extends MemberField>(field: F, value: MemberFormValues[F]) => void;
}) {
  const { t } = useTranslation();
  const organisations = useQuery(organisationsListQuery({ sort: 'name', limit: ALL }));
  const text = (
    field: 'title' | 'givenName' | 'familyName' | 'email' | 'phone' | 'function' | 'joinedOn' | 'leftOn',
    extra: { type?: string; hint?: string; required?: boolean } = {},
  ) => (
    <TextField
      id={memberFieldId(field)}
      label={t(`directory.members.fields.${field}`)}
      type={extra.type ?? 'text'}
      hint={extra.hint}
      autoComplete="off"
      optional={!extra.required}
      required={extra.required}
      value={values[field]}
      error={errors[field]}
      onChange={(e) => onChange(field, e.target.value)}
    />
  );
  const orgOptions = organisations.data?.items ?? [];
  const selectedMissing = values.organisation && !orgOptions.some((o) => o.id === values.organisation);
  return (
    <>
      {text('title')}
      {text('givenName', { required: true })}
      {text('familyName', { required: true })}
      {text('email', { type: 'email' })}
      {text('phone', { type: 'tel' })}
      <SelectField
        id={memberFieldId('organisation')}
        label={t('directory.members.fields.organisation')}
        value={values.organisation}
        error={errors.organisation}
        onChange={(e) => onChange('organisation', e.target.value)}
        options={[
          { value: '', label: t('directory.members.form.organisationNone') },
          ...(selectedMissing && organisations.data
            ? [{ value: values.organisation, label: t('directory.members.form.organisationHidden') }]
            : []),
          ...orgOptions.map((o) => ({ value: o.id, label: o.short_name ? `${o.name} (${o.short_name})` : o.name })),
        ]}
      />
      <SelectField
        id={memberFieldId('engagement')}
        label={t('directory.members.fields.engagement')}
        value={values.engagement}
        error={errors.engagement}
        required
        onChange={(e) => onChange('engagement', e.target.value)}
        options={ENGAGEMENTS.map((en) => ({ value: en, label: t(`directory.engagement.${en}`) }))}
      />
      {text('function')}
      <CheckboxGroup
        id={memberFieldId('languages')}
        legend={t('directory.members.fields.languages')}
        hint={t('directory.members.form.languagesHint')}
        options={COMMON_LANGUAGES.map((c) => ({ value: c, label: `${t(`directory.languages.${c}`)} (${c})` }))}
        value={values.languages}
        error={errors.languages}
        onChange={(codes) => onChange('languages', codes)}
      />
      <TextField
        id={memberFieldId('otherLanguages')}
        label={t('directory.members.fields.otherLanguages')}
        hint={t('directory.members.form.otherLanguagesHint')}
        autoComplete="off"
        optional
        value={values.otherLanguages}
        error={errors.otherLanguages}
        onChange={(e) => onChange('otherLanguages', e.target.value)}
      />
      <SelectField
        id={memberFieldId('status')}
        label={t('directory.members.fields.status')}
        value={values.status}
        error={errors.status}
        onChange={(e) => onChange('status', e.target.value)}
        options={MEMBER_STATUSES.map((s) => ({ value: s, label: t(`directory.memberStatus.${s}`) }))}
      />
      {text('joinedOn', { type: 'date', hint: t('directory.members.form.dateHint') })}
      {text('leftOn', { type: 'date', hint: t('directory.members.form.dateHint') })}
      <TextArea
        id={memberFieldId('internalNotes')}
        label={t('directory.members.fields.internalNotes')}
        hint={t('directory.members.form.notesHint')}
        optional
        value={values.internalNotes}
        error={errors.internalNotes}
        onChange={(e) => onChange('internalNotes', e.target.value)}
      />
    </>
  );
}
