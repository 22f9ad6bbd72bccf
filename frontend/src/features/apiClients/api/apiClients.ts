import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapWithEtag } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema.gen';

type ClientsPath = paths['/api/v1/api-clients'];
type ClientPath = paths['/api/v1/api-clients/{client_id}'];

export type ApiClient = ClientPath['get']['responses'][200]['content']['application/json'];
export type ApiClientWithSecret = ClientsPath['post']['responses'][201]['content']['application/json'];
export type ApiClientPage = ClientsPath['get']['responses'][200]['content']['application/json'];
export type ApiClientListParams = NonNullable<ClientsPath['get']['parameters']['query']>;
export type ApiClientCreate = ClientsPath['post']['requestBody']['content']['application/json'];
export type ApiClientUpdate = ClientPath['patch']['requestBody']['content']['application/json'];
export type Scope = ApiClient['scopes'][number];

/** One client as loaded, with the ETag its changes need. */
export interface LoadedClient {
  data: ApiClient;
  etag: string | null;
}

/** A new secret (after creating or rotating): shown once, never cached. */
export interface IssuedSecret {
  client: ApiClient;
  secret: string;
}

export const API_CLIENT_PAGE_SIZE = 20;

export const apiClientKeys = {
  all: ['api-clients'] as const,
  list: (params: ApiClientListParams) => ['api-clients', 'list', params] as const,
  detail: (id: string) => ['api-clients', 'detail', id] as const,
  organisationSearch: (q: string) => ['api-clients', 'organisation-search', q] as const,
};

const noFocusRefetch = { refetchOnWindowFocus: false, refetchOnReconnect: false } as const;
/** Mutations keep their result (with a new secret) only while their page shows it. */
const FORGET_SECRET = 0;

/** Splits the secret off an answer, so only the client itself reaches the query cache. */
function issued(result: { data: ApiClientWithSecret; etag: string | null }): { loaded: LoadedClient; issued: IssuedSecret } {
  const { client_secret: secret, ...client } = result.data;
  return { loaded: { data: client, etag: result.etag }, issued: { client, secret } };
}

export function apiClientsListQuery(params: ApiClientListParams) {
  return queryOptions({
    queryKey: apiClientKeys.list(params),
    queryFn: async ({ signal }): Promise<ApiClientPage> =>
      unwrap(await api.GET('/api/v1/api-clients', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function apiClientQuery(id: string) {
  return queryOptions({
    queryKey: apiClientKeys.detail(id),
    queryFn: async ({ signal }): Promise<LoadedClient> =>
      unwrapWithEtag(await api.GET('/api/v1/api-clients/{client_id}', { params: { path: { client_id: id } }, signal })),
    // The ETag must only change when the admin reloads or saves (see the users' edit page).
    ...noFocusRefetch,
  });
}

/** The latest version without touching the cache (for the conflict dialog). */
export async function fetchLatestApiClient(id: string): Promise<LoadedClient> {
  return unwrapWithEtag(await api.GET('/api/v1/api-clients/{client_id}', { params: { path: { client_id: id } } }));
}

/** Organisations matching `q` by name, short name or place (the first 50 by name without `q`). */
export function organisationSearchQuery(q: string) {
  return queryOptions({
    queryKey: apiClientKeys.organisationSearch(q),
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/api/v1/organisations', {
          params: { query: { sort: 'name', limit: 50, ...(q ? { q } : {}) } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useCreateApiClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ApiClientCreate) =>
      issued(unwrapWithEtag(await api.POST('/api/v1/api-clients', { body }))),
    gcTime: FORGET_SECRET,
    onSuccess: async (result) => {
      queryClient.setQueryData(apiClientKeys.detail(result.loaded.data.id), result.loaded);
      await queryClient.invalidateQueries({ queryKey: ['api-clients', 'list'] });
    },
  });
}

/** PATCH, rotate and revoke: each sends If-Match and leaves the new version (and ETag) in the cache. */
function useClientWrite<V>(id: string, send: (vars: V) => Promise<{ loaded: LoadedClient; issued: IssuedSecret | null }>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    gcTime: FORGET_SECRET,
    onSuccess: async (result) => {
      queryClient.setQueryData(apiClientKeys.detail(id), result.loaded);
      await queryClient.invalidateQueries({ queryKey: ['api-clients', 'list'] });
    },
  });
}

export function useUpdateApiClient(id: string) {
  return useClientWrite(id, async ({ body, etag }: { body: ApiClientUpdate; etag: string }) => ({
    loaded: unwrapWithEtag(
      await api.PATCH('/api/v1/api-clients/{client_id}', {
        params: { path: { client_id: id }, header: { 'If-Match': etag } },
        body,
      }),
    ),
    issued: null,
  }));
}

export function useRotateApiClientSecret(id: string) {
  return useClientWrite(id, async (etag: string) =>
    issued(
      unwrapWithEtag(
        await api.POST('/api/v1/api-clients/{client_id}/rotate', {
          params: { path: { client_id: id }, header: { 'If-Match': etag } },
        }),
      ),
    ),
  );
}

export function useRevokeApiClient(id: string) {
  return useClientWrite(id, async (etag: string) => ({
    loaded: unwrapWithEtag(
      await api.POST('/api/v1/api-clients/{client_id}/revoke', {
        params: { path: { client_id: id }, header: { 'If-Match': etag } },
      }),
    ),
    issued: null,
  }));
}
