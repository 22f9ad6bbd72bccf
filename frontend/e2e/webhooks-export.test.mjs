/**
 * Admin screens for the integrations: webhook subscriptions of a partner system with their
 * delivery log and "send again", and the intranet export (run now, download the ZIP).
 * Set up through the API as a partner system would; the delivery job (`netzwerk deliver-webhooks`)
 * does not run here, so the log shows the deliveries as queued.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, apiJson, apiToken, assertClean, launch, login, newContext, newPage, screenshot } from './support.mjs';

let browser;
let receiver;
const received = [];

before(async () => {
  browser = await launch();
  receiver = createServer((request, response) => {
    received.push(`${request.method} ${request.url}`);
    response.writeHead(204).end();
  });
  await new Promise((resolveListen) => receiver.listen(0, '127.0.0.1', resolveListen));
});
after(async () => {
  await browser?.close();
  await new Promise((resolveClose) => (receiver ? receiver.close(resolveClose) : resolveClose()));
});

/** A partner system with scope meetings:read that subscribes the local receiver to meeting events. */
async function subscribedPartner(adminToken, name) {
  const client = await apiJson(adminToken, 'POST', '/api/v1/api-clients', { name, scopes: ['meetings:read'] });
  const tokenResponse = await fetch(`${BASE_URL}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.id, client_secret: client.client_secret }).toString(),
  });
  assert.equal(tokenResponse.status, 200, await tokenResponse.clone().text());
  const partnerToken = (await tokenResponse.json()).access_token;
  const url = `http://127.0.0.1:${receiver.address().port}/hook`;
  const subscription = await apiJson(partnerToken, 'POST', '/api/v1/partner/webhooks', {
    url,
    events: ['meeting.updated', 'meeting.created'],
  });
  return { client, subscription, url };
}

async function createMeeting(adminToken, title) {
  const network = await apiJson(adminToken, 'GET', '/api/v1/bodies?kind=network');
  const start = new Date(Date.now() + 60 * 24 * 3600 * 1000);
  start.setUTCHours(15, 0, 0, 0);
  return apiJson(adminToken, 'POST', '/api/v1/meetings', {
    body_id: network.items[0].id,
    title,
    starts_at: start.toISOString(),
    ends_at: new Date(start.getTime() + 2 * 3600 * 1000).toISOString(),
    location_address: 'Kreishaus Gifhorn (Test)',
  });
}

describe('integrations in the admin area', () => {
  test('webhooks: the subscription, its queued delivery and sending it again', async () => {
    const adminToken = await apiToken();
    const name = `Fachverfahren Webhook ${Date.now().toString(36)}`;
    const { subscription, url } = await subscribedPartner(adminToken, name);
    await createMeeting(adminToken, 'Netzwerktreffen mit Webhook (Test)');

    const context = await newContext(browser);
    const page = await newPage(context);
    try {
      await login(page);
      await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Verwaltung' }).click();
      await page.getByRole('navigation', { name: 'Bereiche der Verwaltung' }).getByRole('link', { name: 'Webhooks' }).click();
      await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();

      // Filtered by the partner's API client: just its subscription, with German event names.
      await page.getByLabel('API-Zugang', { exact: true }).selectOption({ label: name });
      await page.getByRole('button', { name: 'Filtern' }).click();
      await page.getByRole('heading', { name: '1 Abonnement gefunden' }).waitFor();
      const table = page.getByRole('table', { name: 'Webhook-Abonnements' });
      const row = table.getByRole('row').filter({ hasText: url });
      await row.getByRole('cell', { name, exact: true }).waitFor();
      assert.match(await row.innerText(), /Sitzung angelegt\s+Sitzung geändert/);
      assert.match(await row.innerText(), /Aktiv/);
      assert.match(page.url(), /zugang=/);

      await row.getByRole('link', { name: `Zustellungen an ${url}` }).click();
      await page.getByRole('heading', { level: 1, name: `Webhook: ${name}` }).waitFor();
      assert.ok(page.url().endsWith(`/verwaltung/webhooks/${subscription.id}`));
      const log = page.getByRole('table', { name: 'Zustellungen' });
      await page.getByRole('heading', { name: '1 Zustellung' }).waitFor();
      const queued = log.getByRole('row').nth(1);
      await queued.getByRole('rowheader', { name: 'Sitzung angelegt' }).waitFor();
      await queued.getByText('Ausstehend').waitFor();
      await queued.getByText('Noch kein Versuch').waitFor();

      // The exact body that will be signed and sent, behind a disclosure.
      await queued.getByText('Inhalt anzeigen').click();
      assert.match(await queued.locator('pre').innerText(), /"meeting\.created"/);

      await queued.getByRole('button', { name: /^Erneut senden/ }).click();
      await page.getByRole('status').filter({ hasText: '„Sitzung angelegt“ wurde erneut zum Versand eingeplant.' }).waitFor();
      await page.getByRole('heading', { name: '2 Zustellungen' }).waitFor();
      const replayed = log.getByRole('row').nth(1);
      await replayed.getByText('Erneute Sendung').waitFor();
      await replayed.getByText('Ausstehend').waitFor();
      assert.equal(await log.getByText('Erneute Sendung').count(), 1, 'only the new entry is marked as sent again');

      // Nothing reached the receiver: delivering is the job's work, not the screen's.
      assert.deepEqual(received, []);
      assertClean(context);
    } catch (error) {
      await screenshot(page, 'failure-webhooks');
      throw error;
    } finally {
      await context.close();
    }
  });

  test('intranet export: explained, created now with its result, downloaded as ZIP', async () => {
    const context = await newContext(browser, { acceptDownloads: true });
    const page = await newPage(context);
    try {
      await login(page);
      await page.goto('/verwaltung');
      await page.getByRole('navigation', { name: 'Bereiche der Verwaltung' }).getByRole('link', { name: 'Intranet-Export' }).click();
      await page.getByRole('heading', { level: 1, name: 'Intranet-Export' }).waitFor();
      await page.getByText('Mitglieder erscheinen im Export nur, wenn sie in die Veröffentlichung eingewilligt haben').waitFor();
      await page.getByText(/„netzwerk export“/).waitFor();

      await page.getByRole('button', { name: 'Export jetzt erstellen' }).click();
      const done = page.getByRole('status').filter({ hasText: 'Der Export wurde erstellt.' });
      await done.waitFor({ timeout: 60_000 });
      const result = await done.innerText();
      assert.match(result, /Erstellt am\s+\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);
      const files = /Dateien \(mit manifest\.json\)\s+([\d.]+)/.exec(result);
      assert.ok(files && Number(files[1].replace(/\./g, '')) > 5, `several files: ${result}`);
      assert.match(result, /Größe\s+[\d,]+ (Byte|KB|MB)/);
      assert.ok(await page.getByRole('button', { name: 'Export jetzt erstellen' }).isEnabled());

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Letzten Export herunterladen' }).click(),
      ]);
      assert.match(download.suggestedFilename(), /^intranet-.+\.zip$/);
      const zip = await readFile(await download.path());
      assert.equal(zip.subarray(0, 2).toString('latin1'), 'PK');
      await page.getByRole('status').filter({ hasText: download.suggestedFilename() }).waitFor();
      assertClean(context);
    } catch (error) {
      await screenshot(page, 'failure-intranet-export');
      throw error;
    } finally {
      await context.close();
    }
  });
});
