import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapWithEtag } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema.gen';

type Me = paths['/api/v1/auth/me']['get']['responses'][200]['content']['application/json'];
export type MeUpdate = paths['/api/v1/auth/me']['patch']['requestBody']['content']['application/json'];
export type PasswordChange = paths['/api/v1/auth/password']['post']['requestBody']['content']['application/json'];

export interface Versioned<T> {
  data: T;
  etag: string | null;
}

export const meQuery = queryOptions({
  queryKey: ['account', 'me'],
  queryFn: async (): Promise<Versioned<Me>> => unwrapWithEtag(await api.GET('/api/v1/auth/me')),
});

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: MeUpdate; etag: string }) =>
      unwrapWithEtag(await api.PATCH('/api/v1/auth/me', { body, params: { header: { 'If-Match': etag } } })),
    onSuccess: (result) => queryClient.setQueryData(meQuery.queryKey, result),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: async (body: PasswordChange) => {
      unwrap(await api.POST('/api/v1/auth/password', { body }));
    },
  });
}

type MyConsentsPath = paths['/api/v1/members/me/consents'];
export type ConsentSelfCreate = MyConsentsPath['post']['requestBody']['content']['application/json'];

/** The caller's own consents; 404 when the account is not linked to a member. */
export const myConsentsQuery = queryOptions({
  queryKey: ['account', 'consents'],
  queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/members/me/consents', { signal })),
  retry: false,
});

export function useRecordMyConsent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ConsentSelfCreate) => unwrap(await api.POST('/api/v1/members/me/consents', { body })),
    onSuccess: (result) => queryClient.setQueryData(myConsentsQuery.queryKey, result),
  });
}
