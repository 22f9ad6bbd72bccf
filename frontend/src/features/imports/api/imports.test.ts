// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { type ImportReport, canCommit, reportLines } from './imports';

const report: ImportReport = {
  dry_run: true,
  file_type: 'csv',
  encoding: 'utf-8',
  delimiter: ';',
  columns: { Vorname: 'given_name' },
  ignored_columns: [],
  totals: { rows: 3, created: 1, updated: 0, unchanged: 1, rejected: 1 },
  rows: [
    { row: 2, action: 'created', member_id: null, fields: ['given_name'], working_groups: [], errors: [] },
    {
      row: 3,
      action: 'rejected',
      member_id: null,
      fields: [],
      working_groups: [],
      errors: [{ field: 'email', column: 'E-Mail', message: 'Ungültige E-Mail-Adresse', code: 'invalid_email' }],
    },
    { row: 4, action: 'unchanged', member_id: null, fields: [], working_groups: [], errors: [] },
  ],
};

describe('import report model', () => {
  it('lists rejected rows first with their problems, then by row', () => {
    expect(reportLines(report).map((l) => [l.row, l.action, l.problems.length])).toEqual([
      [3, 'rejected', 1],
      [2, 'created', 0],
      [4, 'unchanged', 0],
    ]);
    expect(reportLines(report)[0]?.problems[0]).toEqual({ field: 'email', column: 'E-Mail', message: 'Ungültige E-Mail-Adresse' });
  });

  it('offers the real run only after a dry run that would write something', () => {
    expect(canCommit(report)).toBe(true);
    expect(canCommit({ ...report, dry_run: false })).toBe(false);
    expect(canCommit({ ...report, totals: { ...report.totals, created: 0 } })).toBe(false);
  });
});
