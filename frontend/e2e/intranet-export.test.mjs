/**
 * The intranet export's static pages: built by the real backend on the e2e database (the admin's
 * "export now", the same code as `netzwerk export`), downloaded as the ZIP, unpacked and opened
 * from the file system (file://, no server), each page checked with axe (WCAG 2.1 A/AA).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BASE_URL, apiToken, assertClean, expectNoAxeViolations, launch, newContext, newPage } from './support.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const python = resolve(repo, '.venv/bin/python');

let browser;
let folder;
before(async () => {
  browser = await launch();
  folder = mkdtempSync(join(tmpdir(), 'netzwerk-intranet-'));
});
after(async () => {
  await browser?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** Runs an export now and unpacks the latest full snapshot; returns the folder of its pages. */
async function exportedSite() {
  const token = await apiToken();
  const headers = { Authorization: `Bearer ${token}` };
  const created = await fetch(`${BASE_URL}/api/v1/exports/intranet`, { method: 'POST', headers });
  assert.equal(created.status, 201, await created.clone().text());
  const snapshot = await created.json();
  const download = await fetch(`${BASE_URL}/api/v1/exports/intranet/latest`, { headers });
  assert.equal(download.status, 200, 'the ZIP of the latest snapshot');
  assert.equal(download.headers.get('content-type'), 'application/zip');
  const zip = join(folder, `${snapshot.name}.zip`);
  writeFileSync(zip, Buffer.from(await download.arrayBuffer()));
  const site = join(folder, snapshot.name);
  const unpack = spawnSync(python, ['-m', 'zipfile', '-e', zip, site], { encoding: 'utf8' });
  assert.equal(unpack.status, 0, unpack.stderr);
  return site;
}

describe('intranet export', () => {
  test('every page works from the file system and passes axe', async () => {
    const site = await exportedSite();
    const pages = readdirSync(site).filter((name) => name.endsWith('.html')).sort();
    const expectedPages = ['index', 'gremien', 'sitzungen', 'massnahmen', 'beschluesse', 'angebote', 'konzept'];
    for (const expected of expectedPages.map((name) => `${name}.html`)) {
      assert.ok(pages.includes(expected), `${expected} is in the snapshot`);
    }
    assert.ok(pages.some((name) => name.startsWith('gremium-')), 'a page per body');

    const context = await newContext(browser);
    const page = await newPage(context);
    let failed = [];
    page.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure()?.errorText}`));
    for (const name of pages) {
      failed = [];
      await page.goto(pathToFileURL(join(site, name)).href);
      // Checked before axe runs: axe fetches the stylesheet again, which file:// pages may not do.
      assert.deepEqual(failed, [], `${name}: the stylesheet and every resource load from the snapshot folder`);
      assert.match(await page.evaluate(() => getComputedStyle(document.body).fontFamily), /system-ui/, name);
      assert.equal(await page.locator('html').getAttribute('lang'), 'de', name);
      assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1, name);
      await expectNoAxeViolations(page, `intranet-${name.replace('.html', '')}`);
    }

    // Keyboard: the first Tab reaches the skip link, which moves the focus to the content.
    await page.goto(pathToFileURL(join(site, 'index.html')).href);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Zum Inhalt springen');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'inhalt');

    // The navigation leads from page to page without a server.
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Gremien' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gremien' }).waitFor();
    const body = page.getByRole('table').getByRole('rowheader').first().getByRole('link');
    const bodyName = (await body.textContent()).trim();
    await body.click();
    await page.getByRole('heading', { level: 1, name: bodyName }).waitFor();
    assert.match(page.url(), /\/gremium-[a-z0-9-]+\.html$/);
    assertClean(context);
    await context.close();
  });
});
