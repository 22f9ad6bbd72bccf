/**
 * Submissions (Vorlagen) in the browser: the admin drafts a paper for a working group in the editor
 * (live preview), changes it, submits it (giving a late reason when the deadline of the next steering meeting
 * has passed), puts it on a steering meeting's agenda, finds it on the board and downloads the PDF.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { apiComingSteeringMeeting, apiJson, apiToken, assertClean, launch, login, newContext, newPage, screenshot } from './support.mjs';

const stamp = Date.now().toString(36);
const TITLE = `Ferienlesekurse in den Stadtbüchereien ${stamp}`;
const MEETING_TITLE = `Steuerungsgruppe Herbst ${stamp}`;
/** NETZWERK_SUBMISSION_DEADLINE_WEEKS is not set for the e2e run: the default. */
const DEADLINE_WEEKS = 3;

let browser;
let context;
let page;
let workingGroup;
let meeting;
let late;

const berlinDay = (instant) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(instant);

before(async () => {
  browser = await launch();
  const token = await apiToken();
  workingGroup = (await apiJson(token, 'GET', '/api/v1/bodies?kind=working_group&sort=name')).items[0];
  const [steering] = (await apiJson(token, 'GET', '/api/v1/bodies?kind=steering_group')).items;
  // A steering meeting of our own, far ahead, to schedule the paper on.
  meeting = await apiJson(token, 'POST', '/api/v1/meetings', {
    body_id: steering.id,
    title: MEETING_TITLE,
    starts_at: '2027-10-13T15:00:00+02:00',
    ends_at: '2027-10-13T17:00:00+02:00',
    apply_agenda_template: false,
  });
  // The deadline is that of the next steering meeting (perhaps the demo's): papers are due
  // DEADLINE_WEEKS before its day; after that a coordinator gives a reason.
  const next = await apiComingSteeringMeeting(token);
  const deadline = new Date(`${berlinDay(new Date(next.starts_at))}T12:00:00Z`);
  deadline.setUTCDate(deadline.getUTCDate() - 7 * DEADLINE_WEEKS);
  late = berlinDay(new Date()) > deadline.toISOString().slice(0, 10);
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
    await screenshot(page, `submissions-${label}`);
    throw error;
  }
}

describe('submissions', () => {
  test('the admin drafts, submits and schedules a paper, decides it with a directive and downloads the report', async (t) => {
    t.diagnostic(late ? 'the deadline has passed: the admin gives a late reason' : 'within the deadline');
    await login(page);
    await step('board', async () => {
      await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Vorlagen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Vorlagen' }).waitFor();
      // The demo data has papers in several states; each column names its count.
      await page.getByRole('region', { name: /^Entschieden: \d+$/ }).waitFor();
      await page.getByRole('region', { name: /^Eingereicht: \d+$/ }).waitFor();
    });

    await step('editor', async () => {
      await page.getByRole('link', { name: 'Neue Vorlage' }).click();
      await page.getByRole('heading', { level: 1, name: 'Neue Vorlage' }).waitFor();
      await page.getByLabel('Titel', { exact: true }).fill(TITLE);
      await page.getByLabel('Art der Vorlage').selectOption({ label: 'Antrag' });
      await page.getByLabel('Einreichendes Gremium').selectOption({ label: workingGroup.name });
      await page.getByLabel(/^Sachverhalt/).fill('Viele Kinder lesen in den Sommerferien kaum.\nDie Büchereien haben Platz.');
      await page.getByLabel(/^Beschlussvorschlag/).fill('Die Steuerungsgruppe bittet den Landkreis, Ferienlesekurse zu fördern.');
      const preview = page.getByRole('region', { name: 'Vorschau' });
      await preview.getByRole('heading', { name: TITLE }).waitFor();
      await preview.getByText('Vorlage (Entwurf)').waitFor();
      await preview.getByText(workingGroup.name).waitFor();
      await preview.getByText('Die Steuerungsgruppe bittet den Landkreis, Ferienlesekurse zu fördern.').waitFor();
      await page.getByRole('button', { name: 'Entwurf speichern' }).click();
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await page.getByText(`Der Entwurf „${TITLE}“ wurde gespeichert.`).waitFor();
    });

    await step('edit', async () => {
      await page.getByRole('link', { name: 'Bearbeiten' }).click();
      await page.getByRole('heading', { level: 1, name: `Vorlage bearbeiten: ${TITLE}` }).waitFor();
      await page.getByLabel(/^Begründung/).fill('Lesen in den Ferien sichert den Lernstand.');
      await page.getByRole('region', { name: 'Vorschau' }).getByText('Lesen in den Ferien sichert den Lernstand.').waitFor();
      await page.getByRole('button', { name: 'Speichern' }).click();
      await page.getByText('Die Änderungen wurden gespeichert.').waitFor();
      await page.getByRole('link', { name: 'Zurück zur Vorlage' }).first().click();
      await page.getByRole('article', { name: TITLE }).getByText('Lesen in den Ferien sichert den Lernstand.').waitFor();
    });

    const procedure = page.getByRole('region', { name: 'Verfahren' });
    let reference;
    await step('submit', async () => {
      await procedure.getByText('Entwurf', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Einreichen' }).click();
      const dialog = page.getByRole('dialog', { name: 'Vorlage einreichen' });
      await dialog.getByRole('button', { name: 'Jetzt einreichen' }).click();
      if (late) {
        await dialog.getByText('Die Abgabefrist ist abgelaufen').waitFor();
        await dialog.getByLabel(/Grund für die verspätete Annahme/).fill('Dringlich wegen der Sommerferien, mit dem Vorsitz abgestimmt');
        await dialog.getByRole('button', { name: 'Verspätet annehmen und einreichen' }).click();
      }
      const notice = page.getByText(/^Die Vorlage wurde eingereicht\. Aktenzeichen: SG-\d{4}-\d{3}\.$/);
      await notice.waitFor();
      reference = /SG-\d{4}-\d{3}/.exec(await notice.textContent())[0];
      assert.match(reference, new RegExp(`^SG-${new Date().getUTCFullYear()}-\\d{3}$`));
      await procedure.getByText('Eingereicht', { exact: true }).waitFor();
      await page.getByRole('article', { name: TITLE }).getByText(`Vorlage ${reference}`).waitFor();
      if (late) await procedure.getByText('Dringlich wegen der Sommerferien, mit dem Vorsitz abgestimmt').waitFor();
      else assert.equal(await procedure.getByText('Grund für die verspätete Annahme').count(), 0);
    });

    await step('schedule', async () => {
      await page.getByRole('button', { name: 'Auf Tagesordnung setzen' }).click();
      const dialog = page.getByRole('dialog', { name: 'Auf die Tagesordnung setzen' });
      const select = dialog.getByLabel('Sitzung der Steuerungsgruppe');
      await select.locator('option', { hasText: MEETING_TITLE }).waitFor({ state: 'attached' });
      const named = meeting.number ? `${MEETING_TITLE}, ${meeting.number}` : MEETING_TITLE;
      await select.selectOption({ label: `13.10.2027, 15:00 Uhr – ${named} (geplant)` });
      await dialog.getByRole('button', { name: 'Auf Tagesordnung setzen' }).click();
      await page.getByText(`Die Vorlage steht auf der Tagesordnung der Sitzung „${MEETING_TITLE}“ am 13.10.2027.`).waitFor();
      await procedure.getByText('Terminiert', { exact: true }).waitFor();
      const link = procedure.getByRole('link', { name: `${MEETING_TITLE} am 13.10.2027, 15:00 Uhr` });
      assert.equal(await link.getAttribute('href'), `/sitzungen/${meeting.id}`);
      // The coordinator records the decision on the meeting's page.
      assert.equal(
        await page.getByRole('link', { name: 'Beschluss in der Sitzung erfassen' }).getAttribute('href'),
        `/sitzungen/${meeting.id}?tab=vorlagen`,
      );
    });

    await step('pdf', async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Als PDF herunterladen' }).click()]);
      assert.equal(download.suggestedFilename(), `${reference}.pdf`);
      const bytes = await readFile(await download.path());
      assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    });

    await step('agenda', async () => {
      // The paper is on the meeting's agenda now.
      const token = await apiToken();
      const items = await apiJson(token, 'GET', `/api/v1/meetings/${meeting.id}/agenda-items`);
      assert.ok(
        items.some((item) => item.kind === 'submission' && item.title === `${reference} ${TITLE}`),
        'an agenda item of kind submission for the paper',
      );
    });

    await step('board-scheduled', async () => {
      await page.goto(`/vorlagen?q=${encodeURIComponent(stamp)}`);
      const column = page.getByRole('region', { name: 'Terminiert: 1' });
      await column.getByRole('link', { name: TITLE }).waitFor();
      await column.getByText(reference).waitFor();
      await page.getByRole('region', { name: 'Entwurf: 0' }).waitFor();
    });

    // The rest of the path: the coordinator decides in the meeting, issues a directive, and the
    // meeting's status report shows the decision and downloads.
    await step('decide', async () => {
      await page.goto(`/vorlagen?q=${encodeURIComponent(stamp)}`);
      await page.getByRole('region', { name: 'Terminiert: 1' }).getByRole('link', { name: TITLE }).click();
      await page.getByRole('link', { name: 'Beschluss in der Sitzung erfassen' }).click();
      const row = page.getByRole('tabpanel', { name: 'Vorlagen' }).getByRole('row', { name: new RegExp(reference) });
      await row.getByRole('button', { name: `Beschluss zu ${reference} erfassen` }).click();
      const dialog = page.getByRole('dialog', { name: `Beschluss erfassen: ${reference}` });
      await dialog.getByRole('radio', { name: 'Mit Änderungen beschlossen' }).check();
      await dialog.getByLabel(/Beschluss \(Wortlaut\)/).fill('Der Landkreis fördert Ferienlesekurse in zwei Büchereien.');
      await dialog.getByRole('button', { name: 'Handlungsanweisung hinzufügen' }).click();
      const directive = dialog.getByRole('group', { name: 'Handlungsanweisung 1' });
      await directive.getByLabel(/Auftrag/).fill(`Büchereien anfragen ${stamp}`);
      await directive.getByLabel('Adressat').selectOption('body');
      await directive.getByLabel('Arbeitskreis oder Gremium').selectOption(workingGroup.id);
      await directive.getByLabel('Zu erledigen bis').fill('2027-11-30');
      await dialog.getByRole('button', { name: 'Beschluss speichern' }).click();
      await page.getByText(`Der Beschluss zu ${reference} ist gespeichert: Mit Änderungen beschlossen, mit 1 Handlungsanweisung.`).waitFor();
    });

    await step('paper-decided', async () => {
      await page.goto(`/vorlagen?q=${encodeURIComponent(stamp)}`);
      const column = page.getByRole('region', { name: 'Entschieden: 1' });
      await column.getByRole('link', { name: TITLE }).click();
      await procedure.getByText('Mit Änderungen beschlossen').first().waitFor();
      await page.getByRole('link', { name: `Büchereien anfragen ${stamp}` }).waitFor();
    });

    await step('report', async () => {
      await page.goto(`/sitzungen/${meeting.id}/sachstandsbericht`);
      await page.getByRole('heading', { level: 1, name: `Sachstandsbericht: ${MEETING_TITLE}` }).waitFor();
      await page.getByRole('table', { name: 'Handlungsanweisungen' }).getByRole('row', { name: new RegExp(`Büchereien anfragen ${stamp}`) }).waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Als PDF herunterladen' }).click()]);
      const bytes = await readFile(await download.path());
      assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    });
  });
});
