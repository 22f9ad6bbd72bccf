import { type FormEvent, type RefObject, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Button, FieldError } from '@/components/ui';

/** The upload mutation of an import: a file, dry run or real run, and the report it answers with. */
interface ImportMutation<R> {
  mutateAsync: (variables: { file: File; dryRun: boolean }) => Promise<R>;
  reset: () => void;
  isPending: boolean;
  isError: boolean;
  error: unknown;
}

/** The state of an import page: the chosen file, its error, and the last report. */
export function useImportUpload<R>(run: ImportMutation<R>) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [report, setReport] = useState<R | null>(null);

  /** Uploads the file (dry run or for real); without a file, asks for one at the field. */
  const send = async (dryRun: boolean) => {
    if (!file) {
      setFileError(t('imports.chooseFile'));
      input.current?.focus();
      return;
    }
    try {
      setReport(await run.mutateAsync({ file, dryRun }));
    } catch {
      setReport(null);
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send(true);
  };
  const choose = (chosen: File | null) => {
    setFile(chosen);
    setFileError(null);
    setReport(null);
    run.reset();
  };
  return { input, fileError, report, send, onSubmit, choose };
}

/** The upload form of an import page: the file field, "Prüfen" (the dry run) and the way back. */
export function ImportUploadForm({
  idPrefix,
  title,
  fileHint,
  backTo,
  backLabel,
  run,
  upload,
}: {
  /** Prefix of the element ids (`<prefix>-file`, `-file-hint`, `-file-error`). */
  idPrefix: string;
  title: string;
  fileHint: string;
  backTo: string;
  backLabel: string;
  run: { isPending: boolean; isError: boolean; error: unknown };
  upload: {
    input: RefObject<HTMLInputElement | null>;
    fileError: string | null;
    onSubmit: (event: FormEvent) => void;
    choose: (file: File | null) => void;
  };
}) {
  const { t } = useTranslation();
  const { input, fileError, onSubmit, choose } = upload;
  const fileId = `${idPrefix}-file`;
  return (
    <div className="app-narrow">
      {run.isError && <ProblemAlert error={run.error} />}
      <form noValidate onSubmit={onSubmit} className="app-form" aria-label={title}>
        <div className={fileError ? 'kern-form-input kern-form-input--error' : 'kern-form-input'}>
          <label className="kern-label" htmlFor={fileId}>
            {t('imports.file')}
          </label>
          <div className="kern-hint" id={`${fileId}-hint`}>
            {fileHint}
          </div>
          <input
            ref={input}
            id={fileId}
            type="file"
            className="kern-form-input__input"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={fileError ? `${fileId}-hint ${fileId}-error` : `${fileId}-hint`}
            aria-invalid={fileError ? true : undefined}
            onChange={(e) => choose(e.target.files?.[0] ?? null)}
          />
          {fileError && <FieldError id={`${fileId}-error`} message={fileError} />}
        </div>
        <div className="kern-flex kern-flex-wrap kern-gap-md">
          <Button type="submit" variant="primary" disabled={run.isPending}>
            {t('imports.check')}
          </Button>
          <Link className="kern-btn kern-btn--secondary" to={backTo}>
            <span className="kern-label">{backLabel}</span>
          </Link>
        </div>
      </form>
    </div>
  );
}
