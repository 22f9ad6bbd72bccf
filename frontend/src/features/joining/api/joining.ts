import { queryOptions, useMutation } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema.gen';

type JoinPath = paths['/api/v1/join-requests'];

export type JoinRequestCreate = JoinPath['post']['requestBody']['content']['application/json'];
export type JoinEngagement = JoinRequestCreate['engagement'];

export type PublicWorkingGroup =
  paths['/api/v1/public/working-groups']['get']['responses'][200]['content']['application/json'][number];

/** The working groups the public form offers (no login, no people). */
export const publicWorkingGroupsQuery = queryOptions({
  queryKey: ['public', 'working-groups'],
  queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/public/working-groups', { signal })),
  staleTime: 5 * 60_000,
  retry: 1,
});

/** `POST /join-requests` (no login); always a neutral 202 when accepted. */
export function useCreateJoinRequest() {
  return useMutation({
    mutationFn: async (body: JoinRequestCreate) => unwrap(await api.POST('/api/v1/join-requests', { body })),
  });
}
