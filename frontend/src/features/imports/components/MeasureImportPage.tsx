import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '@/components/Page';
import { Alert, type AlertVariant, Button, type Column, Table } from '@/components/ui';
import {
  type MeasureImportOutcome,
  type MeasureReportLine,
  canImportMeasures,
  measureImportOutcome,
  measureReportLines,
  useImportMeasures,
} from '../api/measureImport';
import '../i18n'; // registers this feature's texts
import { ImportUploadForm, useImportUpload } from './ImportUpload';

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
  const upload = useImportUpload(run);
  const { report, send } = upload;
  const heading = useRef<HTMLHeadingElement>(null);

  // A new report moves the focus to its heading, so it is announced and read next.
  useEffect(() => {
    if (report) heading.current?.focus();
  }, [report]);

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
      <ImportUploadForm
        idPrefix="measure-import"
        title={t('imports.measures.title')}
        fileHint={t('imports.measures.fileHint')}
        backTo="/massnahmen"
        backLabel={t('imports.measures.backToList')}
        run={run}
        upload={upload}
      />
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
