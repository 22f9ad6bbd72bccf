import type { DeepStrings } from '@/lib/i18n/de';
import { type TranslationBundle, registerTranslations } from '@/lib/i18n';

/**
 * Texts of this feature (directives), registered when the feature's lazy
 * entry modules import this file, so they stay out of the initial bundle.
 */
const de = {
  directives: {
    fields: {
      text: 'Handlungsanweisung',
      paper: 'Vorlage',
      addressee: 'Adressat',
      dueOn: 'Fällig am',
      status: 'Status',
      completionNote: 'Erledigungsvermerk',
      completedAt: 'Erledigt am',
      measures: 'Verknüpfte Maßnahmen',
      createdAt: 'Erteilt am',
      updatedAt: 'Zuletzt geändert',
    },
    statuses: {
      open: 'Offen',
      in_progress: 'In Bearbeitung',
      done: 'Erledigt',
    },
    overdue: 'Überfällig',
    list: {
      title: 'Handlungsanweisungen',
      lead: 'Die Aufträge, die die Steuerungsgruppe mit ihren Beschlüssen erteilt hat, bis zu ihrer Erledigung.',
      filterLabel: 'Handlungsanweisungen filtern',
      search: 'Suche',
      searchHint: 'Text der Handlungsanweisung',
      body: 'Adressiert an',
      allBodies: 'Alle Adressaten',
      overdueOnly: 'Nur überfällige',
      statusFilter: {
        unerledigt: 'Nicht erledigt (offen oder in Bearbeitung)',
        open: 'Offen',
        in_progress: 'In Bearbeitung',
        done: 'Erledigt',
        alle: 'Alle Status',
      },
      apply: 'Filtern',
      reset: 'Filter zurücksetzen',
      count_one: '{{formatted}} Handlungsanweisung',
      count_other: '{{formatted}} Handlungsanweisungen',
      caption: 'Handlungsanweisungen',
      empty: 'Es gibt keine unerledigte Handlungsanweisung.',
      emptyFiltered: 'Keine Handlungsanweisung passt zu Ihrer Auswahl.',
      pagination: 'Seiten der Handlungsanweisungen',
    },
    detail: {
      title: 'Handlungsanweisung',
      titleFor: 'Handlungsanweisung zu {{reference}}',
      lead: 'An: {{addressee}}',
      changeStatus: 'Status ändern',
      backToList: 'Zurück zu den Handlungsanweisungen',
      measure: 'Maßnahme {{n}}',
    },
    status: {
      title: 'Status ändern',
      current: 'Aktueller Status: {{status}}',
      newStatus: 'Neuer Status',
      choose: 'Bitte wählen',
      noteHint: 'Pflicht bei „Erledigt“: Wie wurde der Auftrag umgesetzt? Nur bei „Erledigt“ gespeichert.',
      submit: 'Status ändern',
      done: 'Der Status ist jetzt „{{status}}“.',
      conflictTitle: 'Dieser Statuswechsel ist nicht möglich',
      conflictText: 'Die Handlungsanweisung hat inzwischen einen anderen Status, oder dieser Wechsel ist nicht vorgesehen. Schließen Sie den Dialog und prüfen Sie den aktuellen Stand.',
    },
    validation: {
      status: 'Bitte wählen Sie den neuen Status aus.',
      noteRequired: 'Bitte beschreiben Sie, wie die Handlungsanweisung erledigt wurde.',
    },
    stale: {
      title: 'Zwischenzeitlich geändert',
      text: 'Die Handlungsanweisung wurde inzwischen geändert. Schließen Sie den Dialog; die Seite zeigt dann den aktuellen Stand. Versuchen Sie es danach erneut.',
    },
    forbidden: {
      title: 'Keine Berechtigung für diese Handlungsanweisung',
      text: 'Den Status ändern die Koordinierungsstelle und die Sprecher:innen des Arbeitskreises, an den sich die Handlungsanweisung richtet.',
    },
  },
};

const en: DeepStrings<typeof de> = {
  directives: {
    fields: {
      text: 'Directive',
      paper: 'Paper',
      addressee: 'Addressee',
      dueOn: 'Due on',
      status: 'Status',
      completionNote: 'Completion note',
      completedAt: 'Done on',
      measures: 'Linked measures',
      createdAt: 'Issued on',
      updatedAt: 'Last changed',
    },
    statuses: {
      open: 'Open',
      in_progress: 'In progress',
      done: 'Done',
    },
    overdue: 'Overdue',
    list: {
      title: 'Directives',
      lead: 'The tasks the steering group issued with its decisions, until they are done.',
      filterLabel: 'Filter directives',
      search: 'Search',
      searchHint: 'Text of the directive',
      body: 'Addressed to',
      allBodies: 'All addressees',
      overdueOnly: 'Overdue only',
      statusFilter: {
        unerledigt: 'Not done (open or in progress)',
        open: 'Open',
        in_progress: 'In progress',
        done: 'Done',
        alle: 'All statuses',
      },
      apply: 'Filter',
      reset: 'Reset filters',
      count_one: '{{formatted}} directive',
      count_other: '{{formatted}} directives',
      caption: 'Directives',
      empty: 'There is no directive left to do.',
      emptyFiltered: 'No directive matches your selection.',
      pagination: 'Pages of directives',
    },
    detail: {
      title: 'Directive',
      titleFor: 'Directive on {{reference}}',
      lead: 'To: {{addressee}}',
      changeStatus: 'Change status',
      backToList: 'Back to the directives',
      measure: 'Measure {{n}}',
    },
    status: {
      title: 'Change status',
      current: 'Current status: {{status}}',
      newStatus: 'New status',
      choose: 'Please choose',
      noteHint: 'Required for “Done”: how was the task carried out? Saved with “Done” only.',
      submit: 'Change status',
      done: 'The status is now “{{status}}”.',
      conflictTitle: 'This status change is not possible',
      conflictText: 'The directive has a different status by now, or this change is not intended. Close the dialog and check the current state.',
    },
    validation: {
      status: 'Please choose the new status.',
      noteRequired: 'Please describe how the directive was carried out.',
    },
    stale: {
      title: 'Changed in the meantime',
      text: 'The directive was changed in the meantime. Close the dialog; the page then shows the current state. Try again afterwards.',
    },
    forbidden: {
      title: 'No permission for this directive',
      text: 'The status is changed by the coordination office and the spokespersons of the working group the directive addresses.',
    },
  },
};

export const translations: TranslationBundle = { de, en };

registerTranslations(translations);
