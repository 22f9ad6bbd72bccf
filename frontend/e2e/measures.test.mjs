/**
 * Measures in the browser: a coordinator creates a measure from a need raised in a meeting, adds a
 * milestone, pauses it with a reason, finds it on the board and links it to an agenda item.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { apiCreateUser, apiJson, apiToken, assertClean, launch, login, newContext, newPage, screenshot, uniqueEmail } from './support.mjs';

const PASSWORD = 'ein-sicheres-Passwort-1';
const stamp = Date.now().toString(36);
const NEED_TITLE = `Kinderbetreuung während der Sprachkurse ${stamp}`;
const MEETING_TITLE = `AK Maßnahmen ${stamp}`;

let browser;
let context;
let page;
let coordinator;
let workingGroup;
let meeting;
let agendaItem;
let need;
let organisation;
let measureId;
let reference;

before(async () => {
  browser = await launch();
  const token = await apiToken();
  coordinator = await apiCreateUser(token, {
    email: uniqueEmail('measures-coordinator'),
    name: 'Clara Koordination',
    password: PASSWORD,
    roles: ['member', 'coordinator'],
  });
  const bodies = await apiJson(token, 'GET', '/api/v1/bodies?kind=working_group&sort=name');
  workingGroup = bodies.items[0];
  organisation = await apiJson(token, 'POST', '/api/v1/organisations', {
    name: `Familienzentrum ${stamp}`,
    kind: 'association_initiative',
    municipality: 'Stadt Gifhorn',
  });
  meeting = await apiJson(token, 'POST', '/api/v1/meetings', {
    body_id: workingGroup.id,
    title: MEETING_TITLE,
    starts_at: '2026-02-10T15:00:00+01:00',
    ends_at: '2026-02-10T17:00:00+01:00',
    apply_agenda_template: false,
  });
  agendaItem = await apiJson(token, 'POST', `/api/v1/meetings/${meeting.id}/agenda-items`, { title: 'Bedarfe aus der Praxis', kind: 'needs' });
  need = await apiJson(token, 'POST', '/api/v1/needs', {
    body_id: workingGroup.id,
    title: NEED_TITLE,
    description: 'Mütter mit kleinen Kindern können sonst nicht teilnehmen.',
    raised_at_agenda_item_id: agendaItem.id,
  });
  context = await newContext(browser);
  page = await newPage(context);
});

after(async () => {
  if (context) assertClean(context);
  await context?.close();
  await browser?.close();
});

async function step(label, fn) {
  try {
    await fn();
  } catch (error) {
    await screenshot(page, `measures-${label}`);
    throw error;
  }
}

describe('measures', () => {
  test('a coordinator creates a measure from a need raised in a meeting', async () => {
    await login(page, coordinator.email, PASSWORD);
    await step('need-page', async () => {
      await page.goto(`/bedarfe/${need.id}`);
      await page.getByRole('heading', { level: 1, name: NEED_TITLE }).waitFor();
      await page.getByText('Zu diesem Bedarf gibt es noch keine Maßnahme.').waitFor();
      await page.getByRole('link', { name: 'Maßnahme anlegen' }).click();
    });
    await step('form-prefilled', async () => {
      await page.getByRole('heading', { level: 1, name: 'Neue Maßnahme' }).waitFor();
      await page.getByText(`Aus dem Bedarf „${NEED_TITLE}“`).waitFor();
      await page.getByText(`Eingebracht in: ${MEETING_TITLE}`, { exact: false }).waitFor();
      assert.equal(await page.getByLabel('Titel', { exact: true }).inputValue(), NEED_TITLE);
      // The body select shows the need's body once the bodies have loaded.
      await page.waitForFunction((id) => document.getElementById('measure-body')?.value === id, workingGroup.id);
      assert.equal(await page.getByLabel('Beschreibung').inputValue(), 'Mütter mit kleinen Kindern können sonst nicht teilnehmen.');
      assert.ok(await page.getByRole('checkbox', { name: new RegExp(NEED_TITLE) }).isChecked(), 'the need is linked');
    });
    await step('form-validation', async () => {
      await page.getByLabel('Fortschritt').fill('120');
      await page.getByRole('button', { name: 'Maßnahme anlegen' }).click();
      const summary = page.getByRole('heading', { name: 'Bitte korrigieren Sie folgende Angaben' });
      await summary.waitFor();
      await page.getByRole('link', { name: /Fortschritt: Bitte geben Sie eine ganze Zahl von 0 bis 100 ein/ }).waitFor();
    });
    await step('form-fill', async () => {
      await page.getByLabel('Fortschritt').fill('10');
      await page.getByLabel('Status').selectOption('planned');
      await page.getByLabel('Zielgruppe').fill('Eltern in Sprachkursen');
      await page.getByRole('button', { name: 'Organisation hinzufügen' }).click();
      // The new row's select has the focus.
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'measure-organisations');
      await page.getByLabel('Organisation 1', { exact: true }).selectOption(organisation.id);
      await page.getByLabel('Rolle von Organisation 1').selectOption('lead');
      const goal = page.locator('#measure-goals');
      if ((await goal.count()) > 0) await goal.check();
      await page.getByRole('button', { name: 'Maßnahme anlegen' }).click();
    });
    await step('measure-page', async () => {
      await page.getByRole('heading', { level: 1, name: NEED_TITLE }).waitFor();
      measureId = new URL(page.url()).pathname.split('/').pop();
      const year = new Date().getFullYear();
      const lead = await page.locator('.app-page-header p').first().innerText();
      const match = new RegExp(`M-${year}-\\d{3}`).exec(lead);
      assert.ok(match, `the reference M-${year}-NNN is shown (lead: ${lead})`);
      reference = match[0];
      await page.getByText(`Die Maßnahme ${reference} „${NEED_TITLE}“ wurde angelegt.`).waitFor();
      const needs = page.getByRole('region', { name: 'Bedarfe, die die Maßnahme aufgreift' });
      await needs.getByRole('link', { name: NEED_TITLE }).waitFor();
      await needs.getByText('In Bearbeitung (Maßnahme)', { exact: false }).waitFor();
      await page.getByRole('link', { name: new RegExp(`${MEETING_TITLE} am .*TOP ${agendaItem.number}`) }).waitFor();
      const partners = page.getByRole('table', { name: 'Beteiligte Organisationen' });
      await partners.getByRole('row', { name: new RegExp(`Familienzentrum ${stamp}.*Federführung`) }).waitFor();
      assert.equal(await page.getByRole('progressbar', { name: '10 %' }).getAttribute('value'), '10');
    });
    await step('need-shows-measure', async () => {
      await page.goto(`/bedarfe/${need.id}`);
      await page.getByRole('link', { name: `${reference} ${NEED_TITLE}` }).waitFor();
      await page.getByText('Geplant', { exact: false }).first().waitFor();
    });
  });

  test('adds a milestone and pauses the measure with a reason', async () => {
    await step('milestone', async () => {
      await page.goto(`/massnahmen/${measureId}`);
      await page.getByRole('heading', { level: 1, name: NEED_TITLE }).waitFor();
      await page.getByText('Es sind noch keine Meilensteine eingetragen.').waitFor();
      await page.getByRole('button', { name: 'Meilenstein hinzufügen' }).click();
      const dialog = page.getByRole('dialog', { name: 'Meilenstein hinzufügen' });
      await dialog.getByRole('button', { name: 'Speichern' }).click();
      await dialog.getByRole('heading', { name: 'Bitte korrigieren Sie folgende Angaben' }).waitFor();
      await dialog.getByLabel('Datum').fill('2026-04-15');
      await dialog.getByLabel('Titel').fill('Betreuung organisiert');
      await dialog.getByLabel('Fortschritt').fill('30');
      await dialog.getByRole('button', { name: 'Speichern' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText('Der Meilenstein „Betreuung organisiert“ wurde hinzugefügt.').waitFor();
      const row = page.getByRole('table', { name: 'Meilensteine nach Datum' }).getByRole('row', { name: /Betreuung organisiert/ });
      await row.getByText('15.04.2026').waitFor();
      await row.getByText('30 %').waitFor();
    });
    await step('status', async () => {
      await page.getByRole('button', { name: 'Status ändern' }).click();
      const dialog = page.getByRole('dialog', { name: 'Status ändern' });
      await dialog.getByText('Aktueller Status: Geplant').waitFor();
      const options = await dialog.getByLabel('Neuer Status').locator('option').allInnerTexts();
      assert.deepEqual(options, ['Bitte wählen', 'In Umsetzung', 'Pausiert', 'Eingestellt']);
      await dialog.getByLabel('Neuer Status').selectOption('paused');
      await dialog.getByRole('button', { name: 'Status ändern' }).click();
      await dialog.getByText('Bitte begründen Sie, warum die Maßnahme pausiert oder eingestellt wird.').waitFor();
      await dialog.getByLabel('Begründung').fill('Die Räume der Kita sind bis zum Sommer belegt.');
      await dialog.getByRole('button', { name: 'Status ändern' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText('Der Status ist jetzt „Pausiert“.').waitFor();
      await page.getByText('Die Räume der Kita sind bis zum Sommer belegt.').waitFor();
    });
  });

  test('the board shows the card in the column of its status', async () => {
    await step('board', async () => {
      await page.goto(`/massnahmen?q=${encodeURIComponent(reference)}`);
      await page.getByRole('heading', { level: 1, name: 'Maßnahmen' }).waitFor();
      await page.getByRole('row', { name: new RegExp(NEED_TITLE) }).waitFor();
      // The export takes the list's filters: the header and this one measure.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('region', { name: 'Maßnahmen exportieren' }).getByRole('button', { name: 'Als CSV herunterladen' }).click(),
      ]);
      const lines = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
      assert.match(lines[0], /^Referenz[;,]Titel/);
      assert.equal(lines.length, 2, `the header and one measure: ${lines.join(' | ')}`);
      assert.match(lines[1], new RegExp(`^${reference}[;,]`));
      await page.getByLabel('Tafel').click();
      await page.waitForURL(/ansicht=tafel/);
      const column = page.getByRole('region', { name: 'Pausiert: 1 Maßnahme' });
      const card = column.getByRole('link', { name: NEED_TITLE });
      await card.waitFor();
      await column.getByText(reference).waitFor();
      await column.getByRole('progressbar', { name: 'Fortschritt: 10 %' }).waitFor();
      await page.getByRole('region', { name: 'Geplant: 0 Maßnahmen' }).waitFor();
      // Keyboard: the card is a link reached with Tab and opened with Enter.
      await card.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: NEED_TITLE }).waitFor();
    });
  });

  test('an agenda item of kind measure development links the measure; the measure shows the meeting', async () => {
    await step('agenda', async () => {
      await page.goto(`/sitzungen/${meeting.id}`);
      const agenda = page.getByRole('tabpanel', { name: 'Tagesordnung' });
      await agenda.getByRole('button', { name: 'Tagesordnungspunkt hinzufügen' }).click();
      const dialog = page.getByRole('dialog', { name: 'Tagesordnungspunkt hinzufügen' });
      await dialog.getByLabel('Titel').fill('Kinderbetreuung planen');
      await dialog.getByLabel('Art').selectOption('measure_development');
      await dialog.getByLabel('Maßnahme suchen').fill(reference);
      await dialog.getByText('1 Maßnahme gefunden.').waitFor();
      await dialog.getByLabel('Maßnahme', { exact: true }).selectOption(measureId);
      await dialog.getByRole('button', { name: 'Speichern' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await agenda.getByRole('link', { name: `${reference} ${NEED_TITLE}` }).click();
      await page.getByRole('heading', { level: 1, name: NEED_TITLE }).waitFor();
      const discussed = page.getByRole('region', { name: 'Besprochen in' });
      await discussed.getByRole('link', { name: new RegExp(`${MEETING_TITLE} am .*Kinderbetreuung planen`) }).waitFor();
    });
  });
});
