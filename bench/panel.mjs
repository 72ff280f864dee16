/**
 * Times the Get help panel in a real JupyterLab and Chromium, with hub
 * metadata of 2,000 people and 1,000 tasks, and compares JupyterLab's start
 * with and without the extension in the same run. Prints the figures.
 *
 *   make bench      (or: node bench/panel.mjs, after make setup)
 *
 * - start: from navigation to JupyterLab's `restored`, extension enabled vs
 *   disabled (page_config disabledExtensions), alternating, median of each;
 * - open: from running hub-help:open to the panel showing the hub's name;
 * - keystroke: from one typed character in the search to the filtered list
 *   in the DOM, and to the next frame (frames come every ~16.7 ms, so this
 *   second figure cannot go below one frame).
 */
import { spawn } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { createRequire } from 'module';
import { createServer } from 'net';
import { tmpdir } from 'os';
import path from 'path';
import { fileURLToPath } from 'url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'ui-tests', 'package.json'));
const { chromium } = require('playwright-core');

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 2000);
const TASKS = Number(process.env.BENCH_TASKS ?? 1000);
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH || '/usr/bin/chromium';

function bigSettings() {
  const roles = ['community-representative', 'hub-administrator', 'site-reliability-engineer'];
  const owners = ['user', 'hub-administrator', 'community-representative', 'support-triager'];
  return {
    'jupyterlab-hub-help:plugin': {
      hub: { name: 'Benchmark Hub' },
      people: Array.from({ length: PEOPLE }, (_, i) => ({
        name: `Person ${i}`,
        usernames: [`user${i}`],
        roles: [roles[i % roles.length]],
        contact: { email: `user${i}@example.org` }
      })),
      tasks: Array.from({ length: TASKS }, (_, i) => ({
        id: `bench-task-${i}`,
        title: `Benchmark task ${i} about ${['data', 'servers', 'packages', 'access'][i % 4]}`,
        keywords: ['bench', `k${i}`],
        owner: owners[i % owners.length],
        category: `Category ${i % 20}`
      }))
    }
  };
}

function freePort() {
  return new Promise(resolve => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startLab(configDir) {
  const port = await freePort();
  const lab = spawn(
    'jupyter',
    ['lab', '--config', 'jupyter_server_test_config.py', `--port=${port}`, '--port-retries=0'],
    { cwd: path.join(root, 'ui-tests'), env: { ...process.env, JUPYTER_CONFIG_PATH: configDir }, stdio: 'ignore' }
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${url}/api/status`)).ok) {
        return { lab, url };
      }
    } catch {
      // not up yet
    }
    await new Promise(r => setTimeout(r, 500));
  }
  lab.kill('SIGKILL');
  throw new Error('JupyterLab did not start');
}

async function timeStart(browser, url) {
  const page = await browser.newPage();
  await page.goto(`${url}/lab?reset`);
  const ms = await page.evaluate(async () => {
    while (!window.jupyterapp) {
      await new Promise(r => setTimeout(r, 5));
    }
    await window.jupyterapp.restored;
    return performance.now();
  });
  await page.close();
  return ms;
}

const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = ms => `${ms.toFixed(1)} ms`;

const scratch = mkdtempSync(path.join(tmpdir(), 'hub-help-bench-'));
const withExt = path.join(scratch, 'with');
const withoutExt = path.join(scratch, 'without');
for (const dir of [withExt, withoutExt]) {
  mkdirSync(path.join(dir, 'labconfig', 'default_setting_overrides.d'), { recursive: true });
  writeFileSync(
    path.join(dir, 'labconfig', 'default_setting_overrides.d', 'bench.json'),
    JSON.stringify(bigSettings())
  );
}
writeFileSync(
  path.join(withoutExt, 'labconfig', 'page_config.json'),
  JSON.stringify({ disabledExtensions: { 'jupyterlab-hub-help': true } })
);

const servers = [];
const browser = await chromium.launch({ executablePath });
try {
  const a = await startLab(withExt);
  const b = await startLab(withoutExt);
  servers.push(a.lab, b.lab);

  // Start-up, alternating so that both see the same machine load.
  const startWith = [];
  const startWithout = [];
  await timeStart(browser, a.url);
  await timeStart(browser, b.url);
  for (let i = 0; i < RUNS; i++) {
    startWith.push(await timeStart(browser, a.url));
    startWithout.push(await timeStart(browser, b.url));
  }

  // Opening the panel and typing in its search.
  const page = await browser.newPage();
  await page.goto(`${a.url}/lab?reset`);
  await page.waitForFunction(() => window.jupyterapp?.commands.hasCommand('hub-help:open'));
  await page.evaluate(() => window.jupyterapp.restored);
  await page.waitForFunction(() => window.jupyterapp.commands.hasCommand('hub-help:report-problem'));
  const open = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const ms = await page.evaluate(async () => {
      const app = window.jupyterapp;
      app.shell.collapseRight();
      await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
      const t0 = performance.now();
      await app.commands.execute('hub-help:open');
      const panel = document.getElementById('jp-hub-help-panel');
      while (!(panel.offsetParent && panel.textContent.includes('Benchmark Hub'))) {
        await new Promise(r => requestAnimationFrame(r));
      }
      return performance.now() - t0;
    });
    if (i > 0) {
      open.push(ms);
    }
  }
  const keystrokes = await page.evaluate(async () => {
    const input = document.querySelector('#jp-hub-help-panel input[type="search"]');
    const list = document.querySelector('#jp-hub-help-panel [aria-labelledby="jp-HubHelp-tasks-heading"]');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const dom = [];
    const frame = [];
    let text = '';
    for (const ch of 'benchmark task 12 about data') {
      text += ch;
      const t0 = performance.now();
      // Resolves when React has written the filtered list to the DOM.
      const updated = new Promise(resolve => {
        const observer = new MutationObserver(() => {
          observer.disconnect();
          resolve(performance.now() - t0);
        });
        observer.observe(list, { childList: true, subtree: true, characterData: true });
      });
      setValue.call(input, text);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise(r => requestAnimationFrame(r));
      frame.push(performance.now() - t0);
      // A key that does not change the matches changes nothing in the DOM.
      const changed = await Promise.race([updated, Promise.resolve(null)]);
      if (changed !== null) {
        dom.push(changed);
      }
    }
    return { dom, frame };
  });
  console.log(`Get help panel in Chromium, ${PEOPLE} people and ${TASKS} tasks (${RUNS} runs each)`);
  const sw = median(startWith);
  const so = median(startWithout);
  console.log(`start, with extension      median ${fmt(sw)}`);
  console.log(`start, without extension   median ${fmt(so)}`);
  console.log(`start ratio (with / without)      ${(sw / so).toFixed(3)}`);
  console.log(`open (hub-help:open → content)    median ${fmt(median(open))}, max ${fmt(Math.max(...open))}`);
  console.log(
    `keystroke (input → list in DOM)   median ${fmt(median(keystrokes.dom))}, max ${fmt(Math.max(...keystrokes.dom))} over the ${keystrokes.dom.length} keys that changed the list`
  );
  console.log(
    `keystroke (input → next frame)    median ${fmt(median(keystrokes.frame))}, max ${fmt(Math.max(...keystrokes.frame))} over ${keystrokes.frame.length} keys`
  );
} finally {
  await browser.close();
  servers.forEach(s => s.kill('SIGKILL'));
  rmSync(scratch, { recursive: true, force: true });
}
