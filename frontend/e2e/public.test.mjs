/**
 * Public pages without login: the catalogue of offers, the network meetings with registration,
 * and the page behind the cancel link of the registration mails (followed from the real mails, see
 * waitForMail in support.mjs); the invitation answer link is in invitations.test.mjs.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  apiJson,
  apiToken,
  assertClean,
  expectNoAxeViolations,
  launch,
  linkIn,
  newContext,
  newPage,
  screenshot,
  unfoldIcs,
  uniqueEmail,
  waitForMail,
} from './support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** A coming network meeting with `capacity` places, created through the API (the demo's lies in the past or far ahead). */
async function createNetworkMeeting(title, capacity) {
  const token = await apiToken();
  const bodies = await apiJson(token, 'GET', '/api/v1/bodies?kind=network');
  assert.equal(bodies.items.length, 1, 'the demo has the network plenary');
  const start = new Date(Date.now() + 40 * 24 * 3600 * 1000);
  start.setUTCHours(14, 0, 0, 0);
  const end = new Date(start.getTime() + 3 * 3600 * 1000);
  return apiJson(token, 'POST', '/api/v1/meetings', {
    body_id: bodies.items[0].id,
    title,
    starts_at: start.toISOString(),
    ends_at: end.toISOString(),
    location_address: 'Stadthalle Gifhorn (Test), Dannenbütteler Weg 1, 38518 Gifhorn',
    location_room: 'Großer Saal',
    theme: 'Ankommen und mitgestalten',
    registration_capacity: capacity,
  });
}

/**
 * Public registrations are rate-limited per client address; the test server trusts 127.0.0.1 as a
 * proxy, so each browser context here comes from an address of its own.
 */
function ownAddress() {
  return { 'X-Forwarded-For': `10.79.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}` };
}

/** Fills and sends the public registration form of a network meeting. */
async function register(page, meetingId, { given, family, email }) {
  await page.goto(`/netzwerktreffen/${meetingId}/anmeldung`);
  await page.getByLabel('Vorname').fill(given);
  await page.getByLabel('Nachname').fill(family);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel(/Ich willige ein/).check();
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
}

async function withPage(name, fn) {
  const context = await newContext(browser, { extraHTTPHeaders: ownAddress() });
  const page = await newPage(context);
  try {
    await fn(page);
    assertClean(context);
  } catch (error) {
    await screenshot(page, name);
    throw error;
  } finally {
    await context.close();
  }
}

describe('public catalogue of offers', () => {
  test('a visitor finds a published demo offer, but not an internal one', async () => {
    // The demo's facts this test relies on, checked through the internal API first.
    const token = await apiToken();
    const published = await apiJson(token, 'GET', `/api/v1/offers?q=${encodeURIComponent('Sprachcafé am Donnerstag')}`);
    assert.equal(published.items[0]?.published, true, 'the demo offer "Sprachcafé am Donnerstag" is published');
    const internal = await apiJson(token, 'GET', `/api/v1/offers?q=${encodeURIComponent('Migrationsberatung für Erwachsene')}`);
    assert.equal(internal.items.length, 1);
    assert.equal(internal.items[0].published, false, 'the demo offer "Migrationsberatung für Erwachsene" is internal');

    await withPage('public-catalogue', async (page) => {
      await page.goto('/anmelden');
      await page.getByRole('contentinfo').getByRole('link', { name: 'Angebotskatalog' }).click();
      await page.getByRole('heading', { level: 1, name: 'Angebotskatalog' }).waitFor();
      assert.equal(new URL(page.url()).pathname, '/angebote');

      await page.getByLabel('Suche', { exact: true }).fill('Sprachcafé am Donnerstag');
      await page.getByLabel('Sprache des Angebots').selectOption('uk');
      await page.getByRole('button', { name: 'Suchen' }).click();
      await page.getByRole('heading', { level: 2, name: '1 Angebot gefunden' }).waitFor();
      await page.getByRole('link', { name: 'Sprachcafé am Donnerstag' }).waitFor();
      assert.equal(new URL(page.url()).searchParams.get('sprache'), 'uk');

      // The count is announced.
      assert.equal(await page.locator('#catalogue-result').getAttribute('aria-live'), 'polite');

      await page.getByLabel('Suche', { exact: true }).fill('Migrationsberatung für Erwachsene');
      await page.getByLabel('Sprache des Angebots').selectOption('');
      await page.getByRole('button', { name: 'Suchen' }).click();
      await page.getByRole('heading', { level: 2, name: '0 Angebote gefunden' }).waitFor();
      await page.getByText('Kein Angebot passt zu Ihrer Suche.', { exact: false }).waitFor();

      // The detail page of the published offer, and a 404 for the internal one.
      await page.goto(`/angebote?q=${encodeURIComponent('Sprachcafé am Donnerstag')}`);
      await page.getByRole('link', { name: 'Sprachcafé am Donnerstag' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sprachcafé am Donnerstag' }).waitFor();
      await page.getByText('kostenlos', { exact: true }).waitFor();
      await page.goto(`/angebote/${internal.items[0].id}`);
      await page.getByText('Nicht gefunden', { exact: true }).waitFor();
      assert.equal(await page.getByRole('heading', { level: 1, name: 'Migrationsberatung für Erwachsene' }).count(), 0);
    });
  });
});

describe('network meeting registration', () => {
  test('visitors register: the first gets the place, the next the waiting list, a second registration of an address is refused', async () => {
    const title = `Netzwerktreffen Test ${Date.now().toString(36)}`;
    const meeting = await createNetworkMeeting(title, 1);
    const first = uniqueEmail('treffen');

    await withPage('public-registration-first', async (page) => {
      await page.goto('/angebote');
      await page.getByRole('contentinfo').getByRole('link', { name: 'Netzwerktreffen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Netzwerktreffen' }).waitFor();
      const section = page.getByRole('region', { name: title });
      await section.getByText('Noch 1 Platz frei (von 1)').waitFor();
      await section.getByText('Ankommen und mitgestalten').waitFor();
      // Berlin local time: 14:00 UTC is 15:00 in winter, 16:00 in summer.
      await section.getByText(/\d{1,2}\. \S+ \d{4}, 1[56]:00–1[89]:00 Uhr/).waitFor();
      await section.getByRole('link', { name: `Zum ${title} anmelden` }).click();
      await page.getByRole('heading', { level: 1, name: `Anmeldung: ${title}` }).waitFor();

      // The honeypot is out of reach for people and assistive tech.
      const honeypot = page.locator('#registration-website');
      assert.equal(await honeypot.getAttribute('tabindex'), '-1');
      assert.equal(await page.locator('.app-honeypot').getAttribute('aria-hidden'), 'true');
      assert.equal(await page.getByRole('textbox', { name: /Website/ }).count(), 0);

      await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
      await page.getByRole('heading', { name: 'Bitte korrigieren Sie folgende Angaben' }).waitFor();
      await page.getByText('Bitte willigen Sie in die Speicherung Ihrer Angaben ein', { exact: false }).first().waitFor();

      await page.getByLabel('Vorname').fill('Rana');
      await page.getByLabel('Nachname').fill('Treffpunkt');
      await page.getByLabel('E-Mail-Adresse').fill(first);
      await page.getByLabel(/^Organisation/).fill('Nachbarschaftshilfe Gifhorn');
      await page.getByLabel(/Ich willige ein/).check();
      await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
      await page.getByText('Sie sind angemeldet').waitFor();
      // Focus moves to the confirmation.
      assert.equal(await page.evaluate(() => document.activeElement?.textContent?.includes('Sie sind angemeldet')), true);
    });

    await withPage('public-registration-second', async (page) => {
      await page.goto('/netzwerktreffen');
      const section = page.getByRole('region', { name: title });
      await section.getByText(/Ausgebucht/).waitFor();
      await section.getByRole('link', { name: `Zum ${title} anmelden` }).click();
      await page.getByText('Alle Plätze sind vergeben').waitFor();
      await page.getByLabel('Vorname').fill('Timo');
      await page.getByLabel('Nachname').fill('Warteliste');
      await page.getByLabel('E-Mail-Adresse').fill(uniqueEmail('warteliste'));
      await page.getByLabel(/Ich willige ein/).check();
      await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
      await page.getByText('Sie stehen auf der Warteliste (Platz 1)').waitFor();
    });

    await withPage('public-registration-duplicate', async (page) => {
      await page.goto(`/netzwerktreffen/${meeting.id}/anmeldung`);
      await page.getByLabel('Vorname').fill('Rana');
      await page.getByLabel('Nachname').fill('Treffpunkt');
      await page.getByLabel('E-Mail-Adresse').fill(first.toUpperCase());
      await page.getByLabel(/Ich willige ein/).check();
      await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
      await page.getByRole('heading', { name: 'Bitte korrigieren Sie folgende Angaben' }).waitFor();
      // The message sits at the e-mail field.
      const describedBy = (await page.getByLabel('E-Mail-Adresse').getAttribute('aria-describedby')) ?? '';
      const texts = await Promise.all(describedBy.split(' ').filter(Boolean).map((id) => page.locator(`#${id}`).textContent()));
      assert.ok(texts.some((text) => text?.includes('bereits jemand angemeldet')), `e-mail field describes the duplicate: ${texts}`);
    });

    const registrations = await apiJson(await apiToken(), 'GET', `/api/v1/meetings/${meeting.id}/registrations`);
    assert.equal(registrations.confirmed, 1);
    assert.equal(registrations.waitlisted, 1);
  });

  test('the cancel link from the confirmation mail cancels; the first on the waiting list moves up by mail', async () => {
    const title = `Netzwerktreffen Absage ${Date.now().toString(36)}`;
    const meeting = await createNetworkMeeting(title, 1);
    const rana = uniqueEmail('absage');
    const timo = uniqueEmail('nachruecker');

    await withPage('public-cancel-register', async (page) => {
      await register(page, meeting.id, { given: 'Rana', family: 'Treffpunkt', email: rana });
      await page.getByText('Sie sind angemeldet').waitFor();
    });
    await withPage('public-cancel-register-waitlist', async (page) => {
      await register(page, meeting.id, { given: 'Timo', family: 'Warteliste', email: timo });
      await page.getByText('Sie stehen auf der Warteliste (Platz 1)').waitFor();
    });

    // The confirmation: the meeting, a calendar file and the cancel link.
    const confirmation = await waitForMail(rana, { subject: `Anmeldung bestätigt: ${title}` });
    assert.match(confirmation.text, /^Guten Tag Rana Treffpunkt,/);
    assert.ok(confirmation.text.includes('Stadthalle Gifhorn (Test)'), confirmation.text);
    assert.equal(confirmation.attachments.length, 1);
    assert.equal(confirmation.attachments[0].filename, 'einladung.ics');
    const ics = unfoldIcs(confirmation.attachments[0].content);
    assert.match(ics, /^METHOD:REQUEST$/m);
    assert.match(ics, new RegExp(`^SUMMARY:${title}$`, 'm'));
    const cancelLink = linkIn(confirmation, '/anmeldung/');
    // The waiting list mail has a link of its own, and no calendar file yet.
    const waiting = await waitForMail(timo, { subject: `Warteliste: ${title}` });
    assert.ok(waiting.text.includes('Sie stehen auf Platz 1 der Warteliste'), waiting.text);
    assert.equal(waiting.attachments.length, 0);
    const waitingLink = linkIn(waiting, '/anmeldung/');

    await withPage('public-cancel-link-waitlisted', async (page) => {
      await page.goto(waitingLink);
      await page.getByRole('heading', { level: 1, name: `Ihre Anmeldung: ${title}` }).waitFor();
      await page.getByText('Sie stehen auf der Warteliste (Platz 1).').waitFor();
      await expectNoAxeViolations(page, 'registration-link-waitlisted');
    });

    await withPage('public-cancel-link', async (page) => {
      await page.goto(cancelLink);
      await page.getByRole('heading', { level: 1, name: `Ihre Anmeldung: ${title}` }).waitFor();
      await page.getByText('Anmeldung von Rana Treffpunkt').waitFor();
      await page.getByText('Sie sind angemeldet.').waitFor();
      await expectNoAxeViolations(page, 'registration-link');

      await page.getByRole('button', { name: 'Teilnahme absagen' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Teilnahme absagen?' });
      await dialog.waitFor();
      await expectNoAxeViolations(page, 'registration-cancel-dialog');
      // Backing out changes nothing.
      await dialog.getByRole('button', { name: 'Angemeldet bleiben' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const unchanged = await apiJson(await apiToken(), 'GET', `/api/v1/meetings/${meeting.id}/registrations`);
      assert.deepEqual([unchanged.confirmed, unchanged.waitlisted], [1, 1]);

      await page.getByRole('button', { name: 'Teilnahme absagen' }).click();
      await dialog.getByRole('button', { name: 'Ja, absagen' }).click();
      await page.getByText('Ihre Teilnahme ist abgesagt').waitFor();
      await page.getByText(/Sie haben Ihre Teilnahme abgesagt/).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Teilnahme absagen' }).count(), 0);
      await expectNoAxeViolations(page, 'registration-cancelled');

      // The link keeps showing the cancellation.
      await page.reload();
      await page.getByText(/Sie haben Ihre Teilnahme abgesagt/).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Teilnahme absagen' }).count(), 0);
    });

    const goodbye = await waitForMail(rana, { subject: `Abmeldung: ${title}` });
    assert.ok(goodbye.text.includes(`„${title}“`), goodbye.text);
    // Timo moves up: a mail with the calendar file and a new link, which replaces the old one.
    const movedUp = await waitForMail(timo, { subject: `Nachgerückt: ${title}` });
    assert.match(unfoldIcs(movedUp.attachments[0]?.content ?? Buffer.alloc(0)), /^METHOD:REQUEST$/m);
    const newLink = linkIn(movedUp, '/anmeldung/');
    assert.notEqual(newLink, waitingLink);
    await withPage('public-moved-up-link', async (page) => {
      await page.goto(newLink);
      await page.getByText('Anmeldung von Timo Warteliste').waitFor();
      await page.getByText('Sie sind angemeldet.').waitFor();
      await page.goto(waitingLink);
      await page.getByText('Anmeldung nicht gefunden').waitFor();
    });

    const registrations = await apiJson(await apiToken(), 'GET', `/api/v1/meetings/${meeting.id}/registrations`);
    assert.deepEqual([registrations.confirmed, registrations.waitlisted], [1, 0]);
  });

  // The real links are followed above and in invitations.test.mjs; here made-up ones.
  test('links from e-mails: an unknown registration or invitation link says so', async () => {
    await withPage('public-unknown-links', async (page) => {
      await page.goto(`/anmeldung/${'x'.repeat(43)}`);
      await page.getByRole('heading', { level: 1, name: 'Ihre Anmeldung' }).waitFor();
      await page.getByText('Anmeldung nicht gefunden').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Teilnahme absagen' }).count(), 0);

      await page.goto('/anmeldung/zu-kurz');
      await page.getByText('Anmeldung nicht gefunden').waitFor();

      await page.goto(`/einladung/${'y'.repeat(43)}`);
      await page.getByRole('heading', { level: 1, name: 'Einladung' }).waitFor();
      await page.getByText('Einladung nicht gefunden').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Zusagen' }).count(), 0);
    });
  });
});
