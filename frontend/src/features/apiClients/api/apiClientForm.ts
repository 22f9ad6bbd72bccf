import type { FieldErrors } from '@/lib/forms/fieldErrors';
import { required } from '@/lib/forms/validators';
import type { ApiClient, ApiClientCreate, ApiClientUpdate, Scope } from './apiClients';

/** Every scope, in the order the screens list them (checked against the schema). */
export const SCOPES = [
  'offers:write',
  'measures:read',
  'measures:progress',
  'meetings:read',
  'directory:read',
  'export',
] as const satisfies readonly Scope[];

/** i18n key segment of each scope (i18next reads ':' as a namespace separator). */
export const SCOPE_KEYS: Record<Scope, string> = {
  'offers:write': 'offersWrite',
  'measures:read': 'measuresRead',
  'measures:progress': 'measuresProgress',
  'meetings:read': 'meetingsRead',
  'directory:read': 'directoryRead',
  export: 'export',
};

/** Scopes that act for the client's own organisation, so a client without one cannot use them. */
export const ORGANISATION_SCOPES: readonly Scope[] = ['offers:write', 'measures:progress'];

/** The scopes in the screens' order (the API sorts them alphabetically). */
export function sortScopes(scopes: readonly Scope[]): Scope[] {
  return SCOPES.filter((scope) => scopes.includes(scope));
}

export const RATE_LIMIT_MIN = 1;
export const RATE_LIMIT_MAX = 6000;
export const RATE_LIMIT_DEFAULT = 120;

/** The select's value for "Kreisintranet (keine Organisation)". */
export const INTRANET = 'intranet';

/** The chosen organisation (a UUID, or INTRANET) with its label, kept while the search changes. */
export interface OrganisationChoice {
  value: string;
  label: string;
}

export const API_CLIENT_FIELDS = ['name', 'organisation', 'scopes', 'rateLimit'] as const;
export type ApiClientField = (typeof API_CLIENT_FIELDS)[number];

/** Server body paths → form fields (422 mapping; `scopes.0` lands on scopes). */
export const API_CLIENT_FIELD_MAP = {
  name: 'name',
  organisation_id: 'organisation',
  scopes: 'scopes',
  requests_per_minute: 'rateLimit',
} as const satisfies Record<string, ApiClientField>;

export const apiClientFieldId = (field: ApiClientField) => `api-client-${field}`;

export interface ApiClientFormValues {
  name: string;
  organisation: OrganisationChoice | null;
  scopes: Scope[];
  rateLimit: string;
}

export const EMPTY_API_CLIENT: ApiClientFormValues = {
  name: '',
  organisation: null,
  scopes: [],
  rateLimit: String(RATE_LIMIT_DEFAULT),
};

/** The form's values for an existing client. Its organisation cannot change: the edit form only
 * needs to know whether there is one (for the scope rule), so it goes without a label. */
export function apiClientToValues(client: ApiClient): ApiClientFormValues {
  return {
    name: client.name,
    organisation: { value: client.organisation_id ?? INTRANET, label: '' },
    scopes: sortScopes(client.scopes),
    rateLimit: String(client.requests_per_minute),
  };
}

const CONTROL = /[\x00-\x1f\x7f]/;

/** Client-side rules mirroring `ApiClientCreate`; returns i18n keys. */
export function validateApiClient(values: ApiClientFormValues): FieldErrors<ApiClientField> {
  const errors: FieldErrors<ApiClientField> = {};
  const name = required(values.name);
  if (name) errors.name = name;
  else if (values.name.trim().length > 200) errors.name = 'apiClients.validation.nameTooLong';
  else if (CONTROL.test(values.name)) errors.name = 'apiClients.validation.nameOneLine';
  if (!values.organisation) errors.organisation = 'apiClients.validation.organisation';
  if (values.scopes.length === 0) errors.scopes = 'apiClients.validation.scopes';
  else if (values.organisation?.value === INTRANET && values.scopes.some((s) => ORGANISATION_SCOPES.includes(s))) {
    errors.scopes = 'apiClients.validation.scopesNeedOrganisation';
  }
  const rate = values.rateLimit.trim();
  const number = Number(rate);
  if (!/^\d+$/.test(rate) || number < RATE_LIMIT_MIN || number > RATE_LIMIT_MAX) {
    errors.rateLimit = 'apiClients.validation.rateLimit';
  }
  return errors;
}

export function apiClientCreateBody(values: ApiClientFormValues): ApiClientCreate {
  const organisation = values.organisation?.value ?? INTRANET;
  return {
    name: values.name.trim(),
    organisation_id: organisation === INTRANET ? null : organisation,
    scopes: sortScopes(values.scopes),
    requests_per_minute: Number(values.rateLimit.trim()),
  };
}

/** Only what differs from the saved client (name, scopes, rate limit; the organisation is fixed). */
export function apiClientChanges(client: ApiClient, values: ApiClientFormValues): ApiClientUpdate {
  const changes: ApiClientUpdate = {};
  const name = values.name.trim();
  if (name !== client.name) changes.name = name;
  const scopes = sortScopes(values.scopes);
  if (scopes.join(' ') !== sortScopes(client.scopes).join(' ')) changes.scopes = scopes;
  const rate = Number(values.rateLimit.trim());
  if (rate !== client.requests_per_minute) changes.requests_per_minute = rate;
  return changes;
}
