import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiJson, apiToken, assertClean, launch, login, newContext, newPage, screenshot } from './support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

export function memberCsv(suffix) {
  return Buffer.from(
    `Vorname;Nachname;E-Mail;Engagement\r\nIda;Import${suffix};ida.${suffix}@example.org;Ehrenamt\r\nOle;Fehler${suffix};keine-adresse;Hauptamt\r\n`,
    'utf8',
  );
}

describe('import of member lists', () => {
  test('dry run report with a rejected row, then the real run; the member appears in the directory', async () => {
    const context = await newContext(browser);
    const page = await newPage(context);
    const suffix = Date.now().toString(36);
    try {
      await login(page);
      await page.goto('/mitglieder');
      await page.getByRole('link', { name: 'Liste importieren' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mitgliederliste importieren' }).waitFor();
      await page.getByRole('button', { name: 'Datei prüfen' }).click();
      await page.getByText('Bitte wählen Sie eine Datei aus.').waitFor();

      await page.getByLabel('Datei (CSV oder XLSX)').setInputFiles({ name: 'liste.csv', mimeType: 'text/csv', buffer: memberCsv(suffix) });
      await page.getByRole('button', { name: 'Datei prüfen' }).click();
      await page.getByRole('heading', { name: 'Prüfbericht (noch nichts gespeichert)' }).waitFor();
      const table = page.getByRole('table', { name: 'Ergebnis je Zeile' });
      await table.getByRole('row', { name: /Abgelehnt/ }).waitFor();
      await table.getByRole('row', { name: /Neu/ }).waitFor();

      await page.getByRole('button', { name: 'Import ausführen' }).click();
      await page.getByRole('heading', { name: 'Import ausgeführt' }).waitFor();
      await page.goto(`/mitglieder?q=Import${suffix}`);
      await page.getByRole('link', { name: new RegExp(`Import${suffix}`) }).first().waitFor();
      assert.equal(await page.getByRole('link', { name: new RegExp(`Fehler${suffix}`) }).count(), 0);
      assertClean(context);
    } catch (error) {
      await screenshot(page, 'imports');
      throw error;
    } finally {
      await context.close();
    }
  });
});

/** A measures file with the export's header; `progress` goes into the Fortschritt cell. */
function measureCsv(reference, progress, title) {
  return Buffer.from(`\ufeffReferenz;Titel;Status;Fortschritt\r\n${reference};${title};Geplant;${progress}\r\n`, 'utf8');
}

describe('import of the measures list', () => {
  test('a dry run with one error writes nothing; the corrected file is imported', async () => {
    const token = await apiToken();
    const bodies = await apiJson(token, 'GET', '/api/v1/bodies?kind=working_group&sort=name');
    const title = `Import-Maßnahme ${Date.now().toString(36)}`;
    const measure = await apiJson(token, 'POST', '/api/v1/measures', {
      title,
      body_id: bodies.items[0].id,
      status: 'planned',
      progress: 10,
    });
    const context = await newContext(browser);
    const page = await newPage(context);
    try {
      await login(page);
      await page.goto('/massnahmen/import');
      await page.getByRole('heading', { level: 1, name: 'Maßnahmen importieren' }).waitFor();
      const file = page.getByLabel('Datei (CSV oder XLSX)');

      await file.setInputFiles({ name: 'massnahmen.csv', mimeType: 'text/csv', buffer: measureCsv(measure.reference, 150, title) });
      await page.getByRole('button', { name: 'Datei prüfen' }).click();
      await page.getByRole('heading', { name: 'Prüfbericht (noch nichts gespeichert)' }).waitFor();
      await page.getByText('1 Zeile hat Probleme – nichts wurde geschrieben.').waitFor();
      const table = page.getByRole('table', { name: 'Ergebnis je Zeile' });
      const row = table.getByRole('row', { name: new RegExp(measure.reference) });
      await row.getByText('Fortschritt:').waitFor();
      await row.getByText('Der Fortschritt 150 liegt nicht zwischen 0 und 100.').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Importieren' }).count(), 0);

      await file.setInputFiles({ name: 'massnahmen.csv', mimeType: 'text/csv', buffer: measureCsv(measure.reference, 40, title) });
      await page.getByRole('button', { name: 'Datei prüfen' }).click();
      await page.getByText('Die Datei ist in Ordnung.', { exact: false }).waitFor();
      await table.getByRole('row', { name: /Geändert/ }).getByText('Fortschritt').waitFor();
      assert.equal((await apiJson(token, 'GET', `/api/v1/measures/${measure.id}`)).progress, 10);

      await page.getByRole('button', { name: 'Importieren' }).click();
      await page.getByRole('heading', { name: 'Import ausgeführt' }).waitFor();
      await page.getByText('Die Änderungen wurden gespeichert.').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Importieren' }).count(), 0);
      const after = await apiJson(token, 'GET', `/api/v1/measures/${measure.id}`);
      assert.equal(after.progress, 40);
      assert.equal(after.title, title);
      await table.getByRole('link', { name: measure.reference }).click();
      await page.waitForURL(`**/massnahmen/${measure.id}`);
      assertClean(context);
    } catch (error) {
      await screenshot(page, 'measure-import');
      throw error;
    } finally {
      await context.close();
    }
  });
});
