import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema.gen';

type ImportPath = paths['/api/v1/imports/members'];
export type ImportReport = ImportPath['post']['responses'][200]['content']['application/json'];
export type ImportRow = ImportReport['rows'][number];

/** Sends the file as multipart `file`; a dry run writes nothing. */
export function useImportMembers() {
  return useMutation({
    mutationFn: async ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.append('file', file);
      return unwrap(
        await api.POST('/api/v1/imports/members', {
          params: { query: { dry_run: dryRun } },
          body: { file: '' },
          bodySerializer: () => form,
        }),
      );
    },
  });
}

export interface ReportLine {
  row: number;
  action: ImportRow['action'];
  /** "field (column): message" per problem; empty when the row is fine. */
  problems: { field: string; column: string; message: string }[];
  fields: string[];
  workingGroups: string[];
}

/** The report as table lines: rejected rows first, then by row number. */
export function reportLines(report: ImportReport): ReportLine[] {
  return [...report.rows]
    .sort((a, b) => Number(b.action === 'rejected') - Number(a.action === 'rejected') || a.row - b.row)
    .map((r) => ({
      row: r.row,
      action: r.action,
      problems: r.errors.map((e) => ({ field: e.field, column: e.column, message: e.message })),
      fields: r.fields,
      workingGroups: r.working_groups,
    }));
}

/** A real run makes sense only when at least one row would be written. */
export function canCommit(report: ImportReport): boolean {
  return report.dry_run && report.totals.created + report.totals.updated > 0;
}
