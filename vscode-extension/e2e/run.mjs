// End-to-end test of the packaged extension in a real VS Code: code-server from npm, driven by
// playwright-core and Debian's Chromium. Usage: node e2e/run.mjs <Node 24 folder> (setup.sh prints it).
//
// Scenario "bundled": the linux-x64 .vsix in a fresh code-server whose PATH has no Java, so the
// bundled runtime must start the server; then on screen: (1) a missing-section problem in the
// Problems panel, (2) experiment-ID completion after "[e", (3) Logbook: New Entry inserting today's
// entry at the top of this newest-first logbook, (4) the grammar colouring a date and a tag.
// Scenario "no-java": the universal .vsix with no Java anywhere shows the notification that says so.
// Screenshots go to e2e/artifacts/. Every wait is bounded; code-server is stopped by process group.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const extension = path.dirname(here);
const artifacts = path.join(here, 'artifacts');
const node24 = process.argv[2] ?? process.env.NODE24_HOME;
if (!node24 || !existsSync(path.join(node24, 'bin', 'node'))) {
  console.error('usage: node e2e/run.mjs <folder of Node 24> (e2e/setup.sh installs it and prints the folder)');
  process.exit(2);
}
const codeServer = path.join(here, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const version = JSON.parse(readFileSync(path.join(extension, 'package.json'), 'utf8')).version;
const vsix = { bundled: path.join(extension, `logbook-ls-linux-x64-${version}.vsix`), universal: path.join(extension, `logbook-ls-${version}.vsix`) };
for (const file of Object.values(vsix)) {
  if (!existsSync(file)) {
    console.error(`${file} is missing: run npm run package first.`);
    process.exit(2);
  }
}
const TOTAL_LIMIT_MS = 10 * 60 * 1000;
const SERVER_LIMIT_MS = 120 * 1000;

rmSync(artifacts, { recursive: true, force: true });
mkdirSync(artifacts, { recursive: true });
const cleanups = [];
const overall = setTimeout(async () => {
  console.error(`The end-to-end test exceeded ${TOTAL_LIMIT_MS / 60000} minutes.`);
  await cleanup();
  process.exit(1);
}, TOTAL_LIMIT_MS);

async function cleanup() {
  while (cleanups.length) {
    try {
      await cleanups.pop()();
    } catch (error) {
      console.error(`cleanup: ${error.message}`);
    }
  }
}

const today = (() => {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
})();

let failures = 0;
function check(condition, what) {
  console.log(`${condition ? 'ok  ' : 'FAIL'} ${what}`);
  if (!condition) {
    failures++;
  }
}

try {
  await scenario('bundled', vsix.bundled, async ({ page, workspace, userData }) => {
    await openFile(page, 'lab-notebook.md', 'Lab notebook');

    // (1) The Problems panel shows the entry without Results.
    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: "has no 'Results'" });
    await problem.first().waitFor({ timeout: SERVER_LIMIT_MS });
    const problemText = await problem.first().innerText();
    check(/missing-section/.test(problemText) || /has no 'Results'/.test(problemText), `Problems panel: ${oneLine(problemText)}`);
    await shot(page, 'bundled-1-problems');

    const runtime = serverLog(userData);
    check(/Starting the server with Java \d+ \(bundled\)/.test(runtime), `the server runs on the bundled runtime: ${oneLine(runtime.match(/Starting the server[^\n]*/)?.[0] ?? '(no log line)')}`);

    // The status bar summarises the logbook.
    const statusItem = page.locator('.statusbar-item', { hasText: 'entries' });
    await statusItem.first().waitFor({ timeout: 30000 });
    const statusText = await statusItem.first().innerText();
    check(/3 entries · 2026-11-20/.test(statusText), `status bar: ${oneLine(statusText)}`);

    // (4) The grammar: the heading's date and a tag are scoped, and coloured unlike their neighbours.
    await focusEditor(page);
    await goTo(page, 5, 6);
    const dateScopes = await inspectTokens(page);
    check(dateScopes.includes('constant.numeric.date.logbook'), `scopes at the heading's date: ${oneLine(dateScopes).slice(0, 160)}`);
    await shot(page, 'bundled-4a-date-scope');
    await page.keyboard.press('Escape');
    await goTo(page, 9, 31);
    const tagScopes = await inspectTokens(page);
    check(tagScopes.includes('entity.name.tag.logbook'), `scopes at '#cifar': ${oneLine(tagScopes).slice(0, 160)}`);
    await page.keyboard.press('Escape');
    const dateColour = await colourOf(page, (text) => text === '2026-11-20');
    const titleColour = await colourOf(page, (text) => text.includes('second try'));
    const tagColour = await colourOf(page, (text) => text === 'cifar');
    const proseColour = await colourOf(page, (text) => text.includes('Trying Adam'));
    check(dateColour && titleColour && dateColour !== titleColour, `date coloured ${dateColour}, heading text ${titleColour}`);
    check(tagColour && proseColour && tagColour !== proseColour, `tag coloured ${tagColour}, prose ${proseColour}`);
    await shot(page, 'bundled-4-grammar');

    // (2) Experiment-ID completion after "[e".
    await goTo(page, 8, 1);
    await page.keyboard.type('See [e', { delay: 60 });
    const suggestion = page.locator('.suggest-widget .monaco-list-row', { hasText: 'e0038' });
    await suggestion.first().waitFor({ timeout: 30000 });
    const suggestions = await page.locator('.suggest-widget .monaco-list-row').allInnerTexts();
    check(suggestions.some((s) => s.includes('e0038')), `completion after [e: ${suggestions.map(oneLine).join(' | ').slice(0, 200)}`);
    await shot(page, 'bundled-2-completion');
    await page.keyboard.press('Escape');
    await runCommand(page, 'File: Revert File');
    await page.locator('.monaco-editor .view-line', { hasText: 'See [e' }).first().waitFor({ state: 'detached', timeout: 15000 });

    // (3) Logbook: New Entry puts today's entry above the newest one, then the editor saves it.
    await runCommand(page, 'Logbook: New Entry');
    await page.locator('.monaco-editor .view-line', { hasText: `## ${today}` }).first().waitFor({ timeout: 30000 });
    await shot(page, 'bundled-3-new-entry');
    await page.keyboard.press('Control+S');
    const saved = await waitFor(() => {
      const text = readFileSync(path.join(workspace, 'lab-notebook.md'), 'utf8');
      return text.includes(`## ${today}`) ? text : undefined;
    }, 15000);
    const lines = (saved ?? '').split('\n');
    const fresh = lines.findIndex((line) => line.startsWith(`## ${today}`));
    const newest = lines.findIndex((line) => line.startsWith('## 2026-11-20'));
    const intro = lines.findIndex((line) => line.startsWith('Experiments on CIFAR-10'));
    check(lines[fresh]?.startsWith(`## ${today} [e0040]`), `the new entry takes the next free ID: '${lines[fresh]}'`);
    check(fresh > intro && fresh < newest, `new entry '${lines[fresh]}' on line ${fresh + 1}, between the introduction (line ${intro + 1}) and the newest entry (line ${newest + 1})`);
    check(/Results/.test(lines.slice(fresh, newest).join('\n')) && /Next Steps/.test(lines.slice(fresh, newest).join('\n')),
      `the new entry has the logbook's sections: ${oneLine(lines.slice(fresh, newest).join(' / '))}`);

    await runCommand(page, 'Logbook: Show Server Output');
    await page.locator('.output-view, .panel', { hasText: 'Starting the server' }).first().waitFor({ timeout: 15000 }).catch(() => {});
    await shot(page, 'bundled-5-server-output');
  });

  await scenario('no-java', vsix.universal, async ({ page }) => {
    await openFile(page, 'lab-notebook.md', 'Lab notebook');
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'needs Java 17 or later' });
    await toast.first().waitFor({ timeout: 60000 });
    const text = await toast.first().innerText();
    check(/PATH: no java executable on PATH/.test(text), `notification: ${oneLine(text).slice(0, 200)}`);
    check(await toast.first().locator('a.monaco-button, .monaco-button', { hasText: 'Open Settings' }).count() > 0, 'the notification offers Open Settings');
    await shot(page, 'no-java-notification');
  });
} catch (error) {
  failures++;
  console.error(`FAIL ${error.stack ?? error}`);
} finally {
  clearTimeout(overall);
  await cleanup();
}
console.log(failures === 0 ? `End-to-end: all checks passed; screenshots in ${path.relative(process.cwd(), artifacts)}` : `End-to-end: ${failures} failure(s)`);
process.exit(failures === 0 ? 0 : 1);

async function scenario(name, vsixFile, body) {
  console.log(`— scenario ${name}: ${path.basename(vsixFile)}`);
  const root = mkdtempSync(path.join(os.tmpdir(), `logbook-e2e-${name}-`));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  const userData = path.join(root, 'user-data');
  const extensions = path.join(root, 'extensions');
  const workspace = path.join(root, 'workspace');
  cpSync(path.join(here, 'workspace'), workspace, { recursive: true });
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.colorTheme': 'Default Dark Modern',
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'chat.disableAIFeatures': true,
    'editor.minimap.enabled': false,
    'editor.wordBasedSuggestions': 'off',
    'markdown.validate.enabled': false,
  }, null, 2));
  const env = environmentWithoutJava(root);
  const node = path.join(node24, 'bin', 'node');
  execFileSync(node, [codeServer, '--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', vsixFile],
    { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120000 });
  const port = await freePort();
  const log = path.join(artifacts, `${name}-code-server.log`);
  const out = (await import('node:fs')).openSync(log, 'w');
  // detached: code-server leads its own process group, so the whole tree stops together.
  const server = spawn(node, [codeServer, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--reconnection-grace-time', '10',
    '--user-data-dir', userData, '--extensions-dir', extensions, workspace], { env, detached: true, stdio: ['ignore', out, out] });
  cleanups.push(() => stopGroup(server));
  await waitFor(async () => {
    try {
      return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok || undefined;
    } catch {
      return undefined;
    }
  }, 60000, 'code-server to listen');

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync', '--disable-quic'],
    timeout: 60000,
  });
  cleanups.push(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
  page.setDefaultTimeout(30000);
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`, { timeout: 60000 });
  await page.locator('.monaco-workbench').waitFor({ timeout: 90000 });
  await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: 90000 }).catch(() => {});
  try {
    await body({ page, workspace, userData });
  } catch (error) {
    await shot(page, `${name}-failure`).catch(() => {});
    throw error;
  } finally {
    await browser.close();
  }
}

/** PATH holding every program of the machine but Java, and no JAVA_HOME or JDK_HOME. */
function environmentWithoutJava(root) {
  const bin = path.join(root, 'bin');
  mkdirSync(bin);
  for (const folder of ['/usr/local/bin', '/usr/bin', '/bin']) {
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder)) {
      const target = path.join(folder, name);
      let real;
      try {
        real = realpathSync(target);
      } catch {
        continue;
      }
      if (real.includes('/jvm/') || existsSync(path.join(bin, name))) continue;
      symlinkSync(target, path.join(bin, name));
    }
  }
  // VSCODE_CLI=1: VS Code's server would otherwise take PATH from a login shell, which finds Java again.
  const env = { ...process.env, PATH: bin, VSCODE_CLI: '1' };
  delete env.JAVA_HOME;
  delete env.JDK_HOME;
  delete env.JAVA_TOOL_OPTIONS;
  if (existsSync(path.join(bin, 'java'))) {
    throw new Error('java is still on the test PATH');
  }
  return env;
}

function serverLog(userData) {
  const found = [];
  const walk = (folder) => {
    for (const name of readdirSync(folder)) {
      const file = path.join(folder, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (name.endsWith('Logbook LS.log')) found.push(readFileSync(file, 'utf8'));
    }
  };
  if (existsSync(path.join(userData, 'logs'))) walk(path.join(userData, 'logs'));
  return found.join('\n');
}

async function openFile(page, name, expectedText) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-line', { hasText: expectedText }).first().waitFor({ timeout: 30000 });
}

async function focusEditor(page) {
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
}

async function goTo(page, line, column) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` }).first().waitFor({ timeout: 10000 });
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

async function inspectTokens(page) {
  await runCommand(page, 'Developer: Inspect Editor Tokens and Scopes');
  const widget = page.locator('.token-inspect-widget');
  await widget.waitFor({ timeout: 15000 });
  await page.waitForTimeout(300);
  return widget.innerText();
}

/** The colour of the first editor span whose trimmed text satisfies `matches`. */
async function colourOf(page, matches) {
  const spans = await page.locator('.monaco-editor .view-line span span').all();
  for (const span of spans) {
    // Monaco renders spaces as no-break spaces.
    if (matches(((await span.textContent()) ?? '').replace(/\u00a0/g, ' ').trim())) {
      return span.evaluate((element) => getComputedStyle(element).color);
    }
  }
  return undefined;
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(artifacts, `${name}.png`) });
}

async function waitFor(probe, timeout, what = 'a condition') {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined && value !== false) {
      return value;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

async function stopGroup(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 5000);
  await exited;
  clearTimeout(timer);
}

function oneLine(text) {
  return String(text).replace(/\s+/g, ' ').trim();
}
