import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Button, type Column, FieldError, Table } from '@/components/ui';
import { type ImportReport, type ReportLine, canCommit, reportLines, useImportMembers } from '../api/imports';
import '../i18n'; // registers this feature's texts

/** Import a member list (CSV/XLSX): dry run with a report, then the real run. */
export function ImportPage() {
  const { t } = useTranslation();
  const run = useImportMembers();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);

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

  const columns: Column<ReportLine>[] = [
    { key: 'row', header: t('imports.row'), rowHeader: true, numeric: true, cell: (l) => l.row },
    { key: 'action', header: t('imports.result'), cell: (l) => t(`imports.actions.${l.action}`) },
    {
      key: 'problems',
      header: t('imports.problems'),
      cell: (l) =>
        l.problems.length === 0 ? (
          t('imports.noProblems')
        ) : (
          <ul>
            {l.problems.map((p) => (
              <li key={`${p.field}-${p.message}`}>
                {p.column} ({p.field}): {p.message}
              </li>
            ))}
          </ul>
        ),
    },
    { key: 'fields', header: t('imports.fields'), cell: (l) => [...l.fields, ...l.workingGroups].join(', ') || t('imports.noProblems') },
  ];

  return (
    <Page title={t('imports.title')} lead={t('imports.lead')}>
      <div className="app-narrow">
        {run.isError && <ProblemAlert error={run.error} />}
        <form noValidate onSubmit={onSubmit} className="app-form" aria-label={t('imports.title')}>
          <div className={fileError ? 'kern-form-input kern-form-input--error' : 'kern-form-input'}>
            <label className="kern-label" htmlFor="import-file">
              {t('imports.file')}
            </label>
            <div className="kern-hint" id="import-file-hint">
              {t('imports.fileHint')}
            </div>
            <input
              ref={input}
              id="import-file"
              type="file"
              className="kern-form-input__input"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={fileError ? 'import-file-hint import-file-error' : 'import-file-hint'}
              aria-invalid={fileError ? true : undefined}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setFileError(null);
                setReport(null);
                run.reset();
              }}
            />
            {fileError && <FieldError id="import-file-error" message={fileError} />}
          </div>
          <div className="kern-flex kern-flex-wrap kern-gap-md">
            <Button type="submit" variant="primary" disabled={run.isPending}>
              {t('imports.check')}
            </Button>
            <Link className="kern-btn kern-btn--secondary" to="/mitglieder">
              <span className="kern-label">{t('common.cancel')}</span>
            </Link>
          </div>
        </form>
      </div>
      {report && (
        <section className="app-section" aria-labelledby="import-report">
          <h2 className="kern-heading-medium" id="import-report" tabIndex={-1}>
            {report.dry_run ? t('imports.dryRunTitle') : t('imports.doneTitle')}
          </h2>
          <Alert variant={report.totals.rejected > 0 ? 'warning' : 'success'} title={t('imports.totals', report.totals)} live="status">
            {report.ignored_columns.length > 0 && (
              <p className="kern-body">{t('imports.ignored', { columns: report.ignored_columns.join(', ') })}</p>
            )}
            {report.dry_run && <p className="kern-body">{t('imports.dryRunNote')}</p>}
          </Alert>
          <Table caption={t('imports.reportCaption')} columns={columns} rows={reportLines(report)} rowKey={(l) => String(l.row)} />
          {canCommit(report) && (
            <div className="app-section">
              <Button onClick={() => void send(false)} disabled={run.isPending}>
                {t('imports.commit')}
              </Button>
            </div>
          )}
        </section>
      )}
    </Page>
  );
}
