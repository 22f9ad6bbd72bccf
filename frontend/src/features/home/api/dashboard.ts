import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema.gen';

export type Dashboard = components['schemas']['Dashboard'];
export type MeasureStatus = Dashboard['measure_statuses'][number];
export type BodyMeasures = Dashboard['measures_by_body'][number];
export type FieldMeasures = Dashboard['measures_by_field'][number];
export type BodyOpenNeeds = Dashboard['open_needs_by_body'][number];
export type QuarterProgress = Dashboard['progress_over_time'][number];
export type UpcomingMeeting = Dashboard['upcoming_meetings'][number];
export type GoalWithoutMeasures = Dashboard['goals_without_measures'][number];
export type RecentMilestone = Dashboard['recent_milestones'][number];

/** The dashboard figures; refreshed when the start page is visited again after a minute. */
export const dashboardQuery = queryOptions({
  queryKey: ['dashboard'],
  queryFn: async ({ signal }): Promise<Dashboard> => unwrap(await api.GET('/api/v1/dashboard', { signal })),
  staleTime: 60_000,
});
