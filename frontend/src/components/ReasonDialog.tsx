import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Button, Dialog, TextField } from '@/components/ui';
import { ApiError } from '@/lib/api/problem';
import { reasonError } from '@/lib/forms/reason';

/** True when the API rejected the reason itself (422 on the `reason` query or body field). */
export function rejectsReason(error: unknown): boolean {
  return error instanceof ApiError && error.problem.fieldErrors.some((f) => f.field === 'reason');
}

/**
 * Asks why personal data is exported before the download starts. `onSubmit`
 * gets the trimmed reason; when it throws, the error is shown in the dialog.
 */
export function ReasonDialog({
  id,
  title,
  intro,
  hint,
  submitLabel,
  onSubmit,
  onClose,
}: {
  id: string;
  title: string;
  intro: ReactNode;
  hint: string;
  submitLabel: string;
  onSubmit: (reason: string) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const problem = reasonError(reason);
    if (problem) {
      setFieldError(t(problem));
      input.current?.focus();
      return;
    }
    setPending(true);
    try {
      await onSubmit(reason.trim());
    } catch (caught) {
      if (rejectsReason(caught)) {
        setFieldError(t('directory.reason.rejected'));
        input.current?.focus();
      } else {
        setError(caught);
      }
    } finally {
      setPending(false);
    }
  };

  return (
    <Dialog
      open
      title={title}
      onClose={onClose}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" form={`${id}-form`} disabled={pending}>
            {pending ? t('directory.export.pending') : submitLabel}
          </Button>
        </>
      }
    >
      {error !== null && <ProblemAlert error={error} />}
      {intro}
      <form id={`${id}-form`} noValidate onSubmit={submit} className="app-form">
        <TextField
          ref={input}
          id={`${id}-reason`}
          label={t('directory.reason.label')}
          hint={hint}
          value={reason}
          maxLength={500}
          error={fieldError}
          onChange={(e) => {
            setReason(e.target.value);
            setFieldError(null);
          }}
          required
        />
      </form>
    </Dialog>
  );
}
