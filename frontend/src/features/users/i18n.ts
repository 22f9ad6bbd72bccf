import type { DeepStrings } from '@/lib/i18n/de';
import { type TranslationBundle, registerTranslations } from '@/lib/i18n';

/**
 * Texts of this feature (users), registered when the feature's lazy
 * entry modules import this file, so they stay out of the initial bundle.
 * Keys shared with other parts of the app stay in src/lib/i18n/de.ts/en.ts.
 */
const de = {
  users: {
    fields: {
      name: 'Name',
      email: 'E-Mail-Adresse',
      password: 'Passwort',
      initialPassword: 'Erstes Passwort',
      newPassword: 'Neues Passwort',
      roles: 'Rollen',
      status: 'Status',
      createdAt: 'Angelegt am',
    },
    status: {
      active: 'Aktiv',
      inactive: 'Deaktiviert',
    },
    form: {
      passwordHintCreate: 'Mindestens 12 Zeichen. Teilen Sie es der Person auf sicherem Weg mit; sie kann es unter „Mein Konto“ ändern.',
      passwordHintEdit: 'Nur ausfüllen, wenn Sie das Passwort zurücksetzen möchten (mindestens 12 Zeichen).',
      rolesHint: 'Die Rollen bestimmen, was die Person sehen und bearbeiten darf.',
      emailTaken: 'Es gibt bereits ein Konto mit dieser E-Mail-Adresse.',
    },
    list: {
      title: 'Benutzer',
      lead: 'Konten der Personen, die mit dieser Anwendung arbeiten.',
      create: 'Benutzer anlegen',
      filterLabel: 'Benutzer suchen und filtern',
      search: 'Suche',
      searchHint: 'Name oder E-Mail-Adresse',
      roleFilter: 'Rolle',
      allRoles: 'Alle Rollen',
      statusFilter: 'Status',
      onlyActive: 'Nur aktive',
      onlyInactive: 'Nur deaktivierte',
      allStatuses: 'Alle',
      apply: 'Suchen',
      reset: 'Filter zurücksetzen',
      caption: 'Benutzerliste',
      count_one: '{{formatted}} Benutzer gefunden',
      count_other: '{{formatted}} Benutzer gefunden',
      empty: 'Es gibt noch keine Benutzer.',
      emptyFiltered: 'Keine Benutzer passen zu Ihrer Suche. Ändern Sie die Suchbegriffe oder setzen Sie die Filter zurück.',
      pagination: 'Seiten der Benutzerliste',
    },
    create: {
      title: 'Benutzer anlegen',
      lead: 'Legen Sie ein Konto für eine Person an, die mit dieser Anwendung arbeiten soll.',
      submit: 'Benutzer anlegen',
      done: 'Das Konto für {{name}} wurde angelegt.',
    },
    edit: {
      title: 'Benutzer bearbeiten',
      titleWithName: 'Benutzer: {{name}}',
      formLabel: 'Benutzerdaten',
      meta: 'Angelegt am {{created}}, zuletzt geändert am {{updated}}',
      saved: 'Die Änderungen wurden gespeichert.',
      nothingChanged: 'Sie haben nichts geändert.',
      backToList: 'Zurück zur Benutzerliste',
      statusSection: 'Konto aktivieren oder deaktivieren',
      deactivateHint: 'Ein deaktiviertes Konto kann sich nicht mehr anmelden. Die Daten bleiben erhalten.',
      activateHint: 'Dieses Konto ist deaktiviert. Nach dem Aktivieren kann sich die Person wieder anmelden.',
      deactivate: 'Konto deaktivieren',
      activate: 'Konto aktivieren',
      confirmDeactivateTitle: 'Konto deaktivieren?',
      confirmDeactivateText: '{{name}} kann sich danach nicht mehr anmelden. Sie können das Konto später wieder aktivieren.',
      confirmActivateTitle: 'Konto aktivieren?',
      confirmActivateText: '{{name}} kann sich danach wieder anmelden.',
      deactivated: 'Das Konto wurde deaktiviert.',
      activated: 'Das Konto wurde aktiviert.',
    },
  },
};

const en: DeepStrings<typeof de> = {
  users: {
    fields: {
      name: 'Name',
      email: 'E-mail address',
      password: 'Password',
      initialPassword: 'Initial password',
      newPassword: 'New password',
      roles: 'Roles',
      status: 'Status',
      createdAt: 'Created on',
    },
    status: {
      active: 'Active',
      inactive: 'Deactivated',
    },
    form: {
      passwordHintCreate: 'At least 12 characters. Tell the person securely; they can change it under “My account”.',
      passwordHintEdit: 'Only fill in to reset the password (at least 12 characters).',
      rolesHint: 'Roles decide what the person may see and edit.',
      emailTaken: 'An account with this e-mail address already exists.',
    },
    list: {
      title: 'Users',
      lead: 'Accounts of the people who work with this application.',
      create: 'Create user',
      filterLabel: 'Search and filter users',
      search: 'Search',
      searchHint: 'Name or e-mail address',
      roleFilter: 'Role',
      allRoles: 'All roles',
      statusFilter: 'Status',
      onlyActive: 'Active only',
      onlyInactive: 'Deactivated only',
      allStatuses: 'All',
      apply: 'Search',
      reset: 'Reset filters',
      caption: 'User list',
      count_one: '{{formatted}} user found',
      count_other: '{{formatted}} users found',
      empty: 'There are no users yet.',
      emptyFiltered: 'No users match your search. Change the search terms or reset the filters.',
      pagination: 'Pages of the user list',
    },
    create: {
      title: 'Create user',
      lead: 'Create an account for a person who is to work with this application.',
      submit: 'Create user',
      done: 'The account for {{name}} has been created.',
    },
    edit: {
      title: 'Edit user',
      titleWithName: 'User: {{name}}',
      formLabel: 'User details',
      meta: 'Created on {{created}}, last changed on {{updated}}',
      saved: 'The changes have been saved.',
      nothingChanged: 'You have not changed anything.',
      backToList: 'Back to the user list',
      statusSection: 'Activate or deactivate account',
      deactivateHint: 'A deactivated account can no longer log in. Its data is kept.',
      activateHint: 'This account is deactivated. After activation the person can log in again.',
      deactivate: 'Deactivate account',
      activate: 'Activate account',
      confirmDeactivateTitle: 'Deactivate account?',
      confirmDeactivateText: '{{name}} will no longer be able to log in. You can activate the account again later.',
      confirmActivateTitle: 'Activate account?',
      confirmActivateText: '{{name}} will be able to log in again.',
      deactivated: 'The account has been deactivated.',
      activated: 'The account has been activated.',
    },
  },
};

export const translations: TranslationBundle = { de, en };

registerTranslations(translations);
