import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Button, Dialog, SelectField, TextArea } from '@/components/ui';
import { toProblem } from '@/lib/api/problem';
import { useServerFieldMessage } from '@/lib/forms/useFormErrors';
import { validateStatusChange } from '../api/measureForm';
import { type Measure, type MeasureStatus, REASON_REQUIRED, nextStatuses, useChangeMeasureStatus } from '../api/measures';

/** Moves a measure to one of the statuses the status machine allows; a reason for paused and discontinued. */
export function MeasureStatusDialog({
  open,
  measure,
  etag,
  onClose,
  onDone,
}: {
  open: boolean;
  measure: Measure;
  etag: string | null;
  onClose: () => void;
  onDone: (status: MeasureStatus) => void;
}) {
  const { t } = useTranslation();
  const serverMessage = useServerFieldMessage();
  const change = useChangeMeasureStatus(measure.id);
  const targets = nextStatuses(measure.status);
  const [status, setStatus] = useState<MeasureStatus | ''>('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ status?: string; reason?: string }>({});
  const reasonRequired = status !== '' && REASON_REQUIRED.includes(status);

  const close = () => {
    setStatus('');
    setReason('');
    setErrors({});
    change.reset();
    onClose();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    change.reset();
    const found = validateStatusChange(status, reason);
    setErrors({
      ...(found.status ? { status: t(found.status) } : {}),
      ...(found.reason ? { reason: t(found.reason) } : {}),
    });
    if (found.status || found.reason || status === '') {
      document.getElementById(found.status ? 'measure-status-new' : 'measure-status-reason')?.focus();
      return;
    }
    try {
      await change.mutateAsync({ body: { status, reason: reason.trim() }, etag: etag ?? '' });
      setStatus('');
      setReason('');
      onDone(status);
    } catch (caught) {
      const problem = toProblem(caught);
      const fieldError = problem.fieldErrors.find((e) => e.field === 'reason' || e.field === 'status');
      if (problem.kind === 'validation-error' && fieldError) {
        const message = fieldError.field === 'reason' ? t('measures.validation.reasonRequired') : serverMessage(fieldError);
        setErrors(fieldError.field === 'reason' ? { reason: message } : { status: message });
        document.getElementById(fieldError.field === 'reason' ? 'measure-status-reason' : 'measure-status-new')?.focus();
      }
    }
  };

  const problem = change.isError ? toProblem(change.error) : null;
  const handledHere =
    problem?.kind === 'validation-error' && problem.fieldErrors.some((e) => e.field === 'reason' || e.field === 'status');
  const currentLabel = t(`measures.statuses.${measure.status}`);
  const allowed = targets.map((s) => `„${t(`measures.statuses.${s}`)}“`).join(', ') || t('measures.status.conflictNone');

  return (
    <Dialog
      open={open}
      title={t('measures.status.title')}
      onClose={close}
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" form="measure-status-form" disabled={change.isPending}>
            {t('measures.status.submit')}
          </Button>
        </>
      }
    >
      {problem?.kind === 'conflict' && (
        <Alert variant="danger" title={t('measures.status.conflictTitle')} live="alert">
          <p className="kern-body">{t('measures.status.conflictText', { status: currentLabel, allowed })}</p>
        </Alert>
      )}
      {problem?.kind === 'precondition-failed' && (
        <Alert variant="danger" title={t('measures.stale.title')} live="alert">
          <p className="kern-body">{t('measures.stale.text')}</p>
        </Alert>
      )}
      {problem?.kind === 'forbidden' && (
        <Alert variant="danger" title={t('measures.forbidden.title')} live="alert">
          <p className="kern-body">{t('measures.forbidden.text')}</p>
        </Alert>
      )}
      {problem && !handledHere && !['conflict', 'precondition-failed', 'forbidden'].includes(problem.kind) && (
        <ProblemAlert error={change.error} />
      )}
      <p className="kern-body">{t('measures.status.current', { status: currentLabel })}</p>
      <form id="measure-status-form" noValidate onSubmit={onSubmit} className="app-form" aria-label={t('measures.status.title')}>
        <SelectField
          id="measure-status-new"
          label={t('measures.status.newStatus')}
          value={status}
          error={errors.status}
          required
          onChange={(e) => {
            setStatus(e.target.value as MeasureStatus | '');
            setErrors((current) => ({ ...current, status: undefined }));
          }}
          options={[
            { value: '', label: t('measures.status.choose') },
            ...targets.map((s) => ({ value: s, label: t(`measures.statuses.${s}`) })),
          ]}
        />
        {status === 'completed' && <p className="kern-body">{t('measures.status.completedHint')}</p>}
        <TextArea
          id="measure-status-reason"
          label={t('measures.status.reason')}
          hint={t('measures.status.reasonHint')}
          optional={!reasonRequired}
          required={reasonRequired}
          rows={3}
          value={reason}
          error={errors.reason}
          onChange={(e) => {
            setReason(e.target.value);
            setErrors((current) => ({ ...current, reason: undefined }));
          }}
        />
      </form>
    </Dialog>
  );
}
