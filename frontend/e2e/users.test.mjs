import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ADMIN, apiCreateUser, apiToken, assertClean, launch, login, newContext, newPage, screenshot, uniqueEmail } from './support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function withAdmin(fn) {
  const context = await newContext(browser);
  const page = await newPage(context);
  try {
    await login(page);
    await fn(page, context);
    assertClean(context);
  } catch (error) {
    await screenshot(page, `failure-users-${Date.now()}`);
    throw error;
  } finally {
    await context.close();
  }
}

function fieldError(page, label) {
  return page.getByLabel(label, { exact: true }).evaluate((input) => {
    const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id.endsWith('-error'));
    return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
  });
}

describe('user administration', () => {
  test('create a user: client checks, server field errors at the right field, success', async () => {
    await withAdmin(async (page) => {
      await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Verwaltung' }).click();
      await page.getByRole('link', { name: 'Benutzer anlegen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Benutzer anlegen' }).waitFor();

      // 1. Client-side validation.
      await page.getByRole('button', { name: 'Benutzer anlegen' }).click();
      await page.getByRole('heading', { name: 'Bitte korrigieren Sie folgende Angaben' }).waitFor();
      assert.match(await fieldError(page, 'Name'), /Bitte füllen Sie dieses Feld aus/);
      assert.match(await fieldError(page, 'Erstes Passwort'), /mindestens 12 Zeichen|Bitte füllen/);

      // 2. The server's 422 lands at the field it names (name longer than the API allows).
      const email = uniqueEmail('neu');
      await page.getByLabel('Name', { exact: true }).fill('N'.repeat(201));
      await page.getByLabel('E-Mail-Adresse').fill(email);
      await page.getByLabel('Erstes Passwort').fill('ein-sicheres-Passwort-1');
      await page.getByRole('button', { name: 'Benutzer anlegen' }).click();
      await page.getByText('Bitte geben Sie höchstens 200 Zeichen ein.').first().waitFor();
      assert.match(await fieldError(page, 'Name'), /höchstens 200 Zeichen/);
      assert.equal(await fieldError(page, 'E-Mail-Adresse'), '');

      // 3. 409: the e-mail address exists already -> at the e-mail field.
      await page.getByLabel('Name', { exact: true }).fill('Doppelt Vorhanden');
      await page.getByLabel('E-Mail-Adresse').fill(ADMIN.email);
      await page.getByRole('button', { name: 'Benutzer anlegen' }).click();
      await page.getByText('Es gibt bereits ein Konto mit dieser E-Mail-Adresse.').first().waitFor();
      assert.match(await fieldError(page, 'E-Mail-Adresse'), /bereits ein Konto/);

      // 4. Success.
      await page.getByLabel('Name', { exact: true }).fill('Berta Beispiel');
      await page.getByLabel('E-Mail-Adresse').fill(email);
      await page.getByLabel('Koordination').check();
      await page.getByRole('button', { name: 'Benutzer anlegen' }).click();
      await page.getByText('Das Konto für Berta Beispiel wurde angelegt.').waitFor();

      // Search finds the new user.
      await page.getByRole('searchbox', { name: 'Suche' }).fill(email);
      await page.getByRole('button', { name: 'Suchen' }).click();
      await page.waitForURL(/q=/);
      const row = page.getByRole('row', { name: /Berta Beispiel/ });
      await row.waitFor();
      assert.match(await row.innerText(), /Mitglied, Koordination|Koordination, Mitglied/);
      await page.getByText('1 Benutzer gefunden').waitFor();
    });
  });

  test('edit roles, then deactivate with a confirmation', async () => {
    const email = uniqueEmail('rollen');
    const created = await apiCreateUser(await apiToken(), {
      email,
      name: 'Rita Rolle',
      password: 'ein-sicheres-Passwort-1',
      roles: ['member'],
    });
    await withAdmin(async (page) => {
      await page.goto(`/verwaltung/benutzer/${created.id}`);
      await page.getByRole('heading', { level: 1, name: 'Benutzer: Rita Rolle' }).waitFor();
      await page.getByLabel('Arbeitskreissprecher:in').check();
      await page.getByRole('button', { name: 'Speichern' }).click();
      await page.getByText('Die Änderungen wurden gespeichert.').waitFor();
      await page.reload();
      assert.equal(await page.getByLabel('Arbeitskreissprecher:in').isChecked(), true);

      await page.getByRole('button', { name: 'Konto deaktivieren' }).click();
      const dialog = page.getByRole('dialog', { name: 'Konto deaktivieren?' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Konto deaktivieren' }).click();
      await page.getByText('Das Konto wurde deaktiviert.').waitFor();
      await page.getByRole('button', { name: 'Konto aktivieren' }).waitFor();

      await page.goto('/verwaltung/benutzer?status=inactive');
      await page.getByRole('row', { name: /Rita Rolle/ }).getByText('Deaktiviert').waitFor();
    });
  });

  test('someone else changed the user in another tab: conflict dialog, never a silent overwrite', async () => {
    const email = uniqueEmail('konflikt');
    const created = await apiCreateUser(await apiToken(), {
      email,
      name: 'Konrad Konflikt',
      password: 'ein-sicheres-Passwort-1',
      roles: ['member'],
    });
    await withAdmin(async (page, context) => {
      await page.goto(`/verwaltung/benutzer/${created.id}`);
      await page.getByRole('heading', { level: 1, name: 'Benutzer: Konrad Konflikt' }).waitFor();

      // Another tab of the same admin changes the name and saves first.
      const other = await newPage(context);
      await other.goto(`/verwaltung/benutzer/${created.id}`);
      await other.getByLabel('Name', { exact: true }).fill('Konrad Geändert');
      await other.getByRole('button', { name: 'Speichern' }).click();
      await other.getByText('Die Änderungen wurden gespeichert.').waitFor();
      await other.close();

      // The first tab still shows the old version; its save must be refused.
      await page.bringToFront();
      await page.getByLabel('Steuerungsgruppe').check();
      await page.getByLabel('Name', { exact: true }).fill('Konrad Mein Name');
      await page.getByRole('button', { name: 'Speichern' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Eintrag wurde zwischenzeitlich geändert' });
      await dialog.waitFor();
      await dialog.getByText('Ihre Änderungen wurden nicht gespeichert.', { exact: false }).waitFor();
      const nameRow = dialog.getByRole('row', { name: /^Name/ });
      assert.match(await nameRow.innerText(), /Konrad Mein Name[\s\S]*Konrad Geändert/);
      // Focus is inside the dialog.
      assert.equal(await dialog.evaluate((d) => d.contains(document.activeElement)), true);

      // Nothing was overwritten on the server.
      const token = await apiToken();
      const stored = await (
        await fetch(`${process.env.E2E_BASE_URL}/api/v1/users/${created.id}`, { headers: { Authorization: `Bearer ${token}` } })
      ).json();
      assert.equal(stored.name, 'Konrad Geändert');
      assert.deepEqual(stored.roles, ['member']);

      // Reload the current version: the form shows the other tab's change.
      await dialog.getByRole('button', { name: 'Aktuellen Stand laden' }).click();
      await dialog.waitFor({ state: 'hidden' });
      // The form is filled again once the refetch arrives, which may be a moment after the dialog closes.
      const nameField = page.getByLabel('Name', { exact: true });
      for (let tries = 0; tries < 50 && (await nameField.inputValue()) !== 'Konrad Geändert'; tries += 1) {
        await page.waitForTimeout(100);
      }
      assert.equal(await nameField.inputValue(), 'Konrad Geändert');
      assert.equal(await page.getByLabel('Steuerungsgruppe').isChecked(), false);

      // Saving on top of the current version works.
      await page.getByLabel('Steuerungsgruppe').check();
      await page.getByRole('button', { name: 'Speichern' }).click();
      await page.getByText('Die Änderungen wurden gespeichert.').waitFor();
    });
  });
});
