import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiCreateUser, apiJson, apiToken, assertClean, launch, login, newContext, newPage, screenshot, uniqueEmail } from './support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

let sent = null;

describe('joining: public form and inbox', () => {
  test('a visitor without login finds the form from the login page and sends it', async () => {
    const context = await newContext(browser);
    const page = await newPage(context);
    const suffix = Date.now().toString(36);
    const email = uniqueEmail('mitmachen');
    try {
      await page.goto('/anmelden');
      await page.getByRole('link', { name: /Mitmachen im Netzwerk Integration/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Mitmachen im Netzwerk Integration' }).waitFor();
      assert.equal(new URL(page.url()).pathname, '/mitmachen');
      // The footer links here too.
      await page.getByRole('contentinfo').getByRole('link', { name: 'Mitmachen' }).waitFor();

      // The honeypot is out of reach for people and assistive tech.
      const honeypot = page.locator('#join-website');
      assert.equal(await honeypot.getAttribute('tabindex'), '-1');
      assert.equal(await honeypot.getAttribute('autocomplete'), 'off');
      assert.equal(await page.locator('.app-honeypot').getAttribute('aria-hidden'), 'true');
      assert.equal(await page.getByRole('textbox', { name: /Website/ }).count(), 0);

      // Client validation first.
      await page.getByRole('button', { name: 'Anfrage senden' }).click();
      await page.getByRole('heading', { name: 'Bitte korrigieren Sie folgende Angaben' }).waitFor();
      await page.getByText('Bitte willigen Sie in die Verarbeitung Ihrer Angaben ein').first().waitFor();

      await page.getByLabel('Vorname').fill('Lina');
      await page.getByLabel('Nachname').fill(`Mitmacher${suffix}`);
      await page.getByLabel('E-Mail-Adresse').fill(email);
      await page.getByLabel(/^Organisation/).fill('Nachbarschaftshilfe Gifhorn');
      await page.getByLabel('Engagement').selectOption('volunteer');
      await page.getByLabel(/^Nachricht/).fill('Ich interessiere mich für den Arbeitskreis Sprache.');
      await page.getByLabel(/Ich willige ein/).check();
      await page.getByRole('button', { name: 'Anfrage senden' }).click();
      await page.getByText('Vielen Dank für Ihre Anfrage').waitFor();
      await page.getByText(`Eine Bestätigung geht an ${email}.`).waitFor();

      const token = await apiToken();
      const list = await apiJson(token, 'GET', `/api/v1/join-requests?q=${encodeURIComponent(email)}`);
      assert.equal(list.items.length, 1);
      assert.equal(list.items[0].status, 'open');
      assert.equal(list.items[0].engagement, 'volunteer');
      sent = { family: `Mitmacher${suffix}`, email };
      assertClean(context);
    } catch (error) {
      await screenshot(page, 'joining-public-form');
      throw error;
    } finally {
      await context.close();
    }
  });

  test('a coordinator accepts the request in the inbox; the new member appears in the directory', async () => {
    assert.ok(sent, 'the public form test sent a request');
    const coordinator = { email: uniqueEmail('koordination'), password: 'ein-sicheres-Passwort-1' };
    await apiCreateUser(await apiToken(), { ...coordinator, name: 'Kora Koordination', roles: ['coordinator'] });
    const context = await newContext(browser);
    const page = await newPage(context);
    try {
      await login(page, coordinator.email, coordinator.password);
      await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Beitrittsanfragen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Beitrittsanfragen' }).waitFor();
      await page.getByRole('link', { name: `Lina ${sent.family}` }).click();
      await page.getByRole('heading', { level: 1, name: `Beitrittsanfrage von Lina ${sent.family}` }).waitFor();
      await page.getByRole('button', { name: 'Annehmen' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Rolle in den Arbeitskreisen').selectOption('member');
      await dialog.getByRole('button', { name: 'Anfrage annehmen' }).click();
      await page.getByText(`Die Anfrage von Lina ${sent.family} wurde angenommen.`).waitFor();

      await page.goto(`/mitglieder?q=${encodeURIComponent(sent.family)}`);
      await page.getByRole('heading', { level: 1, name: 'Mitglieder' }).waitFor();
      await page.getByRole('link', { name: new RegExp(sent.family) }).first().waitFor();
      assertClean(context);
    } catch (error) {
      await screenshot(page, 'joining-inbox-accept');
      throw error;
    } finally {
      await context.close();
    }
  });
});
