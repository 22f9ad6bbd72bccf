import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { type Schemas, api, unwrap } from '@/lib/api/client';
import { type BlobResult, type Download, toDownload } from '@/lib/download';

export type CalendarToken = Schemas['CalendarTokenRead'];
export type CalendarTokenCreated = Schemas['CalendarTokenCreated'];

/** The caller's live calendar links (without their secrets); 409 when the account has no member. */
export const calendarTokensQuery = queryOptions({
  queryKey: ['account', 'calendar-tokens'],
  queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/calendar-tokens', { signal })).items,
  retry: false,
});

/** A new secret feed address; its `url` is in this answer only. */
export function useCreateCalendarToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (): Promise<CalendarTokenCreated> => unwrap(await api.POST('/api/v1/calendar-tokens')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarTokensQuery.queryKey }),
  });
}

/** Revokes a calendar link: its address answers 404 from now on. */
export function useRevokeCalendarToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      unwrap(await api.DELETE('/api/v1/calendar-tokens/{token_id}', { params: { path: { token_id: id } } }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarTokensQuery.queryKey }),
  });
}

/** All meetings the caller may read, as one iCalendar file (fetched with the bearer token). */
export async function fetchMyMeetingsCalendar(): Promise<Download> {
  const result = await api.GET('/api/v1/calendars/meetings.ics', { parseAs: 'blob' });
  return toDownload(result as BlobResult, 'sitzungen.ics');
}
