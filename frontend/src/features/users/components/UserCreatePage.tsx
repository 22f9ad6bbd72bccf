import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Button, ErrorSummary } from '@/components/ui';
import { isProblemKind } from '@/lib/api/problem';
import type { FieldErrors } from '@/lib/forms/fieldErrors';
import { useFormErrors } from '@/lib/forms/useFormErrors';
import { type Role, useCreateUser } from '../api/users';
import { USER_FIELD_MAP, type UserField, type UserFormValues, UserFields, fieldId, validateUser } from './UserFields';
import '../i18n'; // registers this feature's texts

const ORDER: UserField[] = ['name', 'email', 'password', 'roles'];

export function UserCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateUser();
  const [values, setValues] = useState<UserFormValues>({ name: '', email: '', password: '', roles: ['member'] });
  const form = useFormErrors<UserField>(USER_FIELD_MAP, (f) => t(`users.fields.${f}`, f));

  const onChange = (field: UserField, value: string | Role[]) => {
    setValues((v) => ({ ...v, [field]: value }));
    form.clearField(field);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const clientErrors = validateUser(values, 'create');
    const translated: FieldErrors<UserField> = {};
    for (const field of ORDER) if (clientErrors[field]) translated[field] = t(clientErrors[field]);
    if (form.setClientErrors(translated)) return;
    try {
      const created = await create.mutateAsync({
        name: values.name.trim(),
        email: values.email.trim(),
        password: values.password,
        roles: values.roles,
      });
      navigate('/verwaltung/benutzer', { state: { created: created.data.name } });
    } catch (caught) {
      // A 409 names the e-mail field (code email_taken); older servers did not, hence the fallback.
      if (!form.applyProblem(caught) && isProblemKind(caught, 'conflict')) {
        form.setClientErrors({ email: t('users.form.emailTaken') });
      }
    }
  };

  const showProblem =
    create.isError && !isProblemKind(create.error, 'conflict') && !isProblemKind(create.error, 'validation-error');

  return (
    <Page title={t('users.create.title')} lead={t('users.create.lead')}>
      <div className="app-narrow">
        {showProblem && <ProblemAlert error={create.error} />}
        <ErrorSummary
          focusKey={form.failedSubmits}
          messages={form.formErrors}
          items={ORDER.filter((f) => form.errors[f]).map((f) => ({
            fieldId: fieldId(f),
            label: t(`users.fields.${f}`),
            message: form.errors[f] ?? '',
          }))}
        />
        <form noValidate onSubmit={onSubmit} className="app-form" aria-label={t('users.create.title')}>
          <UserFields values={values} errors={form.errors} mode="create" onChange={onChange} />
          <div className="kern-flex kern-flex-wrap kern-gap-md">
            <Button type="submit" disabled={create.isPending}>
              {t('users.create.submit')}
            </Button>
            <Link className="kern-btn kern-btn--secondary" to="/verwaltung/benutzer">
              <span className="kern-label">{t('common.cancel')}</span>
            </Link>
          </div>
        </form>
      </div>
    </Page>
  );
}
