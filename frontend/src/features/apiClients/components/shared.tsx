import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '@/components/ui';
import { SCOPE_KEYS, sortScopes } from '../api/apiClientForm';
import type { ApiClient, Scope } from '../api/apiClients';

/** "Wohlfahrtsverband Südheide (WV Südheide)", as the organisation selects elsewhere read. */
export function organisationLabel(organisation: { name: string; short_name?: string | null }): string {
  const { name, short_name: short } = organisation;
  return short && short !== name ? `${name} (${short})` : name;
}

export function ApiClientStatusBadge({ client, small }: { client: ApiClient; small?: boolean }) {
  const { t } = useTranslation();
  return client.revoked_at ? (
    <Badge variant="warning" small={small}>
      {t('apiClients.status.revoked')}
    </Badge>
  ) : (
    <Badge variant="success" small={small}>
      {t('apiClients.status.live')}
    </Badge>
  );
}

/** The German label of a scope ("Maßnahmen lesen"). */
export function useScopeLabel(): (scope: Scope) => string {
  const { t } = useTranslation();
  return (scope) => t(`apiClients.scopes.${SCOPE_KEYS[scope]}.label`);
}

/** A client's scopes as a list of their labels, in the screens' order. */
export function ScopeList({ scopes }: { scopes: readonly Scope[] }) {
  const label = useScopeLabel();
  return (
    <ul className="app-scope-list">
      {sortScopes(scopes).map((scope) => (
        <li key={scope}>{label(scope)}</li>
      ))}
    </ul>
  );
}

/** The organisation of a client, linked to its page in the directory (the intranet has none). */
export function OrganisationName({ client }: { client: ApiClient }) {
  const { t } = useTranslation();
  if (client.organisation_id === null) return <>{t('apiClients.intranet')}</>;
  if (client.organisation_name === null) return <>{t('apiClients.organisationUnknown')}</>;
  return (
    <Link className="kern-link" to={`/organisationen/${client.organisation_id}`}>
      {client.organisation_name}
    </Link>
  );
}
