import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DescriptionList } from '@/components/DescriptionList';
import { DocumentDownloads } from '@/components/ExportButtons';
import { LoadedPage } from '@/components/LoadedPage';
import { Page } from '@/components/Page';
import { Badge, type Column, Table } from '@/components/ui';
import { formatDate, formatDateTime, formatNumber } from '@/lib/format';
import {
  type DirectiveCounts,
  type MeasureStatusCounts,
  REPORT_FORMATS,
  type ReportDirective,
  type ReportGroup,
  type ReportPaper,
  type StatusReport,
  fetchStatusReport,
  statusReportQuery,
} from '../api/steering';
import '../meetings.css';

const MEASURE_STATUSES = ['idea', 'planned', 'in_progress', 'completed', 'paused', 'discontinued'] as const satisfies readonly (keyof MeasureStatusCounts)[];

/** "Sachstandsbericht" of a steering meeting: the state of the working groups since the previous one. */
export function StatusReportPage() {
  const { t } = useTranslation();
  const { meetingId = '' } = useParams();
  const report = useQuery(statusReportQuery(meetingId));
  return (
    <LoadedPage query={report} title={t('meetings.report.title')} backTo={`/sitzungen/${meetingId}`} backLabel={t('meetings.report.backToMeeting')}>
      {(loaded) => <ReportView report={loaded} />}
    </LoadedPage>
  );
}

function ReportView({ report }: { report: StatusReport }) {
  const { t } = useTranslation();
  return (
    <Page
      title={t('meetings.report.titleFor', { meeting: report.meeting_title })}
      lead={t('meetings.report.lead', {
        date: formatDate(report.meeting_starts_at),
        from: formatDate(report.period_from),
        to: formatDate(report.period_to),
      })}
    >
      <p className="kern-body kern-body--small">{t('meetings.report.generated', { date: formatDateTime(report.generated_at) })}</p>
      <DocumentDownloads
        id="report-downloads"
        label={t('meetings.report.downloads')}
        note={t('meetings.report.exportNote')}
        formats={REPORT_FORMATS}
        formatLabel={(format) => t(`meetings.report.${format}`)}
        fetchFile={(format) => fetchStatusReport(report.meeting_id, format)}
      />

      <section className="app-section" aria-labelledby="report-groups">
        <h2 className="kern-heading-medium" id="report-groups">
          {t('meetings.report.groups')}
        </h2>
        {report.groups.length === 0 && <p className="kern-body">{t('meetings.report.noGroups')}</p>}
        {report.groups.map((group) => (
          <GroupSection key={group.body_id} group={group} />
        ))}
      </section>

      <section className="app-section" aria-labelledby="report-decisions">
        <h2 className="kern-heading-medium" id="report-decisions">
          {t('meetings.report.decisions')}
        </h2>
        <DecisionsTable papers={report.decisions} />
      </section>

      <section className="app-section" aria-labelledby="report-directives">
        <h2 className="kern-heading-medium" id="report-directives">
          {t('meetings.report.allDirectives')}
        </h2>
        <p className="kern-body">{t('meetings.report.allDirectivesLead')}</p>
        <p className="kern-body">{countsText(report.directive_counts, t)}</p>
        <DirectivesTable directives={report.directives} />
      </section>

      <p className="kern-body app-section">
        <Link className="kern-link" to={`/sitzungen/${report.meeting_id}`}>
          {t('meetings.report.backToMeeting')}
        </Link>
      </p>
    </Page>
  );
}

function countsText(counts: DirectiveCounts, t: (key: string, options?: Record<string, unknown>) => string): string {
  return t('meetings.report.directiveCounts', {
    open: counts.open,
    inProgress: counts.in_progress,
    done: counts.done,
    overdue: counts.overdue,
  });
}

function GroupSection({ group }: { group: ReportGroup }) {
  const { t } = useTranslation();
  const headingId = `report-group-${group.body_id}`;
  const measures = MEASURE_STATUSES.filter((status) => group.measures[status] > 0).map(
    (status) => `${t(`meetings.agenda.measureStatuses.${status}`)}: ${formatNumber(group.measures[status])}`,
  );
  return (
    <section className="app-section app-report-group" aria-labelledby={headingId}>
      <h3 className="kern-heading-small" id={headingId}>
        <Link className="kern-link" to={`/arbeitskreise/${group.body_id}`}>
          {group.body_name}
        </Link>
      </h3>
      <DescriptionList
        items={[
          { key: 'meetings', label: t('meetings.report.meetingsHeld'), value: formatNumber(group.meetings_held) },
          { key: 'attendance', label: t('meetings.report.attendance'), value: formatNumber(group.attendance_present) },
          { key: 'offers', label: t('meetings.report.offers'), value: formatNumber(group.offers_presented) },
          { key: 'needsOpen', label: t('meetings.report.needsOpen'), value: formatNumber(group.needs_open) },
          { key: 'needsResolved', label: t('meetings.report.needsResolved'), value: formatNumber(group.needs_resolved) },
          { key: 'measures', label: t('meetings.report.measures'), value: measures.length > 0 ? measures.join(' · ') : t('meetings.report.none') },
          {
            key: 'progress',
            label: t('meetings.report.progress'),
            value:
              group.measures_average_progress === null
                ? t('meetings.report.progressNone')
                : t('meetings.report.progressValue', { value: formatNumber(Math.round(group.measures_average_progress * 10) / 10) }),
          },
          { key: 'directives', label: t('meetings.report.directives'), value: countsText(group.directives, t) },
          {
            key: 'papers',
            label: t('meetings.report.papers'),
            value:
              group.submissions.length === 0 ? (
                t('meetings.report.none')
              ) : (
                <ul className="kern-list">
                  {group.submissions.map((paper) => (
                    <li key={paper.id}>
                      <PaperLink paper={paper} /> ({paperOutcome(paper, t)})
                    </li>
                  ))}
                </ul>
              ),
          },
        ]}
      />
    </section>
  );
}

function paperOutcome(paper: ReportPaper, t: (key: string) => string): string {
  return paper.outcome ? t(`meetings.papers.outcomes.${paper.outcome}`) : t(`meetings.papers.statuses.${paper.status}`);
}

function PaperLink({ paper }: { paper: ReportPaper }) {
  return (
    <Link className="kern-link" to={`/vorlagen/${paper.id}`}>
      {paper.reference ? `${paper.reference} ${paper.title}` : paper.title}
    </Link>
  );
}

function DecisionsTable({ papers }: { papers: ReportPaper[] }) {
  const { t } = useTranslation();
  const columns: Column<ReportPaper>[] = [
    { key: 'paper', header: t('meetings.report.columns.paper'), rowHeader: true, cell: (p) => <PaperLink paper={p} /> },
    { key: 'body', header: t('meetings.report.columns.body'), cell: (p) => p.body_short_name },
    { key: 'outcome', header: t('meetings.report.columns.outcome'), cell: (p) => paperOutcome(p, t) },
    { key: 'decided', header: t('meetings.report.columns.decidedAt'), cell: (p) => (p.decided_at ? formatDate(p.decided_at) : t('directory.none')) },
  ];
  return (
    <Table
      caption={t('meetings.report.decisionsCaption')}
      captionHidden
      columns={columns}
      rows={papers}
      rowKey={(p) => p.id}
      empty={t('meetings.report.decisionsNone')}
    />
  );
}

function DirectivesTable({ directives }: { directives: ReportDirective[] }) {
  const { t } = useTranslation();
  const columns: Column<ReportDirective>[] = [
    {
      key: 'text',
      header: t('meetings.report.columns.text'),
      rowHeader: true,
      cell: (d) => (
        <Link className="kern-link" to={`/handlungsanweisungen/${d.id}`}>
          {d.text}
        </Link>
      ),
    },
    {
      key: 'paper',
      header: t('meetings.report.columns.paper'),
      cell: (d) => (
        <Link className="kern-link" to={`/vorlagen/${d.submission_id}`}>
          {d.submission_reference ?? t('directory.none')}
        </Link>
      ),
    },
    { key: 'addressee', header: t('meetings.report.columns.addressee'), cell: (d) => d.addressee_name },
    {
      key: 'due',
      header: t('meetings.report.columns.due'),
      cell: (d) => (
        <>
          {formatDate(d.due_on)}
          {d.overdue && (
            <>
              {' '}
              <Badge variant="danger" small>
                {t('meetings.report.overdue')}
              </Badge>
            </>
          )}
        </>
      ),
    },
    { key: 'status', header: t('meetings.report.columns.status'), cell: (d) => t(`meetings.report.directiveStatuses.${d.status}`) },
  ];
  return (
    <Table
      caption={t('meetings.report.directivesCaption')}
      captionHidden
      columns={columns}
      rows={directives}
      rowKey={(d) => d.id}
      empty={t('meetings.report.directivesNone')}
    />
  );
}
