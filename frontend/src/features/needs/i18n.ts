import type { DeepStrings } from '@/lib/i18n/de';
import { type TranslationBundle, registerTranslations } from '@/lib/i18n';

/**
 * Texts of this feature (needs), registered when the feature's lazy
 * entry modules import this file, so they stay out of the initial bundle.
 * Keys shared with other parts of the app stay in src/lib/i18n/de.ts/en.ts.
 */
const de = {
  needs: {
    fields: {
      body: 'Arbeitskreis / Gremium',
      title: 'Titel',
      description: 'Beschreibung',
      fieldOfAction: 'Handlungsfeld',
      status: 'Status',
      statusNote: 'Anmerkung zum Status',
      raisedAt: 'Eingebracht in',
      createdAt: 'Erfasst am',
      updatedAt: 'Zuletzt geändert',
    },
    statuses: {
      open: 'Offen',
      addressed: 'In Bearbeitung (Maßnahme)',
      escalated: 'An die Steuerungsgruppe gegeben',
      resolved: 'Erledigt',
      dismissed: 'Verworfen',
    },
    list: {
      title: 'Bedarfe',
      lead: 'Lücken und Bedarfe, die in den Arbeitskreisen und Gremien eingebracht wurden.',
      create: 'Bedarf erfassen',
      readOnly: 'Sie können die Bedarfe ansehen, aber nicht ändern.',
      filterLabel: 'Bedarfe filtern',
      search: 'Suche',
      searchHint: 'Titel oder Beschreibung',
      allFields: 'Alle Handlungsfelder',
      otherField: 'Handlungsfeld einer früheren Fassung',
      allBodies: 'Alle Arbeitskreise und Gremien',
      allStatuses: 'Alle Status',
      apply: 'Filtern',
      reset: 'Filter zurücksetzen',
      count_one: '{{formatted}} Bedarf',
      count_other: '{{formatted}} Bedarfe',
      caption: 'Bedarfe',
      empty: 'Es sind keine offenen Bedarfe erfasst.',
      emptyFiltered: 'Kein Bedarf passt zu Ihrer Suche.',
      pagination: 'Seiten der Bedarfe',
    },
    form: {
      bodyChoose: 'Bitte wählen',
      bodiesLoading: 'Arbeitskreise werden geladen …',
      fieldOfActionHint: 'Ein Handlungsfeld der geltenden Fassung des Integrationskonzepts (freiwillig).',
      noFieldOfAction: 'Kein Handlungsfeld',
      olderField: '{{field}} (Fassung {{year}})',
    },
    validation: {
      body: 'Bitte wählen Sie den Arbeitskreis oder das Gremium aus.',
      tooLong200: 'Bitte geben Sie höchstens 200 Zeichen ein.',
      status: 'Bitte wählen Sie den neuen Status aus.',
      noteRequired: 'Bitte schreiben Sie, warum der Bedarf erledigt oder verworfen ist.',
    },
    create: {
      title: 'Bedarf erfassen',
      lead: 'Erfassen Sie einen Bedarf, der in einem Arbeitskreis oder Gremium eingebracht wurde. Er beginnt als „Offen“.',
      submit: 'Bedarf erfassen',
      done: 'Der Bedarf „{{title}}“ wurde erfasst.',
      fromAgenda: 'Eingebracht in: {{meeting}}, TOP {{number}}',
      agendaMissing: 'Der Tagesordnungspunkt wurde nicht gefunden; der Bedarf wird ohne Bezug zur Sitzung erfasst.',
      backToMeeting: 'Zurück zur Sitzung',
    },
    edit: {
      title: 'Bedarf bearbeiten',
      titleWithName: 'Bedarf bearbeiten: {{title}}',
      saved: 'Die Änderungen wurden gespeichert.',
      nothingChanged: 'Sie haben nichts geändert.',
      back: 'Zurück zum Bedarf',
    },
    detail: {
      title: 'Bedarf',
      changeStatus: 'Status ändern',
      edit: 'Bearbeiten',
      delete: 'Löschen',
      backToList: 'Zurück zu den Bedarfen',
      raisedAt: '{{meeting}} am {{date}}, TOP {{number}}: {{item}}',
      fieldOfAction: '{{field}} (Integrationskonzept {{year}})',
    },
    measures: {
      heading: 'Maßnahmen zu diesem Bedarf',
      empty: 'Zu diesem Bedarf gibt es noch keine Maßnahme.',
      create: 'Maßnahme anlegen',
      item: '{{reference}} {{title}}',
      statuses: {
        idea: 'Idee',
        planned: 'Geplant',
        in_progress: 'In Umsetzung',
        completed: 'Abgeschlossen',
        paused: 'Pausiert',
        discontinued: 'Eingestellt',
      },
    },
    status: {
      title: 'Status ändern',
      current: 'Aktueller Status: {{status}}',
      newStatus: 'Neuer Status',
      choose: 'Bitte wählen',
      noteHint: 'Pflicht bei „Erledigt“ und „Verworfen“.',
      submit: 'Status ändern',
      done: 'Der Status ist jetzt „{{status}}“.',
      conflictTitle: 'Dieser Statuswechsel ist nicht möglich',
      conflictText: 'Der Bedarf hat inzwischen einen anderen Status, oder dieser Wechsel ist nicht vorgesehen. Bitte laden Sie die Seite neu und prüfen Sie den aktuellen Status.',
    },
    delete: {
      title: 'Bedarf löschen?',
      text: 'Der Bedarf „{{title}}“ wird gelöscht.',
      confirm: 'Bedarf löschen',
      done: 'Der Bedarf „{{title}}“ wurde gelöscht.',
    },
    stale: {
      title: 'Zwischenzeitlich geändert',
      text: 'Der Bedarf wurde inzwischen geändert. Bitte schließen Sie den Dialog, laden Sie die Seite neu und versuchen Sie es erneut.',
    },
    forbidden: {
      title: 'Keine Berechtigung für diesen Arbeitskreis',
      text: 'Bedarfe erfassen und ändern die Koordination und die Sprecher:innen des jeweiligen Arbeitskreises.',
    },
  },
  validation: {
    server: {
      unknown_field_of_action:
        'Dieses Handlungsfeld kann nicht (mehr) gewählt werden. Bitte laden Sie die Seite neu und wählen Sie erneut.',
    },
  },
};

const en: DeepStrings<typeof de> = {
  needs: {
    fields: {
      body: 'Working group / body',
      title: 'Title',
      description: 'Description',
      fieldOfAction: 'Field of action',
      status: 'Status',
      statusNote: 'Note on the status',
      raisedAt: 'Raised at',
      createdAt: 'Recorded on',
      updatedAt: 'Last changed',
    },
    statuses: {
      open: 'Open',
      addressed: 'Being addressed (measure)',
      escalated: 'Passed to the steering group',
      resolved: 'Resolved',
      dismissed: 'Dismissed',
    },
    list: {
      title: 'Needs',
      lead: 'Gaps and needs raised in the working groups and bodies.',
      create: 'Record need',
      readOnly: 'You can view the needs but not change them.',
      filterLabel: 'Filter needs',
      search: 'Search',
      searchHint: 'Title or description',
      allFields: 'All fields of action',
      otherField: 'Field of action of an earlier edition',
      allBodies: 'All working groups and bodies',
      allStatuses: 'All statuses',
      apply: 'Filter',
      reset: 'Reset filters',
      count_one: '{{formatted}} need',
      count_other: '{{formatted}} needs',
      caption: 'Needs',
      empty: 'No open needs have been recorded.',
      emptyFiltered: 'No need matches your search.',
      pagination: 'Pages of needs',
    },
    form: {
      bodyChoose: 'Please choose',
      bodiesLoading: 'Loading working groups …',
      fieldOfActionHint: 'A field of action of the integration concept edition in force (optional).',
      noFieldOfAction: 'No field of action',
      olderField: '{{field}} (edition {{year}})',
    },
    validation: {
      body: 'Please choose the working group or body.',
      tooLong200: 'Please enter at most 200 characters.',
      status: 'Please choose the new status.',
      noteRequired: 'Please say why the need is resolved or dismissed.',
    },
    create: {
      title: 'Record need',
      lead: 'Record a need raised in a working group or body. It starts as “Open”.',
      submit: 'Record need',
      done: 'The need “{{title}}” was recorded.',
      fromAgenda: 'Raised at: {{meeting}}, item {{number}}',
      agendaMissing: 'The agenda item was not found; the need is recorded without a link to the meeting.',
      backToMeeting: 'Back to the meeting',
    },
    edit: {
      title: 'Edit need',
      titleWithName: 'Edit need: {{title}}',
      saved: 'The changes were saved.',
      nothingChanged: 'You did not change anything.',
      back: 'Back to the need',
    },
    detail: {
      title: 'Need',
      changeStatus: 'Change status',
      edit: 'Edit',
      delete: 'Delete',
      backToList: 'Back to the needs',
      raisedAt: '{{meeting}} on {{date}}, item {{number}}: {{item}}',
      fieldOfAction: '{{field}} (integration concept {{year}})',
    },
    measures: {
      heading: 'Measures for this need',
      empty: 'There is no measure for this need yet.',
      create: 'Create measure',
      item: '{{reference}} {{title}}',
      statuses: {
        idea: 'Idea',
        planned: 'Planned',
        in_progress: 'In progress',
        completed: 'Completed',
        paused: 'Paused',
        discontinued: 'Discontinued',
      },
    },
    status: {
      title: 'Change status',
      current: 'Current status: {{status}}',
      newStatus: 'New status',
      choose: 'Please choose',
      noteHint: 'Required for “Resolved” and “Dismissed”.',
      submit: 'Change status',
      done: 'The status is now “{{status}}”.',
      conflictTitle: 'This status change is not possible',
      conflictText: 'The need has a different status by now, or this change is not intended. Please reload the page and check the current status.',
    },
    delete: {
      title: 'Delete need?',
      text: 'The need “{{title}}” will be deleted.',
      confirm: 'Delete need',
      done: 'The need “{{title}}” was deleted.',
    },
    stale: {
      title: 'Changed in the meantime',
      text: 'The need was changed in the meantime. Please close the dialog, reload the page and try again.',
    },
    forbidden: {
      title: 'No permission for this working group',
      text: 'Needs are recorded and changed by the coordination office and the spokespersons of the working group.',
    },
  },
  validation: {
    server: {
      unknown_field_of_action: 'This field of action cannot be chosen (any more). Please reload the page and choose again.',
    },
  },
};

export const translations: TranslationBundle = { de, en };

registerTranslations(translations);
