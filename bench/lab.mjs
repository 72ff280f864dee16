/**
 * A JupyterLab server and a Chromium page instrumented for the benches and
 * the budget check: what our extension loads before and after JupyterLab's
 * `restored`, the requests made before it, and the long tasks after it.
 */
import { spawn } from 'child_process';
import { createRequire } from 'module';
import { createServer } from 'net';
import path from 'path';
import { fileURLToPath } from 'url';
import { gzipSync } from 'zlib';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'ui-tests', 'package.json'));
export const { chromium } = require('playwright-core');
export const executablePath =
  process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH || '/usr/bin/chromium';

/**
 * Where our extension's files are served from.
 */
export const OURS = '/lab/extensions/jupyterlab-hub-help/';

function freePort() {
  return new Promise(resolve => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Start `jupyter` (a path, to choose the environment) with the tests' server
 * configuration; resolves once it answers.
 */
export async function startLab({ jupyter = 'jupyter', env = {} } = {}) {
  const port = await freePort();
  const lab = spawn(
    jupyter,
    ['lab', '--config', 'jupyter_server_test_config.py', `--port=${port}`, '--port-retries=0', '--no-browser'],
    { cwd: path.join(root, 'ui-tests'), env: { ...process.env, ...env }, stdio: 'ignore' }
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${url}/api/status`)).ok) {
        return { url, stop: () => lab.kill('SIGTERM') };
      }
    } catch {
      // not up yet
    }
    if (lab.exitCode !== null) {
      break;
    }
    await new Promise(r => setTimeout(r, 250));
  }
  lab.kill('SIGKILL');
  throw new Error(`JupyterLab (${jupyter}) did not start`);
}

/**
 * Record long tasks from the page's first script on.
 */
const OBSERVE_LONG_TASKS = () => {
  window.__longTasks = [];
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: 'longtask', buffered: true });
};

/**
 * Load JupyterLab once in a fresh page and say what happened around
 * `restored`: `restoredAt` (ms since navigation), the calls to the server
 * before it, our files requested before it, ours after it within `afterMs`, and the long
 * tasks' total in the `afterMs` after it.
 */
export async function loadOnce(browser, url, { afterMs = 3000 } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(OBSERVE_LONG_TASKS);
  await page.goto(`${url}/lab?reset`);
  const restoredAt = await page.evaluate(async () => {
    while (!window.jupyterapp) {
      await new Promise(r => setTimeout(r, 5));
    }
    await window.jupyterapp.restored;
    return performance.now();
  });
  await page.waitForTimeout(afterMs);
  const { resources, longTasks } = await page.evaluate(() => ({
    resources: performance
      .getEntriesByType('resource')
      .map(e => ({ name: e.name, start: e.startTime })),
    longTasks: window.__longTasks
  }));
  await context.close();
  const before = resources.filter(r => r.start <= restoredAt);
  const after = resources.filter(r => r.start > restoredAt && r.start <= restoredAt + afterMs);
  const longTaskMs = longTasks
    .filter(t => t.start >= restoredAt && t.start <= restoredAt + afterMs)
    .reduce((sum, t) => sum + t.duration, 0);
  return {
    restoredAt,
    // Calls to the server (APIs, settings, translations), not the files
    // JupyterLab loads for itself and its extensions.
    requestsBefore: before.filter(r => !/\/(static|extensions)\//.test(new URL(r.name).pathname)).length,
    ours: {
      before: before.filter(r => r.name.includes(OURS)).map(r => r.name),
      after: after.filter(r => r.name.includes(OURS)).map(r => r.name)
    },
    longTaskMs
  };
}

const gzipCache = new Map();

/**
 * The gzip size of what `urls` serve (each fetched again, compressed at
 * the default level, as a server would send it).
 */
export async function gzipBytes(urls) {
  let total = 0;
  for (const url of new Set(urls)) {
    if (!gzipCache.has(url)) {
      const body = Buffer.from(await (await fetch(url)).arrayBuffer());
      gzipCache.set(url, gzipSync(body).length);
    }
    total += gzipCache.get(url);
  }
  return total;
}

/**
 * Whether `figure` is within `budget` ("at most"), and the line that says so.
 */
export function judge(name, figure, budget, unit) {
  const ok = figure <= budget;
  const digits = { ms: 1, ratio: 3 }[unit] ?? 0;
  return {
    ok,
    line: `${ok ? 'ok    ' : 'FAILED'} ${name}: ${figure.toFixed(digits)} ${unit} (budget: at most ${budget} ${unit})`
  };
}
