import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapWithEtag } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema.gen';

type NeedsPath = paths['/api/v1/needs'];
type NeedPath = paths['/api/v1/needs/{need_id}'];
type NeedStatusPath = paths['/api/v1/needs/{need_id}/status'];

export type Need = NeedPath['get']['responses'][200]['content']['application/json'];
export type NeedPage = NeedsPath['get']['responses'][200]['content']['application/json'];
export type NeedListParams = NonNullable<NeedsPath['get']['parameters']['query']>;
export type NeedCreate = NeedsPath['post']['requestBody']['content']['application/json'];
export type NeedUpdate = NeedPath['patch']['requestBody']['content']['application/json'];
export type NeedStatusChange = NeedStatusPath['post']['requestBody']['content']['application/json'];
export type NeedStatus = Need['status'];

export const NEED_STATUSES = ['open', 'addressed', 'escalated', 'resolved', 'dismissed'] as const satisfies readonly NeedStatus[];
export const NEED_PAGE_SIZE = 20;

/** The moves the API allows from each status (reopening only for coordinators). */
export const NEED_TRANSITIONS: Record<NeedStatus, readonly NeedStatus[]> = {
  open: ['addressed', 'escalated', 'dismissed'],
  addressed: ['escalated', 'resolved', 'dismissed', 'open'],
  escalated: ['resolved', 'dismissed', 'open'],
  resolved: ['open'],
  dismissed: ['open'],
};

/** Statuses that need a note saying why. */
export const NOTE_REQUIRED: readonly NeedStatus[] = ['resolved', 'dismissed'];

/** The statuses a user may move a need to: reopening is for coordinators (and admins). */
export function nextStatuses(current: NeedStatus, mayReopen: boolean): NeedStatus[] {
  return NEED_TRANSITIONS[current].filter((s) => s !== 'open' || mayReopen);
}

export const needKeys = {
  all: ['needs'] as const,
  list: (params: NeedListParams) => ['needs', 'list', params] as const,
  detail: (id: string) => ['needs', 'detail', id] as const,
};

const noFocusRefetch = { refetchOnWindowFocus: false, refetchOnReconnect: false } as const;

/**
 * The fields of action of the current concept edition (the only ones a need may link to), for the
 * form's select and the list filter. Empty while no edition has been adopted.
 */
export const fieldOfActionOptionsQuery = queryOptions({
  queryKey: ['needs', 'fields-of-action'],
  queryFn: async ({ signal }) =>
    unwrap(await api.GET('/api/v1/concept/fields', { params: { query: { limit: 200 } }, signal })).items,
  staleTime: 60_000,
});

export function needsListQuery(params: NeedListParams) {
  return queryOptions({
    queryKey: needKeys.list(params),
    queryFn: async ({ signal }): Promise<NeedPage> =>
      unwrap(await api.GET('/api/v1/needs', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function needQuery(id: string) {
  return queryOptions({
    queryKey: needKeys.detail(id),
    queryFn: async ({ signal }) =>
      unwrapWithEtag(await api.GET('/api/v1/needs/{need_id}', { params: { path: { need_id: id } }, signal })),
    ...noFocusRefetch,
  });
}

export async function fetchLatestNeed(id: string) {
  return unwrapWithEtag(await api.GET('/api/v1/needs/{need_id}', { params: { path: { need_id: id } } }));
}

export function useCreateNeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NeedCreate) => unwrapWithEtag(await api.POST('/api/v1/needs', { body })),
    onSuccess: async (result) => {
      queryClient.setQueryData(needKeys.detail(result.data.id), result);
      await queryClient.invalidateQueries({ queryKey: ['needs', 'list'] });
    },
  });
}

export function useUpdateNeed(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: NeedUpdate; etag: string }) =>
      unwrapWithEtag(
        await api.PATCH('/api/v1/needs/{need_id}', {
          params: { path: { need_id: id }, header: { 'If-Match': etag } },
          body,
        }),
      ),
    onSuccess: async (result) => {
      queryClient.setQueryData(needKeys.detail(id), result);
      await queryClient.invalidateQueries({ queryKey: ['needs', 'list'] });
    },
  });
}

export function useChangeNeedStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: NeedStatusChange; etag: string }) =>
      unwrapWithEtag(
        await api.POST('/api/v1/needs/{need_id}/status', {
          params: { path: { need_id: id }, header: { 'If-Match': etag } },
          body,
        }),
      ),
    onSuccess: async (result) => {
      queryClient.setQueryData(needKeys.detail(id), result);
      await queryClient.invalidateQueries({ queryKey: ['needs', 'list'] });
    },
  });
}

export function useDeleteNeed(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (etag: string) => {
      unwrap(
        await api.DELETE('/api/v1/needs/{need_id}', {
          params: { path: { need_id: id }, header: { 'If-Match': etag } },
        }),
      );
    },
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: needKeys.detail(id) });
      await queryClient.invalidateQueries({ queryKey: ['needs', 'list'] });
    },
  });
}
