import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, apiCreateUser, apiJson, apiToken, assertClean, launch, login, newContext, newPage, screenshot, uniqueEmail } from './support.mjs';

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
    const organisationName = `Nachbarschaftshilfe Gifhorn ${suffix}`;
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
      await page.getByLabel(/^Organisation/).fill(organisationName);
      await page.getByLabel('Engagement').selectOption('volunteer');

      // The working groups come from the public endpoint, as checkboxes in a fieldset.
      const groups = page.getByRole('group', { name: 'Arbeitskreise, die Sie interessieren (freiwillig)' });
      await groups.getByRole('checkbox', { name: 'Arbeitskreis Bildung' }).waitFor();
      assert.equal(await groups.getByRole('checkbox').count(), 4);
      await groups.getByRole('checkbox', { name: 'Arbeitskreis Bildung' }).check();
      await groups.getByRole('checkbox', { name: 'Arbeitskreis Familienleben' }).check();
      await groups.getByRole('checkbox', { name: 'Arbeitskreis Familienleben' }).uncheck();
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
      const publicGroups = await (await fetch(`${BASE_URL}/api/v1/public/working-groups`)).json();
      const bildung = publicGroups.find((g) => g.name === 'Arbeitskreis Bildung');
      assert.deepEqual(list.items[0].working_group_ids, [bildung.id]);
      const site = await (await fetch(`${BASE_URL}/api/v1/site`)).json();
      assert.equal(list.items[0].privacy_text_version, site.privacy_text_version);
      sent = { family: `Mitmacher${suffix}`, email, organisationName, bildungId: bildung.id };
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
    const token = await apiToken();
    await apiCreateUser(token, { ...coordinator, name: 'Kora Koordination', roles: ['coordinator'] });
    const organisation = await apiJson(token, 'POST', '/api/v1/organisations', {
      name: sent.organisationName,
      kind: 'association_initiative',
    });
    const context = await newContext(browser);
    const page = await newPage(context);
    try {
      await login(page, coordinator.email, coordinator.password);
      await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Beitrittsanfragen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Beitrittsanfragen' }).waitFor();
      await page.getByRole('link', { name: `Lina ${sent.family}` }).click();
      await page.getByRole('heading', { level: 1, name: `Beitrittsanfrage von Lina ${sent.family}` }).waitFor();
      // The working group chosen on the public form arrives in the inbox.
      await page.getByRole('definition').filter({ hasText: /^Arbeitskreis Bildung$/ }).waitFor();
      await page.getByRole('button', { name: 'Annehmen' }).click();
      const dialog = page.getByRole('dialog');
      const groups = dialog.getByRole('group', { name: 'Arbeitskreise' });
      assert.equal(await groups.getByRole('checkbox', { name: 'Arbeitskreis Bildung' }).isChecked(), true);
      assert.equal(await groups.getByRole('checkbox', { name: 'Arbeitskreis Familienleben' }).isChecked(), false);
      // The organisation search starts with what the applicant wrote; the match is offered.
      assert.equal(await dialog.getByRole('searchbox', { name: 'Organisation suchen' }).inputValue(), sent.organisationName);
      const organisationSelect = dialog.getByLabel('Organisation des neuen Mitglieds');
      await organisationSelect.getByRole('option', { name: sent.organisationName }).waitFor({ state: 'attached' });
      await organisationSelect.selectOption({ label: sent.organisationName });
      await dialog.getByLabel('Rolle in den Arbeitskreisen').selectOption('member');
      await dialog.getByRole('button', { name: 'Anfrage annehmen' }).click();
      await page.getByText(`Die Anfrage von Lina ${sent.family} wurde angenommen.`).waitFor();

      await page.goto(`/mitglieder?q=${encodeURIComponent(sent.family)}`);
      await page.getByRole('heading', { level: 1, name: 'Mitglieder' }).waitFor();
      await page.getByRole('link', { name: new RegExp(sent.family) }).first().waitFor();
      const members = await apiJson(token, 'GET', `/api/v1/members?q=${encodeURIComponent(sent.family)}`);
      assert.equal(members.items.length, 1);
      assert.equal(members.items[0].organisation_id, organisation.id);
      const memberships = await apiJson(token, 'GET', `/api/v1/memberships?member_id=${members.items[0].id}`);
      assert.deepEqual(memberships.items.map((m) => m.body_id), [sent.bildungId]);
      assertClean(context);
    } catch (error) {
      await screenshot(page, 'joining-inbox-accept');
      throw error;
    } finally {
      await context.close();
    }
  });
});
