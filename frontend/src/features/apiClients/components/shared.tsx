import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '@/components/ui';
import { SCOPE_KEYS, sortScopes } from '../api/apiClientForm';
import { type ApiClient, type Scope, organisationQuery } from '../api/apiClients';

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

/** The label of a client's organisation (the intranet without one), loaded by id; `found` once loaded. */
export function useOrganisationLabel(id: string | null): { label: string; found: boolean } {
  const { t } = useTranslation();
  const organisation = useQuery({ ...organisationQuery(id ?? ''), enabled: id !== null });
  if (id === null) return { label: t('apiClients.intranet'), found: false };
  if (organisation.data) return { label: organisationLabel(organisation.data), found: true };
  return { label: organisation.isError ? t('apiClients.organisationUnknown') : t('common.loading'), found: false };
}

/** The organisation of a client, linked to its page in the directory. */
export function OrganisationName({ id }: { id: string | null }) {
  const { label, found } = useOrganisationLabel(id);
  return found ? (
    <Link className="kern-link" to={`/organisationen/${id}`}>
      {label}
    </Link>
  ) : (
    <>{label}</>
  );
}
