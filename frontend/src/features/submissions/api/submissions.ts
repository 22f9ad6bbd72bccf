import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { type Attachment, deleteAttachment, fileForm } from '@/lib/api/attachments';
import { api, type Schemas, unwrap, unwrapWithEtag } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema.gen';
import { type BlobResult, type Download, toDownload } from '@/lib/download';

type SubmissionsPath = paths['/api/v1/submissions'];

export type Submission = Schemas['SubmissionRead'];
export type SubmissionPage = Schemas['SubmissionPage'];
export type SubmissionStatus = Submission['status'];
export type SubmissionKind = Submission['kind'];
export type Outcome = NonNullable<Submission['outcome']>;
export type SubmissionListParams = NonNullable<SubmissionsPath['get']['parameters']['query']>;
export type SubmissionCreate = Schemas['SubmissionCreate'];
export type SubmissionUpdate = Schemas['SubmissionUpdate'];
export type Directive = Schemas['DirectiveRead'];
export type DirectiveStatus = Directive['status'];
export type MeetingListItem = Schemas['MeetingRead'];
export type Versioned<T> = { data: T; etag: string | null };
export type { Attachment };

export const SUBMISSION_STATUSES = ['draft', 'submitted', 'scheduled', 'decided', 'withdrawn'] as const satisfies readonly SubmissionStatus[];
export const SUBMISSION_KINDS = ['report', 'request', 'recommendation'] as const satisfies readonly SubmissionKind[];
export const OUTCOMES = ['approved', 'approved_with_changes', 'rejected', 'deferred', 'noted'] as const satisfies readonly Outcome[];
export const DIRECTIVE_STATUSES = ['open', 'in_progress', 'done'] as const satisfies readonly DirectiveStatus[];

/** Membership roles that make a member a spokesperson of a body (as the API's `leads_body`). */
const LEAD_ROLES: readonly string[] = ['spokesperson', 'deputy_spokesperson'];

export const submissionKeys = {
  all: ['submissions'] as const,
  list: (params: SubmissionListParams) => ['submissions', 'list', params] as const,
  detail: (id: string) => ['submissions', 'detail', id] as const,
  // Under 'directives' so that recording a decision elsewhere (which invalidates it) refreshes them here.
  directives: (id: string) => ['directives', 'submission', id] as const,
};

const noFocusRefetch = { refetchOnWindowFocus: false, refetchOnReconnect: false } as const;

export function submissionsListQuery(params: SubmissionListParams) {
  return queryOptions({
    queryKey: submissionKeys.list(params),
    queryFn: async ({ signal }): Promise<SubmissionPage> =>
      unwrap(await api.GET('/api/v1/submissions', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
  });
}

async function getSubmission(id: string, signal?: AbortSignal): Promise<Versioned<Submission>> {
  return unwrapWithEtag(await api.GET('/api/v1/submissions/{submission_id}', { params: { path: { submission_id: id } }, signal }));
}

export function submissionQuery(id: string) {
  return queryOptions({
    queryKey: submissionKeys.detail(id),
    queryFn: ({ signal }) => getSubmission(id, signal),
    ...noFocusRefetch,
  });
}

export const fetchLatestSubmission = (id: string) => getSubmission(id);

/** The directives issued with the decision on a submission, earliest due first. */
export function submissionDirectivesQuery(id: string) {
  return queryOptions({
    queryKey: submissionKeys.directives(id),
    queryFn: async ({ signal }): Promise<Directive[]> =>
      unwrap(await api.GET('/api/v1/directives', { params: { query: { submission_id: id, limit: 200 } }, signal })).items,
    ...noFocusRefetch,
  });
}

/** A measure or need the paper links: its id and how the paper names it. */
export interface LinkChoice {
  id: string;
  label: string;
}

export const measureLabel = (m: { reference: string; title: string }) => `${m.reference} ${m.title}`;

/** One linked measure's label (the paper stores only the ids). */
export function linkedMeasureQuery(id: string) {
  return queryOptions({
    queryKey: ['submissions', 'linked-measure', id],
    queryFn: async ({ signal }): Promise<LinkChoice> => {
      const measure = unwrap(await api.GET('/api/v1/measures/{measure_id}', { params: { path: { measure_id: id } }, signal }));
      return { id, label: measureLabel(measure) };
    },
    staleTime: 60_000,
  });
}

/** One linked need's label. */
export function linkedNeedQuery(id: string) {
  return queryOptions({
    queryKey: ['submissions', 'linked-need', id],
    queryFn: async ({ signal }): Promise<LinkChoice> => {
      const need = unwrap(await api.GET('/api/v1/needs/{need_id}', { params: { path: { need_id: id } }, signal }));
      return { id, label: need.title };
    },
    staleTime: 60_000,
  });
}

/**
 * Candidates for the editor's pickers: with a search term every measure or need matching it;
 * without one those of the submitting body that are still being worked on.
 */
export function measureSearchQuery(q: string, bodyId: string) {
  const query = q
    ? { limit: 20, q }
    : { limit: 20, body_id: bodyId, status: ['idea', 'planned', 'in_progress', 'paused'] as ('idea' | 'planned' | 'in_progress' | 'paused')[] };
  return queryOptions({
    queryKey: ['submissions', 'measure-search', query],
    queryFn: async ({ signal }): Promise<{ items: LinkChoice[]; total: number }> => {
      const page = unwrap(await api.GET('/api/v1/measures', { params: { query }, signal }));
      return { items: page.items.map((m) => ({ id: m.id, label: measureLabel(m) })), total: page.total };
    },
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    enabled: q !== '' || bodyId !== '',
  });
}

export function needSearchQuery(q: string, bodyId: string) {
  const query = q
    ? { limit: 20, q }
    : { limit: 20, body_id: bodyId, status: ['open', 'addressed', 'escalated'] as ('open' | 'addressed' | 'escalated')[] };
  return queryOptions({
    queryKey: ['submissions', 'need-search', query],
    queryFn: async ({ signal }): Promise<{ items: LinkChoice[]; total: number }> => {
      const page = unwrap(await api.GET('/api/v1/needs', { params: { query }, signal }));
      return { items: page.items.map((n) => ({ id: n.id, label: n.title })), total: page.total };
    },
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    enabled: q !== '' || bodyId !== '',
  });
}

/**
 * The ids of the bodies the member currently leads as (deputy) spokesperson: the bodies a
 * spokesperson may submit papers for. Memberships are read, not the bodies' spokesperson lists,
 * which only name those who consented to the directory.
 */
export function ledBodiesQuery(memberId: string) {
  return queryOptions({
    queryKey: ['submissions', 'led-bodies', memberId],
    queryFn: async ({ signal }): Promise<string[]> => {
      const page = unwrap(
        await api.GET('/api/v1/memberships', { params: { query: { member_id: memberId, current_only: true, limit: 200 } }, signal }),
      );
      return [...new Set(page.items.filter((m) => LEAD_ROLES.includes(m.role)).map((m) => m.body_id))];
    },
    staleTime: 60_000,
  });
}

/** The coming meetings of the steering group that still take papers (planned or invited), soonest first. */
export function openSteeringMeetingsQuery(steeringBodyId: string, today: string) {
  return queryOptions({
    queryKey: ['submissions', 'steering-meetings', steeringBodyId, today],
    queryFn: async ({ signal }): Promise<MeetingListItem[]> => {
      const page = unwrap(
        await api.GET('/api/v1/meetings', {
          params: { query: { body_id: steeringBodyId, from: today, sort: 'starts_at', limit: 50 } },
          signal,
        }),
      );
      return page.items.filter((m) => m.status === 'planned' || m.status === 'invited');
    },
    enabled: steeringBodyId !== '',
    ...noFocusRefetch,
  });
}

/** A meeting the paper is scheduled for or was decided at (404 for those who may not read it). */
export function paperMeetingQuery(id: string) {
  return queryOptions({
    queryKey: ['submissions', 'meeting', id],
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/meetings/{meeting_id}', { params: { path: { meeting_id: id } }, signal })),
    staleTime: 60_000,
    retry: false,
  });
}

/** Keeps the detail in the cache and refreshes the board after a change. */
function useOnChanged(id?: string) {
  const queryClient = useQueryClient();
  return async (result: Versioned<Submission>) => {
    queryClient.setQueryData(submissionKeys.detail(id ?? result.data.id), result);
    await queryClient.invalidateQueries({ queryKey: ['submissions', 'list'] });
  };
}

export function useCreateSubmission() {
  const onChanged = useOnChanged();
  return useMutation({
    mutationFn: async (body: SubmissionCreate) => unwrapWithEtag(await api.POST('/api/v1/submissions', { body })),
    onSuccess: onChanged,
  });
}

export function useUpdateSubmission(id: string) {
  const onChanged = useOnChanged(id);
  return useMutation({
    mutationFn: async ({ body, etag }: { body: SubmissionUpdate; etag: string }) =>
      unwrapWithEtag(
        await api.PATCH('/api/v1/submissions/{submission_id}', {
          params: { path: { submission_id: id }, header: { 'If-Match': etag } },
          body,
        }),
      ),
    onSuccess: onChanged,
  });
}

export function useSubmitSubmission(id: string) {
  const onChanged = useOnChanged(id);
  return useMutation({
    mutationFn: async ({ lateReason, etag }: { lateReason: string; etag: string }) =>
      unwrapWithEtag(
        await api.POST('/api/v1/submissions/{submission_id}/submit', {
          params: { path: { submission_id: id }, header: { 'If-Match': etag } },
          body: { late_reason: lateReason },
        }),
      ),
    onSuccess: onChanged,
  });
}

export function useWithdrawSubmission(id: string) {
  const onChanged = useOnChanged(id);
  return useMutation({
    mutationFn: async (etag: string) =>
      unwrapWithEtag(
        await api.POST('/api/v1/submissions/{submission_id}/withdraw', {
          params: { path: { submission_id: id }, header: { 'If-Match': etag } },
        }),
      ),
    onSuccess: onChanged,
  });
}

export function useScheduleSubmission(id: string) {
  const onChanged = useOnChanged(id);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ meetingId, etag }: { meetingId: string; etag: string }) =>
      unwrapWithEtag(
        await api.POST('/api/v1/submissions/{submission_id}/schedule', {
          params: { path: { submission_id: id }, header: { 'If-Match': etag } },
          body: { meeting_id: meetingId },
        }),
      ),
    onSuccess: async (result) => {
      await onChanged(result);
      // The meeting's agenda got an item for the paper.
      await queryClient.invalidateQueries({ queryKey: ['meetings'] });
    },
  });
}

export function useDeleteSubmission(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (etag: string) => {
      unwrap(
        await api.DELETE('/api/v1/submissions/{submission_id}', {
          params: { path: { submission_id: id }, header: { 'If-Match': etag } },
        }),
      );
    },
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: submissionKeys.detail(id) });
      await queryClient.invalidateQueries({ queryKey: ['submissions', 'list'] });
    },
  });
}

export type PaperFormat = 'pdf' | 'docx';
export const PAPER_FORMATS = ['pdf', 'docx'] as const satisfies readonly PaperFormat[];

/** The paper as PDF or Word file (fetched with the bearer token). */
export async function fetchPaper(submission: Pick<Submission, 'id' | 'reference'>, format: PaperFormat): Promise<Download> {
  const options = { params: { path: { submission_id: submission.id } }, parseAs: 'blob' } as const;
  const result =
    format === 'pdf'
      ? await api.GET('/api/v1/submissions/{submission_id}.pdf', options)
      : await api.GET('/api/v1/submissions/{submission_id}.docx', options);
  return toDownload(result as BlobResult, `${submission.reference ?? 'Vorlage-Entwurf'}.${format}`);
}

// ---------------------------------------------------------------- attachments

export function submissionAttachmentsQuery(id: string) {
  return queryOptions({
    queryKey: ['submissions', 'attachments', id] as const,
    queryFn: async ({ signal }): Promise<Attachment[]> =>
      unwrap(
        await api.GET('/api/v1/submissions/{submission_id}/attachments', {
          params: { path: { submission_id: id }, query: { limit: 200 } },
          signal,
        }),
      ).items,
    ...noFocusRefetch,
  });
}

export function useUploadSubmissionAttachment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File): Promise<Attachment> =>
      unwrap(
        await api.POST('/api/v1/submissions/{submission_id}/attachments', {
          params: { path: { submission_id: id } },
          body: fileForm(file) as unknown as { file: string },
          bodySerializer: (body) => body as unknown as FormData,
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: submissionAttachmentsQuery(id).queryKey });
    },
  });
}

export function useDeleteSubmissionAttachment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteAttachment,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: submissionAttachmentsQuery(id).queryKey });
    },
  });
}
