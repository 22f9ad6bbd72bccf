import { queryOptions } from '@tanstack/react-query';
import { type Schemas, api, unwrap } from '@/lib/api/client';
import { type BlobResult, type Download, type ExportFormat, toDownload } from '@/lib/download';

export type Registration = Schemas['RegistrationRead'];
export type RegistrationList = Schemas['RegistrationList'];

export const registrationKeys = {
  meeting: (id: string) => ['registrations', 'meeting', id] as const,
  list: (id: string) => ['registrations', 'list', id] as const,
};

/** The meeting whose registrations are shown (title, date). */
export const meetingQuery = (id: string) =>
  queryOptions({
    queryKey: registrationKeys.meeting(id),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/meetings/{meeting_id}', { params: { path: { meeting_id: id } }, signal })),
  });

/** Confirmed, then the waiting list in order, then cancelled; with the counts (admin, coordinator). */
export const registrationsQuery = (id: string) =>
  queryOptions({
    queryKey: registrationKeys.list(id),
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/api/v1/meetings/{meeting_id}/registrations', { params: { path: { meeting_id: id } }, signal }),
      ),
  });

/** The places still free, or null for a meeting without a capacity. */
export function placesLeft(list: Pick<RegistrationList, 'capacity' | 'confirmed'>): number | null {
  return list.capacity === null ? null : Math.max(0, list.capacity - list.confirmed);
}

/** The registrations as CSV or Excel; the reason is logged by the API. */
export async function fetchRegistrationsExport(meetingId: string, format: ExportFormat, reason: string): Promise<Download> {
  const params = { path: { meeting_id: meetingId }, query: { reason } };
  const result =
    format === 'csv'
      ? await api.GET('/api/v1/meetings/{meeting_id}/registrations.csv', { params, parseAs: 'blob' })
      : await api.GET('/api/v1/meetings/{meeting_id}/registrations.xlsx', { params, parseAs: 'blob' });
  return toDownload(result as BlobResult, `Anmeldungen.${format}`);
}
