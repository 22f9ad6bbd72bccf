/**
 * Invitations by e-mail: a coordinator creates a meeting of a working group and sends the
 * invitations; the member follows the answer link from the real mail (see waitForMail in
 * support.mjs) without logging in and accepts; the coordinator sees the answer.
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
  login,
  newContext,
  newPage,
  screenshot,
  unfoldIcs,
  uniqueEmail,
  waitForMail,
} from './support.mjs';

let browser;
let workingGroup;
let member;
let memberName;

before(async () => {
  browser = await launch();
  const token = await apiToken();
  const bodies = await apiJson(token, 'GET', '/api/v1/bodies?kind=working_group&sort=name');
  // Not the first (accessibility test) nor the last (meetings test) working group by name.
  assert.ok(bodies.items.length >= 3, 'the demo has several working groups');
  workingGroup = bodies.items[1];
  const suffix = Date.now().toString(36);
  member = await apiJson(token, 'POST', '/api/v1/members', {
    given_name: 'Ines',
    family_name: `Einladung${suffix}`,
    engagement: 'volunteer',
    email: uniqueEmail('einladung'),
  });
  memberName = `Ines Einladung${suffix}`;
  await apiJson(token, 'POST', '/api/v1/memberships', {
    member_id: member.id,
    body_id: workingGroup.id,
    role: 'member',
    start_on: '2024-01-01',
  });
});

after(async () => {
  await browser?.close();
});

/** Runs `fn` with a page of a fresh context; a screenshot on failure. */
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

describe('invitations', () => {
  test('the answer link from the invitation mail accepts without login; the meeting shows the answer', async () => {
    const title = `Einladungstest ${Date.now().toString(36)}`;
    // Five weeks ahead, 15:00–17:00 Berlin time.
    const day = new Date(Date.now() + 35 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    const berlinDay = new Intl.DateTimeFormat('de-DE', {
      timeZone: 'Europe/Berlin',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(new Date(`${day}T12:00:00Z`));
    let meetingPath;

    await withPage('invitations-send', async (page) => {
      await login(page);
      await page.goto('/sitzungen/neu');
      await page.getByRole('heading', { level: 1, name: 'Neue Sitzung' }).waitFor();
      await page.getByLabel('Gremium', { exact: true }).selectOption(workingGroup.id);
      await page.getByLabel('Titel', { exact: true }).fill(title);
      await page.getByLabel('Datum', { exact: true }).fill(day);
      await page.getByLabel('Beginn', { exact: true }).fill('15:00');
      await page.getByLabel('Ende', { exact: true }).fill('17:00');
      await page.getByLabel(/^Adresse/).fill('Kreishaus Gifhorn, Schlossplatz 1, 38518 Gifhorn');
      await page.getByLabel(/^Raum/).fill('Raum 101');
      await page.getByRole('button', { name: 'Sitzung anlegen' }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      meetingPath = new URL(page.url()).pathname;

      await page.getByRole('button', { name: 'Einladungen versenden' }).click();
      await page.getByRole('alertdialog', { name: 'Einladungen versenden?' }).getByRole('button', { name: 'Jetzt einladen' }).click();
      await page.getByText(/Mitglieder? eingeladen: [1-9]\d* per E-Mail, \d+ ohne E-Mail-Adresse\./).waitFor();
    });

    // The mail: greeting, meeting, answer link, and the calendar file as a request.
    const mail = await waitForMail(member.email, { subject: `Einladung: ${title}` });
    assert.match(mail.text, new RegExp(`^Guten Tag ${memberName},`));
    assert.ok(mail.text.includes(`Gremium: ${workingGroup.name}`), mail.text);
    assert.ok(mail.text.includes(`Termin: ${berlinDay}, 15:00–17:00 Uhr`), mail.text);
    const answerLink = linkIn(mail, '/einladung/');
    assert.equal(mail.attachments.length, 1);
    const [ics] = mail.attachments;
    assert.equal(ics.filename, 'einladung.ics');
    assert.match(ics.contentType, /^text\/calendar/);
    const calendar = unfoldIcs(ics.content);
    assert.match(calendar, /^METHOD:REQUEST$/m);
    assert.match(calendar, new RegExp(`^SUMMARY:${title}$`, 'm'));
    assert.match(calendar, new RegExp(`^ATTENDEE;.*:mailto:${member.email.replace(/\./g, '\\.')}$`, 'mi'));

    // A fresh browser context: nobody is logged in.
    await withPage('invitations-answer', async (page) => {
      await page.goto(answerLink);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByText(`Einladung für ${memberName}`).waitFor();
      await page.getByText(`${berlinDay}, 15:00–17:00 Uhr`).waitFor();
      await page.getByText('Kreishaus Gifhorn, Schlossplatz 1, 38518 Gifhorn – Raum 101').waitFor();
      await page.getByText('Sie haben noch nicht geantwortet.').waitFor();
      await expectNoAxeViolations(page, 'invitation-link');

      await page.getByRole('button', { name: 'Zusagen' }).click();
      await page.getByText('Vielen Dank, Ihre Zusage ist gespeichert.').waitFor();
      await page.getByText(/Sie haben zugesagt/).waitFor();
      await expectNoAxeViolations(page, 'invitation-answered');

      // Stored: the link shows the answer when opened again.
      await page.reload();
      await page.getByText(/Sie haben zugesagt \(/).waitFor();
      assert.equal(await page.getByText('Sie haben noch nicht geantwortet.').count(), 0);
    });

    await withPage('invitations-attendance', async (page) => {
      await login(page);
      await page.goto(meetingPath);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByRole('tab', { name: 'Anwesenheit' }).click();
      const attendance = page.getByRole('tabpanel', { name: 'Anwesenheit' });
      const row = attendance.getByRole('row').filter({ has: page.getByRole('rowheader', { name: memberName }) });
      await row.getByRole('cell', { name: 'Zugesagt', exact: true }).waitFor();
      const accepted = attendance.locator('.app-counts div').filter({ has: page.getByText('Zusagen', { exact: true }) });
      assert.equal(await accepted.locator('dd').textContent(), '1');
    });
  });
});
