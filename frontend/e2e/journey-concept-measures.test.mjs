/**
 * The journey of the concept and its measures, in the browser, as a coordinator: derive a new
 * edition from the one in force, add a goal and adopt it; record a need raised at an agenda item
 * of a meeting; create a measure from that need, linked to the new goal; add a milestone; and see
 * it all on the dashboard, whose numbers are the API's.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { discardDrafts, ensureCurrentEdition } from './conceptData.mjs';
import {
  apiCreateUser,
  apiJson,
  apiToken,
  assertClean,
  expectNoAxeViolations,
  launch,
  login,
  newContext,
  newPage,
  screenshot,
  uniqueEmail,
} from './support.mjs';

const PASSWORD = 'ein-sicheres-Passwort-1';
const stamp = Date.now().toString(36);
const NEED_TITLE = `Sprachkurs mit Kinderbetreuung ${stamp}`;
const MEETING_TITLE = `AK Journey ${stamp}`;
const GOAL_TITLE = `Kurse mit Kinderbetreuung in jeder Samtgemeinde ${stamp}`;
const MILESTONE_TITLE = `Erster Kurs gestartet ${stamp}`;
const STATUSES = ['idea', 'planned', 'in_progress', 'completed', 'paused', 'discontinued'];

let browser;
let context;
let page;
let coordinator;
let coordinatorToken;
let workingGroup;
let meeting;
let agendaItem;
let previous;
let field;
let before_;
const draft = { year: 0, title: '' };
let goalCode;
let reference;

/** Today in Europe/Berlin, as YYYY-MM-DD. */
function berlinToday() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
}

const number = (value) => value.toLocaleString('de-DE');

before(async () => {
  browser = await launch();
  const token = await apiToken();
  coordinator = { email: uniqueEmail('journey'), password: PASSWORD };
  await apiCreateUser(token, { ...coordinator, name: 'Johanna Journey', roles: ['member', 'coordinator'] });
  coordinatorToken = await apiToken(coordinator.email, coordinator.password);
  // An edition in force and no draft (the API allows one draft at a time), whatever ran before.
  await discardDrafts(token);
  previous = await ensureCurrentEdition(token);
  field = previous.fields.find((f) => f.goals.length > 0) ?? previous.fields[0];
  assert.ok(field, 'the edition in force has a field of action');
  draft.year = Math.max(previous.year + 1, new Date().getFullYear());
  draft.title = `Integrationskonzept ${draft.year} (${stamp})`;

  const bodies = await apiJson(token, 'GET', '/api/v1/bodies?kind=working_group&sort=name');
  workingGroup = bodies.items[1] ?? bodies.items[0];
  meeting = await apiJson(token, 'POST', '/api/v1/meetings', {
    body_id: workingGroup.id,
    title: MEETING_TITLE,
    starts_at: '2026-02-11T15:00:00+01:00',
    ends_at: '2026-02-11T17:00:00+01:00',
    apply_agenda_template: false,
  });
  agendaItem = await apiJson(token, 'POST', `/api/v1/meetings/${meeting.id}/agenda-items`, {
    title: 'Bedarfe aus der Praxis',
    kind: 'needs',
  });
  before_ = await apiJson(coordinatorToken, 'GET', '/api/v1/dashboard');
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
    await screenshot(page, `journey-${label}`);
    throw error;
  }
}

/** The body rows of a table: the texts of their cells (row header first). */
async function cells(caption) {
  return page
    .getByRole('table', { name: caption })
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent.trim())));
}

describe('journey: concept, measure, dashboard', () => {
  test('derive a new edition, add a goal, adopt it', async () => {
    await login(page, coordinator.email, coordinator.password);
    await step('derive', async () => {
      await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Konzept', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Integrationskonzept' }).waitFor();
      await page.getByRole('heading', { level: 2, name: `Geltende Fassung: ${previous.title}` }).waitFor();
      await page.getByRole('button', { name: 'Neue Fassung ableiten' }).click();
      const dialog = page.getByRole('dialog', { name: 'Neue Fassung ableiten' });
      await dialog.getByLabel('Jahr').fill(String(draft.year));
      await dialog.getByLabel('Titel').fill(draft.title);
      await dialog.getByRole('button', { name: 'Entwurf anlegen' }).click();
      await page.getByRole('heading', { level: 1, name: draft.title }).waitFor();
      await page.getByText(`Der Entwurf „${draft.title}“ wurde angelegt.`).waitFor();
      // The draft has copied the fields of action.
      await page.getByRole('heading', { name: `${field.code} ${field.title}`, exact: true }).first().waitFor();
    });
    await step('goal', async () => {
      await page.getByRole('button', { name: `Ziel im Handlungsfeld ${field.code} hinzufügen` }).click();
      const dialog = page.getByRole('dialog', { name: 'Ziel hinzufügen' });
      goalCode = (await dialog.getByLabel('Kürzel').inputValue()).trim();
      if (!goalCode) {
        goalCode = `${field.code}.J${stamp.slice(-3)}`;
        await dialog.getByLabel('Kürzel').fill(goalCode);
      }
      await dialog.getByLabel('Titel').fill(GOAL_TITLE);
      await dialog.getByRole('button', { name: 'Speichern' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText(`Das Ziel ${goalCode} wurde hinzugefügt.`).waitFor();
      await page.getByText(GOAL_TITLE).first().waitFor();
    });
    await step('adopt', async () => {
      await page.getByRole('button', { name: 'Beschließen' }).click();
      const dialog = page.getByRole('dialog', { name: 'Fassung beschließen' });
      assert.equal(await dialog.getByLabel('Beschlossen am').inputValue(), berlinToday());
      await dialog.getByLabel('Beschlossen durch').fill('Kreistag des Landkreises Gifhorn');
      await dialog.getByRole('button', { name: 'Beschließen' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText(`Die Fassung „${draft.title}“ ist beschlossen und gilt ab sofort.`).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Beschließen' }).count(), 0, 'an adopted edition is read-only');
    });
    await step('previous-superseded', async () => {
      await page.goto(`/konzept/${previous.id}`);
      await page.getByRole('heading', { level: 1, name: previous.title }).waitFor();
      await page.getByText('Abgelöst', { exact: false }).first().waitFor();
      const current = await apiJson(coordinatorToken, 'GET', '/api/v1/concept/current');
      assert.equal(current.title, draft.title);
    });
  });

  test('record a need raised in a meeting, create a measure from it, add a milestone', async () => {
    await step('need', async () => {
      await page.goto(`/sitzungen/${meeting.id}`);
      const agenda = page.getByRole('tabpanel', { name: 'Tagesordnung' });
      await agenda.getByRole('link', { name: `Bedarf erfassen zu TOP ${agendaItem.number} „${agendaItem.title}“` }).click();
      await page.getByRole('heading', { level: 1, name: 'Bedarf erfassen' }).waitFor();
      await page.getByText(`Eingebracht in: ${MEETING_TITLE}`, { exact: false }).waitFor();
      await page.getByLabel('Titel').fill(NEED_TITLE);
      await page.getByRole('button', { name: 'Bedarf erfassen' }).click();
      await page.getByRole('heading', { level: 1, name: NEED_TITLE }).waitFor();
      await page.getByText(`Der Bedarf „${NEED_TITLE}“ wurde erfasst.`).waitFor();
    });
    await step('measure', async () => {
      await page.getByRole('link', { name: 'Maßnahme anlegen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Neue Maßnahme' }).waitFor();
      await page.getByText(`Aus dem Bedarf „${NEED_TITLE}“`).waitFor();
      await page.getByText(`Eingebracht in: ${MEETING_TITLE}`, { exact: false }).waitFor();
      await page.waitForFunction((id) => document.getElementById('measure-body')?.value === id, workingGroup.id);
      await page.getByLabel('Status').selectOption('planned');
      await page.getByRole('checkbox', { name: `${goalCode} – ${GOAL_TITLE}` }).check();
      await page.getByRole('button', { name: 'Maßnahme anlegen' }).click();
      await page.getByRole('heading', { level: 1, name: NEED_TITLE }).waitFor();
      const year = new Date().getFullYear();
      const flash = page.getByText(new RegExp(`Die Maßnahme M-${year}-\\d{3} „`));
      await flash.waitFor();
      reference = new RegExp(`M-${year}-\\d{3}`).exec(await flash.innerText())[0];
      await page.getByRole('link', { name: new RegExp(`${MEETING_TITLE} am .*TOP ${agendaItem.number}`) }).waitFor();
      await page.getByText(GOAL_TITLE, { exact: false }).first().waitFor();
    });
    await step('milestone', async () => {
      await page.getByRole('button', { name: 'Meilenstein hinzufügen' }).click();
      const dialog = page.getByRole('dialog', { name: 'Meilenstein hinzufügen' });
      await dialog.getByLabel('Datum').fill(berlinToday());
      await dialog.getByLabel('Titel').fill(MILESTONE_TITLE);
      await dialog.getByLabel('Fortschritt').fill('40');
      await dialog.getByRole('button', { name: 'Speichern' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText(`Der Meilenstein „${MILESTONE_TITLE}“ wurde hinzugefügt.`).waitFor();
    });
  });

  test('the dashboard shows the new edition, the measure and its milestone', async () => {
    await step('dashboard', async () => {
      await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Übersicht' }).click();
      await page.getByRole('heading', { level: 2, name: 'Maßnahmen nach Arbeitskreis' }).waitFor();
      await page.getByText(`Grundlage: ${draft.title}`).waitFor();
      const milestones = page.getByRole('region', { name: 'Neueste Meilensteine' });
      await milestones.getByText(MILESTONE_TITLE, { exact: false }).waitFor();
      await milestones.getByRole('link', { name: `${reference} ${NEED_TITLE}` }).waitFor();

      const board = await apiJson(coordinatorToken, 'GET', '/api/v1/dashboard');
      assert.equal(board.current_edition.title, draft.title);
      const toggles = page.getByText('Als Tabelle anzeigen');
      for (let index = 0; index < (await toggles.count()); index += 1) await toggles.nth(index).click();

      // Measures by working group: one more planned measure in the group.
      const byBody = await cells('Maßnahmen nach Status je Arbeitskreis oder Gremium');
      const row = byBody.find((cellsOfRow) => cellsOfRow[0] === workingGroup.short_name);
      const beforeRow = before_.measures_by_body.find((r) => r.body_id === workingGroup.id);
      assert.equal(row[1 + STATUSES.indexOf('planned')], number(beforeRow.counts.planned + 1));
      assert.equal(row.at(-1), number(beforeRow.total + 1));

      // Measures by field of action: the fields of the new edition, with the measure under its goal's field.
      const byField = await cells('Maßnahmen nach Status je Handlungsfeld');
      const fieldRow = byField.find((cellsOfRow) => cellsOfRow[0] === `${field.code} ${field.title}`);
      assert.ok(fieldRow, `the field ${field.code} of the new edition is listed`);
      const apiField = board.measures_by_field.find((r) => r.code === field.code);
      assert.ok(apiField.counts.planned >= 1);
      assert.deepEqual(fieldRow.slice(1), [...STATUSES.map((s) => number(apiField.counts[s])), number(apiField.total)]);
      assert.ok(!board.goals_without_measures.some((goal) => goal.code === goalCode), 'the new goal has its measure');

      // The need became "addressed" with the measure, so the open needs are as before.
      const needs = await cells('Offene Bedarfe je Arbeitskreis oder Gremium');
      const needRow = needs.find((cellsOfRow) => cellsOfRow[0] === workingGroup.short_name);
      const beforeNeeds = before_.open_needs_by_body.find((r) => r.body_id === workingGroup.id);
      assert.equal(needRow[1], number(beforeNeeds.open));

      // This quarter's progress counts the measure's milestone.
      const quarter = board.progress_over_time.at(-1);
      const progress = await cells('Durchschnittlicher Fortschritt je Quartal');
      assert.equal(progress.at(-1)[1], number(quarter.measures));
      assert.ok(quarter.measures >= (before_.progress_over_time.at(-1).measures ?? 0) + 1);

      await expectNoAxeViolations(page, 'journey-dashboard');
      await milestones.getByRole('link', { name: `${reference} ${NEED_TITLE}` }).click();
      await page.getByRole('heading', { level: 1, name: NEED_TITLE }).waitFor();
    });
  });
});
