/**
 * File downloads from the API: fetched with the bearer token (never a token in
 * a URL), then handed to the browser through a short-lived object URL.
 */
import { unwrap } from '@/lib/api/client';

/** The file name from a Content-Disposition header (RFC 6266), or `fallback`. */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // Malformed percent-encoding: fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*"([^"]+)"|filename\s*=\s*([^;]+)/i.exec(disposition);
  const name = (plain?.[1] ?? plain?.[2])?.trim();
  return name ? name : fallback;
}

/** Lets the browser save `blob` as `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** A downloaded file: its content and the name the server suggests. */
export interface Download {
  blob: Blob;
  fileName: string;
}

export type ExportFormat = 'csv' | 'xlsx';
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const satisfies readonly ExportFormat[];

/** An openapi-fetch result of a request made with `parseAs: 'blob'`. */
export type BlobResult = { data?: Blob; error?: unknown; response: Response };

/** The file of a blob request, named as the server suggests (else `fallback`); throws the problem of a failed one. */
export function toDownload(result: BlobResult, fallback: string): Download {
  const blob = unwrap(result);
  return { blob, fileName: fileNameFrom(result.response.headers.get('Content-Disposition'), fallback) };
}
