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

/** A member in the first working group with an account linked to it; returns the login. */
async function linkedMember(givenName) {
  const token = await apiToken();
  const suffix = Date.now().toString(36);
  const member = await apiJson(token, 'POST', '/api/v1/members', { given_name: givenName, family_name: `Kalender${suffix}`, engagement: 'volunteer' });
  const bodies = await apiJson(token, 'GET', '/api/v1/bodies?kind=working_group&sort=name');
  await apiJson(token, 'POST', '/api/v1/memberships', { member_id: member.id, body_id: bodies.items[0].id, role: 'member', start_on: '2025-01-01' });
  const account = { email: uniqueEmail('kalender'), password: 'ein-sicheres-Passwort-1' };
  const user = await apiCreateUser(token, { ...account, name: `${givenName} Kalender`, roles: ['member'] });
  const current = await fetch(`${BASE_URL}/api/v1/users/${user.id}`, { headers: { Authorization: `Bearer ${token}` } });
  const patched = await fetch(`${BASE_URL}/api/v1/users/${user.id}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'If-Match': current.headers.get('ETag') },
    body: JSON.stringify({ member_id: member.id }),
  });
  assert.equal(patched.status, 200, await patched.clone().text());
  return account;
}

describe('calendar subscription in Mein Konto', () => {
  test('a linked member creates a private calendar link, copies it, the feed works, and after revoking it answers 404', async () => {
    const account = await linkedMember('Kai');
    const context = await newContext(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await newPage(context);
    try {
      await login(page, account.email, account.password);
      await page.goto('/konto');
      const section = page.getByRole('region', { name: 'Kalender abonnieren' });
      await section.getByText('Geben Sie ihn nicht weiter.', { exact: false }).waitFor();
      await section.getByText('Sie haben noch keinen Kalender-Link.').waitFor();

      await section.getByRole('button', { name: 'Neuen Kalender-Link erstellen' }).click();
      const field = section.getByRole('textbox', { name: 'Kalender-Link' });
      await field.waitFor();
      await section.getByText('Der Link wird nur jetzt angezeigt.', { exact: false }).waitFor();
      assert.equal(await field.getAttribute('readonly'), '');
      const url = await field.inputValue();
      assert.match(url, new RegExp(`^${BASE_URL}/api/v1/calendars/private/[A-Za-z0-9_-]{20,}\\.ics$`));

      await section.getByRole('button', { name: 'Link kopieren' }).click();
      await section.getByRole('status').filter({ hasText: 'Kopiert' }).waitFor();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);

      const feed = await fetch(url);
      assert.equal(feed.status, 200);
      assert.match(feed.headers.get('content-type') ?? '', /^text\/calendar/);
      const ics = await feed.text();
      assert.ok(ics.startsWith('BEGIN:VCALENDAR'), ics.slice(0, 80));
      assert.ok(ics.includes('BEGIN:VEVENT'), 'the meetings of the member’s working group are in the feed');

      const table = section.getByRole('table', { name: 'Ihre Kalender-Links' });
      assert.equal(await table.getByRole('row').count(), 2, 'header and the new link');
      await table.getByRole('row').nth(1).getByText('Aktiv').waitFor();

      // Cancelling the dialog keeps the link.
      await table.getByRole('button', { name: /^Widerrufen/ }).click();
      let dialog = page.getByRole('alertdialog', { name: 'Kalender-Link widerrufen?' });
      await dialog.getByRole('button', { name: 'Abbrechen' }).click();
      await dialog.waitFor({ state: 'hidden' });
      assert.equal((await fetch(url)).status, 200);

      await table.getByRole('button', { name: /^Widerrufen/ }).click();
      dialog = page.getByRole('alertdialog', { name: 'Kalender-Link widerrufen?' });
      await dialog.getByRole('button', { name: 'Link widerrufen' }).click();
      await section.getByText('Der Kalender-Link wurde widerrufen.').waitFor();
      await section.getByText('Sie haben noch keinen Kalender-Link.').waitFor();
      assert.equal(await section.getByRole('textbox', { name: 'Kalender-Link' }).count(), 0, 'the secret is no longer on the page');
      assert.equal((await fetch(url)).status, 404);
      assertClean(context);
    } catch (error) {
      await screenshot(page, 'calendar-link');
      throw error;
    } finally {
      await context.close();
    }
  });

  test('a linked member downloads all meetings as one .ics file', async () => {
    const account = await linkedMember('Kira');
    const context = await newContext(browser, { acceptDownloads: true });
    const page = await newPage(context);
    try {
      await login(page, account.email, account.password);
      await page.goto('/konto');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Alle meine Sitzungen als .ics' }).click(),
      ]);
      assert.equal(download.suggestedFilename(), 'sitzungen.ics');
      const stream = await download.createReadStream();
      let text = '';
      for await (const chunk of stream) text += chunk;
      assert.ok(text.startsWith('BEGIN:VCALENDAR'), text.slice(0, 80));
      await page.getByText('Die Datei „sitzungen.ics“ wurde heruntergeladen.').waitFor();
      assertClean(context);
    } catch (error) {
      await screenshot(page, 'calendar-download');
      throw error;
    } finally {
      await context.close();
    }
  });

  test('an account without a member sees no calendar section', async () => {
    const context = await newContext(browser);
    const page = await newPage(context);
    try {
      await login(page);
      await page.goto('/konto');
      await page.getByRole('heading', { level: 2, name: 'Passwort ändern' }).waitFor();
      await page.waitForLoadState('networkidle');
      assert.equal(await page.getByRole('heading', { name: 'Kalender abonnieren' }).count(), 0);
      assertClean(context);
    } finally {
      await context.close();
    }
  });
});
