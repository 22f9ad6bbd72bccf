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

before(async () => {
  browser = await launch();
  user = await apiCreateUser(await apiToken(), {
    email: uniqueEmail('axe'),
    name: 'Anna Axe',
    password: 'ein-sicheres-Passwort-1',
    roles: ['member', 'coordinator'],
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

  test('dark theme: overview and login keep their contrast', async () => {
    await page.goto('/');
    await page.getByLabel('Darstellung').selectOption('dark');
    assert.equal(await page.locator('html').getAttribute('data-kern-theme'), 'dark');
    await check('home-dark', async () => {});
    await check('users-dark', async () => {
      await page.goto('/verwaltung/benutzer');
      await page.getByRole('row', { name: /Anna/ }).first().waitFor();
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
    for (const path of ['/', '/konto', '/verwaltung/benutzer', '/verwaltung/benutzer/neu', `/verwaltung/benutzer/${user.id}`, '/barrierefreiheit']) {
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
