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
  },
};

export const translations: TranslationBundle = { de, en };

registerTranslations(translations);
