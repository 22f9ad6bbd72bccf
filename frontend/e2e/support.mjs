/**
 * Shared helpers for the browser tests: launching the system Chromium through
 * playwright-core, logging in, an axe-core check, and a watch on CSP
 * violations and page errors; reading the mails the backend sent.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
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

// The axe-core that @axe-core/playwright itself injects (its dependency, not one of ours).
const AXE_SOURCE = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'))('axe-core').source;

/**
 * An AxeBuilder that injects axe-core (580 kB of script) at most once per document. AxeBuilder
 * evaluates it twice on every run, even when the document has it from the run before (the SPA keeps
 * its document between client-side navigations). Pages with frames get the plain AxeBuilder.
 */
async function axeBuilder(page) {
  if (page.frames().length > 1) return new AxeBuilder({ page });
  if (!(await page.evaluate(() => typeof window.axe?.run === 'function'))) await page.evaluate(AXE_SOURCE);
  return new AxeBuilder({ page, axeSource: ';' });
}

/**
 * Runs axe with the WCAG 2.0/2.1 A and AA rules and fails on any violation.
 *
 * Besides axeBuilder() two settings only save time (the 240 checks were over half of the e2e run);
 * the findings stay the same:
 * - legacy mode runs axe.run() in the page itself. The default mode runs axe.runPartial() in every frame
 *   and then axe.finishRun() in a new blank page, injecting axe into both: the same rules on the same
 *   nodes for this app, which has no cross-origin frames (legacy mode still checks same-origin ones),
 *   at almost twice the cost;
 * - resultTypes: every violating node is still reported, but of the passed, incomplete and inapplicable
 *   rules only one node each, which this check never reads (axe builds a selector and an HTML snippet
 *   for each reported node).
 * `options()` replaces all options, so it comes before `withTags()`.
 */
export async function expectNoAxeViolations(page, label) {
  const results = await (await axeBuilder(page))
    .options({ resultTypes: ['violations'] })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .setLegacyMode(true)
    .analyze();
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

/** A write that needs If-Match: reads `resourcePath` for its ETag, then sends `method path body` with it. */
export async function apiJsonIfMatch(token, resourcePath, method, path, body, expected = 200) {
  const current = await fetch(`${BASE_URL}${resourcePath}`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(current.status, 200, `GET ${resourcePath}`);
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${token}`,
      'If-Match': current.headers.get('ETag') ?? '',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.equal(response.status, expected, `${method} ${path}: ${await response.clone().text()}`);
  return response.status === 204 ? null : response.json();
}

/** The next planned or invited steering-group meeting (the demo data has one). */
export async function apiComingSteeringMeeting(token) {
  const [steering] = (await apiJson(token, 'GET', '/api/v1/bodies?kind=steering_group')).items;
  const today = new Date().toISOString().slice(0, 10);
  const meetings = await apiJson(token, 'GET', `/api/v1/meetings?body_id=${steering.id}&from=${today}&sort=starts_at&limit=50`);
  const meeting = meetings.items.find((m) => m.status === 'planned' || m.status === 'invited');
  assert.ok(meeting, 'a coming steering meeting in the demo data');
  return meeting;
}

/**
 * A paper (Vorlage) of `bodyId`, submitted (with a late reason in case the deadline has passed) and
 * scheduled on the steering meeting `meetingId`, as a coordinator does it. Returns the scheduled paper.
 */
export async function apiScheduledSubmission(token, { bodyId, meetingId, title, proposedResolution }) {
  const paper = await apiJson(token, 'POST', '/api/v1/submissions', {
    title,
    kind: 'request',
    body_id: bodyId,
    situation: 'Testinhalt: Sachverhalt des Arbeitskreises.',
    proposed_resolution: proposedResolution,
  });
  const path = `/api/v1/submissions/${paper.id}`;
  await apiJsonIfMatch(token, path, 'POST', `${path}/submit`, { late_reason: 'Testlauf: Vorlage nachgereicht' });
  return apiJsonIfMatch(token, path, 'POST', `${path}/schedule`, { meeting_id: meetingId });
}

// --- Mail ------------------------------------------------------------------------------------
// scripts/run-e2e.mjs runs a local SMTP server (aiosmtpd's Mailbox handler) that stores every mail
// the backend sends in a Maildir. The mails are the backend's own (api/core/mail.py): a text/plain
// part, maybe attachments, in 7bit/8bit, quoted-printable or base64 — small enough to parse here.

const MAILDIR = process.env.E2E_MAILDIR;

function splitHeaders(raw) {
  const match = /\r?\n\r?\n/.exec(raw);
  const head = match ? raw.slice(0, match.index) : raw;
  const body = match ? raw.slice(match.index + match[0].length) : '';
  const headers = new Map();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      const name = line.slice(0, colon).trim().toLowerCase();
      if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
    }
  }
  return { headers, body };
}

function decodeQuotedPrintable(text) {
  const bytes = [];
  const source = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < source.length; i += 1) {
    if (source[i] === '=' && /^[0-9A-F]{2}$/i.test(source.slice(i + 1, i + 3))) {
      bytes.push(parseInt(source.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(source[i], 'latin1'));
    }
  }
  return Buffer.from(bytes);
}

/** RFC 2047 encoded words (=?utf-8?b?…?= / =?utf-8?q?…?=) in a header value. */
function decodeHeader(value = '') {
  return value
    .replace(/(=\?[^?]+\?[bq]\?[^?]*\?=)\s+(?==\?)/gi, '$1')
    .replace(/=\?([^?]+)\?([bq])\?([^?]*)\?=/gi, (_, charset, encoding, text) => {
      const bytes =
        encoding.toLowerCase() === 'b' ? Buffer.from(text, 'base64') : decodeQuotedPrintable(text.replace(/_/g, ' '));
      return new TextDecoder(charset).decode(bytes);
    });
}

function parameter(header = '', name) {
  const match = new RegExp(`;\\s*${name}="?([^";]*)"?`, 'i').exec(header);
  return match ? match[1] : null;
}

/** The decoded bytes of one MIME part's body (the raw mail is read as latin1, one char per byte). */
function partContent(headers, body) {
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return Buffer.from(body, 'latin1');
}

function parseMail(raw, file) {
  const { headers, body } = splitHeaders(raw);
  const mail = {
    file,
    to: decodeHeader(headers.get('to')),
    recipients: (headers.get('x-rcptto') ?? headers.get('to') ?? '').toLowerCase(),
    subject: decodeHeader(headers.get('subject')),
    text: '',
    attachments: [],
  };
  const type = headers.get('content-type') ?? 'text/plain';
  let parts = [{ headers, body }];
  if (/^multipart\//i.test(type)) {
    const boundary = parameter(type, 'boundary');
    parts = body
      .split(`--${boundary}`)
      .slice(1)
      .filter((part) => !part.startsWith('--'))
      .map((part) => splitHeaders(part.replace(/^\r?\n/, '').replace(/\r?\n$/, '')));
  }
  for (const part of parts) {
    const partType = part.headers.get('content-type') ?? 'text/plain';
    const disposition = part.headers.get('content-disposition') ?? '';
    const content = partContent(part.headers, part.body);
    if (/^attachment/i.test(disposition)) {
      mail.attachments.push({
        filename: decodeHeader(parameter(disposition, 'filename') ?? ''),
        contentType: partType,
        content,
      });
    } else if (/^text\/plain/i.test(partType)) {
      mail.text += new TextDecoder(parameter(partType, 'charset') ?? 'utf-8').decode(content);
    }
  }
  return mail;
}

function readMails() {
  assert.ok(MAILDIR, 'E2E_MAILDIR is not set: run the e2e tests through scripts/run-e2e.mjs');
  const mails = [];
  for (const folder of ['new', 'cur']) {
    const dir = join(MAILDIR, folder);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).sort()) {
      mails.push(parseMail(readFileSync(join(dir, file), 'latin1'), `${folder}/${file}`));
    }
  }
  return mails;
}

/**
 * Waits (up to `timeoutMs`) for mails to `to` (one address, any case), optionally with a subject
 * matching `subject` (string: contained; RegExp: matched), and returns the first `count` of them
 * (all when more arrived) as { to, subject, text, attachments: [{ filename, contentType, content }] }.
 * The backend sends mail after its response, so a mail may take a moment.
 */
export async function waitForMails(to, { subject, count = 1, timeoutMs = 10_000 } = {}) {
  const address = to.toLowerCase();
  const fits = (mail) =>
    mail.recipients.split(/[\s,<>]+/).includes(address) &&
    (subject === undefined || (subject instanceof RegExp ? subject.test(mail.subject) : mail.subject.includes(subject)));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = readMails().filter(fits);
    if (found.length >= count) return found;
    if (Date.now() > deadline) {
      const all = readMails().filter((mail) => mail.recipients.includes(address));
      assert.fail(
        `expected ${count} mail(s) to ${to}${subject ? ` with subject ${subject}` : ''} within ${timeoutMs} ms; ` +
          `mails to that address: ${JSON.stringify(all.map((mail) => mail.subject))}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits for one mail to `to` (see waitForMails). */
export async function waitForMail(to, options = {}) {
  const [mail] = await waitForMails(to, { ...options, count: 1 });
  return mail;
}

/** The one link in the mail's text that points to `path` of the app (e.g. "/einladung/"), as a path. */
export function linkIn(mail, path) {
  const links = [...mail.text.matchAll(/https?:\/\/\S+/g)]
    .map((match) => new URL(match[0]))
    .filter((url) => url.origin === new URL(BASE_URL).origin && url.pathname.startsWith(path));
  assert.equal(links.length, 1, `one link to ${path} in "${mail.subject}":\n${mail.text}`);
  return links[0].pathname + links[0].search;
}

/** An iCalendar attachment as text with \n line ends and its folded lines joined (RFC 5545, 3.1). */
export function unfoldIcs(content) {
  return content.toString('utf8').replace(/\r\n/g, '\n').replace(/\n[ \t]/g, '');
}
