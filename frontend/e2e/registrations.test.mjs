import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, apiJson, apiToken, assertClean, launch, login, newContext, newPage, screenshot, uniqueEmail } from './support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** A public registration from its own client address (registrations are rate-limited per address). */
async function registerPublicly(meetingId, person) {
  const site = await (await fetch(`${BASE_URL}/api/v1/site`)).json();
  const response = await fetch(`${BASE_URL}/api/v1/public/meetings/${meetingId}/registrations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}` },
    body: JSON.stringify({ ...person, consent: true, privacy_text_version: site.privacy_text_version }),
  });
  assert.equal(response.status, 201, await response.clone().text());
  return response.json();
}

describe('participant list of the network meeting', () => {
  test('an admin sees a public registration in the list and exports it as CSV with a reason', async () => {
    // The demo network meeting is in October, so it has passed for half of the year and then takes no
    // registrations: the test plans its own coming network meeting with one place.
    const token = await apiToken();
    const network = await apiJson(token, 'GET', '/api/v1/bodies?kind=network');
    const start = new Date(Date.now() + 60 * 24 * 3600 * 1000);
    start.setUTCHours(14, 0, 0, 0);
    const suffix = Date.now().toString(36);
    const meeting = await apiJson(token, 'POST', '/api/v1/meetings', {
      body_id: network.items[0].id,
      title: `Netzwerktreffen E2E ${suffix}`,
      starts_at: start.toISOString(),
      ends_at: new Date(start.getTime() + 3 * 3600 * 1000).toISOString(),
      location_address: 'Stadthalle Gifhorn (Test)',
      registration_capacity: 1,
    });
    const person = { given_name: 'Rania', family_name: `Anmeldung${suffix}`, email: uniqueEmail('rania'), organisation_name: 'Jugendmigrationsdienst Gifhorn' };
    assert.equal((await registerPublicly(meeting.id, person)).status, 'confirmed');
    const second = { given_name: 'Wim', family_name: `Warteliste${suffix}`, email: uniqueEmail('wim') };
    assert.deepEqual(await registerPublicly(meeting.id, second), { status: 'waitlisted', waiting_position: 1 });

    const context = await newContext(browser, { acceptDownloads: true });
    const page = await newPage(context);
    try {
      await login(page);
      await page.goto(`/sitzungen/${meeting.id}/anmeldungen`);
      await page.getByRole('heading', { level: 1, name: `Anmeldungen: ${meeting.title}` }).waitFor();
      const crumbs = page.getByRole('navigation', { name: 'Sie sind hier' });
      await crumbs.getByRole('link', { name: 'Sitzung', exact: true }).waitFor();
      const row = page.getByRole('table', { name: 'Teilnehmerliste' }).getByRole('row', { name: new RegExp(`Rania Anmeldung${suffix}`) });
      await row.getByText(person.email).waitFor();
      await row.getByText('Jugendmigrationsdienst Gifhorn').waitFor();
      await row.getByText('Bestätigt').waitFor();
      const waiting = page.getByRole('table', { name: 'Teilnehmerliste' }).getByRole('row', { name: new RegExp(`Wim Warteliste${suffix}`) });
      await waiting.getByText('Warteliste', { exact: true }).waitFor();
      assert.equal(await waiting.getByRole('cell').nth(3).textContent(), '1', 'place on the waiting list');
      const capacity = await page.locator('dt', { hasText: /^Plätze$/ }).locator('xpath=following-sibling::dd[1]').textContent();
      assert.equal(capacity, '1');

      await page.getByRole('region', { name: 'Teilnehmerliste exportieren' }).getByRole('button', { name: 'Als CSV herunterladen' }).click();
      const dialog = page.getByRole('dialog', { name: 'Teilnehmerliste exportieren (CSV)' });
      await dialog.getByRole('button', { name: 'Export herunterladen' }).click();
      await dialog.getByText('Bitte geben Sie einen Grund an.').waitFor();
      await dialog.getByLabel('Grund').fill('Namensschilder für das Netzwerktreffen');
      const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export herunterladen' }).click()]);
      assert.match(download.suggestedFilename(), /^Anmeldungen.*\.csv$/);
      const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
      const [header, ...lines] = text.split(/\r?\n/).filter(Boolean);
      assert.match(header, /^Vorname[;,]Nachname[;,]E-Mail[;,]Organisation/);
      assert.equal(lines.length, 2);
      assert.ok(lines[0].includes(person.email) && lines[1].includes(second.email), 'confirmed first, then the waiting list');
      await page.getByText(`Die Datei „${download.suggestedFilename()}“ wurde heruntergeladen.`).waitFor();
      await dialog.waitFor({ state: 'hidden' });
      assertClean(context);
    } catch (error) {
      await screenshot(page, 'registrations-list');
      throw error;
    } finally {
      await context.close();
    }
  });
});
