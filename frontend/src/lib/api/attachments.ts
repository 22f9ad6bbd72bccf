/** The attachment calls that do not depend on what a file is attached to (a meeting or a submission). */
import { type BlobResult, type Download, toDownload } from '@/lib/download';
import { api, type Schemas, unwrap } from './client';

export type Attachment = Schemas['AttachmentRead'];

/** The file itself, named as uploaded. */
export async function fetchAttachment(attachment: Attachment): Promise<Download> {
  const result = await api.GET('/api/v1/attachments/{attachment_id}/content', {
    params: { path: { attachment_id: attachment.id } },
    parseAs: 'blob',
  });
  return toDownload(result as BlobResult, attachment.filename);
}

/** Deletes a file with If-Match on its version (the API's ETag is the quoted version). */
export async function deleteAttachment(attachment: Attachment): Promise<void> {
  unwrap(
    await api.DELETE('/api/v1/attachments/{attachment_id}', {
      params: { path: { attachment_id: attachment.id } },
      headers: { 'If-Match': `"${attachment.version}"` },
    }),
  );
}

/** A multipart body with the one `file` field; openapi-fetch sends FormData as it is. */
export function fileForm(file: File, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}
