import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { ReasonDialog } from '@/components/ReasonDialog';
import { Alert, Button } from '@/components/ui';
import { type Download, EXPORT_FORMATS, type ExportFormat, saveBlob } from '@/lib/download';

/** A section with one download button per format (by default CSV and Excel). */
export function ExportBar<F extends string = ExportFormat>({
  id,
  label,
  note,
  pending,
  error,
  onExport,
  formats = EXPORT_FORMATS as unknown as readonly F[],
  formatLabel,
  children,
}: {
  id: string;
  label: string;
  note?: ReactNode;
  pending: F | null;
  error: unknown;
  onExport: (format: F) => void;
  formats?: readonly F[];
  /** The button text of a format; default the CSV/Excel texts. */
  formatLabel?: (format: F) => string;
  /** Shown above the buttons, e.g. the confirmation of the last download. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section className="app-section" aria-labelledby={`${id}-heading`}>
      <h2 className="kern-heading-small" id={`${id}-heading`}>
        {label}
      </h2>
      {note && <p className="kern-body">{note}</p>}
      {children}
      {error !== null && <ProblemAlert error={error} />}
      <div className="kern-flex kern-flex-wrap kern-gap-md">
        {formats.map((format) => (
          <Button key={format} variant="secondary" disabled={pending !== null} onClick={() => onExport(format)}>
            {pending === format
              ? t('directory.export.pending')
              : (formatLabel?.(format) ?? t(`directory.export.${format as ExportFormat}`))}
          </Button>
        ))}
      </div>
    </section>
  );
}

/** Documents (e.g. PDF and Word) fetched with the token and saved, the last one announced. */
export function DocumentDownloads<F extends string>({
  id,
  label,
  note,
  formats,
  formatLabel,
  fetchFile,
}: {
  id: string;
  label: string;
  note?: ReactNode;
  formats: readonly F[];
  formatLabel: (format: F) => string;
  fetchFile: (format: F) => Promise<Download>;
}) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<F | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const download = async (format: F) => {
    setPending(format);
    setSaved(null);
    setError(null);
    try {
      const file = await fetchFile(format);
      saveBlob(file.blob, file.fileName);
      setSaved(file.fileName);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(null);
    }
  };

  return (
    <ExportBar
      id={id}
      label={label}
      note={note}
      pending={pending}
      error={error}
      formats={formats}
      formatLabel={formatLabel}
      onExport={(format) => void download(format)}
    >
      {saved && <Alert variant="success" title={t('directory.export.saved', { file: saved })} live="status" />}
    </ExportBar>
  );
}

/**
 * CSV and Excel download of personal data: asks for the reason the API logs,
 * then saves the file and announces it.
 */
export function ReasonExport({
  id,
  label,
  note,
  dialogTitle,
  loggedText,
  hint,
  fetchFile,
}: {
  id: string;
  label: string;
  note?: ReactNode;
  dialogTitle: (format: ExportFormat) => string;
  /** What the log records (shown in the dialog). */
  loggedText: string;
  hint: string;
  fetchFile: (format: ExportFormat, reason: string) => Promise<Download>;
}) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<ExportFormat | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const download = async (chosen: ExportFormat, reason: string) => {
    const file = await fetchFile(chosen, reason);
    saveBlob(file.blob, file.fileName);
    setFormat(null);
    setSaved(file.fileName);
  };

  return (
    <>
      {saved && <Alert variant="success" title={t('directory.export.saved', { file: saved })} live="status" />}
      <ExportBar<ExportFormat>
        id={id}
        label={label}
        note={note}
        pending={null}
        error={null}
        onExport={(chosen) => {
          setSaved(null);
          setFormat(chosen);
        }}
      />
      {format && (
        <ReasonDialog
          id={id}
          title={dialogTitle(format)}
          intro={
            <Alert variant="info" title={t('directory.export.loggedTitle')}>
              <p className="kern-body">{loggedText}</p>
            </Alert>
          }
          hint={hint}
          submitLabel={t('directory.export.submit')}
          onSubmit={(reason) => download(format, reason)}
          onClose={() => setFormat(null)}
        />
      )}
    </>
  );
}
