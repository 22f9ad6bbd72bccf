import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema.gen';

type ConsentsPath = paths['/api/v1/members/{member_id}/consents'];
export type ConsentCreate = ConsentsPath['post']['requestBody']['content']['application/json'];

export const memberConsentsKey = (id: string) => ['members', 'consents', id] as const;

export function memberConsentsQuery(memberId: string) {
  return queryOptions({
    queryKey: memberConsentsKey(memberId),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/members/{member_id}/consents', { params: { path: { member_id: memberId } }, signal })),
  });
}

export function useRecordConsent(memberId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ConsentCreate) =>
      unwrap(await api.POST('/api/v1/members/{member_id}/consents', { params: { path: { member_id: memberId } }, body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: memberConsentsKey(memberId) });
      await queryClient.invalidateQueries({ queryKey: ['members', 'detail', memberId] });
    },
  });
}
