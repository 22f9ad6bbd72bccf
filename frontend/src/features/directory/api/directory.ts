import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapWithEtag } from '@/lib/api/client';
import { ApiError, normalizeProblem } from '@/lib/api/problem';
import type { paths } from '@/lib/api/schema.gen';

type OrgsPath = paths['/api/v1/organisations'];
type OrgPath = paths['/api/v1/organisations/{organisation_id}'];
type MembersPath = paths['/api/v1/members'];
type MemberPath = paths['/api/v1/members/{member_id}'];
type BodiesPath = paths['/api/v1/bodies'];
type BodyPath = paths['/api/v1/bodies/{body_id}'];
type MembershipsPath = paths['/api/v1/memberships'];
type MembershipPath = paths['/api/v1/memberships/{membership_id}'];

export type Organisation = OrgPath['get']['responses'][200]['content']['application/json'];
export type OrganisationPage = OrgsPath['get']['responses'][200]['content']['application/json'];
export type OrganisationListParams = NonNullable<OrgsPath['get']['parameters']['query']>;
export type OrganisationCreate = OrgsPath['post']['requestBody']['content']['application/json'];
export type OrganisationUpdate = OrgPath['patch']['requestBody']['content']['application/json'];
export type OrganisationKind = Organisation['kind'];
export type { Municipality } from '@/lib/reference';

export type Member = MemberPath['get']['responses'][200]['content']['application/json'];
export type MemberListPage = MembersPath['get']['responses'][200]['content']['application/json'];
export type MemberListItem = MemberListPage['items'][number];
export type MemberListParams = NonNullable<MembersPath['get']['parameters']['query']>;
export type MemberCreate = MembersPath['post']['requestBody']['content']['application/json'];
export type MemberUpdate = MemberPath['patch']['requestBody']['content']['application/json'];
export type Engagement = MemberListItem['engagement'];
export type MemberStatus = MemberListItem['status'];

export type Body = BodyPath['get']['responses'][200]['content']['application/json'];
export type BodyPage = BodiesPath['get']['responses'][200]['content']['application/json'];
export type BodyUpdate = BodyPath['patch']['requestBody']['content']['application/json'];
export type BodyKind = Body['kind'];
export type Cadence = Body['cadence'];

export type Membership = MembershipPath['get']['responses'][200]['content']['application/json'];
export type MembershipPage = MembershipsPath['get']['responses'][200]['content']['application/json'];
export type MembershipCreate = MembershipsPath['post']['requestBody']['content']['application/json'];
export type MembershipRole = Membership['role'];

export const ORGANISATION_KINDS = [
  'public_authority',
  'welfare_association',
  'education_provider',
  'migrant_organisation',
  'association_initiative',
  'religious_community',
  'company_chamber',
  'other',
] as const satisfies readonly OrganisationKind[];

export const ENGAGEMENTS = ['professional', 'volunteer'] as const satisfies readonly Engagement[];
export const MEMBER_STATUSES = ['active', 'inactive', 'left'] as const satisfies readonly MemberStatus[];
export const BODY_KINDS = ['working_group', 'steering_group', 'network'] as const satisfies readonly BodyKind[];

export const PAGE_SIZE = 20;
/** Large enough for select boxes fed from a whole list (the API allows 200). */
export const ALL = 200;

export const directoryKeys = {
  organisations: ['organisations'] as const,
  organisationList: (params: OrganisationListParams) => ['organisations', 'list', params] as const,
  organisation: (id: string) => ['organisations', 'detail', id] as const,
  members: ['members'] as const,
  memberList: (params: MemberListParams) => ['members', 'list', params] as const,
  member: (id: string) => ['members', 'detail', id] as const,
  bodies: ['bodies'] as const,
  bodyList: ['bodies', 'list'] as const,
  body: (id: string) => ['bodies', 'detail', id] as const,
  memberships: ['memberships'] as const,
  membershipsOfMember: (id: string) => ['memberships', 'member', id] as const,
  membershipsOfBody: (id: string) => ['memberships', 'body', id] as const,
};

const noFocusRefetch = { refetchOnWindowFocus: false, refetchOnReconnect: false } as const;

// ---------------------------------------------------------------- organisations

export function organisationsListQuery(params: OrganisationListParams) {
  return queryOptions({
    queryKey: directoryKeys.organisationList(params),
    queryFn: async ({ signal }): Promise<OrganisationPage> =>
      unwrap(await api.GET('/api/v1/organisations', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function organisationQuery(id: string) {
  return queryOptions({
    queryKey: directoryKeys.organisation(id),
    queryFn: async ({ signal }) =>
      unwrapWithEtag(
        await api.GET('/api/v1/organisations/{organisation_id}', { params: { path: { organisation_id: id } }, signal }),
      ),
    ...noFocusRefetch,
  });
}

export async function fetchLatestOrganisation(id: string) {
  return unwrapWithEtag(
    await api.GET('/api/v1/organisations/{organisation_id}', { params: { path: { organisation_id: id } } }),
  );
}

export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: OrganisationCreate) =>
      unwrapWithEtag(await api.POST('/api/v1/organisations', { body })),
    onSuccess: async (result) => {
      queryClient.setQueryData(directoryKeys.organisation(result.data.id), result);
      await queryClient.invalidateQueries({ queryKey: ['organisations', 'list'] });
    },
  });
}

export function useUpdateOrganisation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: OrganisationUpdate; etag: string }) =>
      unwrapWithEtag(
        await api.PATCH('/api/v1/organisations/{organisation_id}', {
          params: { path: { organisation_id: id }, header: { 'If-Match': etag } },
          body,
        }),
      ),
    onSuccess: async (result) => {
      queryClient.setQueryData(directoryKeys.organisation(id), result);
      await queryClient.invalidateQueries({ queryKey: ['organisations', 'list'] });
    },
  });
}

export function useDeleteOrganisation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (etag: string) => {
      unwrap(
        await api.DELETE('/api/v1/organisations/{organisation_id}', {
          params: { path: { organisation_id: id }, header: { 'If-Match': etag } },
        }),
      );
    },
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: directoryKeys.organisation(id) });
      await queryClient.invalidateQueries({ queryKey: ['organisations', 'list'] });
    },
  });
}

// ---------------------------------------------------------------- members

export function membersListQuery(params: MemberListParams) {
  return queryOptions({
    queryKey: directoryKeys.memberList(params),
    queryFn: async ({ signal }): Promise<MemberListPage> =>
      unwrap(await api.GET('/api/v1/members', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function memberQuery(id: string) {
  return queryOptions({
    queryKey: directoryKeys.member(id),
    queryFn: async ({ signal }) =>
      unwrapWithEtag(await api.GET('/api/v1/members/{member_id}', { params: { path: { member_id: id } }, signal })),
    ...noFocusRefetch,
  });
}

export async function fetchLatestMember(id: string) {
  return unwrapWithEtag(await api.GET('/api/v1/members/{member_id}', { params: { path: { member_id: id } } }));
}

export function useCreateMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: MemberCreate) => unwrapWithEtag(await api.POST('/api/v1/members', { body })),
    onSuccess: async (result) => {
      queryClient.setQueryData(directoryKeys.member(result.data.id), result);
      await queryClient.invalidateQueries({ queryKey: ['members', 'list'] });
    },
  });
}

export function useUpdateMember(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: MemberUpdate; etag: string }) =>
      unwrapWithEtag(
        await api.PATCH('/api/v1/members/{member_id}', {
          params: { path: { member_id: id }, header: { 'If-Match': etag } },
          body,
        }),
      ),
    onSuccess: async (result) => {
      queryClient.setQueryData(directoryKeys.member(id), result);
      await queryClient.invalidateQueries({ queryKey: ['members', 'list'] });
    },
  });
}

export function useDeleteMember(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (etag: string) => {
      unwrap(
        await api.DELETE('/api/v1/members/{member_id}', {
          params: { path: { member_id: id }, header: { 'If-Match': etag } },
        }),
      );
    },
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: directoryKeys.member(id) });
      await queryClient.invalidateQueries({ queryKey: ['members', 'list'] });
      await queryClient.invalidateQueries({ queryKey: directoryKeys.memberships });
      await queryClient.invalidateQueries({ queryKey: directoryKeys.bodies });
    },
  });
}

// ---------------------------------------------------------------- bodies

export const bodiesQuery = queryOptions({
  queryKey: directoryKeys.bodyList,
  queryFn: async ({ signal }): Promise<BodyPage> =>
    unwrap(await api.GET('/api/v1/bodies', { params: { query: { limit: ALL } }, signal })),
});

export function bodyQuery(id: string) {
  return queryOptions({
    queryKey: directoryKeys.body(id),
    queryFn: async ({ signal }) =>
      unwrapWithEtag(await api.GET('/api/v1/bodies/{body_id}', { params: { path: { body_id: id } }, signal })),
    ...noFocusRefetch,
  });
}

export async function fetchLatestBody(id: string) {
  return unwrapWithEtag(await api.GET('/api/v1/bodies/{body_id}', { params: { path: { body_id: id } } }));
}

export function useUpdateBody(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: BodyUpdate; etag: string }) =>
      unwrapWithEtag(
        await api.PATCH('/api/v1/bodies/{body_id}', {
          params: { path: { body_id: id }, header: { 'If-Match': etag } },
          body,
        }),
      ),
    onSuccess: async (result) => {
      queryClient.setQueryData(directoryKeys.body(id), result);
      await queryClient.invalidateQueries({ queryKey: directoryKeys.bodyList });
    },
  });
}

// ---------------------------------------------------------------- memberships

async function allMemberships(query: { member_id?: string; body_id?: string; current_only?: boolean }, signal?: AbortSignal) {
  return unwrap(await api.GET('/api/v1/memberships', { params: { query: { ...query, limit: ALL } }, signal }));
}

export function membershipsOfMemberQuery(memberId: string) {
  return queryOptions({
    queryKey: directoryKeys.membershipsOfMember(memberId),
    queryFn: ({ signal }): Promise<MembershipPage> => allMemberships({ member_id: memberId }, signal),
  });
}

export function membershipsOfBodyQuery(bodyId: string) {
  return queryOptions({
    queryKey: directoryKeys.membershipsOfBody(bodyId),
    queryFn: ({ signal }): Promise<MembershipPage> => allMemberships({ body_id: bodyId, current_only: true }, signal),
  });
}

async function invalidateMemberships(queryClient: ReturnType<typeof useQueryClient>) {
  await queryClient.invalidateQueries({ queryKey: directoryKeys.memberships });
  await queryClient.invalidateQueries({ queryKey: directoryKeys.bodies });
  await queryClient.invalidateQueries({ queryKey: ['members', 'list'] });
}

export function useCreateMembership() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: MembershipCreate) => unwrap(await api.POST('/api/v1/memberships', { body })),
    onSuccess: () => invalidateMemberships(queryClient),
  });
}

export function useEndMembership() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, endOn, version }: { id: string; endOn: string; version: number }) => {
      // The list carries versions, not ETags: fetch the ETag and refuse like a
      // 412 when the membership changed since the user saw it.
      const current = unwrapWithEtag(
        await api.GET('/api/v1/memberships/{membership_id}', { params: { path: { membership_id: id } } }),
      );
      if (current.data.version !== version) {
        throw new ApiError(
          normalizeProblem({
            body: { type: 'urn:netzwerk:problem:precondition-failed', title: 'Precondition Failed', status: 412 },
            response: new Response(null, { status: 412 }),
          }),
        );
      }
      return unwrap(
        await api.POST('/api/v1/memberships/{membership_id}/end', {
          params: { path: { membership_id: id }, header: { 'If-Match': current.etag ?? '' } },
          body: { end_on: endOn },
        }),
      );
    },
    onSuccess: () => invalidateMemberships(queryClient),
  });
}

/** The full record (coordinators, admins); others may get fewer fields. */
export type FullMember = Extract<Member, { internal_notes: string }>;
export function isFullMember(m: Member | MemberListItem): m is FullMember {
  return 'internal_notes' in m;
}
