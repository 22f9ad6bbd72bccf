import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapWithEtag } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema.gen';

type ListPath = paths['/api/v1/join-requests'];
type AcceptPath = paths['/api/v1/join-requests/{join_request_id}/accept'];
type DeclinePath = paths['/api/v1/join-requests/{join_request_id}/decline'];

export type JoinRequestPage = ListPath['get']['responses'][200]['content']['application/json'];
export type JoinRequest = JoinRequestPage['items'][number];
export type JoinRequestListParams = NonNullable<ListPath['get']['parameters']['query']>;
export type JoinStatus = JoinRequest['status'];
export type JoinRequestAccept = AcceptPath['post']['requestBody']['content']['application/json'];
export type JoinRequestDecline = DeclinePath['post']['requestBody']['content']['application/json'];
export type MemberRole = NonNullable<JoinRequestAccept['role']>;

export const JOIN_STATUSES = ['open', 'accepted', 'declined'] as const satisfies readonly JoinStatus[];
export const INBOX_PAGE_SIZE = 20;

export const inboxKeys = {
  all: ['join-requests'] as const,
  list: (params: JoinRequestListParams) => ['join-requests', 'list', params] as const,
  detail: (id: string) => ['join-requests', 'detail', id] as const,
};

export function joinRequestsQuery(params: JoinRequestListParams) {
  return queryOptions({
    queryKey: inboxKeys.list(params),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/join-requests', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function joinRequestQuery(id: string) {
  return queryOptions({
    queryKey: inboxKeys.detail(id),
    queryFn: async ({ signal }) =>
      unwrapWithEtag(
        await api.GET('/api/v1/join-requests/{join_request_id}', { params: { path: { join_request_id: id } }, signal }),
      ),
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

/** Working groups to choose from when accepting (needs login). */
export const workingGroupsQuery = queryOptions({
  queryKey: ['bodies', 'working-groups'],
  queryFn: async ({ signal }) =>
    unwrap(await api.GET('/api/v1/working-groups', { params: { query: { sort: 'name', limit: 200 } }, signal })),
  staleTime: 60_000,
});

/** Members matching a search, for linking a request to an existing member. */
export function memberSearchQuery(q: string) {
  return queryOptions({
    queryKey: ['members', 'list', { q, purpose: 'join-link' }],
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/members', { params: { query: { q, sort: 'family_name', limit: 20 } }, signal })),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });
}

/** Organisations matching a search, for the organisation of a member created on acceptance. */
export function organisationSearchQuery(q: string) {
  return queryOptions({
    queryKey: ['organisations', 'list', { q, purpose: 'join-accept' }],
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/organisations', { params: { query: { q, sort: 'name', limit: 20 } }, signal })),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });
}

function useDecision<B>(send: (body: B, etag: string) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: B; etag: string }) => send(body, etag),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: inboxKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['members'] });
      await queryClient.invalidateQueries({ queryKey: ['memberships'] });
    },
  });
}

export function useAcceptJoinRequest(id: string) {
  return useDecision<JoinRequestAccept>(async (body, etag) =>
    unwrap(
      await api.POST('/api/v1/join-requests/{join_request_id}/accept', {
        params: { path: { join_request_id: id }, header: { 'If-Match': etag } },
        body,
      }),
    ),
  );
}

export function useDeclineJoinRequest(id: string) {
  return useDecision<JoinRequestDecline>(async (body, etag) =>
    unwrap(
      await api.POST('/api/v1/join-requests/{join_request_id}/decline', {
        params: { path: { join_request_id: id }, header: { 'If-Match': etag } },
        body,
      }),
    ),
  );
}
