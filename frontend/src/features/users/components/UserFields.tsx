import { useTranslation } from 'react-i18next';
import { CheckboxGroup, TextField } from '@/components/ui';
import type { FieldErrors } from '@/lib/forms/fieldErrors';
import { email as emailRule, password as passwordRule, required } from '@/lib/forms/validators';
import { ROLES, type Role } from '../api/users';

export type UserField = 'name' | 'email' | 'password' | 'roles';

export interface UserFormValues {
  name: string;
  email: string;
  password: string;
  roles: Role[];
}

/** Server body paths → form fields (`roles.0` lands on roles). */
export const USER_FIELD_MAP = {
  name: 'name',
  email: 'email',
  password: 'password',
  roles: 'roles',
} as const satisfies Record<string, UserField>;

export const fieldId = (field: UserField) => `user-${field}`;

/** Client-side rules; returns i18n keys. Password is optional when editing. */
export function validateUser(values: UserFormValues, mode: 'create' | 'edit'): FieldErrors<UserField> {
  const errors: FieldErrors<UserField> = {};
  const nameError = required(values.name);
  if (nameError) errors.name = nameError;
  const emailError = emailRule(values.email);
  if (emailError) errors.email = emailError;
  if (mode === 'create' || values.password.length > 0) {
    const passwordError = passwordRule(values.password);
    if (passwordError) errors.password = passwordError;
  }
  return errors;
}

export function UserFields({
  values,
  errors,
  mode,
  onChange,
}: {
  values: UserFormValues;
  errors: FieldErrors<UserField>;
  mode: 'create' | 'edit';
  onChange: (field: UserField, value: string | Role[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id={fieldId('name')}
        label={t('users.fields.name')}
        autoComplete="off"
        value={values.name}
        error={errors.name}
        onChange={(e) => onChange('name', e.target.value)}
        required
      />
      <TextField
        id={fieldId('email')}
        type="email"
        label={t('users.fields.email')}
        autoComplete="off"
        value={values.email}
        error={errors.email}
        onChange={(e) => onChange('email', e.target.value)}
        required
      />
      <TextField
        id={fieldId('password')}
        type="password"
        label={mode === 'create' ? t('users.fields.initialPassword') : t('users.fields.newPassword')}
        hint={mode === 'create' ? t('users.form.passwordHintCreate') : t('users.form.passwordHintEdit')}
        autoComplete="new-password"
        optional={mode === 'edit'}
        value={values.password}
        error={errors.password}
        onChange={(e) => onChange('password', e.target.value)}
        required={mode === 'create'}
      />
      <CheckboxGroup
        id={fieldId('roles')}
        legend={t('users.fields.roles')}
        hint={t('users.form.rolesHint')}
        options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        value={values.roles}
        error={errors.roles}
        onChange={(roles) => onChange('roles', roles as Role[])}
      />
    </>
  );
}
