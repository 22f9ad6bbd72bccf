import type { DeepStrings } from '@/lib/i18n/de';
import { type TranslationBundle, registerTranslations } from '@/lib/i18n';

/**
 * Texts of this feature (registrations), registered when the feature's lazy
 * entry modules import this file, so they stay out of the initial bundle.
 * Keys shared with other parts of the app stay in src/lib/i18n/de.ts/en.ts.
 */
const de = {
  registrations: {
    title: 'Anmeldungen',
    titleOf: 'Anmeldungen: {{title}}',
    lead: 'Sitzung am {{date}}',
    back: 'Zurück zu den Sitzungen',
    toMeeting: 'Zur Sitzung',
    figures: 'Überblick',
    capacity: 'Plätze',
    noCapacity: 'keine Anmeldung vorgesehen',
    confirmed: 'Bestätigt',
    placesLeft: 'Freie Plätze',
    waitlisted: 'Auf der Warteliste',
    cancelled: 'Abgemeldet',
    noRegistrationTitle: 'Keine öffentliche Anmeldung',
    noRegistrationText: 'Für diese Sitzung ist keine Anmeldung mit Teilnehmerzahl vorgesehen.',
    listTitle_one: '{{count}} Anmeldung',
    listTitle_other: '{{count}} Anmeldungen',
    caption: 'Teilnehmerliste',
    empty: 'Bisher hat sich niemand angemeldet.',
    fields: {
      name: 'Name',
      email: 'E-Mail',
      organisation: 'Organisation',
      status: 'Status',
      position: 'Platz auf der Warteliste',
      createdAt: 'Angemeldet am',
    },
    status: {
      confirmed: 'Bestätigt',
      waitlisted: 'Warteliste',
      cancelled: 'Abgemeldet',
    },
    exportTitle: 'Teilnehmerliste exportieren',
    exportDialogTitle: 'Teilnehmerliste exportieren ({{format}})',
    exportLogged: 'Die Datei enthält Namen und E-Mail-Adressen. Jeder Export wird mit Ihrem Namen, dem Zeitpunkt, der Zahl der Einträge und dem Grund im Protokoll festgehalten. Geben Sie die Datei nur weiter, wenn es nötig ist, und löschen Sie sie nach der Veranstaltung.',
    exportHint: 'Wofür brauchen Sie die Liste? Zum Beispiel „Namensschilder für das Netzwerktreffen“. Mindestens 5 Zeichen, eine Zeile.',
  },
};

const en: DeepStrings<typeof de> = {
  registrations: {
    title: 'Registrations',
    titleOf: 'Registrations: {{title}}',
    lead: 'Meeting on {{date}}',
    back: 'Back to the meetings',
    toMeeting: 'To the meeting',
    figures: 'Overview',
    capacity: 'Places',
    noCapacity: 'no registration planned',
    confirmed: 'Confirmed',
    placesLeft: 'Places left',
    waitlisted: 'On the waiting list',
    cancelled: 'Cancelled',
    noRegistrationTitle: 'No public registration',
    noRegistrationText: 'This meeting takes no registrations with a number of places.',
    listTitle_one: '{{count}} registration',
    listTitle_other: '{{count}} registrations',
    caption: 'Participant list',
    empty: 'Nobody has registered yet.',
    fields: {
      name: 'Name',
      email: 'E-mail',
      organisation: 'Organisation',
      status: 'Status',
      position: 'Place on the waiting list',
      createdAt: 'Registered on',
    },
    status: {
      confirmed: 'Confirmed',
      waitlisted: 'Waiting list',
      cancelled: 'Cancelled',
    },
    exportTitle: 'Export the participant list',
    exportDialogTitle: 'Export the participant list ({{format}})',
    exportLogged: 'The file contains names and e-mail addresses. Every export is logged with your name, the time, the number of entries and the reason. Share the file only when necessary and delete it after the event.',
    exportHint: 'What do you need the list for? For example "Name badges for the network meeting". At least 5 characters, one line.',
  },
};

export const translations: TranslationBundle = { de, en };

registerTranslations(translations);
