import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Button, Dialog, SelectField, TextArea } from '@/components/ui';
import { type FieldProblem, toProblem } from '@/lib/api/problem';
import { useServerFieldMessage } from '@/lib/forms/useFormErrors';

/** The (already translated) texts of a status-change dialog. */
export interface StatusChangeTexts {
  title: string;
  submit: string;
  current: string;
  newStatus: string;
  choose: string;
  textLabel: string;
  textHint: string;
  conflictTitle: string;
  conflictText: string;
  staleTitle: string;
  staleText: string;
  forbiddenTitle: string;
  forbiddenText: string;
}

/**
 * Moves an object to one of `targets` with a free text (a note or reason) that
 * some targets require. `validate` returns translation keys for the status and
 * text fields; `submit` sends the change (If-Match is the caller's business).
 * A 422 on `textField` or `status` lands at that field; 409, 412 and 403 get
 * their own explanation, anything else the generic problem alert.
 */
export function StatusChangeDialog<S extends string>({
  open,
  ids,
  texts,
  targets,
  statusLabel,
  textField,
  textRequired,
  textRows,
  validate,
  serverTextMessage,
  statusHint,
  submit,
  onClose,
  onDone,
}: {
  open: boolean;
  /** Element ids of the form, the status select and the text area. */
  ids: { form: string; status: string; text: string };
  texts: StatusChangeTexts;
  targets: S[];
  statusLabel: (status: S) => string;
  /** The API field name of the free text (e.g. `note`, `reason`). */
  textField: string;
  textRequired: (status: S) => boolean;
  textRows?: number;
  validate: (status: S | '', text: string) => { status?: string; text?: string };
  /** A German message for a server error on the text or status field; `null` uses the server's message. */
  serverTextMessage: (error: FieldProblem) => string | null;
  statusHint?: (status: S | '') => ReactNode;
  submit: (status: S, text: string) => Promise<unknown>;
  onClose: () => void;
  onDone: (status: S) => void;
}) {
  const { t } = useTranslation();
  const serverMessage = useServerFieldMessage();
  const [status, setStatus] = useState<S | ''>('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<{ status?: string; text?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const required = status !== '' && textRequired(status);

  const close = () => {
    setStatus('');
    setText('');
    setErrors({});
    setError(null);
    onClose();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const found = validate(status, text);
    setErrors({
      ...(found.status ? { status: t(found.status) } : {}),
      ...(found.text ? { text: t(found.text) } : {}),
    });
    if (found.status || found.text || status === '') {
      document.getElementById(found.status ? ids.status : ids.text)?.focus();
      return;
    }
    setPending(true);
    try {
      await submit(status, text.trim());
      setStatus('');
      setText('');
      onDone(status);
    } catch (caught) {
      setError(caught);
      const problem = toProblem(caught);
      const fieldError = problem.fieldErrors.find((e) => e.field === textField || e.field === 'status');
      if (problem.kind === 'validation-error' && fieldError) {
        const message = serverTextMessage(fieldError) ?? serverMessage(fieldError);
        setErrors(fieldError.field === textField ? { text: message } : { status: message });
        document.getElementById(fieldError.field === textField ? ids.text : ids.status)?.focus();
      }
    } finally {
      setPending(false);
    }
  };

  const problem = error !== null ? toProblem(error) : null;
  const handledHere =
    problem?.kind === 'validation-error' && problem.fieldErrors.some((e) => e.field === textField || e.field === 'status');

  return (
    <Dialog
      open={open}
      title={texts.title}
      onClose={close}
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" form={ids.form} disabled={pending}>
            {texts.submit}
          </Button>
        </>
      }
    >
      {problem?.kind === 'conflict' && (
        <Alert variant="danger" title={texts.conflictTitle} live="alert">
          <p className="kern-body">{texts.conflictText}</p>
        </Alert>
      )}
      {problem?.kind === 'precondition-failed' && (
        <Alert variant="danger" title={texts.staleTitle} live="alert">
          <p className="kern-body">{texts.staleText}</p>
        </Alert>
      )}
      {problem?.kind === 'forbidden' && (
        <Alert variant="danger" title={texts.forbiddenTitle} live="alert">
          <p className="kern-body">{texts.forbiddenText}</p>
        </Alert>
      )}
      {problem && !handledHere && !['conflict', 'precondition-failed', 'forbidden'].includes(problem.kind) && (
        <ProblemAlert error={error} />
      )}
      <p className="kern-body">{texts.current}</p>
      <form id={ids.form} noValidate onSubmit={onSubmit} className="app-form" aria-label={texts.title}>
        <SelectField
          id={ids.status}
          label={texts.newStatus}
          value={status}
          error={errors.status}
          required
          onChange={(e) => {
            setStatus(e.target.value as S | '');
            setErrors((current) => ({ ...current, status: undefined }));
          }}
          options={[{ value: '', label: texts.choose }, ...targets.map((s) => ({ value: s, label: statusLabel(s) }))]}
        />
        {statusHint?.(status)}
        <TextArea
          id={ids.text}
          label={texts.textLabel}
          hint={texts.textHint}
          optional={!required}
          required={required}
          rows={textRows}
          value={text}
          error={errors.text}
          onChange={(e) => {
            setText(e.target.value);
            setErrors((current) => ({ ...current, text: undefined }));
          }}
        />
      </form>
    </Dialog>
  );
}
