import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { ReasonDialog } from '@/components/ReasonDialog';
import { Alert, Button } from '@/components/ui';
import { type Download, EXPORT_FORMATS, type ExportFormat, saveBlob } from '@/lib/download';

/** A section with one download button per format (CSV, Excel). */
export function ExportBar({
  id,
  label,
  note,
  pending,
  error,
  onExport,
}: {
  id: string;
  label: string;
  note?: ReactNode;
  pending: ExportFormat | null;
  error: unknown;
  onExport: (format: ExportFormat) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="app-section" aria-labelledby={`${id}-heading`}>
      <h2 className="kern-heading-small" id={`${id}-heading`}>
        {label}
      </h2>
      {note && <p className="kern-body">{note}</p>}
      {error !== null && <ProblemAlert error={error} />}
      <div className="kern-flex kern-flex-wrap kern-gap-md">
        {EXPORT_FORMATS.map((format) => (
          <Button key={format} variant="secondary" disabled={pending !== null} onClick={() => onExport(format)}>
            {pending === format ? t('directory.export.pending') : t(`directory.export.${format}`)}
          </Button>
        ))}
      </div>
    </section>
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
      <ExportBar
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
