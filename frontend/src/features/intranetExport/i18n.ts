import type { DeepStrings } from '@/lib/i18n/de';
import { type TranslationBundle, registerTranslations } from '@/lib/i18n';

/**
 * Texts of this feature (the intranet export), registered when the feature's lazy entry module
 * imports this file. The nav key (nav.intranetExport) stays in src/lib/i18n/de.ts/en.ts.
 */
const de = {
  intranetExport: {
    title: 'Intranet-Export',
    lead: 'Der Export stellt die Inhalte dieser Anwendung für das Kreisintranet bereit: als Dateien, die das Intranet ohne Zugriff auf diese Anwendung anzeigen kann.',
    contentsHeading: 'Was der Export enthält',
    contents: {
      json: 'Offene Daten als JSON: Gremien, Organisationen, Mitglieder, Sitzungen, Maßnahmen, Beschlüsse und Handlungsanweisungen der Steuerungsgruppe, veröffentlichte Angebote und das beschlossene Integrationskonzept',
      lists: 'Mitgliederliste, Organisationen und Maßnahmen als CSV- und Excel-Dateien',
      calendar: 'Die Sitzungstermine als Kalenderdateien (iCalendar)',
      html: 'Barrierefreie HTML-Seiten, die ohne Server direkt aus dem Ordner funktionieren',
      manifest: 'Ein Verzeichnis aller Dateien (manifest.json) mit Größe und Prüfsumme (SHA-256)',
    },
    consentTitle: 'Nur mit Einwilligung',
    consentText: 'Mitglieder erscheinen im Export nur, wenn sie in die Veröffentlichung eingewilligt haben; Kontaktdaten nur mit deren Einwilligung.',
    scheduleText:
      'Regelmäßig erstellt der Server den Export selbst: Der Befehl „netzwerk export“ läuft dafür zeitgesteuert (cron). Hier können Sie zusätzlich sofort einen vollständigen Export erstellen, etwa nach wichtigen Änderungen.',
    runHeading: 'Export erstellen',
    run: 'Export jetzt erstellen',
    running: 'Export wird erstellt …',
    runningNote: 'Das kann einige Sekunden dauern.',
    done: 'Der Export wurde erstellt.',
    busyTitle: 'Gerade läuft bereits ein Export',
    busyText: 'Warten Sie, bis er fertig ist, und versuchen Sie es dann noch einmal – oder laden Sie den fertigen Export herunter.',
    result: {
      createdAt: 'Erstellt am',
      files: 'Dateien (mit manifest.json)',
      size: 'Größe',
      name: 'Ordner im Exportverzeichnis',
    },
    downloadHeading: 'Letzten Export herunterladen',
    downloadNote:
      'Die ZIP-Datei enthält den letzten vollständigen Export, so wie ihn auch das Kreisintranet abruft. Jeder Abruf wird protokolliert. Gibt es noch keinen Export, erstellen Sie zuerst einen.',
    download: 'Letzten Export herunterladen',
  },
};

const en: DeepStrings<typeof de> = {
  intranetExport: {
    title: 'Intranet export',
    lead: 'The export provides this application’s content for the county intranet: as files the intranet can show without access to this application.',
    contentsHeading: 'What the export contains',
    contents: {
      json: 'Open data as JSON: bodies, organisations, members, meetings, measures, the steering group’s decisions and directives, published offers and the adopted integration concept',
      lists: 'Member list, organisations and measures as CSV and Excel files',
      calendar: 'The meeting dates as calendar files (iCalendar)',
      html: 'Accessible HTML pages that work straight from the folder, without a server',
      manifest: 'A list of every file (manifest.json) with its size and checksum (SHA-256)',
    },
    consentTitle: 'Only with consent',
    consentText: 'Members appear in the export only if they consented to being published; contact data only with their consent.',
    scheduleText:
      'The server creates the export regularly by itself: the command “netzwerk export” runs on a schedule (cron). Here you can also create a full export at once, for example after important changes.',
    runHeading: 'Create export',
    run: 'Create export now',
    running: 'Creating export …',
    runningNote: 'This can take a few seconds.',
    done: 'The export has been created.',
    busyTitle: 'An export is already running',
    busyText: 'Wait until it has finished and try again – or download the finished export.',
    result: {
      createdAt: 'Created on',
      files: 'Files (with manifest.json)',
      size: 'Size',
      name: 'Folder in the export directory',
    },
    downloadHeading: 'Download the latest export',
    downloadNote:
      'The ZIP file holds the latest full export, the same the county intranet fetches. Every download is logged. If there is no export yet, create one first.',
    download: 'Download the latest export',
  },
};

export const translations: TranslationBundle = { de, en };

registerTranslations(translations);
