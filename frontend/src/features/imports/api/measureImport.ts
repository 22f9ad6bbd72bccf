import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema.gen';

type MeasureImportPath = paths['/api/v1/imports/measures'];
export type MeasureImportReport = MeasureImportPath['post']['responses'][200]['content']['application/json'];
export type MeasureImportRow = MeasureImportReport['rows'][number];

/** Sends the measures list as multipart `file`; a dry run writes nothing. */
export function useImportMeasures() {
  return useMutation({
    mutationFn: async ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.append('file', file);
      return unwrap(
        await api.POST('/api/v1/imports/measures', {
          params: { query: { dry_run: dryRun } },
          body: { file: '' },
          bodySerializer: () => form,
        }),
      );
    },
  });
}

/** The German column header of each field of the measures file (as the export writes them). */
export const MEASURE_COLUMNS: Record<string, string> = {
  reference: 'Referenz',
  title: 'Titel',
  description: 'Beschreibung',
  status: 'Status',
  status_reason: 'Begründung',
  body_id: 'Verantwortlich',
  goal_ids: 'Ziele',
  lead_organisations: 'Federführung',
  partner_organisations: 'Partner',
  funder_organisations: 'Förderer',
  target_group: 'Zielgruppe',
  starts_on: 'Beginn',
  ends_on: 'Ende',
  progress: 'Fortschritt',
};

export interface MeasureReportLine {
  row: number;
  action: MeasureImportRow['action'];
  /** The measure's reference; null for a new measure before the real run. */
  reference: string | null;
  measureId: string | null;
  /** One entry per problem: the column as written in the file and the German message. */
  problems: { column: string; message: string }[];
  /** The columns that are set (new) or changed, as German headers. */
  columns: string[];
}

/** The report as table lines: rows with problems first, then by row number. */
export function measureReportLines(report: MeasureImportReport): MeasureReportLine[] {
  return [...report.rows]
    .sort((a, b) => Number(b.errors.length > 0) - Number(a.errors.length > 0) || a.row - b.row)
    .map((r) => ({
      row: r.row,
      action: r.action,
      reference: r.reference,
      measureId: r.measure_id,
      problems: r.errors.map((e) => ({ column: e.column, message: e.message })),
      columns: r.fields.map((field) => MEASURE_COLUMNS[field] ?? field),
    }));
}

/** What the report says happened, for the page's status message. */
export type MeasureImportOutcome =
  | 'errors' // at least one row has a problem: nothing was (or would be) written
  | 'nothingToDo' // no row would change anything
  | 'ready' // a clean dry run that would write something
  | 'written'; // the real run wrote

export function measureImportOutcome(report: MeasureImportReport): MeasureImportOutcome {
  if (report.totals.rejected > 0) return 'errors';
  if (!report.dry_run && report.written) return 'written';
  return report.totals.created + report.totals.updated > 0 ? 'ready' : 'nothingToDo';
}

/** "Importieren" is offered only after a dry run without errors that would write something. */
export function canImportMeasures(report: MeasureImportReport): boolean {
  return report.dry_run && measureImportOutcome(report) === 'ready';
}
