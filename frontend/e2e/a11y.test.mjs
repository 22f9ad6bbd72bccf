/**
 * axe-core (WCAG 2.0/2.1 A and AA) on every route in its main states:
 * empty, filled, with validation errors, with a dialog open; in light and
 * dark theme; and no horizontal scrolling at 320 px.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ADMIN,
  apiCreateUser,
  apiJson,
  apiToken,
  assertClean,
  expectNoAxeViolations,
  launch,
  login,
  newContext,
  newPage,
  screenshot,
  uniqueEmail,
} from './support.mjs';

let browser;
let context;
let page;
let user;
let organisation;
let member;
let workingGroup;

before(async () => {
  browser = await launch();
  user = await apiCreateUser(await apiToken(), {
    email: uniqueEmail('axe'),
    name: 'Anna Axe',
    password: 'ein-sicheres-Passwort-1',
    roles: ['member', 'coordinator'],
  });
  const token = await apiToken();
  organisation = await apiJson(token, 'POST', '/api/v1/organisations', {
    name: 'Axe Beratungsstelle',
    short_name: 'AxeB',
    kind: 'migrant_organisation',
    municipality: 'Samtgemeinde Meinersen',
    email: 'kontakt@axe.example.org',
  });
  member = await apiJson(token, 'POST', '/api/v1/members', {
    given_name: 'Amir',
    family_name: 'Axtmann',
    engagement: 'volunteer',
    organisation_id: organisation.id,
    languages: ['de', 'fa'],
  });
  const bodies = await apiJson(token, 'GET', '/api/v1/bodies?kind=working_group&sort=name');
  workingGroup = bodies.items[0];
  await apiJson(token, 'POST', '/api/v1/memberships', {
    member_id: member.id,
    body_id: workingGroup.id,
    role: 'deputy_spokesperson',
    start_on: '2025-01-01',
  });
  context = await newContext(browser);
  page = await newPage(context);
});

after(async () => {
  if (context) assertClean(context);
  await context?.close();
  await browser?.close();
});

async function check(label, fn) {
  try {
    await fn();
    await expectNoAxeViolations(page, label);
  } catch (error) {
    await screenshot(page, `failure-${label}`);
    throw error;
  }
}

describe('accessibility (axe, WCAG 2.1 AA)', () => {
  test('login page: empty, with validation errors, with a failed login', async () => {
    await check('login-empty', async () => {
      await page.goto('/anmelden');
      await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
    });
    await check('login-validation', async () => {
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await page.getByRole('heading', { name: 'Bitte korrigieren Sie folgende Angaben' }).waitFor();
    });
    await check('login-failed', async () => {
      await page.getByLabel('E-Mail-Adresse').fill(uniqueEmail('axe-wrong'));
      await page.getByLabel('Passwort', { exact: true }).fill('falsches-passwort-123');
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await page.getByText('Anmeldung fehlgeschlagen').waitFor();
    });
  });

  test('public pages: accessibility statement and 404', async () => {
    await check('accessibility-statement', async () => {
      await page.goto('/barrierefreiheit');
      await page.getByRole('heading', { level: 1, name: 'Erklärung zur Barrierefreiheit' }).waitFor();
      await page.getByRole('link', { name: 'integration@gifhorn.de' }).waitFor();
    });
    await check('not-found', async () => {
      await page.goto('/nicht-vorhanden');
      await page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' }).waitFor();
      // Visitors on public pages find the way to the login.
      await page.getByRole('banner').getByRole('link', { name: 'Anmelden' }).waitFor();
    });
  });

  test('public join form: empty, validation errors, filled, confirmation', async () => {
    await check('join-empty', async () => {
      await page.goto('/mitmachen');
      await page.getByRole('heading', { level: 1, name: 'Mitmachen im Netzwerk Integration' }).waitFor();
    });
    await check('join-validation', async () => {
      await page.getByRole('button', { name: 'Anfrage senden' }).click();
      await page.getByRole('heading', { name: 'Bitte korrigieren Sie folgende Angaben' }).waitFor();
    });
    await check('join-filled', async () => {
      await page.getByLabel('Vorname').fill('Alma');
      await page.getByLabel('Nachname').fill('Axtfrage');
      await page.getByLabel('E-Mail-Adresse').fill(uniqueEmail('axe-join'));
      await page.getByLabel('Engagement').selectOption('professional');
      await page.getByLabel(/Ich willige ein/).check();
    });
    await check('join-done', async () => {
      await page.getByRole('button', { name: 'Anfrage senden' }).click();
      await page.getByText('Vielen Dank für Ihre Anfrage').waitFor();
    });
  });

  test('overview and Mein Konto (filled, with validation errors)', async () => {
    await login(page, ADMIN.email, ADMIN.password);
    await check('home', async () => {});
    await check('account', async () => {
      await page.goto('/konto');
      await page.getByRole('heading', { level: 1, name: 'Mein Konto' }).waitFor();
      await page.getByLabel('Name', { exact: true }).waitFor();
    });
    await check('account-validation', async () => {
      await page.getByLabel('Name', { exact: true }).fill('');
      await page.getByRole('button', { name: 'Namen speichern' }).click();
      await page.getByRole('button', { name: 'Passwort ändern' }).click();
      await page.getByText('Die beiden Passwörter', { exact: false }).or(page.getByText('Bitte füllen Sie dieses Feld aus.').first()).first().waitFor();
    });
  });

  test('user list: filled, empty search result', async () => {
    await check('users-list', async () => {
      await page.goto('/verwaltung/benutzer');
      await page.getByRole('row', { name: /Anna Axe/ }).waitFor();
    });
    await check('users-list-empty', async () => {
      await page.goto('/verwaltung/benutzer?q=niemand-heisst-so');
      await page.getByText('Keine Benutzer passen zu Ihrer Suche.', { exact: false }).waitFor();
    });
  });

  test('create user: empty and with validation errors', async () => {
    await check('user-create', async () => {
      await page.goto('/verwaltung/benutzer/neu');
      await page.getByRole('heading', { level: 1, name: 'Benutzer anlegen' }).waitFor();
    });
    await check('user-create-validation', async () => {
      await page.getByRole('button', { name: 'Benutzer anlegen' }).click();
      await page.getByRole('heading', { name: 'Bitte korrigieren Sie folgende Angaben' }).waitFor();
    });
  });

  test('edit user: filled, validation errors, confirmation dialog, conflict dialog', async () => {
    await check('user-edit', async () => {
      await page.goto(`/verwaltung/benutzer/${user.id}`);
      await page.getByRole('heading', { level: 1, name: 'Benutzer: Anna Axe' }).waitFor();
    });
    await check('user-edit-validation', async () => {
      await page.getByLabel('E-Mail-Adresse').fill('keine-adresse');
      await page.getByRole('button', { name: 'Speichern' }).click();
      await page.getByRole('heading', { name: 'Bitte korrigieren Sie folgende Angaben' }).waitFor();
    });
    await check('user-edit-confirm-dialog', async () => {
      await page.reload();
      await page.getByRole('button', { name: 'Konto deaktivieren' }).click();
      await page.getByRole('dialog', { name: 'Konto deaktivieren?' }).waitFor();
    });
    await check('user-edit-conflict-dialog', async () => {
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      // Change the user behind the page's back, then save from the page.
      const token = await apiToken();
      const current = await fetch(`${process.env.E2E_BASE_URL}/api/v1/users/${user.id}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      const changed = await fetch(`${process.env.E2E_BASE_URL}/api/v1/users/${user.id}`, {
        method: 'PATCH',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
          'If-Match': current.headers.get('ETag') ?? '',
        },
        body: JSON.stringify({ name: 'Anna Anders' }),
      });
      assert.equal(changed.status, 200);
      await page.getByLabel('Name', { exact: true }).fill('Anna Meins');
      await page.getByRole('button', { name: 'Speichern' }).click();
      await page.getByRole('alertdialog', { name: 'Eintrag wurde zwischenzeitlich geändert' }).waitFor();
    });
  });

  test('organisations: list, empty result, create with errors, detail with delete dialog, edit', async () => {
    await check('organisations-list', async () => {
      await page.goto('/organisationen');
      await page.getByRole('row', { name: /Axe Beratungsstelle/ }).waitFor();
    });
    await check('organisations-list-empty', async () => {
      await page.goto('/organisationen?q=niemand-heisst-so');
      await page.getByText('Keine Organisation passt zu Ihrer Suche.', { exact: false }).waitFor();
    });
    await check('organisation-create', async () => {
      await page.goto('/organisationen/neu');
      await page.getByRole('heading', { level: 1, name: 'Organisation anlegen' }).waitFor();
    });
    await check('organisation-create-validation', async () => {
      await page.getByLabel('Website').fill('keine-adresse');
      await page.getByRole('button', { name: 'Organisation anlegen' }).click();
      await page.getByRole('heading', { name: 'Bitte korrigieren Sie folgende Angaben' }).waitFor();
    });
    await check('organisation-detail', async () => {
      await page.goto(`/organisationen/${organisation.id}`);
      await page.getByRole('heading', { level: 1, name: 'Axe Beratungsstelle' }).waitFor();
    });
    await check('organisation-delete-dialog', async () => {
      await page.getByRole('button', { name: 'Löschen' }).click();
      await page.getByRole('alertdialog', { name: 'Organisation löschen?' }).waitFor();
    });
    await check('organisation-edit', async () => {
      await page.keyboard.press('Escape');
      await page.getByRole('alertdialog').waitFor({ state: 'hidden' });
      await page.goto(`/organisationen/${organisation.id}/bearbeiten`);
      await page.getByLabel('Name', { exact: true }).waitFor();
    });
    await check('organisation-edit-validation', async () => {
      await page.getByLabel('Name', { exact: true }).fill('');
      await page.getByRole('button', { name: 'Speichern' }).click();
      await page.getByRole('heading', { name: 'Bitte korrigieren Sie folgende Angaben' }).waitFor();
    });
  });

  test('members: list, empty result, create with errors, detail with memberships and delete dialog, edit', async () => {
    await check('members-list', async () => {
      await page.goto('/mitglieder');
      await page.getByRole('row', { name: /Amir Axtmann/ }).waitFor();
    });
    await check('members-list-empty', async () => {
      await page.goto('/mitglieder?q=niemand-heisst-so&engagement=volunteer');
      await page.getByText('Kein Mitglied passt zu Ihrer Suche.', { exact: false }).waitFor();
    });
    await check('member-create', async () => {
      await page.goto('/mitglieder/neu');
      await page.getByRole('heading', { level: 1, name: 'Mitglied anlegen' }).waitFor();
      await page.getByRole('option', { name: 'Axe Beratungsstelle (AxeB)' }).waitFor({ state: 'attached' });
    });
    await check('member-create-validation', async () => {
      await page.getByLabel('Weitere Sprachen (ISO-Kürzel)').fill('xyz');
      await page.getByLabel('E-Mail-Adresse').fill('keine-adresse');
      await page.getByRole('button', { name: 'Mitglied anlegen' }).click();
      await page.getByRole('heading', { name: 'Bitte korrigieren Sie folgende Angaben' }).waitFor();
    });
    await check('member-detail', async () => {
      await page.goto(`/mitglieder/${member.id}`);
      await page.getByRole('heading', { level: 1, name: 'Amir Axtmann' }).waitFor();
      await page.getByRole('row', { name: new RegExp(workingGroup.name) }).waitFor();
    });
    await check('member-delete-dialog', async () => {
      await page.getByRole('button', { name: 'Löschen' }).click();
      await page.getByRole('alertdialog', { name: 'Mitglied löschen?' }).waitFor();
    });
    await check('member-edit', async () => {
      await page.keyboard.press('Escape');
      await page.getByRole('alertdialog').waitFor({ state: 'hidden' });
      await page.goto(`/mitglieder/${member.id}/bearbeiten`);
      await page.getByLabel('Vorname').waitFor();
    });
  });

  test('join-request inbox: list, empty filter, detail, accept and decline dialogs', async () => {
    await check('join-inbox', async () => {
      await page.goto('/mitglieder/beitrittsanfragen');
      await page.getByRole('heading', { level: 1, name: 'Beitrittsanfragen' }).waitFor();
      await page.getByRole('link', { name: 'Alma Axtfrage' }).first().waitFor();
    });
    await check('join-inbox-empty', async () => {
      await page.goto('/mitglieder/beitrittsanfragen?status=declined');
      await page.getByText('Keine Anfragen mit diesem Status.').waitFor();
    });
    await check('join-detail', async () => {
      await page.goto('/mitglieder/beitrittsanfragen');
      await page.getByRole('link', { name: 'Alma Axtfrage' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Beitrittsanfrage von Alma Axtfrage' }).waitFor();
    });
    await check('join-accept-dialog', async () => {
      await page.getByRole('button', { name: 'Annehmen' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Mitglied', { exact: true }).selectOption('link');
      await dialog.getByLabel('Vorhandenes Mitglied').waitFor();
    });
    await check('join-accept-dialog-error', async () => {
      await page.getByRole('dialog').getByRole('button', { name: 'Anfrage annehmen' }).click();
      await page.getByRole('dialog').getByText('Bitte wählen Sie das Mitglied aus').waitFor();
    });
    await page.getByRole('dialog').getByRole('button', { name: 'Abbrechen' }).click();
    await check('join-decline-dialog-error', async () => {
      await page.getByRole('button', { name: 'Ablehnen' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Anfrage ablehnen' }).click();
      await page.getByRole('dialog').getByText('Bitte schreiben Sie eine Nachricht').waitFor();
    });
    await page.getByRole('dialog').getByRole('button', { name: 'Abbrechen' }).click();
  });

  test('consents on the member page: tables, record dialog with an error', async () => {
    await check('member-consents', async () => {
      await page.goto(`/mitglieder/${member.id}`);
      await page.getByRole('heading', { level: 2, name: 'Einwilligungen' }).waitFor();
      await page.getByRole('table', { name: 'Aktueller Stand je Zweck' }).waitFor();
    });
    await check('member-consents-dialog-error', async () => {
      await page.getByRole('button', { name: 'Einwilligung erfassen' }).click();
      const dialog = page.getByRole('dialog', { name: 'Einwilligung erfassen' });
      await dialog.getByLabel('Textfassung').fill('');
      await dialog.getByRole('button', { name: 'Erfassen' }).click();
      await dialog.getByText('Bitte füllen Sie dieses Feld aus.').waitFor();
    });
    await page.getByRole('dialog').getByRole('button', { name: 'Abbrechen' }).click();
  });

  test('member import: empty, missing file, dry-run report', async () => {
    await check('import-empty', async () => {
      await page.goto('/mitglieder/import');
      await page.getByRole('heading', { level: 1, name: 'Mitgliederliste importieren' }).waitFor();
    });
    await check('import-error', async () => {
      await page.getByRole('button', { name: 'Datei prüfen' }).click();
      await page.getByText('Bitte wählen Sie eine Datei aus.').waitFor();
    });
    await check('import-report', async () => {
      const csv = 'Vorname;Nachname;E-Mail;Engagement\r\nAxel;Axtimport;axel.axt@example.org;Ehrenamt\r\nAxel;Kaputt;kaputt;Unbekannt\r\n';
      await page.getByLabel('Datei (CSV oder XLSX)').setInputFiles({ name: 'axe.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByRole('button', { name: 'Datei prüfen' }).click();
      await page.getByRole('table', { name: 'Ergebnis je Zeile' }).waitFor();
    });
  });

  test('working groups: list, body page, add/end/edit dialogs with errors', async () => {
    await check('bodies-list', async () => {
      await page.goto('/arbeitskreise');
      await page.getByRole('row', { name: /Amir Axtmann/ }).waitFor();
    });
    await check('body-detail', async () => {
      await page.goto(`/arbeitskreise/${workingGroup.id}`);
      await page.getByRole('heading', { level: 1, name: workingGroup.name }).waitFor();
      await page.getByRole('link', { name: 'Amir Axtmann' }).waitFor();
    });
    await check('body-add-dialog', async () => {
      await page.getByRole('button', { name: 'Mitglied hinzufügen' }).click();
      await page.getByRole('dialog', { name: /hinzufügen/ }).waitFor();
    });
    await check('body-add-dialog-validation', async () => {
      await page.getByRole('dialog').getByRole('button', { name: 'Hinzufügen' }).click();
      await page.getByRole('dialog').getByRole('heading', { name: 'Bitte korrigieren Sie folgende Angaben' }).waitFor();
    });
    await check('body-end-dialog', async () => {
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      await page.getByRole('button', { name: 'Mitgliedschaft von Amir Axtmann beenden' }).click();
      await page.getByRole('dialog', { name: 'Mitgliedschaft beenden' }).waitFor();
    });
    await check('body-end-dialog-validation', async () => {
      await page.getByLabel('Letzter Tag der Mitgliedschaft').fill('2024-01-01');
      await page.getByRole('dialog').getByRole('button', { name: 'Mitgliedschaft beenden' }).click();
      await page.getByRole('dialog').getByText('Das Ende darf nicht vor dem Beginn', { exact: false }).first().waitFor();
    });
    await check('body-edit-dialog', async () => {
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      await page.getByRole('button', { name: 'Beschreibung bearbeiten' }).click();
      await page.getByRole('dialog', { name: 'Beschreibung und Leitfrage bearbeiten' }).waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
    });
  });

  test('dark theme: overview and login keep their contrast', async () => {
    await page.goto('/');
    await page.getByLabel('Darstellung').selectOption('dark');
    assert.equal(await page.locator('html').getAttribute('data-kern-theme'), 'dark');
    await check('home-dark', async () => {});
    await check('users-dark', async () => {
      await page.goto('/verwaltung/benutzer');
      await page.getByRole('row', { name: /Anna/ }).first().waitFor();
    });
    await check('members-dark', async () => {
      await page.goto('/mitglieder');
      await page.getByRole('row', { name: /Amir Axtmann/ }).waitFor();
    });
    await check('body-dark', async () => {
      await page.goto(`/arbeitskreise/${workingGroup.id}`);
      await page.getByRole('link', { name: 'Amir Axtmann' }).waitFor();
    });
    await page.getByLabel('Darstellung').selectOption('system');
  });

  test('English UI is selectable and sets lang="en"', async () => {
    await page.goto('/');
    await page.getByLabel('Sprache').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await check('home-english', async () => {});
    // The choice survives a reload (English is loaded before the first render).
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await page.getByLabel('Language').selectOption('de');
    await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
  });

  test('320 px wide: no horizontal scrolling on the main pages', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of ['/', '/konto', '/verwaltung/benutzer', '/verwaltung/benutzer/neu', `/verwaltung/benutzer/${user.id}`, '/barrierefreiheit', '/mitmachen', '/mitglieder/beitrittsanfragen', '/mitglieder/import',
      '/organisationen', '/organisationen/neu', `/organisationen/${organisation.id}`, '/mitglieder', '/mitglieder/neu',
      `/mitglieder/${member.id}`, `/mitglieder/${member.id}/bearbeiten`, '/arbeitskreise', `/arbeitskreise/${workingGroup.id}`]) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) await screenshot(page, `overflow-${path}`);
      assert.ok(overflow <= 0, `${path} scrolls horizontally by ${overflow}px at 320 px`);
    }
    await check('home-320', async () => {
      await page.goto('/');
      await page.getByRole('heading', { level: 1 }).waitFor();
    });
  });
});
