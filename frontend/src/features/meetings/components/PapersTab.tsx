import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Notice } from '@/components/Notice';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Badge, Button, type Column, Loader, Table } from '@/components/ui';
import { saveBlob } from '@/lib/download';
import { useSession } from '@/lib/session/SessionProvider';
import { type Meeting, agendaQuery } from '../api/meetings';
import {
  type AgendaPaper,
  type Outcome,
  type Paper,
  type PaperStatus,
  awaitsDecision,
  fetchPaperPdf,
  meetingPapersQuery,
  orderPapers,
  paperState,
} from '../api/steering';
import { DecisionDialog } from './DecisionDialog';

const OUTCOME_VARIANT: Record<Outcome, 'info' | 'success' | 'warning' | 'danger'> = {
  approved: 'success',
  approved_with_changes: 'success',
  rejected: 'danger',
  deferred: 'warning',
  noted: 'info',
};
const STATUS_VARIANT: Record<PaperStatus, 'info' | 'success' | 'warning' | 'danger'> = {
  draft: 'info',
  submitted: 'info',
  scheduled: 'warning',
  decided: 'success',
  withdrawn: 'danger',
};

/** Coordinators (and admins) record the steering group's decisions. */
function useCanDecide(): boolean {
  const { hasRole } = useSession();
  return hasRole('admin') || hasRole('coordinator');
}

/** The state of a paper in this meeting: its outcome with the votes, or its status. */
function PaperState({ paper, meetingId }: { paper: Paper; meetingId: string }) {
  const { t } = useTranslation();
  const state = paperState(paper, meetingId);
  if (state.kind === 'status') {
    return (
      <Badge variant={STATUS_VARIANT[state.status]} small>
        {t(`meetings.papers.statuses.${state.status}`)}
      </Badge>
    );
  }
  const votes = [
    paper.votes_for !== null ? t('meetings.papers.votesFor', { value: paper.votes_for }) : null,
    paper.votes_against !== null ? t('meetings.papers.votesAgainst', { value: paper.votes_against }) : null,
    paper.abstentions !== null ? t('meetings.papers.abstentions', { value: paper.abstentions }) : null,
  ].filter((part): part is string => part !== null);
  return (
    <>
      <Badge variant={OUTCOME_VARIANT[state.outcome]} small>
        {t(`meetings.papers.outcomes.${state.outcome}`)}
      </Badge>
      {votes.length > 0 && <span className="kern-body kern-body--small app-block">{votes.join(', ')}</span>}
    </>
  );
}

/** "Vorlagen" of a steering meeting: the papers in agenda order, their PDFs and (for coordinators) the decision. */
export function PapersTab({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const canDecide = useCanDecide();
  const papers = useQuery(meetingPapersQuery(meeting.id));
  const agenda = useQuery(agendaQuery(meeting.id));
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<string | null>(null);

  const download = async (paper: Paper) => {
    setFailure(null);
    try {
      const file = await fetchPaperPdf(paper);
      saveBlob(file.blob, file.fileName);
    } catch {
      setFailure(t('meetings.papers.pdfFailed'));
    }
  };

  const label = (paper: Paper) => paper.reference ?? paper.title;
  const columns: Column<AgendaPaper>[] = [
    { key: 'number', header: t('meetings.papers.number'), cell: (row) => row.number ?? t('directory.none') },
    {
      key: 'paper',
      header: t('meetings.papers.paper'),
      rowHeader: true,
      cell: ({ paper }) => (
        <Link className="kern-link" to={`/vorlagen/${paper.id}`}>
          {paper.reference ? `${paper.reference} ${paper.title}` : paper.title}
        </Link>
      ),
    },
    { key: 'body', header: t('meetings.papers.body'), cell: ({ paper }) => paper.body_short_name || paper.body_name },
    { key: 'state', header: t('meetings.papers.state'), cell: ({ paper }) => <PaperState paper={paper} meetingId={meeting.id} /> },
    {
      key: 'actions',
      header: t('meetings.papers.actions'),
      cell: ({ paper }) => (
        <div className="app-inline-actions">
          <Button variant="secondary" aria-label={t('meetings.papers.pdfFor', { reference: label(paper) })} onClick={() => void download(paper)}>
            {t('meetings.papers.pdf')}
          </Button>
          {canDecide && awaitsDecision(paper, meeting.id) && (
            <Button
              aria-label={t('meetings.papers.decideFor', { reference: label(paper) })}
              onClick={() => {
                setNotice(null);
                setDeciding(paper.id);
              }}
            >
              {t('meetings.papers.decide')}
            </Button>
          )}
        </div>
      ),
    },
  ];

  const current = papers.data?.find((paper) => paper.id === deciding) ?? null;

  return (
    <section aria-labelledby="papers-heading">
      <h2 className="kern-heading-medium" id="papers-heading">
        {t('meetings.papers.heading')}
      </h2>
      <p className="kern-body">{t('meetings.papers.lead')}</p>
      <Notice message={notice} />
      {failure && <Alert variant="danger" title={failure} live="alert" />}
      {(papers.isPending || agenda.isPending) && <Loader label={t('common.loading')} />}
      {papers.isError && <ProblemAlert error={papers.error} />}
      {agenda.isError && <ProblemAlert error={agenda.error} />}
      {papers.data && agenda.data && (
        <div className="app-section">
          <Table
            caption={t('meetings.papers.caption')}
            captionHidden
            columns={columns}
            rows={orderPapers(papers.data, agenda.data)}
            rowKey={(row) => row.paper.id}
            empty={t('meetings.papers.empty')}
          />
        </div>
      )}
      {canDecide && (
        <DecisionDialog
          meetingId={meeting.id}
          paper={current}
          onClose={() => setDeciding(null)}
          onDone={(message) => {
            setDeciding(null);
            setFailure(null);
            setNotice(message);
          }}
        />
      )}
    </section>
  );
}
