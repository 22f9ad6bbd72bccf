/**
 * Test data for the integration concept, set up through the API (not what the tests check).
 * The e2e backend runs `seed-demo`, which may or may not bring editions; these helpers make sure
 * there is an edition in force and no draft, whatever ran before.
 */
import assert from 'node:assert/strict';
import { BASE_URL, apiJson } from './support.mjs';

const CONCEPT = '/api/v1/concept';

async function call(token, method, path, { body, etag, expected } = {}) {
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${token}`,
      ...(etag ? { 'If-Match': etag } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (expected !== undefined) assert.equal(response.status, expected, `${method} ${path}: ${await response.clone().text()}`);
  return response;
}

/** Discards every live draft (the API allows only one at a time). */
export async function discardDrafts(token) {
  const drafts = await apiJson(token, 'GET', `${CONCEPT}/editions?status=draft`);
  for (const draft of drafts.items) {
    await call(token, 'DELETE', `${CONCEPT}/editions/${draft.id}`, { etag: `"${draft.version}"`, expected: 204 });
  }
}

/** The edition in force; when there is none, a 2018 edition with two fields and five goals is adopted. */
export async function ensureCurrentEdition(token) {
  const current = await call(token, 'GET', `${CONCEPT}/current`);
  if (current.status === 200) return current.json();
  assert.equal(current.status, 404);
  await discardDrafts(token);
  const edition = await apiJson(token, 'POST', `${CONCEPT}/editions`, {
    year: 2018,
    title: 'Integrationskonzept 2018',
    introduction: 'Fortschreibung des Integrationskonzepts von 2010.',
  });
  const fields = {
    B: ['Bildung und Sprache', ['B.1', 'Frühe Sprachförderung in Kitas ausbauen'], ['B.2', 'Übergang Schule–Beruf begleiten'], ['B.3', 'Elternarbeit an Schulen stärken']],
    A: ['Ausbildung und Arbeit', ['A.1', 'Anerkennung ausländischer Abschlüsse beschleunigen'], ['A.2', 'Betriebe für Praktika gewinnen']],
  };
  for (const [code, [title, ...goals]] of Object.entries(fields)) {
    const field = await apiJson(token, 'POST', `${CONCEPT}/editions/${edition.id}/fields`, { code, title });
    for (const [goalCode, goalTitle] of goals) {
      await apiJson(token, 'POST', `${CONCEPT}/editions/${edition.id}/goals`, {
        field_of_action_id: field.id,
        code: goalCode,
        title: goalTitle,
      });
    }
  }
  const adopted = await call(token, 'POST', `${CONCEPT}/editions/${edition.id}/adopt`, {
    body: { adopted_on: '2018-06-28', adopted_by: 'Kreistag des Landkreises Gifhorn' },
    etag: `"${edition.version}"`,
    expected: 200,
  });
  return adopted.json();
}

/** A live draft derived from the edition in force (the existing one, if there is one). */
export async function ensureDraft(token) {
  const drafts = await apiJson(token, 'GET', `${CONCEPT}/editions?status=draft`);
  if (drafts.items.length > 0) return apiJson(token, 'GET', `${CONCEPT}/editions/${drafts.items[0].id}`);
  const current = await ensureCurrentEdition(token);
  return apiJson(token, 'POST', `${CONCEPT}/editions/${current.id}/derive`, {
    year: current.year + 1,
    title: `Integrationskonzept ${current.year + 1} (Entwurf)`,
  });
}

/** The first field with at least two goals (the e2e changes one and removes another). */
export function fieldWithGoals(edition) {
  const field = edition.fields.find((f) => f.goals.length >= 2);
  assert.ok(field, 'the edition in force has a field of action with at least two goals');
  return field;
}
