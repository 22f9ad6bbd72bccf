import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema.gen';
import { type BlobResult, type ExportFormat, toDownload } from '@/lib/download';
import { directoryKeys } from './directory';

/** The member filters an export takes (those of the list, without paging); `reason` is added on sending. */
export type MemberExportFilters = Omit<
  NonNullable<paths['/api/v1/exports/members.csv']['get']['parameters']['query']>,
  'reason'
>;
export type OrganisationExportFilters = NonNullable<
  paths['/api/v1/exports/organisations.csv']['get']['parameters']['query']
>;
export type ErasureResult =
  paths['/api/v1/privacy/members/{member_id}/erase']['post']['responses'][200]['content']['application/json'];

/** The member list as CSV or Excel, with the list's filters; the reason is logged by the API. */
export async function fetchMembersExport(format: ExportFormat, filters: MemberExportFilters, reason: string) {
  const query = { ...filters, reason };
  const result =
    format === 'csv'
      ? await api.GET('/api/v1/exports/members.csv', { params: { query }, parseAs: 'blob' })
      : await api.GET('/api/v1/exports/members.xlsx', { params: { query }, parseAs: 'blob' });
  return toDownload(result as BlobResult, `Mitglieder.${format}`);
}

/** The organisation list as CSV or Excel, with the list's filters. */
export async function fetchOrganisationsExport(format: ExportFormat, filters: OrganisationExportFilters) {
  const result =
    format === 'csv'
      ? await api.GET('/api/v1/exports/organisations.csv', { params: { query: filters }, parseAs: 'blob' })
      : await api.GET('/api/v1/exports/organisations.xlsx', { params: { query: filters }, parseAs: 'blob' });
  return toDownload(result as BlobResult, `Organisationen.${format}`);
}

/** Art. 15 DSGVO: everything held about a member, as the JSON file the API builds (admin only). */
export async function fetchMemberDataExport(memberId: string, reason: string) {
  const result = await api.GET('/api/v1/privacy/members/{member_id}/export', {
    params: { path: { member_id: memberId }, query: { reason } },
    parseAs: 'blob',
  });
  return toDownload(result as BlobResult, `Auskunft-Art15-${memberId}.json`);
}

/** Art. 17 DSGVO: erase a member's personal data (admin only, If-Match with the member's ETag). */
export function useEraseMember(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ etag, reason }: { etag: string; reason: string }): Promise<ErasureResult> =>
      unwrap(
        await api.POST('/api/v1/privacy/members/{member_id}/erase', {
          params: { path: { member_id: id }, header: { 'If-Match': etag } },
          body: { reason },
        }),
      ),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: directoryKeys.member(id) });
      await queryClient.invalidateQueries({ queryKey: directoryKeys.members });
      await queryClient.invalidateQueries({ queryKey: directoryKeys.memberships });
      await queryClient.invalidateQueries({ queryKey: directoryKeys.bodies });
    },
  });
}
