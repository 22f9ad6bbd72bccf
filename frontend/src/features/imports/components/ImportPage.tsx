import { useTranslation } from 'react-i18next';
import { Page } from '@/components/Page';
import { Alert, Button, type Column, Table } from '@/components/ui';
import { type ReportLine, canCommit, reportLines, useImportMembers } from '../api/imports';
import '../i18n'; // registers this feature's texts
import { ImportUploadForm, useImportUpload } from './ImportUpload';

/** Import a member list (CSV/XLSX): dry run with a report, then the real run. */
export function ImportPage() {
  const { t } = useTranslation();
  const run = useImportMembers();
  const upload = useImportUpload(run);
  const { report, send } = upload;

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
      <ImportUploadForm
        idPrefix="import"
        title={t('imports.title')}
        fileHint={t('imports.fileHint')}
        backTo="/mitglieder"
        backLabel={t('common.cancel')}
        run={run}
        upload={upload}
      />
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
