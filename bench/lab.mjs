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

export const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..'
);
const require = createRequire(path.join(root, 'ui-tests', 'package.json'));
export const { chromium } = require('playwright-core');
export const executablePath =
  process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH || '/usr/bin/chromium';

/**
 * The value after `name` on the command line, or `fallback`.
 */
export function option(name, fallback) {
  const args = process.argv.slice(2);
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
}

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
  // Relative paths are the caller's, not the server's working directory's.
  const command = jupyter.includes('/') ? path.resolve(jupyter) : jupyter;
  const lab = spawn(
    command,
    [
      'lab',
      '--config',
      'jupyter_server_test_config.py',
      `--port=${port}`,
      '--port-retries=0',
      '--no-browser'
    ],
    {
      cwd: path.join(root, 'ui-tests'),
      env: { ...process.env, ...env },
      stdio: 'ignore'
    }
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
 * Before the page's own scripts: record long tasks, and the moment
 * JupyterLab's `restored` resolves. The tests' server configuration
 * (ui-tests/jupyter_server_test_config.py) has JupyterLab set
 * `window.jupyterapp` as soon as it starts the application; the setter
 * hooks `restored` there, so the time is when it resolved, not when a
 * script from outside the page next looked.
 */
export const whenRestored = () => {
  // The default keeps 250 entries: JupyterLab alone comes close.
  performance.setResourceTimingBufferSize(100000);
  window.__longTasks = [];
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      window.__longTasks.push({
        start: entry.startTime,
        duration: entry.duration
      });
    }
  }).observe({ type: 'longtask', buffered: true });
  // Long animation frames name the scripts that ran in them (each over
  // 5 ms): what tells our work from JupyterLab's.
  window.__longFrames = null;
  if (
    PerformanceObserver.supportedEntryTypes?.includes('long-animation-frame')
  ) {
    window.__longFrames = [];
    new PerformanceObserver(list => {
      for (const entry of list.getEntries()) {
        window.__longFrames.push({
          start: entry.startTime,
          duration: entry.duration,
          scripts: entry.scripts.map(s => ({
            start: s.startTime,
            duration: s.duration,
            url: s.sourceURL,
            invoker: s.invoker
          }))
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  }
  let app;
  Object.defineProperty(window, 'jupyterapp', {
    configurable: true,
    get: () => app,
    set: value => {
      app = value;
      void value.restored.then(() => {
        window.__restoredAt = performance.now();
        // Other init scripts' hooks, given the application.
        (window.__afterRestore ?? []).forEach(hook => hook(value));
      });
    }
  });
};

/**
 * A page of JupyterLab at `url`, once `restored` has resolved; `initScript`
 * runs in it before the page's own scripts, after the hooks above.
 */
export async function restoredPage(context, url, initScript = null) {
  const page = await context.newPage();
  await page.addInitScript(whenRestored);
  if (initScript) {
    await page.addInitScript(initScript);
  }
  await page.goto(`${url}/lab?reset`);
  await page.waitForFunction(() => window.__restoredAt !== undefined, null, {
    polling: 'raf'
  });
  return page;
}

/**
 * Resolves once the page has been quiet for `quietMs`: no long task and no
 * new request in that time. How a person's "after the start, once it has
 * settled" is told apart from work still going on, without a fixed wait.
 */
export function quiet(page, quietMs = 1000) {
  return page.waitForFunction(
    ms => {
      const last = Math.max(
        window.__restoredAt ?? Infinity,
        ...window.__longTasks.map(t => t.start + t.duration),
        ...performance
          .getEntriesByType('resource')
          .map(e => e.responseEnd || e.startTime)
      );
      return performance.now() - last >= ms;
    },
    quietMs,
    { polling: 100, timeout: 120000 }
  );
}

/**
 * Load JupyterLab once in a fresh context and say what happened around
 * `restored`: `restoredAt` (ms since navigation), the calls to the server
 * before it, our files requested before it and within `afterMs` after it,
 * and the long tasks' total in the `afterMs` after it. `initScript` as for
 * `restoredPage`.
 */
export async function loadOnce(
  browser,
  url,
  { afterMs = 3000, initScript = null } = {}
) {
  const context = await browser.newContext();
  const page = await restoredPage(context, url, initScript);
  const restoredAt = await page.evaluate(() => window.__restoredAt);
  await page.waitForFunction(
    end => performance.now() >= end,
    restoredAt + afterMs,
    {
      polling: 100
    }
  );
  const { resources, longTasks } = await page.evaluate(() => ({
    resources: performance
      .getEntriesByType('resource')
      .map(e => ({ name: e.name, start: e.startTime, type: e.initiatorType })),
    longTasks: window.__longTasks
  }));
  // Our work may run on past the window: its longest task is read once the
  // page has settled.
  await quiet(page);
  const longFrames = await page.evaluate(() => window.__longFrames);
  await context.close();
  const before = resources.filter(r => r.start <= restoredAt);
  const after = resources.filter(
    r => r.start > restoredAt && r.start <= restoredAt + afterMs
  );
  // A long task that began before `restored` and ran on past it counts for
  // its part after.
  const afterRestore = longTasks
    .map(
      t =>
        Math.min(t.start + t.duration, restoredAt + afterMs) -
        Math.max(t.start, restoredAt)
    )
    .filter(ms => ms > 0);
  const longTaskMs = afterRestore.reduce((sum, ms) => sum + ms, 0);
  const oursJs = list =>
    list
      .filter(
        r => r.name.includes(OURS) && new URL(r.name).pathname.endsWith('.js')
      )
      .map(r => r.name);
  return {
    restoredAt,
    // Calls to the server (APIs, settings, translations), not the files
    // JupyterLab loads for itself and its extensions.
    requestsBefore: before.filter(
      r => !/\/(static|extensions)\//.test(new URL(r.name).pathname)
    ).length,
    ours: { before: oursJs(before), after: oursJs(after) },
    longTaskMs,
    longestTaskMs: Math.max(0, ...afterRestore),
    ourLongestTaskMs: ourLongestScript(longFrames, restoredAt)
  };
}

/**
 * The longest run of our scripts after `after`, from the long animation
 * frames' script entries whose source is one of our files (a callback of
 * ours that JupyterLab's code calls is counted as JupyterLab's: the browser
 * names where a task entered, not all it ran); 0 when no frame over 50 ms
 * held a script of ours, null where the browser reports no long animation
 * frames.
 */
export function ourLongestScript(frames, after) {
  if (!frames) {
    return null;
  }
  const ours = frames
    .flatMap(f => f.scripts)
    .filter(s => s.start >= after && s.url.includes(OURS))
    .map(s => s.duration);
  return Math.max(0, ...ours);
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
