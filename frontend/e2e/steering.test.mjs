/**
 * The steering group's half year: a paper on the coming steering meeting, its decision with a
 * directive in the meeting's "Vorlagen" tab, the outcome mail to the working group, the directive
 * through "In Bearbeitung" to "Erledigt", and the status report with its PDF and Word file.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import {
  apiComingSteeringMeeting,
  apiJson,
  apiScheduledSubmission,
  apiToken,
  assertClean,
  launch,
  login,
  newContext,
  newPage,
  screenshot,
  waitForMail,
} from './support.mjs';

let browser;
let meeting;
let paper;
let submitting;
let addressee;
let spokespersonEmail;
const suffix = Date.now().toString(36);
const directiveText = `Fahrtbedarf je Kursort erheben ${suffix}`;
const proposal = 'Der Landkreis prüft mit den Kursträgern einen Fahrdienst zu Abendkursen.';

/** Yesterday in Berlin as YYYY-MM-DD: the directive is overdue at once. */
function yesterday() {
  const day = new Date(Date.now() - 24 * 60 * 60 * 1000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(day);
}

before(async () => {
  browser = await launch();
  const token = await apiToken();
  meeting = await apiComingSteeringMeeting(token);
  const groups = (await apiJson(token, 'GET', '/api/v1/bodies?kind=working_group&sort=name')).items;
  // A working group with a spokesperson who has an e-mail address receives the outcome mail.
  for (const group of groups) {
    for (const spokesperson of group.spokespersons ?? []) {
      const member = await apiJson(token, 'GET', `/api/v1/members/${spokesperson.member_id}`);
      if (member.email && !spokespersonEmail) {
        submitting = group;
        spokespersonEmail = member.email;
      }
    }
  }
  assert.ok(submitting, 'the demo data gives a working group a spokesperson with an e-mail address');
  addressee = groups.find((group) => group.id !== submitting.id) ?? submitting;
  paper = await apiScheduledSubmission(token, {
    bodyId: submitting.id,
    meetingId: meeting.id,
    title: `Fahrdienst zu Abendkursen ${suffix}`,
    proposedResolution: proposal,
  });
  assert.equal(paper.status, 'scheduled');
});

after(async () => {
  await browser?.close();
});

describe('steering group', () => {
  test('decide a paper with a directive, carry the directive out, download the status report', async () => {
    const context = await newContext(browser, { acceptDownloads: true });
    const page = await newPage(context);
    try {
      await login(page);

      // The steering meeting's papers, in agenda order, with the new one waiting for its decision.
      await page.goto(`/sitzungen/${meeting.id}`);
      await page.getByRole('heading', { level: 1, name: meeting.title }).waitFor();
      await page.getByRole('tab', { name: 'Vorlagen' }).click();
      const panel = page.getByRole('tabpanel', { name: 'Vorlagen' });
      const row = panel.getByRole('row', { name: new RegExp(paper.reference) });
      await row.getByText('Zur Beratung vorgesehen').waitFor();
      assert.equal(await row.getByRole('link', { name: new RegExp(paper.title) }).getAttribute('href'), `/vorlagen/${paper.id}`);

      // Record the decision: approved, with votes and one directive to another working group.
      await row.getByRole('button', { name: `Beschluss zu ${paper.reference} erfassen` }).click();
      const dialog = page.getByRole('dialog', { name: `Beschluss erfassen: ${paper.reference}` });
      assert.equal(await dialog.getByLabel(/Beschluss \(Wortlaut\)/).inputValue(), proposal);
      await dialog.getByRole('radio', { name: 'Beschlossen', exact: true }).check();
      await dialog.getByLabel('Ja-Stimmen').fill('9');
      await dialog.getByLabel('Nein-Stimmen').fill('0');
      await dialog.getByLabel('Enthaltungen').fill('1');
      await dialog.getByRole('button', { name: 'Handlungsanweisung hinzufügen' }).click();
      const directive = dialog.getByRole('group', { name: 'Handlungsanweisung 1' });
      await directive.getByLabel(/Auftrag/).fill(directiveText);
      await directive.getByLabel('Adressat').selectOption('body');
      await directive.getByLabel('Arbeitskreis oder Gremium').selectOption(addressee.id);
      await directive.getByLabel('Zu erledigen bis').fill(yesterday());
      await dialog.getByRole('button', { name: 'Beschluss speichern' }).click();
      await page.getByText(`Der Beschluss zu ${paper.reference} ist gespeichert: Beschlossen, mit 1 Handlungsanweisung.`).waitFor();
      await row.getByText('Beschlossen', { exact: true }).waitFor();
      await row.getByText('Ja: 9, Nein: 0, Enthaltungen: 1').waitFor();
      assert.equal(await row.getByRole('button', { name: /erfassen/ }).count(), 0, 'a decided paper offers no second decision');

      // The submitting working group's spokespersons learn the outcome by e-mail.
      const mail = await waitForMail(spokespersonEmail, { subject: `Beschluss zur Vorlage ${paper.reference}: beschlossen` });
      assert.match(mail.text, new RegExp(`/vorlagen/${paper.id}`));

      // The dashboard lists the overdue directive and leads to the list of overdue ones.
      await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Übersicht' }).click();
      const overdue = page.getByRole('region', { name: 'Überfällige Handlungsanweisungen' });
      await overdue.getByRole('link', { name: new RegExp(directiveText) }).waitFor();
      await overdue.getByRole('link', { name: /^Alle überfälligen Handlungsanweisungen/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Handlungsanweisungen' }).waitFor();
      assert.match(page.url(), /\/handlungsanweisungen\?ueberfaellig=1$/);
      assert.equal(await page.getByRole('checkbox', { name: 'Nur überfällige' }).isChecked(), true);
      const listed = page.getByRole('row', { name: new RegExp(directiveText) });
      await listed.getByText('Überfällig', { exact: true }).waitFor();
      await listed.getByText(addressee.name).waitFor();

      // Search finds it, too; then carry it out: in progress, then done with a note.
      await page.getByRole('checkbox', { name: 'Nur überfällige' }).uncheck();
      await page.getByRole('searchbox', { name: /Suche/ }).fill(suffix);
      await page.getByRole('button', { name: 'Filtern' }).click();
      await page.getByRole('heading', { name: '1 Handlungsanweisung' }).waitFor();
      await page.getByRole('link', { name: directiveText }).click();
      await page.getByRole('heading', { level: 1, name: `Handlungsanweisung zu ${paper.reference}` }).waitFor();

      await page.getByRole('button', { name: 'Status ändern' }).click();
      let status = page.getByRole('dialog', { name: 'Status ändern' });
      await status.getByLabel('Neuer Status').selectOption({ label: 'In Bearbeitung' });
      await status.getByRole('button', { name: 'Status ändern' }).click();
      await page.getByText('Der Status ist jetzt „In Bearbeitung“.').waitFor();

      await page.getByRole('button', { name: 'Status ändern' }).click();
      status = page.getByRole('dialog', { name: 'Status ändern' });
      await status.getByText('Aktueller Status: In Bearbeitung').waitFor();
      await status.getByLabel('Neuer Status').selectOption({ label: 'Erledigt' });
      await status.getByRole('button', { name: 'Status ändern' }).click();
      await status.getByText('Bitte beschreiben Sie, wie die Handlungsanweisung erledigt wurde.').waitFor();
      await status.getByLabel(/Erledigungsvermerk/).fill('Alle Kursträger haben ihre Zahlen gemeldet.');
      await status.getByRole('button', { name: 'Status ändern' }).click();
      await page.getByText('Der Status ist jetzt „Erledigt“.').waitFor();
      await page.getByText('Alle Kursträger haben ihre Zahlen gemeldet.').waitFor();
      assert.equal(await page.getByText('Überfällig', { exact: true }).count(), 0, 'a done directive is not overdue');

      // The status report of the meeting shows the decision and the directive, and downloads as files.
      await page.goto(`/sitzungen/${meeting.id}`);
      await page.getByRole('link', { name: 'Sachstandsbericht' }).click();
      await page.getByRole('heading', { level: 1, name: `Sachstandsbericht: ${meeting.title}` }).waitFor();
      await page.getByRole('table', { name: 'Beschlüsse im Berichtszeitraum' }).getByRole('row', { name: new RegExp(paper.reference) }).getByText('Beschlossen').waitFor();
      await page.getByRole('table', { name: 'Handlungsanweisungen' }).getByRole('row', { name: new RegExp(directiveText) }).getByText('Erledigt').waitFor();
      await page.getByRole('region', { name: submitting.name }).getByRole('link', { name: new RegExp(paper.reference) }).waitFor();

      for (const [button, magic, extension] of [
        ['Als PDF herunterladen', '%PDF', 'pdf'],
        ['Als Word-Datei herunterladen', 'PK', 'docx'],
      ]) {
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
        assert.match(download.suggestedFilename(), new RegExp(`^Sachstandsbericht-\\d{4}-\\d{2}-\\d{2}\\.${extension}$`));
        const content = await readFile(await download.path());
        assert.equal(content.subarray(0, magic.length).toString('latin1'), magic, `${extension} file`);
        await page.getByText(`Die Datei „${download.suggestedFilename()}“ wurde heruntergeladen.`).waitFor();
      }
      assertClean(context);
    } catch (error) {
      await screenshot(page, 'steering-failure');
      throw error;
    } finally {
      await context.close();
    }
  });
});
