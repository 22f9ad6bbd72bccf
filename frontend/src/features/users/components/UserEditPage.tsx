import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type ConflictChange, ConflictDialog } from '@/components/ConflictDialog';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Badge, Button, Dialog, ErrorSummary, Loader } from '@/components/ui';
import { isProblemKind } from '@/lib/api/problem';
import { formatDateTime } from '@/lib/format';
import type { FieldErrors } from '@/lib/forms/fieldErrors';
import { useFormErrors } from '@/lib/forms/useFormErrors';
import {
  type Role,
  type User,
  type UserUpdate,
  fetchLatestUser,
  userKeys,
  userQuery,
  useUpdateUser,
} from '../api/users';
import { USER_FIELD_MAP, type UserField, type UserFormValues, UserFields, fieldId, validateUser } from './UserFields';
import '../i18n'; // registers this feature's texts

const ORDER: UserField[] = ['name', 'email', 'password', 'roles'];

function toValues(user: User): UserFormValues {
  return { name: user.name, email: user.email, password: '', roles: [...user.roles] };
}

export function UserEditPage() {
  const { t } = useTranslation();
  const { userId = '' } = useParams();
  const user = useQuery(userQuery(userId));

  if (user.isPending) {
    return (
      <Page title={t('users.edit.title')}>
        <Loader label={t('common.loading')} />
      </Page>
    );
  }
  if (user.isError) {
    return (
      <Page title={t('users.edit.title')}>
        <ProblemAlert error={user.error} />
        <p className="kern-body">
          <Link className="kern-link" to="/verwaltung/benutzer">
            {t('users.edit.backToList')}
          </Link>
        </p>
      </Page>
    );
  }
  return <UserEditor user={user.data.data} etag={user.data.etag} />;
}

function UserEditor({ user, etag }: { user: User; etag: string | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const update = useUpdateUser(user.id);
  const [values, setValues] = useState<UserFormValues>(() => toValues(user));
  const [saved, setSaved] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ changes: ConflictChange[]; latest: Awaited<ReturnType<typeof fetchLatestUser>> | null } | null>(null);
  const [confirmActive, setConfirmActive] = useState(false);
  const form = useFormErrors<UserField>(USER_FIELD_MAP, (f) => t(`users.fields.${f}`, f));

  // A new version from the server (after save or reload) resets the baseline.
  useEffect(() => {
    setValues(toValues(user));
  }, [user]);

  const rolesText = (roles: Role[]) => roles.map((r) => t(`roles.${r}`)).join(', ') || '–';

  const onChange = (field: UserField, value: string | Role[]) => {
    setValues((v) => ({ ...v, [field]: value }));
    form.clearField(field);
    setSaved(null);
  };

  const describeConflict = async (mine: UserFormValues | null) => {
    let latest: Awaited<ReturnType<typeof fetchLatestUser>> | null = null;
    try {
      latest = await fetchLatestUser(user.id);
    } catch {
      latest = null;
    }
    const changes: ConflictChange[] = [];
    if (latest && mine) {
      const theirs = latest.data;
      if (theirs.name !== mine.name.trim())
        changes.push({ label: t('users.fields.name'), mine: mine.name, theirs: theirs.name });
      if (theirs.email !== mine.email.trim())
        changes.push({ label: t('users.fields.email'), mine: mine.email, theirs: theirs.email });
      if (rolesText(theirs.roles) !== rolesText(mine.roles))
        changes.push({ label: t('users.fields.roles'), mine: rolesText(mine.roles), theirs: rolesText(theirs.roles) });
    }
    if (latest && latest.data.is_active !== user.is_active) {
      changes.push({
        label: t('users.fields.status'),
        mine: user.is_active ? t('users.status.active') : t('users.status.inactive'),
        theirs: latest.data.is_active ? t('users.status.active') : t('users.status.inactive'),
      });
    }
    setConflict({ changes, latest });
  };

  const save = async (body: UserUpdate, mine: UserFormValues | null) => {
    try {
      const result = await update.mutateAsync({ body, etag: etag ?? '' });
      setSaved(body.is_active === undefined ? t('users.edit.saved') : result.data.is_active ? t('users.edit.activated') : t('users.edit.deactivated'));
      return true;
    } catch (caught) {
      if (isProblemKind(caught, 'precondition-failed')) {
        await describeConflict(mine);
      } else if (!form.applyProblem(caught) && isProblemKind(caught, 'conflict')) {
        form.setClientErrors({ email: t('users.form.emailTaken') });
      }
      return false;
    }
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const clientErrors = validateUser(values, 'edit');
    const translated: FieldErrors<UserField> = {};
    for (const field of ORDER) if (clientErrors[field]) translated[field] = t(clientErrors[field]);
    if (form.setClientErrors(translated)) return;
    const body: UserUpdate = {};
    if (values.name.trim() !== user.name) body.name = values.name.trim();
    if (values.email.trim() !== user.email) body.email = values.email.trim();
    if (rolesText(values.roles) !== rolesText(user.roles)) body.roles = values.roles;
    if (values.password) body.password = values.password;
    if (Object.keys(body).length === 0) {
      setSaved(t('users.edit.nothingChanged'));
      return;
    }
    await save(body, values);
  };

  const reload = () => {
    const latest = conflict?.latest;
    if (latest) {
      queryClient.setQueryData(userKeys.detail(user.id), latest);
    } else {
      void queryClient.invalidateQueries({ queryKey: userKeys.detail(user.id) });
    }
    form.clear();
    setConflict(null);
    setSaved(null);
  };

  const showProblem =
    update.isError &&
    !isProblemKind(update.error, 'precondition-failed') &&
    !isProblemKind(update.error, 'conflict') &&
    !isProblemKind(update.error, 'validation-error');

  return (
    <Page
      title={t('users.edit.titleWithName', { name: user.name })}
      lead={
        <>
          {user.is_active ? (
            <Badge variant="success">{t('users.status.active')}</Badge>
          ) : (
            <Badge variant="warning">{t('users.status.inactive')}</Badge>
          )}{' '}
          {t('users.edit.meta', { created: formatDateTime(user.created_at), updated: formatDateTime(user.updated_at) })}
        </>
      }
    >
      <div className="app-narrow">
        {saved && <Alert variant="success" title={saved} live="status" />}
        {showProblem && <ProblemAlert error={update.error} />}
        <ErrorSummary
          focusKey={form.failedSubmits}
          messages={form.formErrors}
          items={ORDER.filter((f) => form.errors[f]).map((f) => ({
            fieldId: fieldId(f),
            label: t(`users.fields.${f}`),
            message: form.errors[f] ?? '',
          }))}
        />
        <form noValidate onSubmit={onSubmit} className="app-form" aria-label={t('users.edit.formLabel')}>
          <UserFields values={values} errors={form.errors} mode="edit" onChange={onChange} />
          <div className="kern-flex kern-flex-wrap kern-gap-md">
            <Button type="submit" disabled={update.isPending}>
              {t('common.save')}
            </Button>
            <Link className="kern-btn kern-btn--secondary" to="/verwaltung/benutzer">
              <span className="kern-label">{t('users.edit.backToList')}</span>
            </Link>
          </div>
        </form>

        <section className="app-section" aria-labelledby="user-status-heading">
          <h2 className="kern-heading-medium" id="user-status-heading">
            {t('users.edit.statusSection')}
          </h2>
          <p className="kern-body">{user.is_active ? t('users.edit.deactivateHint') : t('users.edit.activateHint')}</p>
          <Button variant="secondary" onClick={() => setConfirmActive(true)} disabled={update.isPending}>
            {user.is_active ? t('users.edit.deactivate') : t('users.edit.activate')}
          </Button>
        </section>
      </div>

      <Dialog
        open={confirmActive}
        title={user.is_active ? t('users.edit.confirmDeactivateTitle') : t('users.edit.confirmActivateTitle')}
        onClose={() => setConfirmActive(false)}
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirmActive(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              onClick={async () => {
                setConfirmActive(false);
                await save({ is_active: !user.is_active }, null);
              }}
            >
              {user.is_active ? t('users.edit.deactivate') : t('users.edit.activate')}
            </Button>
          </>
        }
      >
        <p className="kern-body">
          {user.is_active
            ? t('users.edit.confirmDeactivateText', { name: user.name })
            : t('users.edit.confirmActivateText', { name: user.name })}
        </p>
      </Dialog>

      <ConflictDialog
        open={conflict !== null}
        changes={conflict?.changes ?? []}
        onReload={reload}
        onClose={() => setConflict(null)}
      />
    </Page>
  );
}
