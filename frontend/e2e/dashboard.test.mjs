/**
 * The dashboard on the start page: after data created through the API, its charts' tables show
 * the API's numbers; a member sees only the meetings of their group; axe finds nothing in light
 * and dark theme, with the tables open, and at 320 px (no horizontal scrolling).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  BASE_URL,
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

const stamp = Date.now().toString(36);
const PASSWORD = 'ein-sicheres-Passwort-1';
const STATUSES = ['idea', 'planned', 'in_progress', 'completed', 'paused', 'discontinued'];
const CAPTIONS = {
  bodies: 'Maßnahmen nach Status je Arbeitskreis oder Gremium',
  fields: 'Maßnahmen nach Status je Handlungsfeld',
  needs: 'Offene Bedarfe je Arbeitskreis oder Gremium',
  progress: 'Durchschnittlicher Fortschritt je Quartal',
};

let browser;
let token;
let groupA;
let groupB;
let before_;
let after_;
let member;
const titles = {
  measure: `Dashboard-Maßnahme ${stamp}`,
  milestone: `Auftakt ${stamp}`,
  need: `Dashboard-Bedarf ${stamp}`,
  meetingA: `Dashboard-Sitzung A ${stamp}`,
  meetingB: `Dashboard-Sitzung B ${stamp}`,
};

/** Today and tomorrow in Europe/Berlin, as YYYY-MM-DD. */
function berlinDay(offsetDays = 0) {
  const day = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(day);
}

const number = (value) => value.toLocaleString('de-DE');

async function dashboard(apiTokenValue) {
  return apiJson(apiTokenValue, 'GET', '/api/v1/dashboard');
}

before(async () => {
  browser = await launch();
  token = await apiToken();
  const groups = (await apiJson(token, 'GET', '/api/v1/bodies?kind=working_group&sort=name')).items;
  [groupA, groupB] = groups;
  before_ = await dashboard(token);

  const measure = await apiJson(token, 'POST', '/api/v1/measures', {
    title: titles.measure,
    body_id: groupA.id,
    status: 'planned',
  });
  await apiJson(token, 'POST', `/api/v1/measures/${measure.id}/milestones`, {
    date: berlinDay(),
    title: titles.milestone,
    progress: 30,
  });
  await apiJson(token, 'POST', '/api/v1/needs', { body_id: groupB.id, title: titles.need });
  for (const [title, group] of [
    [titles.meetingA, groupA],
    [titles.meetingB, groupB],
  ]) {
    await apiJson(token, 'POST', '/api/v1/meetings', {
      body_id: group.id,
      title,
      starts_at: `${berlinDay(1)}T05:00:00Z`,
      ends_at: `${berlinDay(1)}T06:00:00Z`,
    });
  }

  // A member of group A only (linked to a network member with a seat there).
  member = { email: uniqueEmail('dashboard-member'), password: PASSWORD };
  const user = await apiCreateUser(token, { ...member, name: 'Mia Mitglied', roles: ['member'] });
  const person = await apiJson(token, 'POST', '/api/v1/members', {
    given_name: 'Mia',
    family_name: `Mitglied${stamp}`,
    engagement: 'volunteer',
  });
  await apiJson(token, 'POST', '/api/v1/memberships', {
    member_id: person.id,
    body_id: groupA.id,
    role: 'member',
    start_on: '2025-01-01',
  });
  const current = await fetch(`${BASE_URL}/api/v1/users/${user.id}`, { headers: { Authorization: `Bearer ${token}` } });
  const linked = await fetch(`${BASE_URL}/api/v1/users/${user.id}`, {
    method: 'PATCH',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      'If-Match': current.headers.get('ETag') ?? '',
    },
    body: JSON.stringify({ member_id: person.id }),
  });
  assert.equal(linked.status, 200, await linked.text());
  after_ = await dashboard(token);
});

after(async () => {
  await browser?.close();
});

async function withPage(name, fn, options = {}) {
  const context = await newContext(browser, options);
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

/** Waits for the dashboard and opens every "Als Tabelle anzeigen". */
async function openDashboard(page) {
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Maßnahmen nach Arbeitskreis' }).waitFor();
  const toggles = page.getByText('Als Tabelle anzeigen');
  const count = await toggles.count();
  assert.equal(count, 4, 'every chart has its table');
  for (let index = 0; index < count; index += 1) await toggles.nth(index).click();
  for (const caption of Object.values(CAPTIONS)) await page.getByRole('table', { name: caption }).waitFor();
}

/** The body rows of a table: the texts of their cells (row header first). */
async function cells(page, caption) {
  return page
    .getByRole('table', { name: caption })
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent.trim())));
}

async function figure(page, label) {
  const item = page.locator('.app-figures__item').filter({ has: page.getByText(label, { exact: true }) });
  return (await item.locator('dd').textContent()).trim();
}

function quarterName(period) {
  const [year, quarter] = period.split('-Q');
  return `${quarter}. Quartal ${year}`;
}

describe('dashboard', () => {
  test('the new measure, milestone, need and meetings count where the lists count them', () => {
    const planned = (board) => board.measures_by_body.find((row) => row.body_id === groupA.id).counts.planned;
    const open = (board) => board.open_needs_by_body.find((row) => row.body_id === groupB.id).open;
    assert.equal(planned(after_), planned(before_) + 1);
    assert.equal(open(after_), open(before_) + 1);
    assert.equal(after_.upcoming_meetings_total, before_.upcoming_meetings_total + 2);
    assert.equal(after_.recent_milestones[0].title, titles.milestone);
  });

  test('the charts’ tables, key figures and lists show the API’s numbers', async () => {
    await withPage('dashboard-numbers', async (page) => {
      await login(page);
      await openDashboard(page);
      const board = await dashboard(token);
      assert.deepEqual(
        await cells(page, CAPTIONS.bodies),
        board.measures_by_body.map((row) => [
          row.body_short_name,
          ...STATUSES.map((status) => number(row.counts[status])),
          number(row.total),
        ]),
      );
      assert.deepEqual(
        await cells(page, CAPTIONS.fields),
        board.measures_by_field.map((row) => [
          row.field_of_action_id ? `${row.code} ${row.title}` : 'Ohne Handlungsfeld',
          ...STATUSES.map((status) => number(row.counts[status])),
          number(row.total),
        ]),
      );
      assert.deepEqual(
        await cells(page, CAPTIONS.needs),
        board.open_needs_by_body.map((row) => [row.body_short_name, number(row.open)]),
      );
      assert.deepEqual(
        await cells(page, CAPTIONS.progress),
        board.progress_over_time.map((row) => [
          quarterName(row.period),
          number(row.measures),
          row.average_progress === null ? 'keine Angabe' : `${number(row.average_progress)} %`,
        ]),
      );
      const total = board.measures_by_body.reduce((sum, row) => sum + row.total, 0);
      assert.equal(await figure(page, 'Maßnahmen'), number(total));
      assert.equal(
        await figure(page, 'Offene Bedarfe'),
        number(board.open_needs_by_body.reduce((sum, row) => sum + row.open, 0)),
      );
      assert.equal(await figure(page, 'Kommende Sitzungen'), number(board.upcoming_meetings_total));
      assert.equal(await figure(page, 'Ziele ohne Maßnahme'), number(board.goals_without_measures.length));

      const meetings = page.getByRole('region', { name: 'Nächste Sitzungen' });
      assert.deepEqual(
        await meetings.getByRole('listitem').getByRole('link').allTextContents(),
        board.upcoming_meetings.map((meeting) => meeting.title),
      );
      await meetings.getByRole('link', { name: `Alle Sitzungen (${board.upcoming_meetings_total} kommende)` }).waitFor();
      const milestones = page.getByRole('region', { name: 'Neueste Meilensteine' });
      await milestones.getByText(titles.milestone, { exact: false }).waitFor();
      await milestones.getByRole('link', { name: new RegExp(titles.measure) }).first().waitFor();

      // Each bar is an image named with its numbers.
      const groupRow = board.measures_by_body.find((row) => row.body_id === groupA.id);
      await page.getByRole('img', { name: new RegExp(`^${groupRow.body_short_name}: .*Geplant ${groupRow.counts.planned}`) }).waitFor();

      // The table's body links to the list of its measures, which shows the same number.
      await page.getByRole('table', { name: CAPTIONS.bodies }).getByRole('link', { name: groupA.short_name }).click();
      await page.getByRole('heading', { level: 1, name: 'Maßnahmen' }).waitFor();
      assert.match(page.url(), new RegExp(`gremium=${groupA.id}`));
    });
  });

  test('a member sees only the meetings of their group', async () => {
    await withPage('dashboard-member', async (page) => {
      await login(page, member.email, member.password);
      const own = await dashboard(await apiToken(member.email, member.password));
      await page.getByRole('heading', { level: 2, name: 'Nächste Sitzungen' }).waitFor();
      const meetings = page.getByRole('region', { name: 'Nächste Sitzungen' });
      await meetings.getByRole('link', { name: titles.meetingA }).waitFor();
      assert.equal(await meetings.getByRole('link', { name: titles.meetingB }).count(), 0);
      assert.ok(own.upcoming_meetings.every((meeting) => meeting.body_id === groupA.id));
      assert.equal(await figure(page, 'Kommende Sitzungen'), number(own.upcoming_meetings_total));
      assert.ok(own.upcoming_meetings_total < after_.upcoming_meetings_total);
    });
  });

  test('axe: light and dark theme with the tables open, and 320 px', async () => {
    await withPage('dashboard-axe', async (page) => {
      await login(page);
      await openDashboard(page);
      await expectNoAxeViolations(page, 'dashboard-light');
      await page.getByLabel('Darstellung').selectOption('dark');
      assert.equal(await page.locator('html').getAttribute('data-kern-theme'), 'dark');
      await expectNoAxeViolations(page, 'dashboard-dark');
      await page.getByLabel('Darstellung').selectOption('system');
    });
    await withPage(
      'dashboard-320',
      async (page) => {
        await login(page);
        await openDashboard(page);
        await page.waitForLoadState('networkidle');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `the dashboard scrolls horizontally by ${overflow}px at 320 px`);
        await expectNoAxeViolations(page, 'dashboard-320');
      },
      { viewport: { width: 320, height: 640 } },
    );
  });
});
