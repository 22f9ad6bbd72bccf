import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema.gen';

type MeetingsPath = paths['/api/v1/public/meetings'];
type RegisterPath = paths['/api/v1/public/meetings/{meeting_id}/registrations'];
type RegistrationPath = paths['/api/v1/public/registrations/{token}'];
type InvitationPath = paths['/api/v1/invitation-responses/{token}'];

export type PublicMeeting = MeetingsPath['get']['responses'][200]['content']['application/json']['items'][number];
export type RegistrationCreate = RegisterPath['post']['requestBody']['content']['application/json'];
export type RegistrationCreated = RegisterPath['post']['responses'][201]['content']['application/json'];
export type RegistrationSummary = RegistrationPath['get']['responses'][200]['content']['application/json'];
export type InvitationSummary = InvitationPath['get']['responses'][200]['content']['application/json'];
export type InvitationAnswer = InvitationPath['post']['requestBody']['content']['application/json']['response'];

export const publicKeys = {
  meetings: ['public', 'meetings'] as const,
  meeting: (id: string) => ['public', 'meetings', id] as const,
  registration: (token: string) => ['public', 'registration', token] as const,
  invitation: (token: string) => ['public', 'invitation', token] as const,
};

/** Coming network meetings (no login). */
export const publicMeetingsQuery = queryOptions({
  queryKey: publicKeys.meetings,
  queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/public/meetings', { signal })).items,
});

export function publicMeetingQuery(id: string) {
  return queryOptions({
    queryKey: publicKeys.meeting(id),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/public/meetings/{meeting_id}', { params: { path: { meeting_id: id } }, signal })),
  });
}

export function useRegister(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: RegistrationCreate) =>
      unwrap(
        await api.POST('/api/v1/public/meetings/{meeting_id}/registrations', {
          params: { path: { meeting_id: meetingId } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: publicKeys.meetings }),
  });
}

/** The secret of a link is the credential; never retry or refetch it in the background. */
const once = { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false } as const;

export function registrationQuery(token: string) {
  return queryOptions({
    queryKey: publicKeys.registration(token),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/public/registrations/{token}', { params: { path: { token } }, signal })),
    ...once,
  });
}

export function useCancelRegistration(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/v1/public/registrations/{token}/cancel', { params: { path: { token } } })),
    onSuccess: (summary) => {
      queryClient.setQueryData(publicKeys.registration(token), summary);
      void queryClient.invalidateQueries({ queryKey: publicKeys.meetings });
    },
  });
}

export function invitationQuery(token: string) {
  return queryOptions({
    queryKey: publicKeys.invitation(token),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/invitation-responses/{token}', { params: { path: { token } }, signal })),
    ...once,
  });
}

export function useAnswerInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (response: InvitationAnswer) =>
      unwrap(await api.POST('/api/v1/invitation-responses/{token}', { params: { path: { token } }, body: { response } })),
    onSuccess: (summary) => queryClient.setQueryData(publicKeys.invitation(token), summary),
  });
}

/** Link secrets are 20–100 URL-safe characters; anything else cannot be a link of ours. */
export function isPlausibleToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{20,100}$/.test(token);
}
