import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Button, type Column, Dialog, Loader, SelectField, Table, TextField } from '@/components/ui';
import { toProblem } from '@/lib/api/problem';
import { saveBlob } from '@/lib/download';
import { formatDateTime } from '@/lib/format';
import {
  type Attachment,
  type Meeting,
  agendaQuery,
  attachmentsQuery,
  fetchAttachment,
  useDeleteAttachment,
  useUploadAttachment,
} from '../api/meetings';
import { Notice, formatBytes } from './shared';

export function AttachmentsTab({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const attachments = useQuery(attachmentsQuery(meeting.id));
  const agenda = useQuery(agendaQuery(meeting.id));
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Attachment | null>(null);
  const remove = useDeleteAttachment(meeting.id);
  const editable = meeting.can_edit && meeting.status !== 'cancelled';
  const topOf = new Map((agenda.data ?? []).map((item) => [item.id, item]));

  const download = async (attachment: Attachment) => {
    setFailure(null);
    try {
      const file = await fetchAttachment(attachment);
      saveBlob(file.blob, file.fileName);
    } catch {
      setFailure(t('meetings.attachments.downloadFailed'));
    }
  };

  const columns: Column<Attachment>[] = [
    { key: 'name', header: t('meetings.attachments.name'), rowHeader: true, cell: (a) => a.filename },
    { key: 'size', header: t('meetings.attachments.size'), numeric: true, cell: (a) => formatBytes(a.size) },
    {
      key: 'belongs',
      header: t('meetings.attachments.belongsTo'),
      cell: (a) => {
        const item = a.agenda_item_id ? topOf.get(a.agenda_item_id) : undefined;
        return item ? `${t('meetings.attachments.topLabel', { number: item.number })} ${item.title}` : t('meetings.attachments.wholeMeeting');
      },
    },
    { key: 'at', header: t('meetings.attachments.uploadedAt'), cell: (a) => formatDateTime(a.created_at) },
    {
      key: 'actions',
      header: t('meetings.attachments.actions'),
      cell: (a) => (
        <div className="app-inline-actions">
          <Button variant="secondary" aria-label={t('meetings.attachments.downloadFor', { name: a.filename })} onClick={() => void download(a)}>
            {t('meetings.attachments.download')}
          </Button>
          {editable && (
            <Button
              variant="secondary"
              icon="delete"
              aria-label={t('meetings.attachments.deleteFor', { name: a.filename })}
              onClick={() => setDeleting(a)}
            >
              {t('meetings.attachments.delete')}
            </Button>
          )}
        </div>
      ),
    },
  ];

  const onDelete = async () => {
    if (!deleting) return;
    const name = deleting.filename;
    try {
      await remove.mutateAsync(deleting);
      setDeleting(null);
      setNotice(t('meetings.attachments.deleted', { name }));
    } catch {
      setDeleting(null);
    }
  };

  return (
    <section aria-labelledby="attachments-heading">
      <h2 className="kern-heading-medium" id="attachments-heading">
        {t('meetings.attachments.tab')}
      </h2>
      <Notice message={notice} />
      {failure && <Alert variant="danger" title={failure} live="alert" />}
      {remove.isError && <ProblemAlert error={remove.error} />}
      {editable && (
        <UploadForm
          meeting={meeting}
          agendaItems={agenda.data ?? []}
          onDone={(message) => {
            setFailure(null);
            setNotice(message);
          }}
        />
      )}
      {attachments.isPending && <Loader label={t('common.loading')} />}
      {attachments.isError && <ProblemAlert error={attachments.error} />}
      {attachments.data && (
        <div className="app-section">
          <Table
            caption={t('meetings.attachments.caption')}
            columns={columns}
            rows={attachments.data}
            rowKey={(a) => a.id}
            empty={t('meetings.attachments.empty')}
          />
        </div>
      )}
      <Dialog
        open={deleting !== null}
        role="alertdialog"
        title={t('meetings.attachments.deleteTitle')}
        onClose={() => setDeleting(null)}
        footer={
          <>
            <Button variant="secondary" onClick={() => setDeleting(null)}>
              {t('common.cancel')}
            </Button>
            <Button icon="delete" onClick={() => void onDelete()} disabled={remove.isPending}>
              {t('meetings.attachments.delete')}
            </Button>
          </>
        }
      >
        {deleting && <p className="kern-body">{t('meetings.attachments.deleteText', { name: deleting.filename })}</p>}
      </Dialog>
    </section>
  );
}

function UploadForm({
  meeting,
  agendaItems,
  onDone,
}: {
  meeting: Meeting;
  agendaItems: { id: string; number: string; title: string }[];
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const upload = useUploadAttachment(meeting.id);
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [agendaItem, setAgendaItem] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!file) {
      setError(t('meetings.attachments.chooseFile'));
      input.current?.focus();
      return;
    }
    setError(null);
    try {
      const saved = await upload.mutateAsync({ file, agendaItemId: agendaItem || null });
      setFile(null);
      if (input.current) input.current.value = '';
      onDone(t('meetings.attachments.uploaded', { name: saved.filename }));
    } catch (caught) {
      const status = toProblem(caught).status;
      if (status === 413) setError(t('meetings.attachments.tooLarge'));
      else if (status === 415) setError(t('meetings.attachments.wrongType'));
      else setProblem(caught);
      input.current?.focus();
    }
  };

  return (
    <form className="app-form" noValidate onSubmit={onSubmit} aria-labelledby="attachments-upload">
      <h3 className="kern-heading-small" id="attachments-upload">
        {t('meetings.attachments.upload')}
      </h3>
      {problem !== null && <ProblemAlert error={problem} />}
      <TextField
        ref={input}
        id="attachment-file"
        type="file"
        label={t('meetings.attachments.file')}
        hint={t('meetings.attachments.fileHint')}
        error={error}
        onChange={(e) => {
          setFile(e.target.files?.[0] ?? null);
          setError(null);
        }}
      />
      <SelectField
        id="attachment-agenda-item"
        label={t('meetings.attachments.agendaItem')}
        value={agendaItem}
        onChange={(e) => setAgendaItem(e.target.value)}
        options={[
          { value: '', label: t('meetings.attachments.wholeMeeting') },
          ...agendaItems.map((item) => ({
            value: item.id,
            label: `${t('meetings.attachments.topLabel', { number: item.number })} ${item.title}`,
          })),
        ]}
      />
      <div>
        <Button type="submit" disabled={upload.isPending}>
          {t('meetings.attachments.submit')}
        </Button>
      </div>
    </form>
  );
}
