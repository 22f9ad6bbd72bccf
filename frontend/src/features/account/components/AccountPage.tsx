import { useQuery } from '@tanstack/react-query';
import { type ChangeEvent, type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CalendarSubscription } from './CalendarSubscription';
import { MyConsents } from './MyConsents';
import { ConflictDialog } from '@/components/ConflictDialog';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Button, ErrorSummary, Loader, TextField } from '@/components/ui';
import { isProblemKind } from '@/lib/api/problem';
import { formatDateTime } from '@/lib/format';
import { useFormErrors } from '@/lib/forms/useFormErrors';
import { password as passwordRule, required } from '@/lib/forms/validators';
import { useSession } from '@/lib/session/SessionProvider';
import { meQuery, useChangePassword, useUpdateMe } from '../api/me';
import '../i18n'; // registers this feature's texts

export function AccountPage() {
  const { t } = useTranslation();
  const me = useQuery(meQuery);

  return (
    <Page title={t('account.title')} lead={t('account.lead')}>
      {me.isPending && <Loader label={t('common.loading')} />}
      {me.isError && <ProblemAlert error={me.error} />}
      {me.data && (
        <>
          <section aria-labelledby="account-overview" className="app-section">
            <h2 className="kern-heading-medium" id="account-overview">
              {t('account.overview')}
            </h2>
            <dl className="kern-description-list">
              <div className="kern-description-list-item">
                <dt className="kern-description-list-item__key">{t('account.fields.email')}</dt>
                <dd className="kern-description-list-item__value">{me.data.data.email}</dd>
              </div>
              <div className="kern-description-list-item">
                <dt className="kern-description-list-item__key">{t('account.fields.roles')}</dt>
                <dd className="kern-description-list-item__value">
                  {me.data.data.roles.map((r) => t(`roles.${r}`)).join(', ') || t('account.noRoles')}
                </dd>
              </div>
              <div className="kern-description-list-item">
                <dt className="kern-description-list-item__key">{t('account.fields.createdAt')}</dt>
                <dd className="kern-description-list-item__value">{formatDateTime(me.data.data.created_at)}</dd>
              </div>
            </dl>
          </section>
          <NameForm name={me.data.data.name} etag={me.data.etag} onReload={() => void me.refetch()} />
          <PasswordForm />
          <MyConsents />
          {me.data.data.member_id && <CalendarSubscription />}
        </>
      )}
    </Page>
  );
}

function NameForm({ name: savedName, etag, onReload }: { name: string; etag: string | null; onReload: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const update = useUpdateMe();
  const [name, setName] = useState(savedName);
  const [saved, setSaved] = useState(false);
  const [conflict, setConflict] = useState(false);
  const form = useFormErrors<'name'>({ name: 'name' }, () => t('account.fields.name'));

  useEffect(() => setName(savedName), [savedName]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const error = required(name);
    if (form.setClientErrors(error ? { name: t(error) } : {})) return;
    try {
      const result = await update.mutateAsync({ body: { name: name.trim() }, etag: etag ?? '' });
      session.setUser(result.data);
      setSaved(true);
    } catch (caught) {
      if (isProblemKind(caught, 'precondition-failed')) setConflict(true);
      else form.applyProblem(caught);
    }
  };

  const showProblem =
    update.isError && !isProblemKind(update.error, 'precondition-failed') && !isProblemKind(update.error, 'validation-error');

  return (
    <section aria-labelledby="account-name" className="app-section">
      <h2 className="kern-heading-medium" id="account-name">
        {t('account.nameSection')}
      </h2>
      {saved && (
        <Alert variant="success" title={t('account.nameSaved')} live="status" />
      )}
      {showProblem && <ProblemAlert error={update.error} />}
      <ErrorSummary
        focusKey={form.failedSubmits}
        messages={form.formErrors}
        items={
          form.errors.name
            ? [{ fieldId: 'account-name-input', label: t('account.fields.name'), message: form.errors.name }]
            : []
        }
      />
      <form noValidate onSubmit={onSubmit} className="app-form">
        <TextField
          id="account-name-input"
          label={t('account.fields.name')}
          autoComplete="name"
          value={name}
          error={form.errors.name}
          onChange={(e) => {
            setName(e.target.value);
            form.clearField('name');
            setSaved(false);
          }}
          required
        />
        <div className="kern-flex kern-flex-wrap kern-gap-md">
          <Button type="submit" disabled={update.isPending}>
            {t('account.saveName')}
          </Button>
        </div>
      </form>
      <ConflictDialog
        open={conflict}
        changes={[]}
        onClose={() => setConflict(false)}
        onReload={() => {
          setConflict(false);
          onReload();
        }}
      />
    </section>
  );
}

type PasswordField = 'current' | 'next' | 'confirm';
const PASSWORD_FIELD_MAP = { current_password: 'current', new_password: 'next' } as const satisfies Record<
  string,
  PasswordField
>;

function PasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [values, setValues] = useState<Record<PasswordField, string>>({ current: '', next: '', confirm: '' });
  const [done, setDone] = useState(false);
  const form = useFormErrors<PasswordField>(PASSWORD_FIELD_MAP, (f) => t(`account.passwordFields.${f}`, f));
  const ids: Record<PasswordField, string> = {
    current: 'password-current',
    next: 'password-new',
    confirm: 'password-confirm',
  };

  const set = (field: PasswordField) => (event: ChangeEvent<HTMLInputElement>) => {
    setValues((v) => ({ ...v, [field]: event.target.value }));
    form.clearField(field);
    setDone(false);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const errors: Partial<Record<PasswordField, string>> = {};
    const currentError = required(values.current);
    if (currentError) errors.current = t(currentError);
    const nextError = passwordRule(values.next);
    if (nextError) errors.next = t(nextError);
    if (!nextError && values.confirm !== values.next) errors.confirm = t('validation.passwordMismatch');
    if (form.setClientErrors(errors)) return;
    try {
      await change.mutateAsync({ current_password: values.current, new_password: values.next });
      setValues({ current: '', next: '', confirm: '' });
      setDone(true);
    } catch (caught) {
      // A wrong current password comes back as 401/422; show it at the field.
      if (isProblemKind(caught, 'unauthenticated') || isProblemKind(caught, 'forbidden')) {
        form.setClientErrors({ current: t('account.currentPasswordWrong') });
      } else {
        form.applyProblem(caught);
      }
    }
  };

  const showProblem =
    change.isError &&
    !isProblemKind(change.error, 'validation-error') &&
    !isProblemKind(change.error, 'unauthenticated') &&
    !isProblemKind(change.error, 'forbidden');

  return (
    <section aria-labelledby="account-password" className="app-section">
      <h2 className="kern-heading-medium" id="account-password">
        {t('account.passwordSection')}
      </h2>
      <p className="kern-body">{t('account.passwordHint')}</p>
      {done && (
        <Alert variant="success" title={t('account.passwordChanged')} live="status">
          <p className="kern-body">{t('account.passwordChangedText')}</p>
        </Alert>
      )}
      {showProblem && <ProblemAlert error={change.error} />}
      <ErrorSummary
        focusKey={form.failedSubmits}
        messages={form.formErrors}
        items={(['current', 'next', 'confirm'] as const)
          .filter((f) => form.errors[f])
          .map((f) => ({ fieldId: ids[f], label: t(`account.passwordFields.${f}`), message: form.errors[f] ?? '' }))}
      />
      <form noValidate onSubmit={onSubmit} className="app-form">
        <TextField
          id={ids.current}
          type="password"
          label={t('account.passwordFields.current')}
          autoComplete="current-password"
          value={values.current}
          error={form.errors.current}
          onChange={set('current')}
          required
        />
        <TextField
          id={ids.next}
          type="password"
          label={t('account.passwordFields.next')}
          hint={t('account.passwordRule')}
          autoComplete="new-password"
          value={values.next}
          error={form.errors.next}
          onChange={set('next')}
          required
        />
        <TextField
          id={ids.confirm}
          type="password"
          label={t('account.passwordFields.confirm')}
          autoComplete="new-password"
          value={values.confirm}
          error={form.errors.confirm}
          onChange={set('confirm')}
          required
        />
        <div className="kern-flex kern-flex-wrap kern-gap-md">
          <Button type="submit" disabled={change.isPending}>
            {t('account.changePassword')}
          </Button>
        </div>
      </form>
    </section>
  );
}
