import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapWithEtag } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema.gen';
import { type BlobResult, type ExportFormat, toDownload } from '@/lib/download';

type MeasuresPath = paths['/api/v1/measures'];
type MeasurePath = paths['/api/v1/measures/{measure_id}'];
type StatusPath = paths['/api/v1/measures/{measure_id}/status'];
type MilestonesPath = paths['/api/v1/measures/{measure_id}/milestones'];
type MilestonePath = paths['/api/v1/measures/{measure_id}/milestones/{milestone_id}'];
type IndicatorsPath = paths['/api/v1/measures/{measure_id}/indicators'];
type IndicatorPath = paths['/api/v1/measures/{measure_id}/indicators/{indicator_id}'];

export type Measure = MeasurePath['get']['responses'][200]['content']['application/json'];
export type MeasurePage = MeasuresPath['get']['responses'][200]['content']['application/json'];
export type MeasureListItem = MeasurePage['items'][number];
export type MeasureListParams = NonNullable<MeasuresPath['get']['parameters']['query']>;
export type MeasureCreate = MeasuresPath['post']['requestBody']['content']['application/json'];
export type MeasureUpdate = MeasurePath['patch']['requestBody']['content']['application/json'];
export type MeasureStatusChange = StatusPath['post']['requestBody']['content']['application/json'];
export type MeasureStatus = Measure['status'];
export type OrganisationRole = Measure['organisations'][number]['role'];
export type Milestone = Measure['milestones'][number];
export type MilestoneCreate = MilestonesPath['post']['requestBody']['content']['application/json'];
export type MilestoneUpdate = MilestonePath['patch']['requestBody']['content']['application/json'];
export type Indicator = Measure['indicators'][number];
export type IndicatorCreate = IndicatorsPath['post']['requestBody']['content']['application/json'];
export type IndicatorUpdate = IndicatorPath['patch']['requestBody']['content']['application/json'];
export type MeetingRef = Measure['discussed_in'][number];
export type MeasureExportFilters = NonNullable<paths['/api/v1/exports/measures.csv']['get']['parameters']['query']>;

type FieldsPath = paths['/api/v1/concept/fields'];
type GoalsPath = paths['/api/v1/concept/goals'];
export type FieldOption = FieldsPath['get']['responses'][200]['content']['application/json']['items'][number];
export type GoalOption = GoalsPath['get']['responses'][200]['content']['application/json']['items'][number];
type NeedsPath = paths['/api/v1/needs'];
type NeedPath = paths['/api/v1/needs/{need_id}'];
export type NeedOption = NeedsPath['get']['responses'][200]['content']['application/json']['items'][number];
export type SourceNeed = NeedPath['get']['responses'][200]['content']['application/json'];

/** The statuses in the order of their life cycle (list filters and board columns use it). */
export const MEASURE_STATUSES = [
  'idea',
  'planned',
  'in_progress',
  'completed',
  'paused',
  'discontinued',
] as const satisfies readonly MeasureStatus[];

/** A new measure starts as an idea or planned. */
export const CREATE_STATUSES = ['idea', 'planned'] as const satisfies readonly MeasureStatus[];

export const ORGANISATION_ROLES = ['lead', 'partner', 'funder'] as const satisfies readonly OrganisationRole[];

/** The moves the API allows from each status (api/measures/service.py TRANSITIONS). */
export const MEASURE_TRANSITIONS: Record<MeasureStatus, readonly MeasureStatus[]> = {
  idea: ['planned', 'discontinued'],
  planned: ['in_progress', 'paused', 'discontinued'],
  in_progress: ['completed', 'paused', 'discontinued'],
  paused: ['planned', 'in_progress', 'discontinued'],
  completed: [],
  discontinued: [],
};

/** Statuses that need a reason. */
export const REASON_REQUIRED: readonly MeasureStatus[] = ['paused', 'discontinued'];

/** The statuses a measure may move to from `current`. */
export function nextStatuses(current: MeasureStatus): MeasureStatus[] {
  return [...MEASURE_TRANSITIONS[current]];
}

export function isMeasureStatus(value: string): value is MeasureStatus {
  return (MEASURE_STATUSES as readonly string[]).includes(value);
}

export const MEASURE_PAGE_SIZE = 20;
/** The board shows at most this many measures (the API's largest page). */
export const BOARD_LIMIT = 200;

export const measureKeys = {
  all: ['measures'] as const,
  list: (params: MeasureListParams) => ['measures', 'list', params] as const,
  detail: (id: string) => ['measures', 'detail', id] as const,
};

const noFocusRefetch = { refetchOnWindowFocus: false, refetchOnReconnect: false } as const;

export function measuresListQuery(params: MeasureListParams) {
  return queryOptions({
    queryKey: measureKeys.list(params),
    queryFn: async ({ signal }): Promise<MeasurePage> =>
      unwrap(await api.GET('/api/v1/measures', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function measureQuery(id: string) {
  return queryOptions({
    queryKey: measureKeys.detail(id),
    queryFn: async ({ signal }) =>
      unwrapWithEtag(await api.GET('/api/v1/measures/{measure_id}', { params: { path: { measure_id: id } }, signal })),
    ...noFocusRefetch,
  });
}

export async function fetchLatestMeasure(id: string) {
  return unwrapWithEtag(await api.GET('/api/v1/measures/{measure_id}', { params: { path: { measure_id: id } } }));
}

/** Fields of action of the current concept edition (filters). */
export const fieldOptionsQuery = queryOptions({
  queryKey: ['measures', 'options', 'fields'],
  queryFn: async ({ signal }): Promise<FieldOption[]> =>
    unwrap(await api.GET('/api/v1/concept/fields', { params: { query: { limit: 200 } }, signal })).items,
  staleTime: 60_000,
  retry: false,
});

/** Goals of the current concept edition (filters and the goal picker). */
export const goalOptionsQuery = queryOptions({
  queryKey: ['measures', 'options', 'goals'],
  queryFn: async ({ signal }): Promise<GoalOption[]> =>
    unwrap(await api.GET('/api/v1/concept/goals', { params: { query: { limit: 200 } }, signal })).items,
  staleTime: 60_000,
  retry: false,
});

/** Needs of a body a measure may address (open or already addressed ones). */
export function bodyNeedsQuery(bodyId: string) {
  return queryOptions({
    queryKey: ['measures', 'options', 'needs', bodyId],
    queryFn: async ({ signal }): Promise<NeedOption[]> =>
      unwrap(
        await api.GET('/api/v1/needs', {
          params: { query: { body_id: bodyId, status: ['open', 'addressed'], limit: 200 } },
          signal,
        }),
      ).items,
    staleTime: 30_000,
  });
}

/** The need a new measure is created from (`/massnahmen/neu?bedarf=…`). */
export function sourceNeedQuery(id: string) {
  return queryOptions({
    queryKey: ['measures', 'source-need', id],
    queryFn: async ({ signal }): Promise<SourceNeed> =>
      unwrap(await api.GET('/api/v1/needs/{need_id}', { params: { path: { need_id: id } }, signal })),
    ...noFocusRefetch,
  });
}

/** The measure list as CSV or Excel with the list's filters (coordinators and admins). */
export async function fetchMeasuresExport(format: ExportFormat, filters: MeasureExportFilters) {
  const result =
    format === 'csv'
      ? await api.GET('/api/v1/exports/measures.csv', { params: { query: filters }, parseAs: 'blob' })
      : await api.GET('/api/v1/exports/measures.xlsx', { params: { query: filters }, parseAs: 'blob' });
  return toDownload(result as BlobResult, `Massnahmen.${format}`);
}

// ---------------------------------------------------------------- changes

/** Needs and agenda items show which measures address them: refresh those after a change. */
function useMeasureDone() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: ['measures', 'list'] });
    await queryClient.invalidateQueries({ queryKey: ['needs'] });
  };
}

export function useCreateMeasure() {
  const queryClient = useQueryClient();
  const done = useMeasureDone();
  return useMutation({
    mutationFn: async (body: MeasureCreate) => unwrapWithEtag(await api.POST('/api/v1/measures', { body })),
    onSuccess: async (result) => {
      queryClient.setQueryData(measureKeys.detail(result.data.id), result);
      await done();
    },
  });
}

export function useUpdateMeasure(id: string) {
  const queryClient = useQueryClient();
  const done = useMeasureDone();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: MeasureUpdate; etag: string }) =>
      unwrapWithEtag(
        await api.PATCH('/api/v1/measures/{measure_id}', {
          params: { path: { measure_id: id }, header: { 'If-Match': etag } },
          body,
        }),
      ),
    onSuccess: async (result) => {
      queryClient.setQueryData(measureKeys.detail(id), result);
      await done();
    },
  });
}

export function useChangeMeasureStatus(id: string) {
  const queryClient = useQueryClient();
  const done = useMeasureDone();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: MeasureStatusChange; etag: string }) =>
      unwrapWithEtag(
        await api.POST('/api/v1/measures/{measure_id}/status', {
          params: { path: { measure_id: id }, header: { 'If-Match': etag } },
          body,
        }),
      ),
    onSuccess: async (result) => {
      queryClient.setQueryData(measureKeys.detail(id), result);
      await done();
    },
  });
}

export function useDeleteMeasure(id: string) {
  const queryClient = useQueryClient();
  const done = useMeasureDone();
  return useMutation({
    mutationFn: async (etag: string) => {
      unwrap(
        await api.DELETE('/api/v1/measures/{measure_id}', {
          params: { path: { measure_id: id }, header: { 'If-Match': etag } },
        }),
      );
    },
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: measureKeys.detail(id) });
      await done();
    },
  });
}

/** If-Match of a milestone or indicator (its own version; the measure's ETag is not needed). */
const ifMatch = (version: number) => `"${version}"`;

/** Milestones and indicators are part of the measure's page: reload it after a change. */
function useChildDone(measureId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: measureKeys.detail(measureId) });
  };
}

export function useSaveMilestone(measureId: string) {
  const done = useChildDone(measureId);
  return useMutation({
    mutationFn: async ({ milestone, body }: { milestone: Milestone | null; body: MilestoneCreate }): Promise<Milestone> =>
      milestone
        ? unwrap(
            await api.PATCH('/api/v1/measures/{measure_id}/milestones/{milestone_id}', {
              params: {
                path: { measure_id: measureId, milestone_id: milestone.id },
                header: { 'If-Match': ifMatch(milestone.version) },
              },
              body,
            }),
          )
        : unwrap(
            await api.POST('/api/v1/measures/{measure_id}/milestones', {
              params: { path: { measure_id: measureId } },
              body,
            }),
          ),
    onSuccess: done,
  });
}

export function useDeleteMilestone(measureId: string) {
  const done = useChildDone(measureId);
  return useMutation({
    mutationFn: async (milestone: Milestone) => {
      unwrap(
        await api.DELETE('/api/v1/measures/{measure_id}/milestones/{milestone_id}', {
          params: {
            path: { measure_id: measureId, milestone_id: milestone.id },
            header: { 'If-Match': ifMatch(milestone.version) },
          },
        }),
      );
    },
    onSuccess: done,
  });
}

export function useSaveIndicator(measureId: string) {
  const done = useChildDone(measureId);
  return useMutation({
    mutationFn: async ({ indicator, body }: { indicator: Indicator | null; body: IndicatorCreate }): Promise<Indicator> =>
      indicator
        ? unwrap(
            await api.PATCH('/api/v1/measures/{measure_id}/indicators/{indicator_id}', {
              params: {
                path: { measure_id: measureId, indicator_id: indicator.id },
                header: { 'If-Match': ifMatch(indicator.version) },
              },
              body,
            }),
          )
        : unwrap(
            await api.POST('/api/v1/measures/{measure_id}/indicators', {
              params: { path: { measure_id: measureId } },
              body,
            }),
          ),
    onSuccess: done,
  });
}

export function useDeleteIndicator(measureId: string) {
  const done = useChildDone(measureId);
  return useMutation({
    mutationFn: async (indicator: Indicator) => {
      unwrap(
        await api.DELETE('/api/v1/measures/{measure_id}/indicators/{indicator_id}', {
          params: {
            path: { measure_id: measureId, indicator_id: indicator.id },
            header: { 'If-Match': ifMatch(indicator.version) },
          },
        }),
      );
    },
    onSuccess: done,
  });
}
