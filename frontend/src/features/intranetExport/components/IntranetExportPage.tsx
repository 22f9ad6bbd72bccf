import { useTranslation } from 'react-i18next';
import { DescriptionList } from '@/components/DescriptionList';
import { DocumentDownloads } from '@/components/ExportButtons';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Button } from '@/components/ui';
import { isProblemKind } from '@/lib/api/problem';
import { fetchLatestIntranetExport, snapshotSummary, useRunIntranetExport } from '../api/intranetExport';

const CONTENTS = ['json', 'lists', 'calendar', 'html', 'manifest'] as const;
const ZIP = ['zip'] as const;

/** The intranet export: what it holds, "export now" with its result, and the latest ZIP. */
export function IntranetExportPage() {
  const { t } = useTranslation();
  const run = useRunIntranetExport();
  const summary = run.data ? snapshotSummary(run.data) : null;

  return (
    <Page title={t('intranetExport.title')} lead={t('intranetExport.lead')}>
      <section className="app-section" aria-labelledby="intranet-export-contents-heading">
        <h2 className="kern-heading-medium" id="intranet-export-contents-heading">
          {t('intranetExport.contentsHeading')}
        </h2>
        <ul className="kern-list">
          {CONTENTS.map((item) => (
            <li key={item}>{t(`intranetExport.contents.${item}`)}</li>
          ))}
        </ul>
        <Alert variant="info" title={t('intranetExport.consentTitle')}>
          <p className="kern-body">{t('intranetExport.consentText')}</p>
        </Alert>
        <p className="kern-body">{t('intranetExport.scheduleText')}</p>
      </section>

      <section className="app-section" aria-labelledby="intranet-export-run-heading">
        <h2 className="kern-heading-medium" id="intranet-export-run-heading">
          {t('intranetExport.runHeading')}
        </h2>
        <div role="status">
          {run.isPending && <p className="kern-body">{t('intranetExport.runningNote')}</p>}
        </div>
        {summary && (
          <Alert variant="success" title={t('intranetExport.done')} live="status">
            <DescriptionList
              items={[
                { key: 'created', label: t('intranetExport.result.createdAt'), value: summary.createdAt },
                { key: 'files', label: t('intranetExport.result.files'), value: summary.files },
                { key: 'size', label: t('intranetExport.result.size'), value: summary.size },
                { key: 'name', label: t('intranetExport.result.name'), value: <code>{summary.name}</code> },
              ]}
            />
          </Alert>
        )}
        {run.isError &&
          (isProblemKind(run.error, 'conflict') ? (
            <Alert variant="warning" title={t('intranetExport.busyTitle')} live="alert">
              <p className="kern-body">{t('intranetExport.busyText')}</p>
            </Alert>
          ) : (
            <ProblemAlert error={run.error} />
          ))}
        <div>
          <Button icon="autorenew" disabled={run.isPending} onClick={() => run.mutate()}>
            {run.isPending ? t('intranetExport.running') : t('intranetExport.run')}
          </Button>
        </div>
      </section>

      <DocumentDownloads
        id="intranet-export-download"
        label={t('intranetExport.downloadHeading')}
        note={t('intranetExport.downloadNote')}
        formats={ZIP}
        formatLabel={() => t('intranetExport.download')}
        fetchFile={fetchLatestIntranetExport}
      />
    </Page>
  );
}
