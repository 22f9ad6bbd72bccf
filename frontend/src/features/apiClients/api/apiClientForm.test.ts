// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { translations } from '../i18n';
import {
  EMPTY_API_CLIENT,
  INTRANET,
  SCOPES,
  SCOPE_KEYS,
  apiClientChanges,
  apiClientCreateBody,
  apiClientToValues,
  sortScopes,
  validateApiClient,
} from './apiClientForm';
import type { ApiClient } from './apiClients';

const ORG = { value: '0e000000-0000-4000-8000-000000000001', label: 'Wohlfahrtsverband Südheide' };
const valid = { name: 'Fachverfahren Jobcenter', organisation: ORG, scopes: ['meetings:read' as const], rateLimit: '120' };

const client: ApiClient = {
  id: '7c000000-0000-4000-8000-000000000001',
  name: 'Fachverfahren Jobcenter',
  organisation_id: ORG.value,
  organisation_name: ORG.label,
  scopes: ['measures:read', 'meetings:read'],
  requests_per_minute: 120,
  revoked_at: null,
  last_used_at: null,
  created_at: '2026-03-05T10:00:00Z',
  updated_at: '2026-03-05T10:00:00Z',
  version: 1,
};

describe('API client form rules', () => {
  it('accepts a complete form', () => {
    expect(validateApiClient(valid)).toEqual({});
  });

  it('asks for a name, an organisation choice and at least one scope', () => {
    expect(validateApiClient({ ...EMPTY_API_CLIENT, name: '  ' })).toEqual({
      name: 'validation.required',
      organisation: 'apiClients.validation.organisation',
      scopes: 'apiClients.validation.scopes',
    });
  });

  it('keeps the name to one line of at most 200 characters', () => {
    expect(validateApiClient({ ...valid, name: 'x'.repeat(201) }).name).toBe('apiClients.validation.nameTooLong');
    expect(validateApiClient({ ...valid, name: 'Zeile\nzwei' }).name).toBe('apiClients.validation.nameOneLine');
    expect(validateApiClient({ ...valid, name: 'x'.repeat(200) }).name).toBeUndefined();
  });

  it('takes whole numbers from 1 to 6000 requests per minute', () => {
    for (const rate of ['0', '6001', '12.5', '-3', 'viele', '']) {
      expect(validateApiClient({ ...valid, rateLimit: rate }).rateLimit, rate).toBe('apiClients.validation.rateLimit');
    }
    for (const rate of ['1', '6000', ' 60 ']) expect(validateApiClient({ ...valid, rateLimit: rate }).rateLimit, rate).toBeUndefined();
  });

  it('refuses the organisation scopes for the county intranet, which has no organisation', () => {
    const intranet = { value: INTRANET, label: 'Kreisintranet (keine Organisation)' };
    expect(validateApiClient({ ...valid, organisation: intranet, scopes: ['meetings:read', 'offers:write'] }).scopes).toBe(
      'apiClients.validation.scopesNeedOrganisation',
    );
    expect(validateApiClient({ ...valid, organisation: intranet, scopes: ['measures:progress'] }).scopes).toBe(
      'apiClients.validation.scopesNeedOrganisation',
    );
    expect(validateApiClient({ ...valid, organisation: intranet, scopes: ['meetings:read', 'export'] })).toEqual({});
    expect(validateApiClient({ ...valid, scopes: ['offers:write', 'measures:progress'] })).toEqual({});
  });
});

describe('API client requests', () => {
  it('sends the intranet as no organisation, the scopes in order and the rate as a number', () => {
    expect(
      apiClientCreateBody({ name: ' Intranet ', organisation: { value: INTRANET, label: '' }, scopes: ['meetings:read', 'measures:read'], rateLimit: ' 60 ' }),
    ).toEqual({ name: 'Intranet', organisation_id: null, scopes: ['measures:read', 'meetings:read'], requests_per_minute: 60 });
    expect(apiClientCreateBody(valid).organisation_id).toBe(ORG.value);
  });

  it('sends only what changed, whatever order the scopes were ticked in', () => {
    const values = apiClientToValues(client);
    expect(values.organisation?.value).toBe(ORG.value);
    expect(apiClientChanges(client, values)).toEqual({});
    expect(apiClientChanges(client, { ...values, scopes: ['meetings:read', 'measures:read'] })).toEqual({});
    expect(apiClientChanges(client, { ...values, name: 'Neu ', scopes: ['meetings:read'], rateLimit: '30' })).toEqual({
      name: 'Neu',
      scopes: ['meetings:read'],
      requests_per_minute: 30,
    });
    expect(apiClientToValues({ ...client, organisation_id: null }).organisation?.value).toBe(INTRANET);
  });

  it('orders scopes as the screens list them', () => {
    expect(sortScopes(['meetings:read', 'export', 'offers:write'])).toEqual(['offers:write', 'meetings:read', 'export']);
  });
});

describe('scope texts', () => {
  it('has a German and an English label and explanation for every scope', () => {
    const texts = (language: 'de' | 'en') =>
      (translations[language] as { apiClients: { scopes: Record<string, { label: string; hint: string }> } }).apiClients.scopes;
    for (const scope of SCOPES) {
      for (const language of ['de', 'en'] as const) {
        const text = texts(language)[SCOPE_KEYS[scope]];
        expect(text?.label, `${language} ${scope}`).toBeTruthy();
        expect(text?.hint, `${language} ${scope}`).toContain(scope);
      }
    }
    expect(texts('de')[SCOPE_KEYS['offers:write']]?.label).toBe('Angebote der eigenen Organisation pflegen');
    expect(texts('de')[SCOPE_KEYS['directory:read']]?.label).toBe('Verzeichnis lesen (nur freigegebene Angaben)');
  });
});
