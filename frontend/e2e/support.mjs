/**
 * Shared helpers for the browser tests: launching the system Chromium through
 * playwright-core, logging in, an axe-core check, and a watch on CSP
 * violations and page errors.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium } from 'playwright-core';

export const BASE_URL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8000';
export const ADMIN = {
  email: process.env.E2E_ADMIN_EMAIL ?? 'admin@example.org',
  password: process.env.E2E_ADMIN_PASSWORD ?? '',
};
const ARTIFACTS = process.env.E2E_ARTIFACTS ?? '.e2e-artifacts';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/**
 * A fresh browser context (own cookie jar). Collects CSP violations, console
 * errors and uncaught exceptions; `assertClean()` fails the test on any.
 */
export async function newContext(browser, options = {}) {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  context.problems = [];
  context.on('page', (page) => watch(context, page));
  return context;
}

function watch(context, page) {
  page.on('pageerror', (error) => context.problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to/i.test(text)) context.problems.push(`CSP: ${text}`);
    else if (message.type() === 'error' && !/status of (401|404|409|412|422|429)/.test(text)) {
      context.problems.push(`console.error: ${text}`);
    }
  });
}

export function assertClean(context) {
  assert.deepEqual(context.problems, [], 'no CSP violations, page errors or console errors');
}

export async function newPage(context) {
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return page;
}

export async function login(page, email = ADMIN.email, password = ADMIN.password) {
  await page.goto('/anmelden');
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
}

/** Runs axe with the WCAG 2.0/2.1 A and AA rules and fails on any violation. */
export async function expectNoAxeViolations(page, label) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const violations = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }));
  if (violations.length > 0 || process.env.E2E_SCREENSHOTS) await screenshot(page, `axe-${label}`);
  assert.deepEqual(violations, [], `axe violations on ${label}`);
}

export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const safe = name.replace(/[^a-z0-9-]+/gi, '_');
  await page.screenshot({ path: join(ARTIFACTS, `${safe}.png`), fullPage: true }).catch(() => {});
}

/** Direct API calls for test setup (not what the tests check). */
export async function apiToken(email = ADMIN.email, password = ADMIN.password) {
  const response = await fetch(`${BASE_URL}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: email, password }),
  });
  assert.equal(response.status, 200, `API login for ${email}`);
  return (await response.json()).access_token;
}

export async function apiCreateUser(token, user) {
  const response = await fetch(`${BASE_URL}/api/v1/users`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(user),
  });
  assert.equal(response.status, 201, `create ${user.email}: ${await response.clone().text()}`);
  return response.json();
}

let counter = 0;
/** Unique e-mail per test run, so tests do not depend on each other. */
export function uniqueEmail(prefix) {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}@example.org`;
}

/** A JSON API call for test setup; asserts the expected status and returns the body (or null). */
export async function apiJson(token, method, path, body, expected = method === 'POST' ? 201 : 200) {
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.equal(response.status, expected, `${method} ${path}: ${await response.clone().text()}`);
  return response.status === 204 ? null : response.json();
}
