import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapWithEtag } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema.gen';

type UsersPath = paths['/api/v1/users'];
type UserPath = paths['/api/v1/users/{user_id}'];

export type User = UserPath['get']['responses'][200]['content']['application/json'];
export type UserPage = UsersPath['get']['responses'][200]['content']['application/json'];
export type UserListParams = NonNullable<UsersPath['get']['parameters']['query']>;
export type UserCreate = UsersPath['post']['requestBody']['content']['application/json'];
export type UserUpdate = UserPath['patch']['requestBody']['content']['application/json'];
export type Role = User['roles'][number];

/** All roles, in the order the UI lists them. */
export const ROLES = ['admin', 'coordinator', 'spokesperson', 'member', 'steering'] as const satisfies readonly Role[];

export const PAGE_SIZE = 20;

export const userKeys = {
  all: ['users'] as const,
  list: (params: UserListParams) => ['users', 'list', params] as const,
  detail: (id: string) => ['users', 'detail', id] as const,
};

export function usersListQuery(params: UserListParams) {
  return queryOptions({
    queryKey: userKeys.list(params),
    queryFn: async ({ signal }): Promise<UserPage> =>
      unwrap(await api.GET('/api/v1/users', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function userQuery(id: string) {
  return queryOptions({
    queryKey: userKeys.detail(id),
    queryFn: async ({ signal }) =>
      unwrapWithEtag(await api.GET('/api/v1/users/{user_id}', { params: { path: { user_id: id } }, signal })),
    // The ETag must only change when the user reloads or saves: a background
    // refetch would otherwise hide another person's change behind a fresh ETag.
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

/** Fetches the latest version without touching the cache (for the conflict dialog). */
export async function fetchLatestUser(id: string) {
  return unwrapWithEtag(await api.GET('/api/v1/users/{user_id}', { params: { path: { user_id: id } } }));
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: UserCreate) => unwrapWithEtag(await api.POST('/api/v1/users', { body })),
    onSuccess: async (result) => {
      queryClient.setQueryData(userKeys.detail(result.data.id), result);
      await queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
    },
  });
}

export function useUpdateUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: UserUpdate; etag: string }) =>
      unwrapWithEtag(
        await api.PATCH('/api/v1/users/{user_id}', {
          params: { path: { user_id: id }, header: { 'If-Match': etag } },
          body,
        }),
      ),
    onSuccess: async (result) => {
      queryClient.setQueryData(userKeys.detail(id), result);
      await queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
    },
  });
}
