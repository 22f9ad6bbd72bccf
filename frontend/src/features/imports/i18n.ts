import type { DeepStrings } from '@/lib/i18n/de';
import { type TranslationBundle, registerTranslations } from '@/lib/i18n';

/**
 * Texts of this feature (imports), registered when the feature's lazy
 * entry modules import this file, so they stay out of the initial bundle.
 * Keys shared with other parts of the app stay in src/lib/i18n/de.ts/en.ts.
 */
const de = {
  imports: {
    title: 'Mitgliederliste importieren',
    lead: 'Laden Sie eine CSV- oder Excel-Datei hoch. Zuerst prüfen wir sie, ohne etwas zu speichern.',
    file: 'Datei (CSV oder XLSX)',
    fileHint: 'Höchstens 1 MB und 5.000 Zeilen; die erste Zeile enthält die Spaltenüberschriften (z. B. Vorname, Nachname, E-Mail).',
    chooseFile: 'Bitte wählen Sie eine Datei aus.',
    check: 'Datei prüfen',
    dryRunTitle: 'Prüfbericht (noch nichts gespeichert)',
    doneTitle: 'Import ausgeführt',
    dryRunNote: 'Abgelehnte Zeilen werden nicht übernommen. Korrigieren Sie sie in der Datei oder führen Sie den Import ohne sie aus.',
    totals: '{{rows}} Zeilen: {{created}} neu, {{updated}} ergänzt, {{unchanged}} unverändert, {{rejected}} abgelehnt',
    ignored: 'Nicht erkannte Spalten (übersprungen): {{columns}}',
    reportCaption: 'Ergebnis je Zeile',
    row: 'Zeile',
    result: 'Ergebnis',
    problems: 'Probleme',
    fields: 'Übernommene Angaben',
    noProblems: '–',
    commit: 'Import ausführen',
    actions: {
      created: 'Neu',
      updated: 'Ergänzt',
      unchanged: 'Unverändert',
      rejected: 'Abgelehnt',
    },
    measures: {
      title: 'Maßnahmen importieren',
      lead: 'Laden Sie die Maßnahmenliste als CSV- oder Excel-Datei hoch, mit den Spalten des Exports. Zuerst prüfen wir sie, ohne etwas zu speichern.',
      fileHint: 'Höchstens 1 MB. Die Spalte „Referenz“ ist nötig: Zeilen mit Referenz ändern diese Maßnahme (nur geänderte Zellen), Zeilen ohne Referenz legen eine neue Maßnahme an.',
      backToList: 'Zur Maßnahmenliste',
      dryRunTitle: 'Prüfbericht (noch nichts gespeichert)',
      doneTitle: 'Import ausgeführt',
      failedTitle: 'Import nicht ausgeführt',
      totals: '{{rows}} Zeilen: {{created}} neu, {{updated}} geändert, {{unchanged}} unverändert, {{rejected}} mit Problemen',
      errors_one: '{{count}} Zeile hat Probleme – nichts wurde geschrieben.',
      errors_other: '{{count}} Zeilen haben Probleme – nichts wurde geschrieben.',
      errorsHelp: 'Der Import gilt nur ganz oder gar nicht. Korrigieren Sie die genannten Zellen in der Datei und prüfen Sie sie erneut.',
      ready: 'Die Datei ist in Ordnung. Mit „Importieren“ werden die Änderungen gespeichert.',
      nothingToDo: 'Die Datei enthält keine Änderungen; es gibt nichts zu importieren.',
      written: 'Die Änderungen wurden gespeichert.',
      reportCaption: 'Ergebnis je Zeile',
      reference: 'Referenz',
      newMeasure: 'neu',
      columns: 'Geänderte Spalten',
      problems: 'Probleme',
      commit: 'Importieren',
      actions: {
        created: 'Neu',
        updated: 'Geändert',
        unchanged: 'Unverändert',
        rejected: 'Fehlerhaft',
      },
    },
  },
};

const en: DeepStrings<typeof de> = {
  imports: {
    title: 'Import a member list',
    lead: 'Upload a CSV or Excel file. We check it first without saving anything.',
    file: 'File (CSV or XLSX)',
    fileHint: 'At most 1 MB and 5,000 rows; the first row holds the column headers (e.g. Vorname, Nachname, E-Mail).',
    chooseFile: 'Please choose a file.',
    check: 'Check file',
    dryRunTitle: 'Check report (nothing saved yet)',
    doneTitle: 'Import done',
    dryRunNote: 'Rejected rows are not taken over. Fix them in the file or run the import without them.',
    totals: '{{rows}} rows: {{created}} new, {{updated}} completed, {{unchanged}} unchanged, {{rejected}} rejected',
    ignored: 'Unrecognised columns (skipped): {{columns}}',
    reportCaption: 'Result per row',
    row: 'Row',
    result: 'Result',
    problems: 'Problems',
    fields: 'Details taken over',
    noProblems: '–',
    commit: 'Run import',
    actions: {
      created: 'New',
      updated: 'Completed',
      unchanged: 'Unchanged',
      rejected: 'Rejected',
    },
    measures: {
      title: 'Import measures',
      lead: 'Upload the measures list as a CSV or Excel file with the columns of the export. We check it first without saving anything.',
      fileHint: 'At most 1 MB. The column “Referenz” is required: rows with a reference change that measure (only changed cells), rows without one create a new measure.',
      backToList: 'Back to the measures',
      dryRunTitle: 'Check report (nothing saved yet)',
      doneTitle: 'Import done',
      failedTitle: 'Import not done',
      totals: '{{rows}} rows: {{created}} new, {{updated}} changed, {{unchanged}} unchanged, {{rejected}} with problems',
      errors_one: '{{count}} row has problems – nothing was written.',
      errors_other: '{{count}} rows have problems – nothing was written.',
      errorsHelp: 'The import is all or nothing. Fix the cells named below in the file and check it again.',
      ready: 'The file is fine. “Import” saves the changes.',
      nothingToDo: 'The file contains no changes; there is nothing to import.',
      written: 'The changes were saved.',
      reportCaption: 'Result per row',
      reference: 'Reference',
      newMeasure: 'new',
      columns: 'Changed columns',
      problems: 'Problems',
      commit: 'Import',
      actions: {
        created: 'New',
        updated: 'Changed',
        unchanged: 'Unchanged',
        rejected: 'Faulty',
      },
    },
  },
};

export const translations: TranslationBundle = { de, en };

registerTranslations(translations);
