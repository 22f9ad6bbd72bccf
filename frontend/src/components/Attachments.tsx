import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '@/components/Notice';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Button, type Column, Dialog, Loader, Table, TextField } from '@/components/ui';
import { type Attachment, fetchAttachment } from '@/lib/api/attachments';
import { toProblem } from '@/lib/api/problem';
import { saveBlob } from '@/lib/download';
import { formatBytes, formatDateTime } from '@/lib/format';

/** A list query's state as the panel shows it (a TanStack query result fits). */
export interface AttachmentsState {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data?: Attachment[] | undefined;
}

/**
 * The files of a meeting or a submission: for editors an upload form (`fields` adds inputs of
 * the caller, e.g. the agenda item), then the table with download and, for editors, delete with a
 * confirmation. `upload` and `remove` do the requests (and refresh the list); the results are
 * announced in a focused status message.
 */
export function AttachmentsPanel({
  id,
  attachments,
  editable,
  caption,
  extraColumns = [],
  fields,
  upload,
  remove,
}: {
  /** Prefix of the element ids (several panels never share a page, but ids stay unique). */
  id: string;
  attachments: AttachmentsState;
  editable: boolean;
  /** The table's caption, for screen readers (the panel sits under a heading that names it). */
  caption: string;
  /** Columns shown after the size, e.g. the agenda item a meeting's file belongs to. */
  extraColumns?: Column<Attachment>[];
  fields?: ReactNode;
  upload: (file: File) => Promise<Attachment>;
  remove: (attachment: Attachment) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Attachment | null>(null);
  const [removing, setRemoving] = useState(false);
  const [removeError, setRemoveError] = useState<unknown>(null);

  const download = async (attachment: Attachment) => {
    setFailure(null);
    try {
      const file = await fetchAttachment(attachment);
      saveBlob(file.blob, file.fileName);
    } catch {
      setFailure(t('attachments.downloadFailed'));
    }
  };

  const onDelete = async () => {
    if (!deleting) return;
    const name = deleting.filename;
    setRemoving(true);
    setRemoveError(null);
    try {
      await remove(deleting);
      setNotice(t('attachments.deleted', { name }));
    } catch (caught) {
      setRemoveError(caught);
    } finally {
      setRemoving(false);
      setDeleting(null);
    }
  };

  const columns: Column<Attachment>[] = [
    { key: 'name', header: t('attachments.name'), rowHeader: true, cell: (a) => a.filename },
    { key: 'size', header: t('attachments.size'), numeric: true, cell: (a) => formatBytes(a.size) },
    ...extraColumns,
    { key: 'at', header: t('attachments.uploadedAt'), cell: (a) => formatDateTime(a.created_at) },
    {
      key: 'actions',
      header: t('attachments.actions'),
      cell: (a) => (
        <div className="app-inline-actions">
          <Button variant="secondary" aria-label={t('attachments.downloadFor', { name: a.filename })} onClick={() => void download(a)}>
            {t('attachments.download')}
          </Button>
          {editable && (
            <Button
              variant="secondary"
              icon="delete"
              aria-label={t('attachments.deleteFor', { name: a.filename })}
              onClick={() => {
                setNotice(null);
                setDeleting(a);
              }}
            >
              {t('attachments.delete')}
            </Button>
          )}
        </div>
      ),
    },
  ];

  return (
    <>
      <Notice message={notice} />
      {failure && <Alert variant="danger" title={failure} live="alert" />}
      {removeError !== null && <ProblemAlert error={removeError} />}
      {editable && (
        <UploadForm
          id={id}
          fields={fields}
          upload={upload}
          onDone={(message) => {
            setFailure(null);
            setRemoveError(null);
            setNotice(message);
          }}
        />
      )}
      {attachments.isPending && <Loader label={t('common.loading')} />}
      {attachments.isError && <ProblemAlert error={attachments.error} />}
      {attachments.data && (
        <div className="app-section">
          <Table caption={caption} captionHidden columns={columns} rows={attachments.data} rowKey={(a) => a.id} empty={t('attachments.empty')} />
        </div>
      )}
      <Dialog
        open={deleting !== null}
        role="alertdialog"
        title={t('attachments.deleteTitle')}
        onClose={() => setDeleting(null)}
        footer={
          <>
            <Button variant="secondary" onClick={() => setDeleting(null)}>
              {t('common.cancel')}
            </Button>
            <Button icon="delete" onClick={() => void onDelete()} disabled={removing}>
              {t('attachments.delete')}
            </Button>
          </>
        }
      >
        {deleting && <p className="kern-body">{t('attachments.deleteText', { name: deleting.filename })}</p>}
      </Dialog>
    </>
  );
}

function UploadForm({
  id,
  fields,
  upload,
  onDone,
}: {
  id: string;
  fields?: ReactNode;
  upload: (file: File) => Promise<Attachment>;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!file) {
      setError(t('attachments.chooseFile'));
      input.current?.focus();
      return;
    }
    setError(null);
    setPending(true);
    try {
      const saved = await upload(file);
      setFile(null);
      if (input.current) input.current.value = '';
      onDone(t('attachments.uploaded', { name: saved.filename }));
    } catch (caught) {
      const status = toProblem(caught).status;
      if (status === 413) setError(t('attachments.tooLarge'));
      else if (status === 415) setError(t('attachments.wrongType'));
      else setProblem(caught);
      input.current?.focus();
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="app-form" noValidate onSubmit={onSubmit} aria-labelledby={`${id}-upload`}>
      <h3 className="kern-heading-small" id={`${id}-upload`}>
        {t('attachments.upload')}
      </h3>
      {problem !== null && <ProblemAlert error={problem} />}
      <TextField
        ref={input}
        id={`${id}-file`}
        type="file"
        label={t('attachments.file')}
        hint={t('attachments.fileHint')}
        error={error}
        onChange={(e) => {
          setFile(e.target.files?.[0] ?? null);
          setError(null);
        }}
      />
      {fields}
      <div>
        <Button type="submit" disabled={pending}>
          {t('attachments.submit')}
        </Button>
      </div>
    </form>
  );
}
