import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readFile } from 'node:fs/promises';
import { apiJson, apiToken, assertClean, launch, login, newContext, newPage, screenshot } from './support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** YYYY-MM-DD, `days` from today (Europe/Berlin). */
function isoDay(days) {
  const date = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(date);
}

function germanDay(days) {
  const [y, m, d] = isoDay(days).split('-');
  return `${d}.${m}.${y}`;
}

describe('directory: organisations, members, working groups', () => {
  test('create an organisation and a member, make the member spokesperson of a working group, end the membership', async () => {
    const context = await newContext(browser);
    const page = await newPage(context);
    const suffix = Date.now().toString(36);
    const orgName = `Caritas Test ${suffix}`;
    const family = `Muster${suffix}`;
    const fullName = `Erika ${family}`;
    try {
      await login(page);
      const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });

      // Organisation: client validation, then success.
      await nav.getByRole('link', { name: 'Organisationen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Organisationen' }).waitFor();
      await page.getByRole('link', { name: 'Organisation anlegen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Organisation anlegen' }).waitFor();
      await page.getByRole('button', { name: 'Organisation anlegen' }).click();
      await page.getByRole('heading', { name: 'Bitte korrigieren Sie folgende Angaben' }).waitFor();
      await page.getByLabel('Name', { exact: true }).fill(orgName);
      await page.getByLabel('Art', { exact: true }).selectOption({ label: 'Wohlfahrtsverband' });
      await page.getByLabel('Kommune im Landkreis').selectOption('Stadt Gifhorn');
      await page.getByLabel('Website').fill('https://www.caritas-gifhorn.de');
      await page.getByRole('button', { name: 'Organisation anlegen' }).click();
      await page.getByRole('heading', { level: 1, name: orgName }).waitFor();
      await page.getByText(`Die Organisation „${orgName}“ wurde angelegt.`).waitFor();
      await page.getByText('Wohlfahrtsverband').waitFor();

      // The list finds it by search and by municipality.
      await nav.getByRole('link', { name: 'Organisationen' }).click();
      await page.getByRole('searchbox', { name: 'Suche' }).fill(suffix);
      await page.getByLabel('Kommune', { exact: true }).selectOption('Stadt Gifhorn');
      await page.getByRole('button', { name: 'Suchen' }).click();
      await page.waitForURL(/kommune=/);
      await page.getByRole('row', { name: new RegExp(orgName) }).waitFor();
      await page.getByText('1 Organisation gefunden').waitFor();

      // Member with organisation and languages.
      await nav.getByRole('link', { name: 'Mitglieder' }).click();
      await page.getByRole('link', { name: 'Mitglied anlegen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mitglied anlegen' }).waitFor();
      await page.getByLabel('Vorname').fill('Erika');
      await page.getByLabel('Nachname').fill(family);
      await page.getByLabel('Weitere Sprachen (ISO-Kürzel)').fill('sq, Albanisch');
      await page.getByRole('button', { name: 'Mitglied anlegen' }).click();
      await page.getByText('Nicht erkannt: Albanisch').first().waitFor();
      await page.getByLabel('Weitere Sprachen (ISO-Kürzel)').fill('sq');
      await page.getByLabel('Organisation', { exact: true }).selectOption({ label: orgName });
      await page.getByLabel('Arabisch (ar)').check();
      await page.getByRole('button', { name: 'Mitglied anlegen' }).click();
      await page.getByRole('heading', { level: 1, name: fullName }).waitFor();
      await page.getByText(`${fullName} wurde angelegt.`).waitFor();
      await page.getByText('Arabisch, Deutsch, sq').waitFor();
      await page.getByRole('link', { name: orgName }).waitFor();
      await page.getByText('Dieses Mitglied gehört keinem Arbeitskreis und keinem Gremium an.').waitFor();

      // Working groups: add the member as spokesperson.
      await nav.getByRole('link', { name: 'Arbeitskreise' }).click();
      await page.getByRole('heading', { level: 1, name: 'Arbeitskreise und Gremien' }).waitFor();
      const firstRow = page.getByRole('row').nth(1);
      assert.match(await firstRow.innerText(), /Arbeitskreis/);
      await page.getByRole('link', { name: 'Arbeitskreis Bildung' }).click();
      await page.getByRole('heading', { level: 1, name: 'Arbeitskreis Bildung' }).waitFor();
      await page.getByRole('button', { name: 'Mitglied hinzufügen' }).click();
      const dialog = page.getByRole('dialog', { name: 'Mitglied zu „Arbeitskreis Bildung“ hinzufügen' });
      await dialog.waitFor();
      assert.equal(await dialog.evaluate((d) => d.contains(document.activeElement)), true, 'focus in the dialog');
      await dialog.getByLabel('Mitglied', { exact: true }).selectOption({ label: fullName });
      await dialog.getByLabel('Rolle').selectOption({ label: 'Sprecher:in' });
      await dialog.getByLabel('Beginn').fill(isoDay(-30));
      await dialog.getByRole('button', { name: 'Hinzufügen' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText(`${fullName} wurde als Sprecher:in hinzugefügt.`).waitFor();
      const spokespersons = page.getByRole('region', { name: /^Sprecher:innen \(/ });
      await spokespersons.getByRole('link', { name: fullName }).waitFor();
      assert.match(await spokespersons.innerText(), new RegExp(`seit ${germanDay(-30).replace(/\./g, '\\.')}`));

      // The list shows the spokesperson at a glance.
      await nav.getByRole('link', { name: 'Arbeitskreise' }).click();
      const bodyRow = page.getByRole('row', { name: /Arbeitskreis Bildung/ });
      await bodyRow.getByText(`${fullName} (Sprecher:in)`).waitFor();

      // End the membership as of yesterday: no longer a current spokesperson.
      await page.getByRole('link', { name: 'Arbeitskreis Bildung' }).click();
      await page.getByRole('button', { name: `Mitgliedschaft von ${fullName} beenden` }).click();
      const endDialog = page.getByRole('dialog', { name: 'Mitgliedschaft beenden' });
      await endDialog.waitFor();
      await endDialog.getByLabel('Letzter Tag der Mitgliedschaft').fill(isoDay(-1));
      await endDialog.getByRole('button', { name: 'Mitgliedschaft beenden' }).click();
      await endDialog.waitFor({ state: 'hidden' });
      await page.getByText(`Die Mitgliedschaft von ${fullName} wurde beendet.`).waitFor();
      await page.getByRole('region', { name: /^Sprecher:innen \(/ }).getByRole('link', { name: fullName }).waitFor({ state: 'detached' });
      assert.equal(await page.getByRole('link', { name: fullName }).count(), 0, 'no longer a current member');

      // The member's page keeps the history.
      await nav.getByRole('link', { name: 'Mitglieder' }).click();
      await page.getByRole('searchbox', { name: 'Suche' }).fill(family);
      await page.getByRole('button', { name: 'Suchen' }).click();
      await page.getByRole('link', { name: fullName }).click();
      await page.getByRole('heading', { level: 1, name: fullName }).waitFor();
      const history = page.getByRole('row', { name: /Arbeitskreis Bildung/ });
      await history.waitFor();
      const text = await history.innerText();
      assert.match(text, /Sprecher:in/);
      assert.match(text, /Beendet/);
      assert.match(text, new RegExp(`${germanDay(-30).replace(/\./g, '\\.')} bis ${germanDay(-1).replace(/\./g, '\\.')}`));

      // Delete the member with a confirmation.
      await page.getByRole('button', { name: 'Löschen', exact: true }).click();
      const confirm = page.getByRole('alertdialog', { name: 'Mitglied löschen?' });
      await confirm.waitFor();
      await confirm.getByRole('button', { name: 'Löschen' }).click();
      await page.getByText(`${fullName} wurde aus dem Verzeichnis gelöscht.`).waitFor();
      assertClean(context);
    } catch (error) {
      await screenshot(page, `failure-directory-${Date.now()}`);
      throw error;
    } finally {
      await context.close();
    }
  });

  test('the organisation list downloads as CSV with the filters applied', async () => {
    const token = await apiToken();
    const suffix = Date.now().toString(36);
    const orgName = `Exportverein ${suffix}`;
    await apiJson(token, 'POST', '/api/v1/organisations', { name: orgName, kind: 'association_initiative' });
    await apiJson(token, 'POST', '/api/v1/organisations', { name: `Anderer Verein ${suffix}x`, kind: 'other' });
    const context = await newContext(browser);
    const page = await newPage(context);
    try {
      await login(page);
      await page.goto(`/organisationen?q=${encodeURIComponent(`Exportverein ${suffix}`)}`);
      await page.getByRole('row', { name: new RegExp(orgName) }).waitFor();
      const exportSection = page.getByRole('region', { name: 'Organisationsliste exportieren' });
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        exportSection.getByRole('button', { name: 'Als CSV herunterladen' }).click(),
      ]);
      assert.match(download.suggestedFilename(), /^Organisationen-\d{4}-\d{2}-\d{2}\.csv$/);
      const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
      const lines = text.split('\r\n').filter(Boolean);
      assert.match(lines[0], /^ID;Name;Kurzname;Art;/, 'a header row first');
      assert.equal(lines.length, 2, 'the header and the one organisation the filter finds');
      assert.match(lines[1], new RegExp(orgName));
      // The token never appears in a URL: the file came through an object URL.
      assert.match(download.url(), /^blob:/);

      const [xlsx] = await Promise.all([
        page.waitForEvent('download'),
        exportSection.getByRole('button', { name: 'Als Excel-Datei herunterladen' }).click(),
      ]);
      assert.match(xlsx.suggestedFilename(), /\.xlsx$/);
      const bytes = await readFile(await xlsx.path());
      assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX (zip) file');
      assertClean(context);
    } catch (error) {
      await screenshot(page, 'directory-organisations-export');
      throw error;
    } finally {
      await context.close();
    }
  });

  test('the member export asks for a reason and downloads the filtered list', async () => {
    const token = await apiToken();
    const suffix = Date.now().toString(36);
    const family = `Exportmann${suffix}`;
    await apiJson(token, 'POST', '/api/v1/members', { given_name: 'Eva', family_name: family, engagement: 'volunteer' });
    const context = await newContext(browser);
    const page = await newPage(context);
    try {
      await login(page);
      await page.goto(`/mitglieder?q=${encodeURIComponent(family)}`);
      await page.getByRole('row', { name: new RegExp(family) }).waitFor();
      await page.getByRole('region', { name: 'Mitgliederliste exportieren' }).getByRole('button', { name: 'Als CSV herunterladen' }).click();
      const dialog = page.getByRole('dialog', { name: 'Mitgliederliste exportieren (CSV)' });
      await dialog.getByText('Der Export wird protokolliert').waitFor();
      // No reason, no download.
      await dialog.getByRole('button', { name: 'Export herunterladen' }).click();
      await dialog.getByText('Bitte geben Sie einen Grund an.').waitFor();
      await dialog.getByRole('textbox', { name: 'Grund' }).fill('abc');
      await dialog.getByRole('button', { name: 'Export herunterladen' }).click();
      await dialog.getByText('Der Grund muss mindestens 5 Zeichen lang sein.').waitFor();
      await dialog.getByRole('textbox', { name: 'Grund' }).fill('Einladung zum Netzwerktreffen');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        dialog.getByRole('button', { name: 'Export herunterladen' }).click(),
      ]);
      await dialog.waitFor({ state: 'hidden' });
      assert.match(download.suggestedFilename(), /^Mitglieder-.*\.csv$/);
      const lines = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
      assert.equal(lines.length, 2, 'the header and the one member the search finds');
      assert.match(lines[1], new RegExp(family));
      await page.getByText(`Die Datei „${download.suggestedFilename()}“ wurde heruntergeladen.`).waitFor();
      // The export is logged with its reason.
      const events = await apiJson(token, 'GET', '/api/v1/audit-events?action=export.members&limit=5');
      assert.ok(
        events.items.some((e) => e.details?.reason === 'Einladung zum Netzwerktreffen'),
        'an audit row with the reason',
      );
      assertClean(context);
    } catch (error) {
      await screenshot(page, 'directory-members-export');
      throw error;
    } finally {
      await context.close();
    }
  });
});
