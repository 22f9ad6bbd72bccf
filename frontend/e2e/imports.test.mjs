import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertClean, launch, login, newContext, newPage, screenshot } from './support.mjs';

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
