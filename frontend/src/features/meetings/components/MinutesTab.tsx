import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Button, Dialog, Loader, TextArea } from '@/components/ui';
import { isProblemKind } from '@/lib/api/problem';
import { saveBlob } from '@/lib/download';
import { formatDateTime } from '@/lib/format';
import { useFormErrors } from '@/lib/forms/useFormErrors';
import { type Meeting, fetchMinutesPdf, minutesQuery, useApproveMinutes, useSaveMinutes } from '../api/meetings';
import { Notice } from './shared';

export function MinutesTab({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const minutes = useQuery(minutesQuery(meeting.id));
  const save = useSaveMinutes(meeting.id);
  const approve = useApproveMinutes(meeting.id);
  const [draft, setDraft] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const [pdfFailed, setPdfFailed] = useState(false);
  const form = useFormErrors<'markdown'>({ markdown: 'markdown' }, () => t('meetings.minutes.editor'));

  if (minutes.isPending) return <Loader label={t('common.loading')} />;
  if (minutes.isError) return <ProblemAlert error={minutes.error} />;
  const data = minutes.data;
  const text = draft ?? data.markdown;
  const dirty = draft !== null && draft !== data.markdown;
  const writable = meeting.can_edit && (meeting.status === 'held' || meeting.status === 'minutes_approved');

  const onSave = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    setFailure(null);
    form.clear();
    try {
      await save.mutateAsync({ markdown: text, version: data.version });
      setDraft(null);
      setNotice(t('meetings.minutes.saved'));
    } catch (error) {
      if (!form.applyProblem(error)) setFailure(error);
      if (isProblemKind(error, 'precondition-failed')) await minutes.refetch();
    }
  };

  const onApprove = async () => {
    setNotice(null);
    setFailure(null);
    try {
      await approve.mutateAsync(data.version);
      setConfirming(false);
      setNotice(t('meetings.minutes.approved'));
    } catch (error) {
      setConfirming(false);
      setFailure(error);
    }
  };

  const downloadPdf = async () => {
    setPdfFailed(false);
    try {
      const file = await fetchMinutesPdf(meeting.id);
      saveBlob(file.blob, file.fileName);
    } catch {
      setPdfFailed(true);
    }
  };

  const approval = data.approved_at
    ? data.approved_by_name
      ? t('meetings.minutes.approvedBy', { name: data.approved_by_name, date: formatDateTime(data.approved_at) })
      : t('meetings.minutes.approvedAt', { date: formatDateTime(data.approved_at) })
    : data.drafted_at && data.drafted_by_name
      ? `${t('meetings.minutes.draft')} ${t('meetings.minutes.draftBy', { name: data.drafted_by_name, date: formatDateTime(data.drafted_at) })}`
      : t('meetings.minutes.draft');

  return (
    <section aria-labelledby="minutes-heading">
      <h2 className="kern-heading-medium" id="minutes-heading">
        {t('meetings.minutes.tab')}
      </h2>
      <Notice message={notice} />
      {failure !== null && <ProblemAlert error={failure} />}
      {pdfFailed && <Alert variant="danger" title={t('meetings.minutes.pdfFailed')} live="alert" />}
      {(meeting.status === 'planned' || meeting.status === 'invited') && (
        <p className="kern-body">{t('meetings.minutes.notYet')}</p>
      )}
      {data.markdown.trim() !== '' && (
        <p className="kern-body" id="minutes-approval">
          <strong>{approval}</strong>
        </p>
      )}
      <div className="app-minutes">
        {writable && (
          <form noValidate onSubmit={onSave} className="app-form">
            {meeting.status === 'minutes_approved' && <p className="kern-body">{t('meetings.minutes.editApprovedHint')}</p>}
            <TextArea
              id="minutes-markdown"
              label={t('meetings.minutes.editor')}
              hint={t('meetings.minutes.editorHint')}
              rows={16}
              value={text}
              error={form.errors.markdown}
              onChange={(e) => {
                setDraft(e.target.value);
                form.clearField('markdown');
              }}
            />
            <div className="app-inline-actions">
              <Button type="submit" disabled={save.isPending}>
                {t('meetings.minutes.save')}
              </Button>
              {meeting.status === 'held' && data.markdown.trim() !== '' && (
                <Button variant="secondary" disabled={dirty || approve.isPending} onClick={() => setConfirming(true)}>
                  {t('meetings.minutes.approve')}
                </Button>
              )}
            </div>
            {dirty && meeting.status === 'held' && data.markdown.trim() !== '' && (
              <p className="kern-body kern-body--small">{t('meetings.minutes.unsaved')}</p>
            )}
          </form>
        )}
        <section aria-labelledby="minutes-preview">
          <h3 className="kern-heading-small" id="minutes-preview">
            {t('meetings.minutes.preview')}
          </h3>
          {data.html.trim() === '' ? (
            <p className="kern-body">{t('meetings.minutes.previewEmpty')}</p>
          ) : (
            // The html is the server's rendering of the Markdown, sanitised there (allow-list).
            <div className="app-minutes__preview kern-body" dangerouslySetInnerHTML={{ __html: data.html }} />
          )}
        </section>
      </div>
      {data.markdown.trim() !== '' && (
        <p className="app-section">
          <Button variant="secondary" onClick={() => void downloadPdf()}>
            {t('meetings.minutes.pdf')}
          </Button>
        </p>
      )}
      <Dialog
        open={confirming}
        role="alertdialog"
        title={t('meetings.minutes.approveTitle')}
        onClose={() => setConfirming(false)}
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => void onApprove()} disabled={approve.isPending}>
              {t('meetings.minutes.approve')}
            </Button>
          </>
        }
      >
        <p className="kern-body">{t('meetings.minutes.approveText')}</p>
      </Dialog>
    </section>
  );
}
