import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ADMIN,
  apiCreateUser,
  apiToken,
  assertClean,
  launch,
  login,
  newContext,
  newPage,
  screenshot,
  uniqueEmail,
} from './support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function withPage(fn) {
  const context = await newContext(browser);
  const page = await newPage(context);
  try {
    await fn(page, context);
    assertClean(context);
  } catch (error) {
    await screenshot(page, `failure-${Date.now()}`);
    throw error;
  } finally {
    await context.close();
  }
}

describe('login and app shell', () => {
  test('a visitor is sent to the login page; wrong credentials are explained in German', async () => {
    await withPage(async (page) => {
      await page.goto('/');
      await page.waitForURL('**/anmelden');
      assert.equal(await page.locator('html').getAttribute('lang'), 'de');
      // Not the admin's address: its failures would count towards the admin's throttle.
      await page.getByLabel('E-Mail-Adresse').fill(uniqueEmail('wrong'));
      await page.getByLabel('Passwort', { exact: true }).fill('falsches-passwort-123');
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await page.getByText('E-Mail-Adresse oder Passwort ist nicht korrekt').waitFor();
      assert.equal(await page.getByLabel('Passwort', { exact: true }).inputValue(), '');
    });
  });

  test('empty login shows the client-side errors at the fields and in a focused summary', async () => {
    await withPage(async (page) => {
      await page.goto('/anmelden');
      await page.getByRole('button', { name: 'Anmelden' }).click();
      const summary = page.getByRole('heading', { name: 'Bitte korrigieren Sie folgende Angaben' });
      await summary.waitFor();
      const email = page.getByLabel('E-Mail-Adresse');
      assert.equal(await email.getAttribute('aria-invalid'), 'true');
      const describedBy = await email.getAttribute('aria-describedby');
      assert.match(await page.locator(`#${describedBy}`).innerText(), /Bitte füllen Sie dieses Feld aus/);
      const focused = await page.evaluate(() => document.activeElement?.className ?? '');
      assert.match(focused, /app-error-summary/);
    });
  });

  test('admin logs in and sees the shell: county name, navigation, Mein Konto, footer links', async () => {
    await withPage(async (page) => {
      await login(page);
      assert.equal(await page.title(), 'Übersicht – Netzwerk Integration');
      const banner = page.getByRole('banner');
      await banner.getByText('Landkreis Gifhorn').first().waitFor();
      const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
      assert.deepEqual(await nav.getByRole('link').allInnerTexts(), ['Übersicht', 'Organisationen', 'Mitglieder', 'Beitrittsanfragen', 'Arbeitskreise', 'Sitzungen', 'Angebote', 'Bedarfe', 'Maßnahmen', 'Konzept', 'Vorlagen', 'Handlungsanweisungen', 'Verwaltung']);
      assert.equal(await nav.getByRole('link', { name: 'Übersicht' }).getAttribute('aria-current'), 'page');
      await page.getByRole('banner').getByRole('link', { name: /Mein Konto/ }).waitFor();
      const footer = page.getByRole('contentinfo');
      await footer.getByRole('link', { name: 'Erklärung zur Barrierefreiheit' }).waitFor();
      assert.equal(await footer.getByRole('link', { name: 'Impressum' }).getAttribute('href'), 'https://www.gifhorn.de/impressum');
      assert.equal(await footer.getByRole('link', { name: 'Datenschutz' }).getAttribute('href'), 'https://www.gifhorn.de/datenschutz');
      // The access token lives in memory only.
      const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
      assert.doesNotMatch(stored, /eyJ/);
      // Breadcrumbs and page titles on a sub page.
      await nav.getByRole('link', { name: 'Verwaltung' }).click();
      await page.getByRole('heading', { level: 1, name: 'Benutzer' }).waitFor();
      const crumbs = page.getByRole('navigation', { name: 'Sie sind hier' });
      assert.deepEqual(await crumbs.getByRole('listitem').allInnerTexts(), ['Übersicht', 'Verwaltung', 'Benutzer']);
      assert.equal(await page.title(), 'Benutzer – Netzwerk Integration');
    });
  });

  test('a reload keeps the session through the refresh cookie; logout ends it', async () => {
    await withPage(async (page) => {
      await login(page);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
      await page.getByRole('button', { name: 'Abmelden' }).click();
      await page.getByText('Sie sind abgemeldet').waitFor();
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
      await page.goto('/konto');
      await page.waitForURL('**/anmelden?ziel=%2Fkonto');
    });
  });

  test('after login the user returns to the page they asked for', async () => {
    await withPage(async (page) => {
      await page.goto('/verwaltung/benutzer?q=admin');
      await page.waitForURL('**/anmelden?ziel=*');
      await page.getByLabel('E-Mail-Adresse').fill(ADMIN.email);
      await page.getByLabel('Passwort', { exact: true }).fill(ADMIN.password);
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await page.waitForURL('**/verwaltung/benutzer?q=admin');
      await page.getByRole('heading', { level: 1, name: 'Benutzer' }).waitFor();
    });
  });

  test('keyboard only: skip link, login with Tab and Enter, focus is visible', async () => {
    await withPage(async (page) => {
      await page.goto('/anmelden');
      await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Zum Inhalt springen' });
      assert.equal(await skip.evaluate((el) => el === document.activeElement), true);
      const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
      assert.notEqual(outline, 'none', 'focused skip link has a visible outline');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
      // From the start of main, Tab reaches the e-mail field first.
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'login-email');
      await page.keyboard.type(ADMIN.email);
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'login-password');
      await page.keyboard.type(ADMIN.password);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
    });
  });

  test('too many failed logins: a clear message with the waiting time (429 Retry-After)', async () => {
    await withPage(async (page) => {
      const email = uniqueEmail('throttle');
      await page.goto('/anmelden');
      const message = page.getByText(/Bitte warten Sie \d+ Sekunden?/);
      for (let attempt = 0; attempt < 8; attempt += 1) {
        await page.getByLabel('E-Mail-Adresse').fill(email);
        await page.getByLabel('Passwort', { exact: true }).fill('falsches-passwort-123');
        await page.getByRole('button', { name: 'Anmelden' }).click();
        await page.getByRole('alert').first().waitFor();
        if (await message.isVisible()) break;
      }
      await message.waitFor();
      await page.getByRole('alert').getByText('Zu viele Anmeldeversuche').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Anmelden' }).isDisabled(), true);
    });
  });

  test('unknown addresses show the 404 page inside the shell', async () => {
    await withPage(async (page) => {
      await page.goto('/gibt-es-nicht');
      await page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' }).waitFor();
      await page.getByRole('link', { name: 'Zur Übersicht' }).waitFor();
    });
  });

  test('Mein Konto: change the name, change the password, log in with the new one', async () => {
    const email = uniqueEmail('konto');
    const oldPassword = 'altes-Passwort-1234';
    const newPassword = 'neues-Passwort-5678';
    await apiCreateUser(await apiToken(), { email, name: 'Karla Konto', password: oldPassword, roles: ['member'] });
    await withPage(async (page) => {
      await login(page, email, oldPassword);
      // Members do not see the administration.
      const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
      assert.deepEqual(await nav.getByRole('link').allInnerTexts(), ['Übersicht', 'Organisationen', 'Mitglieder', 'Arbeitskreise', 'Sitzungen', 'Angebote', 'Bedarfe', 'Maßnahmen', 'Konzept', 'Vorlagen', 'Handlungsanweisungen']);
      // They may read the directory but get no write buttons.
      await nav.getByRole('link', { name: 'Organisationen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Organisationen' }).waitFor();
      await page.getByRole('heading', { level: 2, name: /gefunden/ }).waitFor();
      assert.equal(await page.getByRole('link', { name: 'Organisation anlegen' }).count(), 0);
      await page.goto('/mitglieder/neu');
      await page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' }).waitFor();
      await page.goto('/verwaltung/benutzer');
      await page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' }).waitFor();
      await page.getByRole('banner').getByRole('link', { name: /Mein Konto/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Mein Konto' }).waitFor();
      await page.getByLabel('Name', { exact: true }).fill('Karla Konto-Neu');
      await page.getByRole('button', { name: 'Namen speichern' }).click();
      await page.getByText('Ihr Name wurde gespeichert.').waitFor();
      await page.getByRole('banner').getByText('Karla Konto-Neu').waitFor();

      await page.getByLabel('Aktuelles Passwort').fill('das-ist-falsch-123');
      await page.getByLabel('Neues Passwort', { exact: true }).fill(newPassword);
      await page.getByLabel('Neues Passwort wiederholen').fill(newPassword);
      await page.getByRole('button', { name: 'Passwort ändern' }).click();
      await page.getByText('Das aktuelle Passwort ist nicht korrekt.').first().waitFor();

      await page.getByLabel('Aktuelles Passwort').fill(oldPassword);
      await page.getByRole('button', { name: 'Passwort ändern' }).click();
      await page.getByText('Ihr Passwort wurde geändert.').waitFor();
      await page.getByRole('button', { name: 'Abmelden' }).click();
      await page.getByText('Sie sind abgemeldet').waitFor();
      await login(page, email, newPassword);
    });
  });
});
