/**
 * Offers and needs in the app: the management of offers (with the public catalogue as the
 * visible result) and needs with their status.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiCreateUser, apiJson, apiToken, assertClean, launch, login, newContext, newPage, screenshot, uniqueEmail } from './support.mjs';

let browser;
let coordinator;
let organisation;
before(async () => {
  browser = await launch();
  coordinator = { email: uniqueEmail('angebote'), password: 'ein-sicheres-Passwort-1' };
  await apiCreateUser(await apiToken(), { ...coordinator, name: 'Carla Koordination', roles: ['coordinator'] });
  organisation = await apiJson(await apiToken(), 'POST', '/api/v1/organisations', {
    name: `Frauentreff Ise ${Date.now().toString(36)}`,
    kind: 'association_initiative',
    municipality: 'Samtgemeinde Isenbüttel',
  });
});
after(async () => {
  await browser?.close();
});

async function withPage(name, fn) {
  const context = await newContext(browser);
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

async function catalogueFinds(page, title) {
  await page.goto(`/angebote?q=${encodeURIComponent(title)}`);
  await page.getByRole('heading', { level: 2, name: /Angebot(e)? gefunden/ }).waitFor();
  return (await page.getByRole('link', { name: title }).count()) > 0;
}

describe('offers', () => {
  test('a coordinator records an offer; once published it is in the public catalogue, then internal and deleted', async () => {
    const title = `Schwimmkurs für Frauen ${Date.now().toString(36)}`;
    await withPage('offers-manage', async (page) => {
      await login(page, coordinator.email, coordinator.password);
      await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Angebote' }).click();
      await page.getByRole('heading', { level: 1, name: 'Angebotsverwaltung' }).waitFor();
      // Internal demo offers are listed here.
      await page.getByLabel('Sichtbarkeit').selectOption('intern');
      await page.getByRole('button', { name: 'Suchen' }).click();
      await page.getByRole('row', { name: /Migrationsberatung für Erwachsene/ }).waitFor();

      await page.getByRole('link', { name: 'Angebot anlegen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Angebot anlegen' }).waitFor();
      await page.getByLabel('Sprachen').fill('deutsch');
      await page.getByRole('button', { name: 'Angebot anlegen' }).click();
      await page.getByRole('heading', { name: 'Bitte korrigieren Sie folgende Angaben' }).waitFor();
      await page.getByRole('link', { name: /Organisation: Bitte wählen Sie die Organisation aus/ }).waitFor();
      await page.getByRole('link', { name: /Sprachen: Bitte geben Sie Sprachen als zweistellige ISO-Kürzel an/ }).waitFor();

      await page.getByRole('option', { name: organisation.name }).waitFor({ state: 'attached' });
      await page.getByLabel('Organisation').selectOption({ label: organisation.name });
      await page.getByLabel('Titel').fill(title);
      await page.getByLabel(/^Beschreibung/).fill('Schwimmen lernen in einer geschützten Gruppe, Trainerin spricht Arabisch.');
      await page.getByLabel('Zielgruppen').fill('Frauen, Mädchen ab 14');
      await page.getByLabel('Sprachen').fill('de, ar');
      await page.getByRole('group', { name: /Gemeinden/ }).getByLabel('Samtgemeinde Isenbüttel').check();
      await page.getByLabel(/^Kosten/).fill('kostenlos');
      await page.getByLabel('Gültig ab').fill('2026-01-01');
      await page.getByLabel('Gültig bis').fill('2025-12-31');
      await page.getByLabel('Im öffentlichen Angebotskatalog veröffentlichen').check();
      await page.getByRole('button', { name: 'Angebot anlegen' }).click();
      await page.getByRole('link', { name: /Gültig bis: Das Ende darf nicht vor dem Beginn liegen/ }).waitFor();
      await page.getByLabel('Gültig bis').fill('');
      await page.getByRole('button', { name: 'Angebot anlegen' }).click();

      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByText(`Das Angebot „${title}“ wurde angelegt.`).waitFor();
      await page.getByText('Dieses Angebot ist im öffentlichen Angebotskatalog zu sehen.').waitFor();
      await page.getByText('Frauen, Mädchen ab 14').waitFor();
      await page.getByText('Arabisch, Deutsch').waitFor();

      await page.getByRole('link', { name: 'Im Angebotskatalog ansehen' }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByRole('link', { name: organisation.name }).or(page.getByText(organisation.name).first()).first().waitFor();
    });

    // Anyone (no login) finds it, also by target group and municipality.
    let offerId;
    await withPage('offers-catalogue-published', async (page) => {
      assert.equal(await catalogueFinds(page, title), true, 'published offer is in the catalogue');
      await page.goto(`/angebote?q=${encodeURIComponent(title)}&gemeinde=${encodeURIComponent('Samtgemeinde Isenbüttel')}&zielgruppe=Frauen`);
      await page.getByRole('link', { name: title }).click();
      await page.waitForURL(/\/angebote\/[0-9a-f-]{36}$/);
      offerId = new URL(page.url()).pathname.split('/').pop();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByRole('main').getByText('Samtgemeinde Isenbüttel').waitFor();
    });

    await withPage('offers-edit-delete', async (page) => {
      await login(page, coordinator.email, coordinator.password);
      await page.goto(`/angebotsverwaltung/${offerId}`);
      await page.getByRole('link', { name: 'Bearbeiten' }).click();
      await page.getByRole('heading', { level: 1, name: `Angebot bearbeiten: ${title}` }).waitFor();
      await page.getByLabel('Im öffentlichen Angebotskatalog veröffentlichen').uncheck();
      await page.getByRole('button', { name: 'Speichern' }).click();
      await page.getByText('Die Änderungen wurden gespeichert.').waitFor();
    });

    await withPage('offers-catalogue-internal', async (page) => {
      assert.equal(await catalogueFinds(page, title), false, 'an internal offer is not in the catalogue');
    });

    await withPage('offers-delete', async (page) => {
      await login(page, coordinator.email, coordinator.password);
      await page.goto(`/angebotsverwaltung/${offerId}`);
      await page.getByText('Dieses Angebot ist intern.').waitFor();
      await page.getByRole('button', { name: 'Löschen' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Angebot löschen?' });
      await dialog.getByRole('button', { name: 'Angebot löschen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Angebotsverwaltung' }).waitFor();
      await page.getByText(`Das Angebot „${title}“ wurde gelöscht.`).waitFor();
      await page.goto(`/angebotsverwaltung?q=${encodeURIComponent(title)}`);
      await page.getByText('Kein Angebot passt zu Ihrer Suche.', { exact: false }).waitFor();
    });
  });

  test('a member reads offers but finds no way to change them', async () => {
    const member = { email: uniqueEmail('angebote-lesen'), password: 'ein-sicheres-Passwort-1' };
    await apiCreateUser(await apiToken(), { ...member, name: 'Mona Mitglied', roles: ['member'] });
    await withPage('offers-read-only', async (page) => {
      await login(page, member.email, member.password);
      await page.goto('/angebotsverwaltung');
      await page.getByText('Sie können die Angebote ansehen, aber nicht ändern.').waitFor();
      assert.equal(await page.getByRole('link', { name: 'Angebot anlegen' }).count(), 0);
      await page.goto('/angebotsverwaltung/neu');
      await page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' }).waitFor();
    });
  });
});

describe('needs', () => {
  test('a coordinator records a need and dismisses it with a note', async () => {
    const title = `Fahrdienst zu Sprachkursen ${Date.now().toString(36)}`;
    const bodies = await apiJson(await apiToken(), 'GET', '/api/v1/bodies?kind=working_group&sort=name');
    const body = bodies.items[0];
    await withPage('needs-flow', async (page) => {
      await login(page, coordinator.email, coordinator.password);
      await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Bedarfe' }).click();
      await page.getByRole('heading', { level: 1, name: 'Bedarfe' }).waitFor();
      await page.getByRole('link', { name: 'Bedarf erfassen' }).click();
      await page.getByRole('button', { name: 'Bedarf erfassen' }).click();
      await page.getByRole('heading', { name: 'Bitte korrigieren Sie folgende Angaben' }).waitFor();

      await page.getByRole('option', { name: body.name }).waitFor({ state: 'attached' });
      await page.getByLabel('Arbeitskreis / Gremium').selectOption({ label: body.name });
      await page.getByLabel('Titel').fill(title);
      await page.getByLabel(/^Beschreibung/).fill('Aus den Dörfern kommen Teilnehmende ohne Auto nicht zum Kurs.');
      // A field of action of the edition in force (the demo data brings one); the first one offered.
      const fieldOfAction = page.getByLabel(/^Handlungsfeld/);
      if ((await fieldOfAction.locator('option').count()) > 1) await fieldOfAction.selectOption({ index: 1 });
      await page.getByRole('button', { name: 'Bedarf erfassen' }).click();

      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByText(`Der Bedarf „${title}“ wurde erfasst.`).waitFor();
      await page.getByText('Offen', { exact: true }).waitFor();

      // In the list of open needs.
      await page.goto(`/bedarfe?q=${encodeURIComponent(title)}`);
      await page.getByRole('link', { name: title }).click();

      await page.getByRole('button', { name: 'Status ändern' }).click();
      const dialog = page.getByRole('dialog', { name: 'Status ändern' });
      await dialog.getByText('Aktueller Status: Offen').waitFor();
      await dialog.getByLabel('Neuer Status').selectOption({ label: 'Verworfen' });
      await dialog.getByRole('button', { name: 'Status ändern' }).click();
      await dialog.getByText('Bitte schreiben Sie, warum der Bedarf erledigt oder verworfen ist.').waitFor();
      await dialog.getByLabel(/Anmerkung zum Status/).fill('Der Landkreis richtet ab Mai einen Rufbus ein.');
      await dialog.getByRole('button', { name: 'Status ändern' }).click();
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      await page.getByText('Der Status ist jetzt „Verworfen“.').waitFor();
      await page.getByText('Der Landkreis richtet ab Mai einen Rufbus ein.').waitFor();

      // Open needs no longer list it; the status filter finds it.
      await page.goto(`/bedarfe?q=${encodeURIComponent(title)}`);
      await page.getByText('Kein Bedarf passt zu Ihrer Suche.').waitFor();
      await page.getByLabel('Status').selectOption('dismissed');
      await page.getByRole('button', { name: 'Filtern' }).click();
      await page.getByRole('link', { name: title }).waitFor();
    });
  });

  test('a status change on a need changed meanwhile is refused and explained (412)', async () => {
    const token = await apiToken();
    const bodies = await apiJson(token, 'GET', '/api/v1/bodies?kind=working_group&sort=name');
    const need = await apiJson(token, 'POST', '/api/v1/needs', { body_id: bodies.items[0].id, title: `Dolmetschpool ${Date.now().toString(36)}` });
    await withPage('needs-conflict', async (page) => {
      await login(page, coordinator.email, coordinator.password);
      await page.goto(`/bedarfe/${need.id}`);
      await page.getByRole('button', { name: 'Status ändern' }).click();
      const dialog = page.getByRole('dialog', { name: 'Status ändern' });
      await dialog.getByLabel('Neuer Status').selectOption('addressed');
      // Meanwhile someone escalates it (same version check passes for them).
      const current = await fetch(`${process.env.E2E_BASE_URL}/api/v1/needs/${need.id}`, { headers: { Authorization: `Bearer ${token}` } });
      const moved = await fetch(`${process.env.E2E_BASE_URL}/api/v1/needs/${need.id}/status`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'If-Match': current.headers.get('ETag') ?? '' },
        body: JSON.stringify({ status: 'dismissed', note: 'Doppelt erfasst' }),
      });
      assert.equal(moved.status, 200);
      await dialog.getByRole('button', { name: 'Status ändern' }).click();
      await dialog.getByText('Zwischenzeitlich geändert').waitFor();
    });
  });
});

describe('offers and needs from the agenda of a meeting', () => {
  test('an offer recorded at an offer-presentation item is listed under the item and links back to the meeting', async () => {
    const token = await apiToken();
    const suffix = Date.now().toString(36);
    const bodies = await apiJson(token, 'GET', '/api/v1/bodies?kind=working_group&sort=name');
    const body = bodies.items[0];
    const meetingTitle = `Sitzung mit Angeboten ${suffix}`;
    const meeting = await apiJson(token, 'POST', '/api/v1/meetings', {
      body_id: body.id,
      title: meetingTitle,
      starts_at: '2025-05-14T15:00:00+02:00',
      ends_at: '2025-05-14T17:00:00+02:00',
      apply_agenda_template: false,
    });
    const offerItem = await apiJson(token, 'POST', `/api/v1/meetings/${meeting.id}/agenda-items`, {
      title: 'Vorstellung: Nähcafé',
      kind: 'offer_presentation',
    });
    await apiJson(token, 'POST', `/api/v1/meetings/${meeting.id}/agenda-items`, { title: 'Bedarfe aus der Praxis', kind: 'needs' });
    const offerTitle = `Nähcafé für Frauen ${suffix}`;
    const needTitle = `Kinderbetreuung während der Kurse ${suffix}`;

    await withPage('offers-from-agenda', async (page) => {
      await login(page, coordinator.email, coordinator.password);
      await page.goto(`/sitzungen/${meeting.id}`);
      const agenda = page.getByRole('tabpanel', { name: 'Tagesordnung' });
      await agenda.getByText('Zu diesem Punkt ist noch kein Angebot erfasst.').waitFor();
      await agenda.getByText('Zu diesem Punkt ist noch kein Bedarf erfasst.').waitFor();
      await agenda.getByRole('link', { name: `Angebot erfassen zu TOP ${offerItem.number} „Vorstellung: Nähcafé“` }).click();

      await page.getByRole('heading', { level: 1, name: 'Angebot anlegen' }).waitFor();
      await page.getByText(`Vorgestellt in: ${meetingTitle}, TOP ${offerItem.number}`).waitFor();
      await page.getByRole('option', { name: organisation.name }).waitFor({ state: 'attached' });
      await page.getByLabel('Organisation').selectOption({ label: organisation.name });
      await page.getByLabel('Titel').fill(offerTitle);
      await page.getByLabel('Zielgruppen').fill('Frauen');
      await page.getByLabel('Sprachen').fill('de, uk');
      await page.getByRole('button', { name: 'Angebot anlegen' }).click();

      await page.getByRole('heading', { level: 1, name: offerTitle }).waitFor();
      await page.getByText(`Das Angebot „${offerTitle}“ wurde angelegt.`).waitFor();
      // The offer page names the meeting and agenda item it was presented at.
      await page.getByRole('link', { name: new RegExp(`${meetingTitle} am .*, TOP ${offerItem.number}: Vorstellung: Nähcafé`) }).waitFor();
      await page.getByRole('link', { name: 'Zurück zur Sitzung' }).click();

      await page.getByRole('heading', { level: 1, name: meetingTitle }).waitFor();
      await agenda.getByRole('link', { name: offerTitle }).waitFor();
      assert.equal(await agenda.getByText('Zu diesem Punkt ist noch kein Angebot erfasst.').count(), 0);

      // A need from the needs item: the meeting's body is chosen already.
      await agenda.getByRole('link', { name: /^Bedarf erfassen zu TOP \d+ „Bedarfe aus der Praxis“$/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Bedarf erfassen' }).waitFor();
      await page.getByText(new RegExp(`^Eingebracht in: ${meetingTitle}, TOP \\d+$`)).waitFor();
      await page.getByRole('option', { name: body.name }).waitFor({ state: 'attached' });
      assert.equal(await page.getByLabel('Arbeitskreis / Gremium').inputValue(), body.id);
      await page.getByLabel('Titel').fill(needTitle);
      await page.getByRole('button', { name: 'Bedarf erfassen' }).click();
      await page.getByText(`Der Bedarf „${needTitle}“ wurde erfasst.`).waitFor();
      await page.getByRole('link', { name: 'Zurück zur Sitzung' }).click();
      await agenda.getByRole('link', { name: needTitle }).waitFor();

      // The management list filters by language and target group.
      await page.goto('/angebotsverwaltung');
      await page.getByRole('heading', { level: 1, name: 'Angebotsverwaltung' }).waitFor();
      await page.getByLabel('Sprache des Angebots').selectOption('uk');
      await page.getByLabel('Zielgruppe', { exact: true }).fill('Frauen');
      await page.getByRole('button', { name: 'Suchen' }).click();
      await page.getByRole('row', { name: new RegExp(offerTitle) }).waitFor();
      assert.match(page.url(), /sprache=uk/);
      assert.match(page.url(), /zielgruppe=Frauen/);
      await page.getByLabel('Sprache des Angebots').selectOption('ti');
      await page.getByRole('button', { name: 'Suchen' }).click();
      await page.waitForURL(/sprache=ti/);
      await page.getByRole('row', { name: new RegExp(offerTitle) }).waitFor({ state: 'detached' });
    });
  });
});
