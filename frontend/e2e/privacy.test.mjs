import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, apiCreateUser, apiJson, apiToken, assertClean, launch, login, newContext, newPage, screenshot, uniqueEmail } from './support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function createMember(token, given, family) {
  return apiJson(token, 'POST', '/api/v1/members', {
    given_name: given,
    family_name: family,
    engagement: 'volunteer',
    email: uniqueEmail(family.toLowerCase()),
  });
}

describe('DSGVO: Art. 15 access and Art. 17 erasure (admin)', () => {
  test('the admin downloads everything held about a member as JSON, after giving a reason', async () => {
    const token = await apiToken();
    const family = `Auskunft${Date.now().toString(36)}`;
    const member = await createMember(token, 'Paula', family);
    const context = await newContext(browser);
    const page = await newPage(context);
    try {
      await login(page);
      await page.goto(`/mitglieder/${member.id}`);
      await page.getByRole('heading', { level: 1, name: `Paula ${family}` }).waitFor();
      await page.getByRole('region', { name: 'Datenschutz (DSGVO)' }).getByRole('button', { name: 'Auskunft (Art. 15)' }).click();
      const dialog = page.getByRole('dialog', { name: `Auskunft nach Art. 15 DSGVO über Paula ${family}` });
      await dialog.getByRole('button', { name: 'Auskunft herunterladen' }).click();
      await dialog.getByText('Bitte geben Sie einen Grund an.').waitFor();
      await dialog.getByRole('textbox', { name: 'Grund' }).fill('Auskunftsersuchen vom 20.11.2026');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        dialog.getByRole('button', { name: 'Auskunft herunterladen' }).click(),
      ]);
      await dialog.waitFor({ state: 'hidden' });
      assert.equal(download.suggestedFilename(), `Auskunft-Art15-${member.id}.json`);
      const data = JSON.parse(await readFile(await download.path(), 'utf8'));
      assert.equal(data.member.family_name, family);
      assert.equal(data.member.given_name, 'Paula');
      await page.getByText(`Die Auskunft „Auskunft-Art15-${member.id}.json“ wurde heruntergeladen.`).waitFor();
      assertClean(context);
    } catch (error) {
      await screenshot(page, 'privacy-access');
      throw error;
    } finally {
      await context.close();
    }
  });

  test('erasure needs a reason and the typed name; afterwards the member is gone from the list', async () => {
    const token = await apiToken();
    const family = `Loeschung${Date.now().toString(36)}`;
    const name = `Lotte ${family}`;
    const member = await createMember(token, 'Lotte', family);
    const context = await newContext(browser);
    const page = await newPage(context);
    try {
      await login(page);
      await page.goto(`/mitglieder/${member.id}`);
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await page.getByRole('button', { name: 'Löschen (Art. 17)' }).click();
      const dialog = page.getByRole('alertdialog', { name: `Personenbezogene Daten von ${name} löschen (Art. 17 DSGVO)` });
      await dialog.getByText('ehemaliges Mitglied', { exact: false }).waitFor();
      await dialog.getByRole('button', { name: 'Endgültig löschen' }).click();
      await dialog.getByText('Bitte geben Sie einen Grund an.').waitFor();
      await dialog.getByRole('textbox', { name: 'Grund' }).fill('Löschersuchen vom 20.11.2026');
      await dialog.getByRole('textbox', { name: `Zur Bestätigung den Namen eingeben: ${name}` }).fill('Lotte');
      await dialog.getByRole('button', { name: 'Endgültig löschen' }).click();
      await dialog.getByText(`Der eingegebene Name stimmt nicht mit „${name}“ überein.`).waitFor();
      // Nothing happened yet.
      assert.equal((await apiJson(token, 'GET', `/api/v1/members/${member.id}`)).family_name, family);

      await dialog.getByRole('textbox', { name: `Zur Bestätigung den Namen eingeben: ${name}` }).fill(name);
      await dialog.getByRole('button', { name: 'Endgültig löschen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mitglieder' }).waitFor();
      await page.getByText(`Die personenbezogenen Daten von ${name} wurden gelöscht.`).waitFor();
      assert.equal(await page.getByRole('link', { name }).count(), 0);
      await page.goto(`/mitglieder?q=${encodeURIComponent(family)}`);
      await page.getByText('Kein Mitglied passt zu Ihrer Suche.', { exact: false }).waitFor();
      const response = await fetch(`${BASE_URL}/api/v1/members/${member.id}`, { headers: { Authorization: `Bearer ${token}` } });
      assert.equal(response.status, 404);
      assertClean(context);
    } catch (error) {
      await screenshot(page, 'privacy-erase');
      throw error;
    } finally {
      await context.close();
    }
  });

  test('a change in the meantime stops the erasure with a German explanation', async () => {
    const token = await apiToken();
    const family = `Zwischendurch${Date.now().toString(36)}`;
    const name = `Zora ${family}`;
    const member = await createMember(token, 'Zora', family);
    const context = await newContext(browser);
    const page = await newPage(context);
    try {
      await login(page);
      await page.goto(`/mitglieder/${member.id}`);
      await page.getByRole('heading', { level: 1, name }).waitFor();
      // Someone else edits the member while the page is open.
      const current = await fetch(`${BASE_URL}/api/v1/members/${member.id}`, { headers: { Authorization: `Bearer ${token}` } });
      const changed = await fetch(`${BASE_URL}/api/v1/members/${member.id}`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'If-Match': current.headers.get('ETag') ?? '' },
        body: JSON.stringify({ function: 'Beraterin' }),
      });
      assert.equal(changed.status, 200);
      await page.getByRole('button', { name: 'Löschen (Art. 17)' }).click();
      const dialog = page.getByRole('alertdialog');
      await dialog.getByRole('textbox', { name: 'Grund' }).fill('Löschersuchen vom 21.11.2026');
      await dialog.getByRole('textbox', { name: /Zur Bestätigung/ }).fill(name);
      await dialog.getByRole('button', { name: 'Endgültig löschen' }).click();
      await dialog.getByText('Das Mitglied wurde inzwischen geändert.', { exact: false }).waitFor();
      assert.equal(await dialog.getByRole('button', { name: 'Endgültig löschen' }).isDisabled(), true);
      assert.equal((await apiJson(token, 'GET', `/api/v1/members/${member.id}`)).family_name, family, 'not erased');
      assertClean(context);
    } catch (error) {
      await screenshot(page, 'privacy-stale');
      throw error;
    } finally {
      await context.close();
    }
  });

  test('a coordinator sees neither Art. 15 nor Art. 17', async () => {
    const token = await apiToken();
    const member = await createMember(token, 'Kim', `Koordiniert${Date.now().toString(36)}`);
    const coordinator = { email: uniqueEmail('dsgvo-koordination'), password: 'ein-sicheres-Passwort-1' };
    await apiCreateUser(token, { ...coordinator, name: 'Konrad Koordination', roles: ['coordinator'] });
    const context = await newContext(browser);
    const page = await newPage(context);
    try {
      await login(page, coordinator.email, coordinator.password);
      await page.goto(`/mitglieder/${member.id}`);
      await page.getByRole('heading', { level: 2, name: 'Einwilligungen' }).waitFor();
      assert.equal(await page.getByRole('heading', { name: 'Datenschutz (DSGVO)' }).count(), 0);
      assert.equal(await page.getByRole('button', { name: /Art\. 1[57]/ }).count(), 0);
      assertClean(context);
    } catch (error) {
      await screenshot(page, 'privacy-coordinator');
      throw error;
    } finally {
      await context.close();
    }
  });
});
