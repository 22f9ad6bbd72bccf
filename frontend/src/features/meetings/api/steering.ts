import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '@/lib/api/client';
import { type BlobResult, type Download, toDownload } from '@/lib/download';
import { type AgendaItem, ifMatch } from './meetings';

/** The steering group's side of a meeting: the papers (Vorlagen) on it, their decisions, the status report. */

export type Paper = Schemas['SubmissionRead'];
export type PaperStatus = Paper['status'];
export type Outcome = NonNullable<Paper['outcome']>;
export type DecisionRecord = Schemas['DecisionRecord'];
export type DirectiveIssue = Schemas['DirectiveIssue'];
export type AddresseeKind = DirectiveIssue['addressee_kind'];
export type StatusReport = Schemas['StatusReport'];
export type ReportGroup = Schemas['GroupSection'];
export type ReportPaper = Schemas['PaperLine'];
export type ReportDirective = Schemas['DirectiveLine'];
export type DirectiveCounts = Schemas['DirectiveCounts'];
export type MeasureStatusCounts = Schemas['StatusCounts'];
export type OrganisationMatch = Schemas['OrganisationRead'];

export const steeringKeys = {
  papers: (meetingId: string) => ['meetings', 'papers', meetingId] as const,
  report: (meetingId: string) => ['meetings', 'status-report', meetingId] as const,
};

/** A paper with the number of its agenda item ("TOP 3"), when it has one in this meeting. */
export interface AgendaPaper {
  paper: Paper;
  number: string | null;
}

/**
 * The papers in agenda order: those with an agenda item of this meeting first (by position),
 * then the rest by reference (a paper scheduled or decided here whose item was removed).
 */
export function orderPapers(papers: readonly Paper[], agenda: readonly AgendaItem[]): AgendaPaper[] {
  const items = [...agenda].filter((item) => item.kind === 'submission' && item.submission_id).sort((a, b) => a.position - b.position);
  const position = new Map<string, { index: number; number: string }>();
  items.forEach((item, index) => {
    if (item.submission_id && !position.has(item.submission_id)) position.set(item.submission_id, { index, number: item.number });
  });
  const collator = new Intl.Collator('de', { numeric: true });
  return [...papers]
    .sort((a, b) => {
      const pa = position.get(a.id);
      const pb = position.get(b.id);
      if (pa && pb) return pa.index - pb.index;
      if (pa) return -1;
      if (pb) return 1;
      return collator.compare(a.reference ?? a.title, b.reference ?? b.title);
    })
    .map((paper) => ({ paper, number: position.get(paper.id)?.number ?? null }));
}

/** Papers scheduled for or decided at the meeting (the API's `meeting_id` filter covers both), in agenda order. */
export function meetingPapersQuery(meetingId: string) {
  return queryOptions({
    queryKey: steeringKeys.papers(meetingId),
    queryFn: async ({ signal }): Promise<Paper[]> =>
      unwrap(await api.GET('/api/v1/submissions', { params: { query: { meeting_id: meetingId, limit: 200 } }, signal })).items,
    refetchOnWindowFocus: false,
  });
}

/** Whether a paper waits for its decision in this meeting. */
export function awaitsDecision(paper: Paper, meetingId: string): boolean {
  return paper.status === 'scheduled' && paper.meeting_id === meetingId;
}

/**
 * What the tab shows for a paper: its outcome when it was decided at this meeting (a deferred paper
 * is `submitted` again, but was decided here), otherwise its status (waiting papers first of all).
 */
export function paperState(
  paper: Paper,
  meetingId: string,
): { kind: 'outcome'; outcome: Outcome } | { kind: 'status'; status: PaperStatus } {
  if (!awaitsDecision(paper, meetingId) && paper.decided_meeting_id === meetingId && paper.outcome) {
    return { kind: 'outcome', outcome: paper.outcome };
  }
  return { kind: 'status', status: paper.status };
}

/** Records the decision (coordinators), with If-Match on the paper's version. */
export function useRecordDecision(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ paper, body }: { paper: Paper; body: DecisionRecord }): Promise<Paper> =>
      unwrap(
        await api.POST('/api/v1/submissions/{submission_id}/decision', {
          params: { path: { submission_id: paper.id } },
          headers: ifMatch(paper.version),
          body,
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: steeringKeys.papers(meetingId) });
      await queryClient.invalidateQueries({ queryKey: steeringKeys.report(meetingId) });
      // Other pages show the paper and its directives; they load afresh on the next visit.
      await queryClient.invalidateQueries({ queryKey: ['submissions'] });
      await queryClient.invalidateQueries({ queryKey: ['directives'] });
      await queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}

/** The paper as PDF (with the bearer token; never a token in a URL). */
export async function fetchPaperPdf(paper: Paper): Promise<Download> {
  const result = await api.GET('/api/v1/submissions/{submission_id}.pdf', {
    params: { path: { submission_id: paper.id } },
    parseAs: 'blob',
  });
  return toDownload(result as BlobResult, `${paper.reference ?? 'Vorlage'}.pdf`);
}

/** Organisations whose name matches `q` (by name), for a directive's addressee. */
export function organisationSearchQuery(q: string) {
  return queryOptions({
    queryKey: ['meetings', 'organisation-search', q],
    queryFn: async ({ signal }): Promise<{ items: OrganisationMatch[]; total: number }> =>
      unwrap(
        await api.GET('/api/v1/organisations', { params: { query: { sort: 'name', limit: 50, ...(q ? { q } : {}) } }, signal }),
      ),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

// ---------------------------------------------------------------- status report

export function statusReportQuery(meetingId: string) {
  return queryOptions({
    queryKey: steeringKeys.report(meetingId),
    queryFn: async ({ signal }): Promise<StatusReport> =>
      unwrap(
        await api.GET('/api/v1/meetings/{meeting_id}/status-report', { params: { path: { meeting_id: meetingId } }, signal }),
      ),
    refetchOnWindowFocus: false,
  });
}

export type ReportFormat = 'pdf' | 'docx';
export const REPORT_FORMATS = ['pdf', 'docx'] as const satisfies readonly ReportFormat[];

/** The status report as file; the API records each export in the audit log. */
export async function fetchStatusReport(meetingId: string, format: ReportFormat): Promise<Download> {
  const options = { params: { path: { meeting_id: meetingId } }, parseAs: 'blob' } as const;
  const result =
    format === 'pdf'
      ? await api.GET('/api/v1/meetings/{meeting_id}/status-report.pdf', options)
      : await api.GET('/api/v1/meetings/{meeting_id}/status-report.docx', options);
  return toDownload(result as BlobResult, `Sachstandsbericht.${format}`);
}
