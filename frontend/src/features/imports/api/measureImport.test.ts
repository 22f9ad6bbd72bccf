// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  type MeasureImportReport,
  canImportMeasures,
  measureImportOutcome,
  measureReportLines,
} from './measureImport';

const clean: MeasureImportReport = {
  dry_run: true,
  written: false,
  file_type: 'csv',
  encoding: 'utf-8-sig',
  delimiter: ';',
  columns: { Referenz: 'reference', Fortschritt: 'progress' },
  ignored_columns: [],
  totals: { rows: 3, created: 1, updated: 1, unchanged: 1, rejected: 0 },
  rows: [
    { row: 2, action: 'updated', measure_id: 'm1', reference: 'M-2026-001', fields: ['progress', 'lead_organisations'], errors: [] },
    { row: 3, action: 'unchanged', measure_id: 'm2', reference: 'M-2026-002', fields: [], errors: [] },
    { row: 4, action: 'created', measure_id: null, reference: null, fields: ['title', 'body_id', 'some_new_field'], errors: [] },
  ],
};

const withErrors: MeasureImportReport = {
  ...clean,
  totals: { rows: 3, created: 0, updated: 1, unchanged: 0, rejected: 2 },
  rows: [
    { row: 2, action: 'updated', measure_id: 'm1', reference: 'M-2026-001', fields: ['progress'], errors: [] },
    {
      row: 4,
      action: 'rejected',
      measure_id: 'm3',
      reference: 'M-2026-003',
      fields: [],
      errors: [
        { field: 'status', column: 'Status', message: 'Unbekannter Status „Erledigt“.', code: 'invalid_status' },
        { field: 'progress', column: 'Fortschritt %', message: 'Der Fortschritt 150 liegt nicht zwischen 0 und 100.', code: 'progress_out_of_range' },
      ],
    },
    {
      row: 3,
      action: 'rejected',
      measure_id: null,
      reference: null,
      fields: [],
      errors: [{ field: 'reference', column: 'Referenz', message: 'Keine Maßnahme mit der Referenz „M-1999-999“.', code: 'unknown_reference' }],
    },
  ],
};

describe('measures import report model', () => {
  it('names changed fields by their German column headers', () => {
    const lines = measureReportLines(clean);
    expect(lines.map((l) => [l.row, l.action, l.reference, l.columns])).toEqual([
      [2, 'updated', 'M-2026-001', ['Fortschritt', 'Federführung']],
      [3, 'unchanged', 'M-2026-002', []],
      [4, 'created', null, ['Titel', 'Verantwortlich', 'some_new_field']],
    ]);
  });

  it('lists rows with problems first, each problem with the column as written in the file', () => {
    const lines = measureReportLines(withErrors);
    expect(lines.map((l) => l.row)).toEqual([3, 4, 2]);
    expect(lines[1]?.problems).toEqual([
      { column: 'Status', message: 'Unbekannter Status „Erledigt“.' },
      { column: 'Fortschritt %', message: 'Der Fortschritt 150 liegt nicht zwischen 0 und 100.' },
    ]);
  });

  it('offers "Importieren" only after a dry run without errors that would write something', () => {
    expect(measureImportOutcome(clean)).toBe('ready');
    expect(canImportMeasures(clean)).toBe(true);
    expect(measureImportOutcome(withErrors)).toBe('errors');
    expect(canImportMeasures(withErrors)).toBe(false);
    const nothing = { ...clean, totals: { rows: 1, created: 0, updated: 0, unchanged: 1, rejected: 0 } };
    expect(measureImportOutcome(nothing)).toBe('nothingToDo');
    expect(canImportMeasures(nothing)).toBe(false);
    const done = { ...clean, dry_run: false, written: true };
    expect(measureImportOutcome(done)).toBe('written');
    expect(canImportMeasures(done)).toBe(false);
    // A real run that met errors (e.g. the data changed since the dry run) wrote nothing.
    expect(measureImportOutcome({ ...withErrors, dry_run: false })).toBe('errors');
  });
});
