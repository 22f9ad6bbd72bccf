#!/usr/bin/env node
/**
 * End-to-end run: starts a local SMTP server (aiosmtpd from the backend's
 * virtualenv, writing every mail into a Maildir whose path the tests get as
 * E2E_MAILDIR) and the real backend on a fresh database (temp dir, free port,
 * migrated and seeded with the demo bodies, mail going to that SMTP server),
 * waits for /readyz, runs the e2e/*.test.mjs files with node:test
 * (playwright-core driving the system Chromium), then stops both servers.
 *
 * Without /usr/bin/chromium (or the backend's virtualenv) it says so and exits
 * 0 — unless CI is set, then it fails.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const frontend = resolve(here, '..');
const repo = resolve(frontend, '..');
const chromium = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
const netzwerk = resolve(repo, '.venv/bin/netzwerk');
const python = resolve(repo, '.venv/bin/python');
const dist = resolve(frontend, 'dist');
const ci = Boolean(process.env.CI);

function skip(reason) {
  const line = '='.repeat(72);
  console.log(`${line}\nE2E BROWSER TESTS DID NOT RUN: ${reason}\n${line}`);
  if (ci) {
    console.error('CI is set, so a skipped browser test run is a failure.');
    process.exit(1);
  }
  process.exit(0);
}

if (!existsSync(chromium)) skip(`${chromium} is missing (install it with: apt-get install -y chromium).`);
if (!existsSync(netzwerk)) skip(`${netzwerk} is missing (the backend is not installed: make install).`);
if (spawnSync(python, ['-c', 'import aiosmtpd'], { encoding: 'utf8' }).status !== 0) {
  console.error(`The SMTP server for the e2e run (aiosmtpd) is missing in ${python}: install the dev dependencies (make install).`);
  process.exit(1);
}
if (!existsSync(join(dist, 'index.html'))) {
  console.error('frontend/dist/index.html is missing: run `make frontend-build` first.');
  process.exit(1);
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

const started = Date.now();
const dataDir = mkdtempSync(join(tmpdir(), 'netzwerk-e2e-'));
const port = await freePort();
const smtpPort = await freePort();
const maildir = join(dataDir, 'mail');
const baseUrl = `http://127.0.0.1:${port}`;
const admin = { email: 'admin@example.org', password: 'e2e-Admin-Passwort-2026', name: 'Ada Admin' };
const logPath = join(dataDir, 'server.log');
const smtpLogPath = join(dataDir, 'smtp.log');

const env = {
  ...process.env,
  NETZWERK_ENV: 'development',
  NETZWERK_DATA_DIR: dataDir,
  NETZWERK_ADMIN_EMAIL: admin.email,
  NETZWERK_ADMIN_PASSWORD: admin.password,
  NETZWERK_ADMIN_NAME: admin.name,
  NETZWERK_PORT: String(port),
  NETZWERK_HOST: '127.0.0.1',
  NETZWERK_BASE_URL: baseUrl,
  NETZWERK_SPA_DIR: dist,
  NETZWERK_LOG_LEVEL: 'WARNING',
  NETZWERK_SMTP_HOST: '127.0.0.1',
  NETZWERK_SMTP_PORT: String(smtpPort),
  // Small enough that the 429 test is quick; per address stays high for the other tests.
  NETZWERK_LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
  NETZWERK_LOGIN_MAX_FAILURES_PER_ADDRESS: '1000',
};
delete env.DATABASE_URL;
delete env.NETZWERK_DATABASE_URL;

let server = null;
let smtp = null;
let exitCode = 1;

/** Stops a detached child (its whole process group): SIGTERM, SIGKILL after 5 s. */
function stopChild(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      clearTimeout(timer);
      done();
    }
  });
}

// Ctrl-C or a killed run must not leave the two servers behind.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    Promise.all([stopChild(server), stopChild(smtp)]).finally(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  });
}

function printLog(path, label) {
  if (existsSync(path)) {
    console.error(`--- ${label} log (last 60 lines) ---`);
    console.error(readFileSync(path, 'utf8').split('\n').slice(-60).join('\n'));
  }
}

function printServerLog() {
  printLog(logPath, 'backend');
}

function openLog(path) {
  const log = createWriteStream(path);
  return new Promise((r) => log.once('open', () => r(log)));
}

/** Starts aiosmtpd with its Maildir handler and waits until its port accepts connections. */
async function startSmtp(timeoutMs) {
  const log = await openLog(smtpLogPath);
  smtp = spawn(
    python,
    ['-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${smtpPort}`, '-c', 'aiosmtpd.handlers.Mailbox', maildir],
    { cwd: repo, detached: true, stdio: ['ignore', log, log] },
  );
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (smtp.exitCode !== null || smtp.signalCode !== null) break;
    const open = await new Promise((r) => {
      const socket = connect(smtpPort, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        r(true);
      });
      socket.once('error', () => r(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  printLog(smtpLogPath, 'SMTP server');
  throw new Error(
    smtp.exitCode !== null || smtp.signalCode !== null
      ? `the SMTP server (aiosmtpd) exited at start (${smtp.exitCode ?? smtp.signalCode})`
      : `the SMTP server (aiosmtpd) did not accept connections on port ${smtpPort} within ${timeoutMs} ms`,
  );
}

async function waitReady(timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`backend exited early with code ${server.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      if (response.status === 200) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`backend not ready after ${timeoutMs} ms`);
}

try {
  await startSmtp(15_000);
  const migrate = spawnSync(netzwerk, ['migrate'], { cwd: repo, env, encoding: 'utf8' });
  if (migrate.status !== 0) {
    console.error(migrate.stdout, migrate.stderr);
    throw new Error('netzwerk migrate failed');
  }
  // The bodies (four working groups, steering group, network) exist only as demo data.
  const seed = spawnSync(netzwerk, ['seed-demo'], { cwd: repo, env, encoding: 'utf8' });
  if (seed.status !== 0) {
    console.error(seed.stdout, seed.stderr);
    throw new Error('netzwerk seed-demo failed');
  }
  const log = await openLog(logPath);
  server = spawn(netzwerk, ['serve'], { cwd: repo, env, detached: true, stdio: ['ignore', log, log] });
  await waitReady(60_000);
  console.log(`backend ready on ${baseUrl} (mail to 127.0.0.1:${smtpPort}) after ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const files = readdirSync(resolve(frontend, 'e2e'))
    .filter((f) => f.endsWith('.test.mjs'))
    .sort()
    .map((f) => join('e2e', f));
  const only = process.argv.slice(2);
  const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
  const testRun = spawnSync(
    process.execPath,
    ['--test', '--test-concurrency=1', '--test-reporter=spec', ...selected],
    {
      cwd: frontend,
      stdio: 'inherit',
      env: {
        ...process.env,
        E2E_BASE_URL: baseUrl,
        E2E_CHROMIUM: chromium,
        E2E_ADMIN_EMAIL: admin.email,
        E2E_ADMIN_PASSWORD: admin.password,
        E2E_MAILDIR: maildir,
        E2E_ARTIFACTS: resolve(frontend, '.e2e-artifacts'),
      },
    },
  );
  exitCode = testRun.status ?? 1;
  if (exitCode !== 0) printServerLog();
} catch (error) {
  console.error(`e2e: ${error instanceof Error ? error.message : error}`);
  printServerLog();
  exitCode = 1;
} finally {
  await Promise.all([stopChild(server), stopChild(smtp)]);
  rmSync(dataDir, { recursive: true, force: true });
  console.log(`e2e suite took ${((Date.now() - started) / 1000).toFixed(1)} s (including backend start)`);
}
process.exit(exitCode);
