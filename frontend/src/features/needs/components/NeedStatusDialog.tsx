import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Button, Dialog, SelectField, TextArea } from '@/components/ui';
import { toProblem } from '@/lib/api/problem';
import { useServerFieldMessage } from '@/lib/forms/useFormErrors';
import { validateStatusNote } from '../api/needForm';
import { NOTE_REQUIRED, type Need, type NeedStatus, useChangeNeedStatus } from '../api/needs';

/** Moves a need to one of `targets` with a note (required for resolved and dismissed); If-Match. */
export function NeedStatusDialog({
  open,
  need,
  etag,
  targets,
  onClose,
  onDone,
}: {
  open: boolean;
  need: Need;
  etag: string | null;
  targets: NeedStatus[];
  onClose: () => void;
  onDone: (status: NeedStatus) => void;
}) {
  const { t } = useTranslation();
  const serverMessage = useServerFieldMessage();
  const change = useChangeNeedStatus(need.id);
  const [status, setStatus] = useState<NeedStatus | ''>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ status?: string; note?: string }>({});

  const close = () => {
    setStatus('');
    setNote('');
    setErrors({});
    change.reset();
    onClose();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    change.reset();
    const found = validateStatusNote(status, note);
    setErrors({
      ...(found.status ? { status: t(found.status) } : {}),
      ...(found.note ? { note: t(found.note) } : {}),
    });
    if (found.status || found.note || status === '') {
      document.getElementById(found.status ? 'need-status' : 'need-status-note')?.focus();
      return;
    }
    try {
      await change.mutateAsync({ body: { status, note: note.trim() }, etag: etag ?? '' });
      setStatus('');
      setNote('');
      onDone(status);
    } catch (caught) {
      const problem = toProblem(caught);
      const noteError = problem.fieldErrors.find((e) => e.field === 'note' || e.field === 'status');
      if (problem.kind === 'validation-error' && noteError) {
        const message = noteError.code === 'note_required' ? t('needs.validation.noteRequired') : serverMessage(noteError);
        setErrors(noteError.field === 'note' ? { note: message } : { status: message });
        document.getElementById(noteError.field === 'note' ? 'need-status-note' : 'need-status')?.focus();
      }
    }
  };

  const problem = change.isError ? toProblem(change.error) : null;
  const handledHere = problem?.kind === 'validation-error' && problem.fieldErrors.some((e) => e.field === 'note' || e.field === 'status');

  return (
    <Dialog
      open={open}
      title={t('needs.status.title')}
      onClose={close}
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" form="need-status-form" disabled={change.isPending}>
            {t('needs.status.submit')}
          </Button>
        </>
      }
    >
      {problem?.kind === 'conflict' && (
        <Alert variant="danger" title={t('needs.status.conflictTitle')} live="alert">
          <p className="kern-body">{t('needs.status.conflictText')}</p>
        </Alert>
      )}
      {problem?.kind === 'precondition-failed' && (
        <Alert variant="danger" title={t('needs.stale.title')} live="alert">
          <p className="kern-body">{t('needs.stale.text')}</p>
        </Alert>
      )}
      {problem?.kind === 'forbidden' && (
        <Alert variant="danger" title={t('needs.forbidden.title')} live="alert">
          <p className="kern-body">{t('needs.forbidden.text')}</p>
        </Alert>
      )}
      {problem && !handledHere && !['conflict', 'precondition-failed', 'forbidden'].includes(problem.kind) && (
        <ProblemAlert error={change.error} />
      )}
      <p className="kern-body">{t('needs.status.current', { status: t(`needs.statuses.${need.status}`) })}</p>
      <form id="need-status-form" noValidate onSubmit={onSubmit} className="app-form" aria-label={t('needs.status.title')}>
        <SelectField
          id="need-status"
          label={t('needs.status.newStatus')}
          value={status}
          error={errors.status}
          required
          onChange={(e) => {
            setStatus(e.target.value as NeedStatus | '');
            setErrors((current) => ({ ...current, status: undefined }));
          }}
          options={[
            { value: '', label: t('needs.status.choose') },
            ...targets.map((s) => ({ value: s, label: t(`needs.statuses.${s}`) })),
          ]}
        />
        <TextArea
          id="need-status-note"
          label={t('needs.fields.statusNote')}
          hint={t('needs.status.noteHint')}
          optional={status === '' || !NOTE_REQUIRED.includes(status)}
          required={status !== '' && NOTE_REQUIRED.includes(status)}
          value={note}
          error={errors.note}
          onChange={(e) => {
            setNote(e.target.value);
            setErrors((current) => ({ ...current, note: undefined }));
          }}
        />
      </form>
    </Dialog>
  );
}
