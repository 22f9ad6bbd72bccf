import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type ConflictChange, ConflictDialog } from '@/components/ConflictDialog';
import { DescriptionList } from '@/components/DescriptionList';
import { LoadedPage } from '@/components/LoadedPage';
import { Notice } from '@/components/Notice';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Button, Dialog } from '@/components/ui';
import { isProblemKind } from '@/lib/api/problem';
import { formatDateTime, formatNumber } from '@/lib/format';
import { diffChanges } from '@/lib/forms/changes';
import { type ApiClientFormValues, apiClientChanges, apiClientToValues, sortScopes } from '../api/apiClientForm';
import {
  type ApiClient,
  type IssuedSecret,
  type LoadedClient,
  apiClientKeys,
  apiClientQuery,
  fetchLatestApiClient,
  useRevokeApiClient,
  useRotateApiClientSecret,
  useUpdateApiClient,
} from '../api/apiClients';
import { ApiClientFields } from './ApiClientFields';
import { SecretView } from './SecretView';
import { ApiClientStatusBadge, OrganisationName, ScopeList, useScopeLabel } from './shared';
import { useApiClientForm } from './useApiClientForm';
import '../apiClients.css';

const LIST = '/verwaltung/api-clients';

/** One client: its details; while live also editing, renewing the secret and revoking. */
export function ApiClientDetailPage() {
  const { t } = useTranslation();
  const { clientId = '' } = useParams();
  const client = useQuery(apiClientQuery(clientId));
  return (
    <LoadedPage query={client} title={t('apiClients.detail.title')} backTo={LIST} backLabel={t('apiClients.detail.backToList')}>
      {(loaded) => <ApiClientDetail client={loaded.data} etag={loaded.etag} />}
    </LoadedPage>
  );
}

function ApiClientDetail({ client, etag }: { client: ApiClient; etag: string | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const scopeLabel = useScopeLabel();
  const update = useUpdateApiClient(client.id);
  const rotate = useRotateApiClientSecret(client.id);
  const revoke = useRevokeApiClient(client.id);
  const { values, setValues, form, onChange, check, summary } = useApiClientForm(apiClientToValues(client));
  const [saved, setSaved] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [issued, setIssued] = useState<IssuedSecret | null>(null);
  const [dialog, setDialog] = useState<'rotate' | 'revoke' | null>(null);
  const [conflict, setConflict] = useState<{ changes: ConflictChange[]; latest: LoadedClient | null } | null>(null);

  // A new version from the server (after a save or a reload) is the new baseline.
  useEffect(() => {
    setValues(apiClientToValues(client));
  }, [client, setValues]);

  const statusText = (c: ApiClient) => (c.revoked_at ? t('apiClients.status.revoked') : t('apiClients.status.live'));
  const conflictFields = [
    { label: t('apiClients.fields.name'), show: (v: ApiClientFormValues) => v.name.trim() },
    { label: t('apiClients.fields.scopes'), show: (v: ApiClientFormValues) => sortScopes(v.scopes).map(scopeLabel).join(', ') },
    { label: t('apiClients.fields.rateLimit'), show: (v: ApiClientFormValues) => v.rateLimit.trim() },
  ];

  /** 412: someone else changed the client; show what differs from `mine` and let the admin decide. */
  const openConflict = async (mine: ApiClientFormValues) => {
    let latest: LoadedClient | null = null;
    try {
      latest = await fetchLatestApiClient(client.id);
    } catch {
      latest = null;
    }
    const changes = latest ? diffChanges(conflictFields, mine, apiClientToValues(latest.data)) : [];
    if (latest && statusText(latest.data) !== statusText(client)) {
      changes.push({ label: t('apiClients.fields.status'), mine: statusText(client), theirs: statusText(latest.data) });
    }
    setConflict({ changes, latest });
  };

  const reload = () => {
    if (conflict?.latest) queryClient.setQueryData(apiClientKeys.detail(client.id), conflict.latest);
    else void queryClient.invalidateQueries({ queryKey: apiClientKeys.detail(client.id) });
    form.clear();
    update.reset();
    setConflict(null);
    setSaved(null);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    if (!check()) return;
    const body = apiClientChanges(client, values);
    if (Object.keys(body).length === 0) {
      setSaved(t('apiClients.detail.nothingChanged'));
      return;
    }
    try {
      await update.mutateAsync({ body, etag: etag ?? '' });
      setSaved(body.scopes ? t('apiClients.detail.savedScopes') : t('apiClients.detail.saved'));
    } catch (caught) {
      if (isProblemKind(caught, 'precondition-failed')) await openConflict(values);
      else form.applyProblem(caught);
    }
  };

  /** Rotate and revoke: a 412 closes the confirmation and opens the conflict dialog. */
  const confirm = async (action: 'rotate' | 'revoke') => {
    try {
      if (action === 'rotate') {
        setIssued((await rotate.mutateAsync(etag ?? '')).issued);
        setNotice(null);
      } else {
        await revoke.mutateAsync(etag ?? '');
        setIssued(null);
        setNotice(t('apiClients.detail.revoked'));
      }
      setDialog(null);
    } catch (caught) {
      if (isProblemKind(caught, 'precondition-failed')) {
        setDialog(null);
        await openConflict(apiClientToValues(client));
      }
    }
  };

  const openDialog = (action: 'rotate' | 'revoke') => {
    rotate.reset();
    revoke.reset();
    setDialog(action);
  };

  const dialogMutation = dialog === 'revoke' ? revoke : rotate;
  const showUpdateProblem =
    update.isError && !isProblemKind(update.error, 'precondition-failed') && !isProblemKind(update.error, 'validation-error');

  return (
    <Page
      title={client.name}
      lead={
        <>
          <ApiClientStatusBadge client={client} /> {t('apiClients.detail.meta', { created: formatDateTime(client.created_at) })}
        </>
      }
    >
      <div className="app-narrow">
        <Notice message={notice} />
        {client.revoked_at && (
          <Alert variant="info" title={t('apiClients.detail.revokedTitle', { date: formatDateTime(client.revoked_at) })}>
            <p className="kern-body">{t('apiClients.detail.revokedText')}</p>
          </Alert>
        )}
        {issued && (
          <>
            <Alert variant="success" title={t('apiClients.detail.rotated')} live="status" />
            <SecretView issued={issued} focusHeading onHide={() => setIssued(null)} />
          </>
        )}

        <section className="app-section" aria-labelledby="api-client-details-heading">
          <h2 className="kern-heading-medium" id="api-client-details-heading">
            {t('apiClients.detail.detailsHeading')}
          </h2>
          <DescriptionList
            items={[
              { key: 'id', label: t('apiClients.fields.clientId'), value: <code className="app-api-client-id">{client.id}</code> },
              { key: 'organisation', label: t('apiClients.fields.organisation'), value: <OrganisationName client={client} /> },
              { key: 'scopes', label: t('apiClients.fields.scopes'), value: <ScopeList scopes={client.scopes} /> },
              { key: 'rate', label: t('apiClients.fields.rateLimit'), value: formatNumber(client.requests_per_minute) },
              {
                key: 'lastUsed',
                label: t('apiClients.fields.lastUsed'),
                value: client.last_used_at ? formatDateTime(client.last_used_at) : t('apiClients.neverUsed'),
              },
              ...(client.revoked_at
                ? [{ key: 'revoked', label: t('apiClients.fields.revokedAt'), value: formatDateTime(client.revoked_at) }]
                : []),
              { key: 'created', label: t('apiClients.fields.createdAt'), value: formatDateTime(client.created_at) },
              { key: 'updated', label: t('apiClients.fields.updatedAt'), value: formatDateTime(client.updated_at) },
            ]}
          />
        </section>

        {!client.revoked_at && (
          <>
            <section className="app-section" aria-labelledby="api-client-edit-heading">
              <h2 className="kern-heading-medium" id="api-client-edit-heading">
                {t('apiClients.detail.editHeading')}
              </h2>
              <p className="kern-body">{t('apiClients.detail.editHint')}</p>
              {saved && <Alert variant="success" title={saved} live="status" />}
              {showUpdateProblem && <ProblemAlert error={update.error} />}
              {summary}
              <form noValidate onSubmit={onSubmit} className="app-form" aria-label={t('apiClients.detail.editHeading')}>
                <ApiClientFields
                  values={values}
                  errors={form.errors}
                  mode="edit"
                  onChange={(field, value) => {
                    setSaved(null);
                    onChange(field, value);
                  }}
                />
                <div>
                  <Button type="submit" disabled={update.isPending}>
                    {t('common.save')}
                  </Button>
                </div>
              </form>
            </section>

            <section className="app-section" aria-labelledby="api-client-rotate-heading">
              <h2 className="kern-heading-medium" id="api-client-rotate-heading">
                {t('apiClients.detail.rotateHeading')}
              </h2>
              <p className="kern-body">{t('apiClients.detail.rotateText')}</p>
              <Button variant="secondary" icon="autorenew" onClick={() => openDialog('rotate')}>
                {t('apiClients.detail.rotate')}
              </Button>
            </section>

            <section className="app-section" aria-labelledby="api-client-revoke-heading">
              <h2 className="kern-heading-medium" id="api-client-revoke-heading">
                {t('apiClients.detail.revokeHeading')}
              </h2>
              <p className="kern-body">{t('apiClients.detail.revokeText')}</p>
              <Button variant="secondary" icon="delete" onClick={() => openDialog('revoke')}>
                {t('apiClients.detail.revoke')}
              </Button>
            </section>
          </>
        )}

        <p className="kern-body app-section">
          <Link className="kern-link" to={LIST}>
            {t('apiClients.detail.backToList')}
          </Link>
        </p>
      </div>

      <Dialog
        open={dialog !== null}
        role="alertdialog"
        title={dialog === 'revoke' ? t('apiClients.detail.revokeConfirmTitle') : t('apiClients.detail.rotateConfirmTitle')}
        onClose={() => setDialog(null)}
        footer={
          <>
            <Button variant="secondary" onClick={() => setDialog(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              icon={dialog === 'revoke' ? 'delete' : 'autorenew'}
              disabled={dialogMutation.isPending}
              onClick={() => dialog && void confirm(dialog)}
            >
              {dialog === 'revoke' ? t('apiClients.detail.revokeConfirm') : t('apiClients.detail.rotateConfirm')}
            </Button>
          </>
        }
      >
        {dialogMutation.isError && !isProblemKind(dialogMutation.error, 'precondition-failed') && (
          <ProblemAlert error={dialogMutation.error} />
        )}
        <p className="kern-body">
          {dialog === 'revoke'
            ? t('apiClients.detail.revokeConfirmText', { name: client.name })
            : t('apiClients.detail.rotateConfirmText', { name: client.name })}
        </p>
      </Dialog>

      <ConflictDialog open={conflict !== null} changes={conflict?.changes ?? []} onReload={reload} onClose={() => setConflict(null)} />
    </Page>
  );
}
