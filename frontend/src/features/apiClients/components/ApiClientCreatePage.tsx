import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Button } from '@/components/ui';
import { isProblemKind } from '@/lib/api/problem';
import { EMPTY_API_CLIENT, apiClientCreateBody } from '../api/apiClientForm';
import { type IssuedSecret, useCreateApiClient } from '../api/apiClients';
import { ApiClientFields } from './ApiClientFields';
import { SecretView } from './SecretView';
import { useApiClientForm } from './useApiClientForm';
import '../apiClients.css';

/** Registers a client; afterwards the same address shows its credentials, once. */
export function ApiClientCreatePage() {
  const [issued, setIssued] = useState<IssuedSecret | null>(null);
  return issued ? <IssuedCredentials issued={issued} /> : <CreateForm onCreated={setIssued} />;
}

function CreateForm({ onCreated }: { onCreated: (issued: IssuedSecret) => void }) {
  const { t } = useTranslation();
  const create = useCreateApiClient();
  const { values, form, onChange, check, summary } = useApiClientForm(EMPTY_API_CLIENT);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!check()) return;
    try {
      onCreated((await create.mutateAsync(apiClientCreateBody(values))).issued);
    } catch (caught) {
      form.applyProblem(caught);
    }
  };

  const showProblem = create.isError && !isProblemKind(create.error, 'validation-error');
  return (
    <Page title={t('apiClients.create.title')} lead={t('apiClients.create.lead')}>
      <div className="app-narrow">
        {showProblem && <ProblemAlert error={create.error} />}
        {summary}
        <form noValidate onSubmit={onSubmit} className="app-form" aria-label={t('apiClients.create.title')}>
          <ApiClientFields values={values} errors={form.errors} mode="create" onChange={onChange} />
          <div className="kern-flex kern-flex-wrap kern-gap-md">
            <Button type="submit" disabled={create.isPending}>
              {t('apiClients.create.submit')}
            </Button>
            <Link className="kern-btn kern-btn--secondary" to="/verwaltung/api-clients">
              <span className="kern-label">{t('common.cancel')}</span>
            </Link>
          </div>
        </form>
      </div>
    </Page>
  );
}

function IssuedCredentials({ issued }: { issued: IssuedSecret }) {
  const { t } = useTranslation();
  return (
    <Page title={t('apiClients.create.doneTitle', { name: issued.client.name })}>
      <div className="app-narrow">
        <Alert variant="success" title={t('apiClients.create.done', { name: issued.client.name })} live="status" />
        <SecretView issued={issued} />
        <div className="kern-flex kern-flex-wrap kern-gap-md">
          <Link className="kern-btn kern-btn--primary" to={`/verwaltung/api-clients/${issued.client.id}`}>
            <span className="kern-label">{t('apiClients.create.toClient')}</span>
          </Link>
          <Link className="kern-btn kern-btn--secondary" to="/verwaltung/api-clients">
            <span className="kern-label">{t('apiClients.create.toList')}</span>
          </Link>
        </div>
      </div>
    </Page>
  );
}
