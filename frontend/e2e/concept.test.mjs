/**
 * The integration concept in the app: a coordinator derives a new draft from the edition in
 * force, changes a goal, adds one, removes one, sees exactly those three in the comparison,
 * adopts the draft, and finds the old edition superseded and read-only.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { discardDrafts, ensureCurrentEdition, fieldWithGoals } from './conceptData.mjs';
import { apiCreateUser, apiJson, apiToken, assertClean, launch, login, newContext, newPage, screenshot, uniqueEmail } from './support.mjs';

let browser;
let coordinator;
let member;
let current;
before(async () => {
  browser = await launch();
  const token = await apiToken();
  coordinator = { email: uniqueEmail('konzept'), password: 'ein-sicheres-Passwort-1' };
  await apiCreateUser(token, { ...coordinator, name: 'Konrad Konzept', roles: ['coordinator'] });
  member = { email: uniqueEmail('konzept-leser'), password: 'ein-sicheres-Passwort-1' };
  await apiCreateUser(token, { ...member, name: 'Lea Leserin', roles: ['member'] });
  await discardDrafts(token);
  current = await ensureCurrentEdition(token);
});
after(async () => {
  await browser?.close();
});

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

describe('integration concept', () => {
  test('derive a draft, change, add and remove a goal, compare, adopt; the old edition is read-only', async () => {
    const field = fieldWithGoals(current);
    const changed = field.goals[0];
    const removed = field.goals[field.goals.length - 1];
    const year = Math.max(current.year + 1, new Date().getFullYear());
    const title = `Integrationskonzept ${year} ${Date.now().toString(36)}`;
    const newTitle = `${changed.title} – mit Patenschaften`;

    await withPage('concept-flow', async (page) => {
      await login(page, coordinator.email, coordinator.password);
      await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Konzept' }).click();
      await page.getByRole('heading', { level: 1, name: 'Integrationskonzept' }).waitFor();
      await page.getByRole('heading', { level: 2, name: `Geltende Fassung: ${current.title}` }).waitFor();

      // Derive the draft.
      await page.getByRole('button', { name: 'Neue Fassung ableiten' }).click();
      const derive = page.getByRole('dialog', { name: 'Neue Fassung ableiten' });
      await derive.getByLabel('Jahr').fill(String(year));
      await derive.getByLabel('Titel').fill(title);
      await derive.getByRole('button', { name: 'Entwurf anlegen' }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByText(`Der Entwurf „${title}“ wurde angelegt.`).waitFor();
      const draftId = new URL(page.url()).pathname.split('/').pop();

      // Change a goal.
      await page.getByRole('button', { name: `Ziel ${changed.code} bearbeiten` }).click();
      const edit = page.getByRole('dialog', { name: `Ziel ${changed.code} bearbeiten` });
      await edit.getByLabel('Titel').fill(newTitle);
      await edit.getByRole('button', { name: 'Speichern' }).click();
      await page.getByText(`Das Ziel ${changed.code} wurde gespeichert.`).waitFor();
      await page.getByText(newTitle).waitFor();

      // Add a goal: first without a title (error summary), then complete.
      await page.getByRole('button', { name: `Ziel im Handlungsfeld ${field.code} hinzufügen` }).click();
      const add = page.getByRole('dialog', { name: 'Ziel hinzufügen' });
      await add.getByLabel('Kürzel').fill('E2E.1');
      await add.getByRole('button', { name: 'Speichern' }).click();
      await add.getByRole('heading', { name: 'Bitte korrigieren Sie folgende Angaben' }).waitFor();
      await add.getByLabel('Titel').fill('Sprachkurse im Betrieb anbieten');
      await add.getByRole('button', { name: 'Speichern' }).click();
      await page.getByText('Das Ziel E2E.1 wurde hinzugefügt.').waitFor();

      // Remove a goal.
      await page.getByRole('button', { name: `Ziel ${removed.code} löschen` }).click();
      const remove = page.getByRole('alertdialog', { name: 'Ziel löschen?' });
      await remove.getByRole('button', { name: 'Ziel löschen' }).click();
      await page.getByText(`Das Ziel ${removed.code} wurde gelöscht.`).waitFor();

      // The comparison lists exactly these three changes.
      await page.getByRole('link', { name: `Mit Fassung ${current.year} vergleichen` }).click();
      await page.getByRole('heading', { level: 1, name: `Vergleich: ${year} mit ${current.year}` }).waitFor();
      await page.getByText('Ziele: 1 neu, 1 geändert, 1 entfallen').waitFor();
      await page.getByText('Handlungsfelder: 0 neu, 0 geändert, 0 entfallen').waitFor();
      const goals = page.getByRole('region', { name: /^Ziele: / });
      assert.equal(await goals.count(), 3);
      const rows = goals.locator('tbody tr');
      assert.equal(await rows.count(), 3);
      const changedRow = page.getByRole('region', { name: 'Ziele: Geändert (1)' }).getByRole('row', { name: new RegExp(changed.code.replace('.', '\\.')) });
      await changedRow.getByText('Geändert: Titel').waitFor();
      // The changed title is marked in words on both sides, not only by colour.
      assert.equal(await changedRow.getByText('(geändert)').count(), 2);
      await page.getByRole('region', { name: 'Ziele: Neu hinzugekommen (1)' }).getByRole('rowheader', { name: 'E2E.1' }).waitFor();
      await page.getByRole('region', { name: 'Ziele: Entfallen (1)' }).getByRole('rowheader', { name: removed.code }).waitFor();

      // Adopt.
      await page.getByRole('link', { name: `Zurück zur Fassung ${year}` }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByRole('button', { name: 'Beschließen' }).click();
      const adopt = page.getByRole('dialog', { name: 'Fassung beschließen' });
      await adopt.getByLabel('Beschlossen durch').fill('Kreistag des Landkreises Gifhorn');
      await adopt.getByRole('button', { name: 'Beschließen' }).click();
      await page.getByText(`Die Fassung „${title}“ ist beschlossen und gilt ab sofort.`).waitFor();
      await page.getByText('Diese Fassung ist beschlossen und kann nicht mehr geändert werden.', { exact: false }).waitFor();
      assert.equal(await page.getByRole('button', { name: /bearbeiten|löschen|hinzufügen|Beschließen/ }).count(), 0);

      // The old edition is superseded and offers no edit controls.
      await page.goto(`/konzept/${current.id}`);
      await page.getByRole('heading', { level: 1, name: current.title }).waitFor();
      await page.getByText('Diese Fassung ist abgelöst und kann nicht mehr geändert werden.', { exact: false }).waitFor();
      await page.getByText('Abgelöst', { exact: true }).first().waitFor();
      assert.equal(await page.getByRole('button', { name: /bearbeiten|löschen|hinzufügen|Beschließen|verwerfen/ }).count(), 0);

      // The overview shows the new edition in force.
      await page.goto('/konzept');
      await page.getByRole('heading', { level: 2, name: `Geltende Fassung: ${title}` }).waitFor();
      assert.ok(draftId);
    });

    // The API agrees: the old edition is superseded, the new one in force.
    const token = await apiToken();
    const old = await apiJson(token, 'GET', `/api/v1/concept/editions/${current.id}`);
    assert.equal(old.status, 'superseded');
    const now = await apiJson(token, 'GET', '/api/v1/concept/current');
    assert.equal(now.title, title);
  });

  test('a member reads the concept but gets no edit controls', async () => {
    await withPage('concept-member', async (page) => {
      await login(page, member.email, member.password);
      await page.goto('/konzept');
      await page.getByRole('heading', { level: 1, name: 'Integrationskonzept' }).waitFor();
      await page.getByText('Sie können das Integrationskonzept ansehen', { exact: false }).waitFor();
      await page.getByRole('heading', { level: 2, name: /^Geltende Fassung: / }).waitFor();
      assert.equal(await page.getByRole('button', { name: /ableiten|anlegen/ }).count(), 0);
    });
  });
});
