import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, assertClean, launch, login, newContext, newPage, screenshot } from './support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** What a partner system does: the client-credentials grant. Returns the response status and body. */
async function requestToken(clientId, clientSecret) {
  const response = await fetch(`${BASE_URL}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }).toString(),
  });
  return { status: response.status, body: await response.json() };
}

async function partnerMeetings(token) {
  const response = await fetch(`${BASE_URL}/api/v1/partner/meetings`, { headers: { Authorization: `Bearer ${token}` } });
  return response.status;
}

/** The token works on the partner route the client may read. */
async function assertWorks(clientId, secret, scope) {
  const token = await requestToken(clientId, secret);
  assert.equal(token.status, 200, JSON.stringify(token.body));
  assert.equal(token.body.scope, scope);
  assert.equal(await partnerMeetings(token.body.access_token), 200);
  return token.body.access_token;
}

async function readCredentials(page) {
  const clientId = await page.getByLabel('Client-ID', { exact: true }).inputValue();
  const secret = await page.getByLabel('Geheimnis (client_secret)').inputValue();
  assert.match(clientId, /^[0-9a-f-]{36}$/);
  assert.ok(secret.length >= 20, 'a long secret');
  return { clientId, secret };
}

describe('API clients of partner systems', () => {
  test('create for a demo organisation, use the secret, change scopes, rotate, revoke', async () => {
    const context = await newContext(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await newPage(context);
    const name = `Beratungssoftware WV ${Date.now().toString(36)}`;
    try {
      await login(page);
      await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Verwaltung' }).click();
      await page.getByRole('navigation', { name: 'Bereiche der Verwaltung' }).getByRole('link', { name: 'API-Zugänge' }).click();
      await page.getByRole('heading', { level: 1, name: 'API-Zugänge' }).waitFor();
      await page.getByRole('link', { name: 'Neuen API-Zugang anlegen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Neuen API-Zugang anlegen' }).waitFor();

      // The form explains each scope and checks its input first.
      await page.getByRole('button', { name: 'API-Zugang anlegen' }).click();
      await page.getByRole('heading', { name: 'Bitte korrigieren Sie folgende Angaben' }).waitFor();
      await page.getByRole('link', { name: /Berechtigungen: Bitte wählen Sie mindestens eine Berechtigung/ }).waitFor();
      assert.match(
        (await page.getByRole('checkbox', { name: 'Fortschritt der eigenen Maßnahmen melden' }).getAttribute('aria-describedby')) ?? '',
        /-hint/,
      );

      await page.getByLabel('Name', { exact: true }).fill(name);
      await page.getByRole('searchbox', { name: /Organisation suchen/ }).fill('Wohlfahrtsverband');
      await page.getByText('1 Organisation gefunden.').waitFor();
      await page.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Wohlfahrtsverband Südheide (Demo) (WV Südheide)' });
      await page.getByRole('checkbox', { name: 'Sitzungstermine lesen' }).check();
      await page.getByRole('checkbox', { name: 'Maßnahmen lesen' }).check();
      await page.getByRole('button', { name: 'API-Zugang anlegen' }).click();

      // The credentials, once, with the warning, a copy button and the curl example.
      await page.getByRole('heading', { level: 1, name: `Zugangsdaten für „${name}“` }).waitFor();
      await page.getByText('Das Geheimnis wird nur jetzt angezeigt').waitFor();
      const first = await readCredentials(page);
      await page.getByRole('button', { name: 'Geheimnis kopieren' }).click();
      await page.getByText('Geheimnis wurde in die Zwischenablage kopiert.').waitFor();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), first.secret);
      const example = await page.getByRole('region', { name: 'Token-Anfrage mit curl' }).innerText();
      assert.match(example, new RegExp(`client_id=${first.clientId}`));
      assert.ok(!example.includes(first.secret), 'the example does not spell out the secret');

      // The partner system gets a token with both scopes and reads the meetings.
      const firstToken = await assertWorks(first.clientId, first.secret, 'measures:read meetings:read');

      // The client's page: details in German; narrowing the scopes ends the current tokens.
      await page.getByRole('link', { name: 'Weiter zum API-Zugang' }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      const details = page.getByRole('region', { name: 'Angaben' });
      await details.getByRole('link', { name: 'Wohlfahrtsverband Südheide (Demo)' }).waitFor();
      await details.getByText('Maßnahmen lesen').waitFor();
      await details.getByText(first.clientId).waitFor();
      assert.ok(!(await page.content()).includes(first.secret), 'the client page does not show the secret again');
      const edit = page.getByRole('form', { name: 'Zugang bearbeiten' });
      await edit.getByRole('checkbox', { name: 'Maßnahmen lesen' }).uncheck();
      await edit.getByRole('button', { name: 'Speichern' }).click();
      await page.getByText('Die Änderungen wurden gespeichert. Die bisherigen Zugriffstoken gelten nicht mehr.').waitFor();
      assert.equal(await partnerMeetings(firstToken), 401, 'a token with the old scopes no longer works');
      const narrowToken = await assertWorks(first.clientId, first.secret, 'meetings:read');

      // Renew the secret: the old one and its tokens stop at once, the new one works.
      await page.getByRole('button', { name: 'Geheimnis erneuern' }).click();
      const rotate = page.getByRole('alertdialog', { name: 'Geheimnis erneuern?' });
      await rotate.getByText(/gelten ab sofort nicht mehr/).waitFor();
      await rotate.getByRole('button', { name: 'Jetzt erneuern' }).click();
      await page.getByText('Das Geheimnis wurde erneuert. Das bisherige gilt nicht mehr.').waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Zugangsdaten', 'the new credentials take the focus');
      const second = await readCredentials(page);
      assert.equal(second.clientId, first.clientId);
      assert.notEqual(second.secret, first.secret);
      assert.equal((await requestToken(first.clientId, first.secret)).status, 401, 'the old secret no longer works');
      assert.equal(await partnerMeetings(narrowToken), 401, 'tokens of the old secret no longer work');
      const secondToken = await assertWorks(second.clientId, second.secret, 'meetings:read');

      // Revoke: irreversible, afterwards read-only with the date.
      await page.getByRole('button', { name: 'Widerrufen', exact: true }).click();
      const revoke = page.getByRole('alertdialog', { name: 'API-Zugang widerrufen?' });
      await revoke.getByText('Das lässt sich nicht rückgängig machen.').waitFor();
      await revoke.getByRole('button', { name: 'Endgültig widerrufen' }).click();
      await page.getByText('Der API-Zugang wurde widerrufen.').waitFor();
      await page.getByText(/^Dieser Zugang wurde am \d\d\.\d\d\.\d{4}, \d\d:\d\d widerrufen$/).waitFor();
      assert.equal(await page.getByRole('form', { name: 'Zugang bearbeiten' }).count(), 0);
      assert.equal(await page.getByRole('button', { name: 'Geheimnis erneuern' }).count(), 0);
      assert.equal((await requestToken(second.clientId, second.secret)).status, 401, 'a revoked client gets no token');
      assert.equal(await partnerMeetings(secondToken), 401, 'the tokens of a revoked client stop at once');

      await page.reload();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await page.getByText(/^Dieser Zugang wurde am .* widerrufen$/).waitFor();

      // The list: live by default, the revoked one under "Nur widerrufene".
      await page.getByRole('navigation', { name: 'Bereiche der Verwaltung' }).getByRole('link', { name: 'API-Zugänge' }).click();
      await page.getByRole('heading', { level: 1, name: 'API-Zugänge' }).waitFor();
      await page.getByRole('searchbox', { name: 'Suche' }).fill(name);
      await page.getByRole('button', { name: 'Suchen' }).click();
      await page.getByText('Kein API-Zugang passt zu Ihrer Suche.', { exact: false }).waitFor();
      await page.getByLabel('Status').selectOption({ label: 'Nur widerrufene' });
      await page.getByRole('button', { name: 'Suchen' }).click();
      const row = page.getByRole('row', { name: new RegExp(name) });
      await row.waitFor();
      const text = await row.innerText();
      assert.match(text, /Wohlfahrtsverband Südheide \(Demo\)/);
      assert.match(text, /Sitzungstermine lesen/);
      assert.match(text, /Widerrufen/);
      assertClean(context);
    } catch (error) {
      await screenshot(page, `failure-api-clients-${Date.now()}`);
      throw error;
    } finally {
      await context.close();
    }
  });
});
