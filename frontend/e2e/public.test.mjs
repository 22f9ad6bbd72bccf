/**
 * Public pages without login: the catalogue of offers, the network meetings with registration,
 * and the pages behind the links in e-mails (registration, invitation answer).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiJson, apiToken, assertClean, launch, newContext, newPage, screenshot, uniqueEmail } from './support.mjs';

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

  // The secrets of the cancel and answer links are only in the e-mails, and the e2e server has no
  // reachable mail box. These two tests answer the link's API calls in the browser (page.route)
  // with the shapes the API documents, around a real meeting; the unknown-link test below uses the
  // real API.
  test('the cancel link shows the registration and cancels after confirmation (link API answered in the browser)', async () => {
    const title = `Netzwerktreffen Absage ${Date.now().toString(36)}`;
    const meeting = await createNetworkMeeting(title, 20);
    const publicMeeting = await (await fetch(`${process.env.E2E_BASE_URL}/api/v1/public/meetings/${meeting.id}`)).json();
    const token = 'c'.repeat(43);
    const summary = {
      meeting: publicMeeting,
      given_name: 'Rana',
      family_name: 'Treffpunkt',
      status: 'confirmed',
      waiting_position: null,
      created_at: new Date().toISOString(),
      cancelled_at: null,
    };
    await withPage('public-cancel-link', async (page) => {
      let cancelCalls = 0;
      await page.route(`**/api/v1/public/registrations/${token}`, (route) => route.fulfill({ json: summary }));
      await page.route(`**/api/v1/public/registrations/${token}/cancel`, (route) => {
        cancelCalls += 1;
        assert.equal(route.request().method(), 'POST');
        return route.fulfill({ json: { ...summary, status: 'cancelled', cancelled_at: new Date().toISOString() } });
      });
      await page.goto(`/anmeldung/${token}`);
      await page.getByRole('heading', { level: 1, name: `Ihre Anmeldung: ${title}` }).waitFor();
      await page.getByText('Anmeldung von Rana Treffpunkt').waitFor();
      await page.getByText('Sie sind angemeldet.').waitFor();

      await page.getByRole('button', { name: 'Teilnahme absagen' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Teilnahme absagen?' });
      // Backing out changes nothing.
      await dialog.getByRole('button', { name: 'Angemeldet bleiben' }).click();
      await dialog.waitFor({ state: 'hidden' });
      assert.equal(cancelCalls, 0);

      await page.getByRole('button', { name: 'Teilnahme absagen' }).click();
      await dialog.getByRole('button', { name: 'Ja, absagen' }).click();
      await page.getByText('Ihre Teilnahme ist abgesagt').waitFor();
      await page.getByText(/Sie haben Ihre Teilnahme abgesagt/).waitFor();
      assert.equal(cancelCalls, 1);
      assert.equal(await page.getByRole('button', { name: 'Teilnahme absagen' }).count(), 0);
    });
  });

  test('the answer link shows the invitation with the agenda and stores "Zusagen" (link API answered in the browser)', async () => {
    const token = 'i'.repeat(43);
    const invitation = {
      meeting_id: '00000000-0000-4000-8000-000000000001',
      title: 'AK Sprache 1/2027',
      number: 'AK Sprache 1/2027',
      body_name: 'Arbeitskreis Sprache',
      status: 'invited',
      starts_at: '2027-02-10T14:00:00Z',
      ends_at: '2027-02-10T16:00:00Z',
      location_address: 'Kreishaus Gifhorn, Schlossplatz 1, 38518 Gifhorn',
      location_room: 'Raum 101',
      online_url: null,
      theme: 'Sprachkurse im ländlichen Raum',
      cancel_reason: null,
      agenda: [
        { number: '1', title: 'Begrüßung' },
        { number: '2', title: 'Berichte aus den Kursen' },
      ],
      member_name: 'Amir Axtmann',
      response: 'pending',
      responded_at: null,
      may_answer: true,
    };
    await withPage('public-invitation-link', async (page) => {
      const answers = [];
      await page.route(`**/api/v1/invitation-responses/${token}`, (route) => {
        if (route.request().method() === 'POST') {
          const body = route.request().postDataJSON();
          answers.push(body.response);
          return route.fulfill({ json: { ...invitation, response: body.response, responded_at: new Date().toISOString() } });
        }
        return route.fulfill({ json: invitation });
      });
      await page.goto(`/einladung/${token}`);
      await page.getByRole('heading', { level: 1, name: 'AK Sprache 1/2027' }).waitFor();
      await page.getByText('Einladung für Amir Axtmann').waitFor();
      await page.getByText('Mittwoch, 10. Februar 2027, 15:00–17:00 Uhr').waitFor();
      await page.getByText('Kreishaus Gifhorn, Schlossplatz 1, 38518 Gifhorn – Raum 101').waitFor();
      await page.getByRole('listitem').filter({ hasText: 'TOP 2: Berichte aus den Kursen' }).waitFor();
      await page.getByText('Sie haben noch nicht geantwortet.').waitFor();
      await page.getByRole('button', { name: 'Zusagen' }).click();
      await page.getByText('Vielen Dank, Ihre Zusage ist gespeichert.').waitFor();
      await page.getByText(/Sie haben zugesagt/).waitFor();
      assert.deepEqual(answers, ['accepted']);
    });
  });

  // The cancel and answer links carry secrets that only the e-mails contain, and the e2e server
  // has no reachable mail box: these pages are tested here in their "unknown link" state.
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
