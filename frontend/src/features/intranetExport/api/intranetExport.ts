import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema.gen';
import { type BlobResult, type Download, toDownload } from '@/lib/download';
import { formatBytes, formatDateTime, formatNumber } from '@/lib/format';

export type IntranetSnapshot =
  paths['/api/v1/exports/intranet']['post']['responses'][201]['content']['application/json'];

/** What the screen shows of a finished export: when, how many files, how large (German formats). */
export interface SnapshotSummary {
  name: string;
  createdAt: string;
  files: string;
  size: string;
}

export function snapshotSummary(snapshot: IntranetSnapshot): SnapshotSummary {
  return {
    name: snapshot.name,
    createdAt: formatDateTime(snapshot.created_at),
    files: formatNumber(snapshot.files),
    size: formatBytes(snapshot.bytes),
  };
}

/** Runs a full intranet export now (409 while another one runs). */
export function useRunIntranetExport() {
  return useMutation({
    mutationFn: async (): Promise<IntranetSnapshot> => unwrap(await api.POST('/api/v1/exports/intranet')),
  });
}

/** The latest full snapshot as a ZIP (404 before the first export); the API records the download. */
export async function fetchLatestIntranetExport(): Promise<Download> {
  const result = await api.GET('/api/v1/exports/intranet/latest', { parseAs: 'blob' });
  return toDownload(result as BlobResult, 'intranet-export.zip');
}
