/**
 * Meetings: plan a year of a working group, then run one meeting from agenda to approved minutes.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { apiJson, apiToken, assertClean, launch, login, newContext, newPage, screenshot } from './support.mjs';

let browser;
let workingGroup;
let memberName;

before(async () => {
  browser = await launch();
  const token = await apiToken();
  const bodies = await apiJson(token, 'GET', '/api/v1/bodies?kind=working_group&sort=name');
  // The last working group by name: the accessibility test uses the first.
  workingGroup = bodies.items[bodies.items.length - 1];
  const suffix = Date.now().toString(36);
  memberName = `Mira Sitzung${suffix}`;
  const member = await apiJson(token, 'POST', '/api/v1/members', {
    given_name: 'Mira',
    family_name: `Sitzung${suffix}`,
    engagement: 'professional',
    email: `mira-${suffix}@example.org`,
  });
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

describe('meetings', () => {
  test('plan a year, then agenda, invitations, attendance, minutes and PDF of the first meeting', async () => {
    const context = await newContext(browser, { acceptDownloads: true });
    const page = await newPage(context);
    try {
      await login(page);
      await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Sitzungen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sitzungen' }).waitFor();

      // Annual planning: a past year, so the meetings can be marked as held.
      await page.getByRole('link', { name: 'Jahresplanung' }).click();
      await page.getByRole('heading', { level: 1, name: 'Jahresplanung' }).waitFor();
      await page.getByLabel('Gremium', { exact: true }).selectOption(workingGroup.id);
      await page.getByLabel('Jahr', { exact: true }).fill('2025');
      await page.getByRole('button', { name: 'Vorschlag anzeigen' }).click();
      await page.getByRole('heading', { name: 'Vorgeschlagene Sitzungen' }).waitFor();
      const rows = page.getByRole('group', { name: /^Sitzung \d+$/ });
      const proposed = await rows.count();
      assert.ok(proposed >= 2, `a working group meets at least twice a year (got ${proposed})`);
      // Berlin-local times in winter and summer alike.
      assert.equal(await rows.first().getByLabel('Beginn').inputValue(), '15:00');
      assert.equal(await rows.nth(1).getByLabel('Beginn').inputValue(), '15:00');
      // Edit the first proposal's title and drop the last one.
      const first = rows.first();
      const title = `${workingGroup.name} Auftakt 2025`;
      await first.getByLabel('Titel').fill(title);
      await page.getByRole('button', { name: `Sitzung ${proposed} entfernen` }).click();
      await page.getByText(`Sitzung ${proposed} wurde aus dem Vorschlag entfernt.`).waitFor();
      await page.getByRole('button', { name: 'Alle anlegen' }).click();
      await page.getByRole('heading', { name: `${proposed - 1} Sitzungen wurden angelegt.` }).waitFor();

      // Planning the same year again is refused clearly.
      await page.getByRole('button', { name: 'Vorschlag anzeigen' }).click();
      await page.getByRole('heading', { name: 'Vorgeschlagene Sitzungen' }).waitFor();
      await page.getByRole('button', { name: 'Alle anlegen' }).click();
      await page.getByText('Bereits geplant').waitFor();
      await page.getByText('Es wurde nichts angelegt.', { exact: false }).waitFor();

      // The list finds the meeting; open it.
      await page.goto(`/sitzungen?gremium=${workingGroup.id}&von=2025-01-01&bis=2025-12-31`);
      await page.getByRole('heading', { name: `${proposed - 1} Sitzungen` }).waitFor();
      await page.getByRole('link', { name: new RegExp(title) }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByText('Geplant', { exact: true }).first().waitFor();

      // Agenda: add an item, then move it up by keyboard.
      const agenda = page.getByRole('tabpanel', { name: 'Tagesordnung' });
      await agenda.getByRole('button', { name: 'Tagesordnungspunkt hinzufügen' }).waitFor();
      const before = await agenda.getByRole('listitem').count();
      assert.ok(before >= 2, `the plan brought the template's agenda (got ${before} items)`);
      await agenda.getByRole('button', { name: 'Tagesordnungspunkt hinzufügen' }).click();
      const dialog = page.getByRole('dialog', { name: 'Tagesordnungspunkt hinzufügen' });
      await dialog.getByLabel('Titel').fill('Bericht aus der Sprachkita');
      await dialog.getByLabel('Art').selectOption('report');
      await dialog.getByRole('button', { name: 'Speichern' }).click();
      await page.getByText(`TOP ${before + 1} „Bericht aus der Sprachkita“ wurde hinzugefügt.`).waitFor();
      const up = agenda.getByRole('button', { name: '„Bericht aus der Sprachkita“ nach oben' });
      await up.focus();
      await page.keyboard.press('Enter');
      await page.getByText(`„Bericht aus der Sprachkita“ ist jetzt TOP ${before} von ${before + 1}.`).waitFor();
      // The focus stays on the moved item's button, so it can be moved again.
      await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === '„Bericht aus der Sprachkita“ nach oben');
      await page.keyboard.press('Enter');
      await page.getByText(`„Bericht aus der Sprachkita“ ist jetzt TOP ${before - 1} von ${before + 1}.`).waitFor();
      const items = agenda.getByRole('listitem');
      await items.nth(before - 2).getByRole('heading', { name: 'Bericht aus der Sprachkita' }).waitFor();

      // Tabs follow the arrow keys.
      await page.getByRole('tab', { name: 'Tagesordnung' }).focus();
      await page.keyboard.press('ArrowRight');
      await page.getByRole('tabpanel', { name: 'Anwesenheit' }).waitFor();
      assert.equal(await page.getByRole('tab', { name: 'Anwesenheit' }).getAttribute('aria-selected'), 'true');
      await page.keyboard.press('ArrowLeft');
      await page.getByRole('tabpanel', { name: 'Tagesordnung' }).waitFor();

      // Invitations: confirm, then the counts are announced.
      await page.getByRole('button', { name: 'Einladungen versenden' }).click();
      await page.getByRole('alertdialog', { name: 'Einladungen versenden?' }).getByRole('button', { name: 'Jetzt einladen' }).click();
      await page.getByText(/Mitglied(er)? eingeladen: \d+ per E-Mail, \d+ ohne E-Mail-Adresse\./).waitFor();
      await page.getByText('Eingeladen', { exact: true }).first().waitFor();

      // Held.
      await page.getByRole('button', { name: 'Als stattgefunden markieren' }).click();
      await page.getByText('Die Sitzung ist als stattgefunden markiert.').waitFor();

      // Attendance: the invited member is present; a guest comes along.
      await page.getByRole('tab', { name: 'Anwesenheit' }).click();
      const attendance = page.getByRole('tabpanel', { name: 'Anwesenheit' });
      await attendance
        .getByRole('group', { name: `Anwesenheit von ${memberName}` })
        .getByRole('radio', { name: 'Anwesend' })
        .click();
      await page.getByText(`Anwesenheit von ${memberName}: Anwesend.`).waitFor();
      assert.ok(
        await attendance.getByRole('group', { name: `Anwesenheit von ${memberName}` }).getByRole('radio', { name: 'Anwesend' }).isChecked(),
      );
      // The overview counts the present member.
      const present = attendance.locator('.app-counts div').filter({ has: page.getByText('Anwesend', { exact: true }) });
      assert.equal(await present.locator('dd').textContent(), '1');
      await attendance.getByLabel('Name des Gastes').fill('Gerda Gast');
      await attendance.getByRole('button', { name: 'Gast hinzufügen' }).click();
      await page.getByText('Gerda Gast wurde als Gast eingetragen.').waitFor();
      await attendance.getByRole('button', { name: 'Gerda Gast entfernen' }).waitFor();

      // Minutes: write, save, preview, approve.
      await page.getByRole('tab', { name: 'Protokoll' }).click();
      const minutes = page.getByRole('tabpanel', { name: 'Protokoll' });
      await minutes
        .getByLabel('Protokoll (Markdown)')
        .fill('# Ergebnisse\n\n- Sprachkita stellt sich vor\n- <script>alert(1)</script> bleibt Text');
      await minutes.getByRole('button', { name: 'Protokoll speichern' }).click();
      await page.getByText('Das Protokoll wurde gespeichert.').waitFor();
      await minutes.getByRole('heading', { name: 'Ergebnisse' }).waitFor();
      assert.equal(await minutes.locator('.app-minutes__preview script').count(), 0, 'no script element in the preview');
      await minutes.getByRole('button', { name: 'Protokoll freigeben' }).click();
      await page.getByRole('alertdialog', { name: 'Protokoll freigeben?' }).getByRole('button', { name: 'Protokoll freigeben' }).click();
      await page.getByText('Das Protokoll wurde freigegeben.').waitFor();
      await minutes.getByText(/^Freigegeben (von .+ )?am /).waitFor();
      await page.getByText('Protokoll freigegeben', { exact: true }).first().waitFor();

      // PDF download with the bearer token.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        minutes.getByRole('button', { name: 'Protokoll als PDF' }).click(),
      ]);
      const content = await readFile(await download.path());
      assert.equal(content.subarray(0, 4).toString('latin1'), '%PDF');
      assert.match(download.suggestedFilename(), /\.pdf$/);
      assertClean(context);
    } catch (error) {
      await screenshot(page, 'meetings-flow');
      throw error;
    } finally {
      await context.close();
    }
  });

  test('list and month calendar keep the filters; a new meeting gets Berlin local time', async () => {
    const context = await newContext(browser, { acceptDownloads: true });
    const page = await newPage(context);
    try {
      await login(page);
      await page.goto('/sitzungen/neu');
      await page.getByRole('heading', { level: 1, name: 'Neue Sitzung' }).waitFor();
      await page.getByRole('button', { name: 'Sitzung anlegen' }).click();
      await page.getByRole('heading', { name: 'Bitte korrigieren Sie folgende Angaben' }).waitFor();
      await page.getByLabel('Gremium', { exact: true }).selectOption(workingGroup.id);
      await page.getByLabel('Titel', { exact: true }).fill('Sondersitzung Sommer');
      await page.getByLabel('Datum', { exact: true }).fill('2026-07-08');
      await page.getByLabel('Beginn', { exact: true }).fill('18:30');
      await page.getByLabel('Ende', { exact: true }).fill('20:00');
      await page.getByLabel(/^Adresse/).fill('Schlossplatz 1, 38518 Gifhorn');
      await page.getByRole('button', { name: 'Sitzung anlegen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sondersitzung Sommer' }).waitFor();
      await page.getByText('Die Sitzung „Sondersitzung Sommer“ wurde angelegt.').waitFor();
      await page.getByText('08.07.2026, 18:30–20:00 Uhr').waitFor();
      const id = new URL(page.url()).pathname.split('/').pop();
      const meeting = await apiJson(await apiToken(), 'GET', `/api/v1/meetings/${id}`);
      assert.equal(new Date(meeting.starts_at).toISOString(), '2026-07-08T16:30:00.000Z');

      await page.goto(`/sitzungen?gremium=${workingGroup.id}&q=Sondersitzung`);
      await page.getByRole('heading', { name: '1 Sitzung', exact: true }).waitFor();
      await page.getByRole('radio', { name: 'Kalender' }).click();
      await page.getByRole('heading', { level: 2, name: /\d{4}$/ }).waitFor();
      // The filters stay when switching the view.
      assert.equal(await page.getByLabel('Suche').inputValue(), 'Sondersitzung');
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('q'), 'Sondersitzung');
      // Step to July 2026.
      const target = '2026-07';
      for (let i = 0; i < 36; i += 1) {
        const month = new URL(page.url()).searchParams.get('monat');
        if (month === target) break;
        await page.getByRole('button', { name: month < target ? 'Nächster Monat' : 'Vorheriger Monat' }).click();
        await page.waitForURL((u) => u.searchParams.get('monat') !== month);
      }
      await page.getByRole('heading', { level: 2, name: 'Juli 2026' }).waitFor();
      const calendar = page.getByRole('table', { name: 'Sitzungen im Juli 2026' });
      await calendar.getByRole('link', { name: /18:30 Sondersitzung Sommer/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Sondersitzung Sommer' }).waitFor();

      // The iCalendar file of every readable meeting.
      await page.goto('/sitzungen');
      const [ics] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Kalender (.ics)' }).click(),
      ]);
      const calendarText = await readFile(await ics.path(), 'utf8');
      assert.match(calendarText, /^BEGIN:VCALENDAR/);
      assert.match(calendarText, /Sondersitzung Sommer/);
      assertClean(context);
    } catch (error) {
      await screenshot(page, 'meetings-list-calendar');
      throw error;
    } finally {
      await context.close();
    }
  });
});
