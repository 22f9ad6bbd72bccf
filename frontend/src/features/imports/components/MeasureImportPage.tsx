import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, type AlertVariant, Button, type Column, FieldError, Table } from '@/components/ui';
import {
  type MeasureImportOutcome,
  type MeasureImportReport,
  type MeasureReportLine,
  canImportMeasures,
  measureImportOutcome,
  measureReportLines,
  useImportMeasures,
} from '../api/measureImport';
import '../i18n'; // registers this feature's texts

const VARIANTS: Record<MeasureImportOutcome, AlertVariant> = {
  errors: 'danger',
  nothingToDo: 'info',
  ready: 'success',
  written: 'success',
};

/**
 * Import the measures list (CSV/XLSX, the columns of the export): a dry run
 * reports every problem by row and column; "Importieren" appears only when
 * the dry run found none — the import is all or nothing.
 */
export function MeasureImportPage() {
  const { t } = useTranslation();
  const run = useImportMeasures();
  const input = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [report, setReport] = useState<MeasureImportReport | null>(null);

  // A new report moves the focus to its heading, so it is announced and read next.
  useEffect(() => {
    if (report) heading.current?.focus();
  }, [report]);

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

  const columns: Column<MeasureReportLine>[] = [
    { key: 'row', header: t('imports.row'), rowHeader: true, numeric: true, cell: (l) => l.row },
    {
      key: 'reference',
      header: t('imports.measures.reference'),
      cell: (l) => (l.reference && l.measureId ? <Link className="kern-link" to={`/massnahmen/${l.measureId}`}>{l.reference}</Link> : (l.reference ?? t('imports.measures.newMeasure'))),
    },
    { key: 'action', header: t('imports.result'), cell: (l) => t(`imports.measures.actions.${l.action}`) },
    {
      key: 'problems',
      header: t('imports.measures.problems'),
      cell: (l) =>
        l.problems.length === 0 ? (
          t('imports.noProblems')
        ) : (
          <ul>
            {l.problems.map((p) => (
              <li key={`${p.column}-${p.message}`}>
                <strong>{p.column}:</strong> {p.message}
              </li>
            ))}
          </ul>
        ),
    },
    { key: 'columns', header: t('imports.measures.columns'), cell: (l) => l.columns.join(', ') || t('imports.noProblems') },
  ];

  const outcome = report ? measureImportOutcome(report) : null;
  const reportTitle = !report
    ? ''
    : report.dry_run
      ? t('imports.measures.dryRunTitle')
      : report.written
        ? t('imports.measures.doneTitle')
        : t('imports.measures.failedTitle');

  return (
    <Page title={t('imports.measures.title')} lead={t('imports.measures.lead')}>
      <div className="app-narrow">
        {run.isError && <ProblemAlert error={run.error} />}
        <form noValidate onSubmit={onSubmit} className="app-form" aria-label={t('imports.measures.title')}>
          <div className={fileError ? 'kern-form-input kern-form-input--error' : 'kern-form-input'}>
            <label className="kern-label" htmlFor="measure-import-file">
              {t('imports.file')}
            </label>
            <div className="kern-hint" id="measure-import-file-hint">
              {t('imports.measures.fileHint')}
            </div>
            <input
              ref={input}
              id="measure-import-file"
              type="file"
              className="kern-form-input__input"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={fileError ? 'measure-import-file-hint measure-import-file-error' : 'measure-import-file-hint'}
              aria-invalid={fileError ? true : undefined}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setFileError(null);
                setReport(null);
                run.reset();
              }}
            />
            {fileError && <FieldError id="measure-import-file-error" message={fileError} />}
          </div>
          <div className="kern-flex kern-flex-wrap kern-gap-md">
            <Button type="submit" variant="primary" disabled={run.isPending}>
              {t('imports.check')}
            </Button>
            <Link className="kern-btn kern-btn--secondary" to="/massnahmen">
              <span className="kern-label">{t('imports.measures.backToList')}</span>
            </Link>
          </div>
        </form>
      </div>
      {report && outcome && (
        <section className="app-section" aria-labelledby="measure-import-report">
          <h2 className="kern-heading-medium" id="measure-import-report" tabIndex={-1} ref={heading}>
            {reportTitle}
          </h2>
          <Alert
            variant={VARIANTS[outcome]}
            title={outcome === 'errors' ? t('imports.measures.errors', { count: report.totals.rejected }) : t(`imports.measures.${outcome}`)}
            live={outcome === 'errors' ? 'alert' : 'status'}
          >
            <p className="kern-body">{t('imports.measures.totals', report.totals)}</p>
            {outcome === 'errors' && <p className="kern-body">{t('imports.measures.errorsHelp')}</p>}
            {report.ignored_columns.length > 0 && (
              <p className="kern-body">{t('imports.ignored', { columns: report.ignored_columns.join(', ') })}</p>
            )}
          </Alert>
          <Table
            caption={t('imports.measures.reportCaption')}
            columns={columns}
            rows={measureReportLines(report)}
            rowKey={(l) => String(l.row)}
          />
          {canImportMeasures(report) && (
            <div className="app-section">
              <Button onClick={() => void send(false)} disabled={run.isPending}>
                {t('imports.measures.commit')}
              </Button>
            </div>
          )}
        </section>
      )}
    </Page>
  );
}
