import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap, unwrapWithEtag } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema.gen';

type DirectivesPath = paths['/api/v1/directives'];

export type Directive = Schemas['DirectiveRead'];
export type DirectivePage = Schemas['DirectivePage'];
export type DirectiveStatus = Directive['status'];
export type DirectiveListParams = NonNullable<DirectivesPath['get']['parameters']['query']>;
export type DirectiveStatusChange = Schemas['DirectiveStatusChange'];
export type LinkedMeasure = Schemas['MeasureRead'];

export const DIRECTIVE_STATUSES = ['open', 'in_progress', 'done'] as const satisfies readonly DirectiveStatus[];
export const DIRECTIVE_PAGE_SIZE = 20;

/** The moves the API allows from each status; reopening a done directive is for coordinators only. */
export const DIRECTIVE_TRANSITIONS: Record<DirectiveStatus, readonly DirectiveStatus[]> = {
  open: ['in_progress', 'done'],
  in_progress: ['done', 'open'],
  done: ['in_progress'],
};

export function nextStatuses(current: DirectiveStatus, mayReopen: boolean): DirectiveStatus[] {
  return current === 'done' && !mayReopen ? [] : [...DIRECTIVE_TRANSITIONS[current]];
}

/** Done needs a completion note (the API answers 422 `note_required` otherwise). */
export function validateStatusNote(status: DirectiveStatus | '', note: string): { status?: string; note?: string } {
  if (status === '') return { status: 'directives.validation.status' };
  if (status === 'done' && note.trim() === '') return { note: 'directives.validation.noteRequired' };
  return {};
}

export const directiveKeys = {
  all: ['directives'] as const,
  list: (params: DirectiveListParams) => ['directives', 'list', params] as const,
  detail: (id: string) => ['directives', 'detail', id] as const,
};

export function directivesListQuery(params: DirectiveListParams) {
  return queryOptions({
    queryKey: directiveKeys.list(params),
    queryFn: async ({ signal }): Promise<DirectivePage> =>
      unwrap(await api.GET('/api/v1/directives', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function directiveQuery(id: string) {
  return queryOptions({
    queryKey: directiveKeys.detail(id),
    queryFn: async ({ signal }) =>
      unwrapWithEtag(await api.GET('/api/v1/directives/{directive_id}', { params: { path: { directive_id: id } }, signal })),
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

/** One linked measure, for its reference and title (a directive links only a few). */
export function measureQuery(id: string) {
  return queryOptions({
    queryKey: ['directives', 'measure', id],
    queryFn: async ({ signal }): Promise<LinkedMeasure> =>
      unwrap(await api.GET('/api/v1/measures/{measure_id}', { params: { path: { measure_id: id } }, signal })),
    staleTime: 60_000,
  });
}

export function useChangeDirectiveStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: DirectiveStatusChange; etag: string }) =>
      unwrapWithEtag(
        await api.POST('/api/v1/directives/{directive_id}/status', {
          params: { path: { directive_id: id }, header: { 'If-Match': etag } },
          body,
        }),
      ),
    onSuccess: async (result) => {
      queryClient.setQueryData(directiveKeys.detail(id), result);
      await queryClient.invalidateQueries({ queryKey: ['directives', 'list'] });
      await queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}
