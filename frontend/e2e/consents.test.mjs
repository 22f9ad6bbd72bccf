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

describe('consents', () => {
  test('a coordinator records a consent on the member page and then its withdrawal', async () => {
    const token = await apiToken();
    const suffix = Date.now().toString(36);
    const member = await apiJson(token, 'POST', '/api/v1/members', {
      given_name: 'Cora',
      family_name: `Consent${suffix}`,
      engagement: 'professional',
    });
    const context = await newContext(browser);
    const page = await newPage(context);
    try {
      await login(page);
      await page.goto(`/mitglieder/${member.id}`);
      await page.getByRole('heading', { level: 2, name: 'Einwilligungen' }).waitFor();
      const current = page.getByRole('table', { name: 'Aktueller Stand je Zweck' });
      const row = current.getByRole('row', { name: /Weitergabe der Kontaktdaten/ });
      await row.getByText('Nicht eingewilligt').waitFor();

      for (const [action, label] of [['given', 'Eingewilligt'], ['withdrawn', 'Widerrufen']]) {
        await page.getByRole('button', { name: 'Einwilligung erfassen' }).click();
        const dialog = page.getByRole('dialog', { name: 'Einwilligung erfassen' });
        await dialog.getByLabel('Zweck').selectOption('contact_sharing');
        await dialog.getByLabel('Vorgang').selectOption(action);
        await dialog.getByLabel('Weg der Erklärung').selectOption('paper');
        await dialog.getByRole('button', { name: 'Erfassen' }).click();
        await page.getByText(`Weitergabe der Kontaktdaten: ${label} – erfasst.`).waitFor();
        await row.getByText(label).waitFor();
      }
      const history = page.getByRole('table', { name: 'Verlauf der Einwilligungen' });
      assert.equal(await history.getByRole('row').count(), 3, 'header and two events');
      assertClean(context);
    } catch (error) {
      await screenshot(page, 'consents-member');
      throw error;
    } finally {
      await context.close();
    }
  });

  test('a member gives and withdraws a consent in Mein Konto', async () => {
    const token = await apiToken();
    const suffix = Date.now().toString(36);
    const member = await apiJson(token, 'POST', '/api/v1/members', {
      given_name: 'Mia',
      family_name: `Selbst${suffix}`,
      engagement: 'volunteer',
    });
    const account = { email: uniqueEmail('selbst'), password: 'ein-sicheres-Passwort-1' };
    const user = await apiCreateUser(token, { ...account, name: 'Mia Selbst', roles: ['member'] });
    const current = await fetch(`${BASE_URL}/api/v1/users/${user.id}`, { headers: { Authorization: `Bearer ${token}` } });
    const patched = await fetch(`${BASE_URL}/api/v1/users/${user.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'If-Match': current.headers.get('ETag') },
      body: JSON.stringify({ member_id: member.id }),
    });
    assert.equal(patched.status, 200, await patched.clone().text());
    const context = await newContext(browser);
    const page = await newPage(context);
    try {
      await login(page, account.email, account.password);
      await page.goto('/konto');
      await page.getByRole('heading', { level: 2, name: 'Meine Einwilligungen' }).waitFor();
      await page.getByRole('button', { name: 'Einwilligen: Foto' }).click();
      await page.getByText('Foto: Eingewilligt – erfasst.').waitFor();
      await page.getByRole('button', { name: 'Widerrufen: Foto' }).click();
      await page.getByText('Foto: Widerrufen – erfasst.').waitFor();
      assertClean(context);
    } catch (error) {
      await screenshot(page, 'consents-self');
      throw error;
    } finally {
      await context.close();
    }
  });
});
