import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '@/lib/api/client';
import { bodyOptionsQuery } from '@/lib/api/options';
import { type Attachment, deleteAttachment, fileForm } from '@/lib/api/attachments';
import type { paths } from '@/lib/api/schema.gen';
import { type BlobResult, type Download, toDownload } from '@/lib/download';

type MeetingsPath = paths['/api/v1/meetings'];

export type Meeting = Schemas['MeetingDetail'];
export type MeetingListItem = Schemas['MeetingRead'];
export type MeetingPage = Schemas['MeetingPage'];
export type MeetingListParams = NonNullable<MeetingsPath['get']['parameters']['query']>;
export type MeetingCreate = Schemas['MeetingCreate'];
export type MeetingUpdate = Schemas['MeetingUpdate'];
export type MeetingStatus = MeetingListItem['status'];
export type PlannedMeeting = Schemas['PlannedMeeting'];
export type PlanPreview = Schemas['PlanPreview'];
export type AgendaItem = Schemas['AgendaItemRead'];
export type AgendaItemCreate = Schemas['AgendaItemCreate'];
export type AgendaItemUpdate = Schemas['AgendaItemUpdate'];
export type AgendaItemKind = AgendaItem['kind'];
export type AttendanceOverview = Schemas['AttendanceOverview'];
export type Attendance = Schemas['AttendanceRead'];
export type Presence = NonNullable<Attendance['presence']>;
export type AnswerStatus = Attendance['response'];
export type Minutes = Schemas['MinutesRead'];
export type InvitationsSent = Schemas['InvitationsSent'];
export type BodyListItem = paths['/api/v1/bodies']['get']['responses'][200]['content']['application/json']['items'][number];

export const MEETING_STATUSES = [
  'planned',
  'invited',
  'held',
  'minutes_approved',
  'cancelled',
] as const satisfies readonly MeetingStatus[];
export const AGENDA_KINDS = [
  'report',
  'exchange',
  'offer_presentation',
  'needs',
  'measure_development',
  'submission',
  'any_other_business',
] as const satisfies readonly AgendaItemKind[];
export const PRESENCES = ['present', 'excused', 'absent'] as const satisfies readonly Presence[];

export const PAGE_SIZE = 20;
/** Enough for one calendar month of every body. */
export const MONTH_LIMIT = 200;

/** If-Match value for a row of the given version (the API's ETag is the quoted version). */
export const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

export const meetingKeys = {
  all: ['meetings'] as const,
  list: (params: MeetingListParams) => ['meetings', 'list', params] as const,
  detail: (id: string) => ['meetings', 'detail', id] as const,
  agenda: (id: string) => ['meetings', 'agenda', id] as const,
  attendance: (id: string) => ['meetings', 'attendance', id] as const,
  minutes: (id: string) => ['meetings', 'minutes', id] as const,
  attachments: (id: string) => ['meetings', 'attachments', id] as const,
  records: (id: string) => ['meetings', 'records', id] as const,
};

const noFocusRefetch = { refetchOnWindowFocus: false, refetchOnReconnect: false } as const;

export function meetingsListQuery(params: MeetingListParams) {
  return queryOptions({
    queryKey: meetingKeys.list(params),
    queryFn: async ({ signal }): Promise<MeetingPage> =>
      unwrap(await api.GET('/api/v1/meetings', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function meetingQuery(id: string) {
  return queryOptions({
    queryKey: meetingKeys.detail(id),
    queryFn: async ({ signal }): Promise<Meeting> =>
      unwrap(await api.GET('/api/v1/meetings/{meeting_id}', { params: { path: { meeting_id: id } }, signal })),
    ...noFocusRefetch,
  });
}

/** The bodies for select boxes (name order). */
export const bodiesQuery = queryOptions({
  ...bodyOptionsQuery,
  select: (bodies): BodyListItem[] => [...bodies].sort((a, b) => a.name.localeCompare(b.name, 'de')),
});

export interface AgendaRecord {
  id: string;
  title: string;
}

/** Rows by the agenda item they belong to (rows without one are left out), in the given order. */
export function groupByItem<T extends AgendaRecord>(rows: readonly T[], itemOf: (row: T) => string | null): Map<string, AgendaRecord[]> {
  const byItem = new Map<string, AgendaRecord[]>();
  for (const row of rows) {
    const item = itemOf(row);
    if (!item) continue;
    byItem.set(item, [...(byItem.get(item) ?? []), { id: row.id, title: row.title }]);
  }
  return byItem;
}

/** Offers presented and needs raised in a meeting, by agenda item (one request each for the whole meeting). */
export function agendaRecordsQuery(meetingId: string) {
  return queryOptions({
    queryKey: meetingKeys.records(meetingId),
    queryFn: async ({ signal }) => {
      const query = { meeting_id: meetingId, limit: 200 };
      const [offers, needs] = await Promise.all([
        api.GET('/api/v1/offers', { params: { query }, signal }).then(unwrap),
        api.GET('/api/v1/needs', { params: { query }, signal }).then(unwrap),
      ]);
      return {
        offers: groupByItem(offers.items, (o) => o.presented_at_agenda_item_id),
        needs: groupByItem(needs.items, (n) => n.raised_at_agenda_item_id),
      };
    },
    // Offers and needs are recorded on other pages: always fetch afresh when the agenda shows again.
    staleTime: 0,
  });
}

function useInvalidateMeeting(id: string) {
  const queryClient = useQueryClient();
  return async (meeting?: Meeting) => {
    if (meeting) queryClient.setQueryData(meetingKeys.detail(id), meeting);
    await queryClient.invalidateQueries({ queryKey: meetingKeys.all });
  };
}

export function useCreateMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: MeetingCreate): Promise<Meeting> => unwrap(await api.POST('/api/v1/meetings', { body })),
    onSuccess: async (meeting) => {
      queryClient.setQueryData(meetingKeys.detail(meeting.id), meeting);
      await queryClient.invalidateQueries({ queryKey: ['meetings', 'list'] });
    },
  });
}

export function useUpdateMeeting(id: string) {
  const done = useInvalidateMeeting(id);
  return useMutation({
    mutationFn: async ({ body, version }: { body: MeetingUpdate; version: number }): Promise<Meeting> =>
      unwrap(
        await api.PATCH('/api/v1/meetings/{meeting_id}', {
          params: { path: { meeting_id: id } },
          headers: ifMatch(version),
          body,
        }),
      ),
    onSuccess: done,
  });
}

export function useDeleteMeeting(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (version: number) => {
      const result = await api.DELETE('/api/v1/meetings/{meeting_id}', {
        params: { path: { meeting_id: id } },
        headers: ifMatch(version),
      });
      unwrap(result);
    },
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: meetingKeys.detail(id) });
      await queryClient.invalidateQueries({ queryKey: ['meetings', 'list'] });
    },
  });
}

export function useCancelMeeting(id: string) {
  const done = useInvalidateMeeting(id);
  return useMutation({
    mutationFn: async ({ reason, version }: { reason: string; version: number }): Promise<Meeting> =>
      unwrap(
        await api.POST('/api/v1/meetings/{meeting_id}/cancel', {
          params: { path: { meeting_id: id } },
          headers: ifMatch(version),
          body: { reason },
        }),
      ),
    onSuccess: done,
  });
}

export function useMarkHeld(id: string) {
  const done = useInvalidateMeeting(id);
  return useMutation({
    mutationFn: async (version: number): Promise<Meeting> =>
      unwrap(
        await api.POST('/api/v1/meetings/{meeting_id}/held', {
          params: { path: { meeting_id: id } },
          headers: ifMatch(version),
        }),
      ),
    onSuccess: done,
  });
}

export function useSendInvitations(id: string) {
  const done = useInvalidateMeeting(id);
  return useMutation({
    mutationFn: async (version: number): Promise<InvitationsSent> =>
      unwrap(
        await api.POST('/api/v1/meetings/{meeting_id}/invitations', {
          params: { path: { meeting_id: id } },
          headers: ifMatch(version),
        }),
      ),
    onSuccess: () => done(),
  });
}

export function useMyResponse(id: string) {
  const done = useInvalidateMeeting(id);
  return useMutation({
    mutationFn: async (response: 'accepted' | 'declined') =>
      unwrap(
        await api.PUT('/api/v1/meetings/{meeting_id}/my-response', {
          params: { path: { meeting_id: id } },
          body: { response },
        }),
      ),
    onSuccess: () => done(),
  });
}

// ---------------------------------------------------------------- planning

export function usePlanPreview() {
  return useMutation({
    mutationFn: async (body: { body_id: string; year: number }): Promise<PlanPreview> =>
      unwrap(await api.POST('/api/v1/meetings/plan-preview', { body })),
  });
}

export function usePlanMeetings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { body_id: string; year: number; meetings: PlannedMeeting[] }) =>
      unwrap(await api.POST('/api/v1/meetings/plan', { body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['meetings', 'list'] });
    },
  });
}

// ---------------------------------------------------------------- agenda

export function agendaQuery(meetingId: string) {
  return queryOptions({
    queryKey: meetingKeys.agenda(meetingId),
    queryFn: async ({ signal }): Promise<AgendaItem[]> =>
      unwrap(
        await api.GET('/api/v1/meetings/{meeting_id}/agenda-items', {
          params: { path: { meeting_id: meetingId } },
          signal,
        }),
      ),
    ...noFocusRefetch,
  });
}

function useAgendaDone(meetingId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: meetingKeys.agenda(meetingId) });
    await queryClient.invalidateQueries({ queryKey: meetingKeys.detail(meetingId) });
  };
}

export function useAddAgendaItem(meetingId: string) {
  const done = useAgendaDone(meetingId);
  return useMutation({
    mutationFn: async (body: AgendaItemCreate): Promise<AgendaItem> =>
      unwrap(
        await api.POST('/api/v1/meetings/{meeting_id}/agenda-items', {
          params: { path: { meeting_id: meetingId } },
          body,
        }),
      ),
    onSuccess: done,
  });
}

export function useUpdateAgendaItem(meetingId: string) {
  const done = useAgendaDone(meetingId);
  return useMutation({
    mutationFn: async ({ item, body }: { item: AgendaItem; body: AgendaItemUpdate }): Promise<AgendaItem> =>
      unwrap(
        await api.PATCH('/api/v1/meetings/{meeting_id}/agenda-items/{item_id}', {
          params: { path: { meeting_id: meetingId, item_id: item.id } },
          headers: ifMatch(item.version),
          body,
        }),
      ),
    onSuccess: done,
  });
}

export function useDeleteAgendaItem(meetingId: string) {
  const done = useAgendaDone(meetingId);
  return useMutation({
    mutationFn: async (item: AgendaItem) => {
      unwrap(
        await api.DELETE('/api/v1/meetings/{meeting_id}/agenda-items/{item_id}', {
          params: { path: { meeting_id: meetingId, item_id: item.id } },
          headers: ifMatch(item.version),
        }),
      );
    },
    onSuccess: done,
  });
}

export function useReorderAgenda(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ itemIds, version }: { itemIds: string[]; version: number }): Promise<AgendaItem[]> =>
      unwrap(
        await api.PUT('/api/v1/meetings/{meeting_id}/agenda-items/order', {
          params: { path: { meeting_id: meetingId } },
          headers: ifMatch(version),
          body: { item_ids: itemIds },
        }),
      ),
    onSuccess: async (items) => {
      queryClient.setQueryData(meetingKeys.agenda(meetingId), items);
      await queryClient.invalidateQueries({ queryKey: meetingKeys.detail(meetingId) });
    },
  });
}

// ---------------------------------------------------------------- attendance

export function attendanceQuery(meetingId: string) {
  return queryOptions({
    queryKey: meetingKeys.attendance(meetingId),
    queryFn: async ({ signal }): Promise<AttendanceOverview> =>
      unwrap(
        await api.GET('/api/v1/meetings/{meeting_id}/attendance', {
          params: { path: { meeting_id: meetingId } },
          signal,
        }),
      ),
    ...noFocusRefetch,
  });
}

export function useSetPresence(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      memberId,
      presence,
      version,
    }: {
      memberId: string;
      presence: Presence | null;
      version: number | null;
    }) =>
      unwrap(
        await api.PUT('/api/v1/meetings/{meeting_id}/attendance/{member_id}', {
          params: { path: { meeting_id: meetingId, member_id: memberId } },
          headers: version === null ? {} : ifMatch(version),
          body: { presence },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: meetingKeys.attendance(meetingId) });
      await queryClient.invalidateQueries({ queryKey: meetingKeys.detail(meetingId) });
    },
  });
}

export function useSetGuests(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ guests, version }: { guests: string[]; version: number }) =>
      unwrap(
        await api.PUT('/api/v1/meetings/{meeting_id}/guests', {
          params: { path: { meeting_id: meetingId } },
          headers: ifMatch(version),
          body: { guests },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: meetingKeys.attendance(meetingId) });
      await queryClient.invalidateQueries({ queryKey: meetingKeys.detail(meetingId) });
    },
  });
}

// ---------------------------------------------------------------- minutes

export function minutesQuery(meetingId: string) {
  return queryOptions({
    queryKey: meetingKeys.minutes(meetingId),
    queryFn: async ({ signal }): Promise<Minutes> =>
      unwrap(
        await api.GET('/api/v1/meetings/{meeting_id}/minutes', { params: { path: { meeting_id: meetingId } }, signal }),
      ),
    ...noFocusRefetch,
  });
}

function useMinutesDone(meetingId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: meetingKeys.minutes(meetingId) });
    await queryClient.invalidateQueries({ queryKey: meetingKeys.detail(meetingId) });
    await queryClient.invalidateQueries({ queryKey: ['meetings', 'list'] });
  };
}

export function useSaveMinutes(meetingId: string) {
  const done = useMinutesDone(meetingId);
  return useMutation({
    mutationFn: async ({ markdown, version }: { markdown: string; version: number }) =>
      unwrap(
        await api.PUT('/api/v1/meetings/{meeting_id}/minutes', {
          params: { path: { meeting_id: meetingId } },
          headers: ifMatch(version),
          body: { markdown },
        }),
      ),
    onSuccess: done,
  });
}

export function useApproveMinutes(meetingId: string) {
  const done = useMinutesDone(meetingId);
  return useMutation({
    mutationFn: async (version: number) =>
      unwrap(
        await api.POST('/api/v1/meetings/{meeting_id}/minutes/approve', {
          params: { path: { meeting_id: meetingId } },
          headers: ifMatch(version),
        }),
      ),
    onSuccess: done,
  });
}

/** The minutes as PDF (with the bearer token; never a token in a URL). */
export async function fetchMinutesPdf(meetingId: string): Promise<Download> {
  const result = await api.GET('/api/v1/meetings/{meeting_id}/minutes.pdf', {
    params: { path: { meeting_id: meetingId } },
    parseAs: 'blob',
  });
  return toDownload(result as BlobResult, 'Protokoll.pdf');
}

/** Every readable meeting as iCalendar file. */
export async function fetchMeetingsCalendar(): Promise<Download> {
  const result = await api.GET('/api/v1/calendars/meetings.ics', { parseAs: 'blob' });
  return toDownload(result as BlobResult, 'sitzungen.ics');
}

// ---------------------------------------------------------------- attachments

export type { Attachment };

export function attachmentsQuery(meetingId: string) {
  return queryOptions({
    queryKey: meetingKeys.attachments(meetingId),
    queryFn: async ({ signal }): Promise<Attachment[]> =>
      unwrap(
        await api.GET('/api/v1/meetings/{meeting_id}/attachments', {
          params: { path: { meeting_id: meetingId }, query: { limit: 200 } },
          signal,
        }),
      ).items,
    ...noFocusRefetch,
  });
}

export function useUploadAttachment(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, agendaItemId }: { file: File; agendaItemId: string | null }): Promise<Attachment> => {
      const form = fileForm(file, agendaItemId ? { agenda_item_id: agendaItemId } : {});
      return unwrap(
        await api.POST('/api/v1/meetings/{meeting_id}/attachments', {
          params: { path: { meeting_id: meetingId } },
          // openapi-fetch sends FormData as it is (the browser sets the multipart boundary).
          body: form as unknown as { file: string; agenda_item_id?: string | null },
          bodySerializer: (body) => body as unknown as FormData,
        }),
      );
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: meetingKeys.attachments(meetingId) });
    },
  });
}

export function useDeleteAttachment(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteAttachment,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: meetingKeys.attachments(meetingId) });
    },
  });
}

