/**
 * Where the main thread goes from JupyterLab's `restored` to 3 s after it,
 * by script (our chunks, the chunk holding JupyterLab's settings validator,
 * the rest), from a CPU profile in Chromium; and our longest script in a
 * long animation frame after restore.
 *
 *   node bench/profile.mjs --jupyter JUPYTER [--plain JUPYTER] [--people 2000] [--loads 3]
 *
 * --jupyter: `jupyter` of an environment with the extension installed (the
 * `wheel` suite's build/wheel-venv/bin/jupyter for the production build);
 * --plain: the same JupyterLab without it (.venv-bench-plain/bin/jupyter),
 * profiled in turn for comparison.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';

import {
  chromium,
  executablePath,
  OURS,
  ourLongestScript,
  startLab,
  whenRestored,
  option
} from './lab.mjs';
import { configDir } from './settings.mjs';
import { median } from './stats.mjs';

const JUPYTER = option('--jupyter', 'jupyter');
const PLAIN = option('--plain');
const PEOPLE = Number(option('--people', 2000));
const LOADS = Number(option('--loads', 3));
const WINDOW_MS = 3000;

/**
 * Ajv's code generator and its warning for formats it does not know: the
 * chunk that holds them is JupyterLab's settings validator.
 */
const VALIDATOR_MARK = 'unknown format';

/**
 * Self time (ms) by script URL in the samples taken within the window.
 */
function selfTimeByScript(profile, fromUs, toUs) {
  const byId = new Map(profile.nodes.map(n => [n.id, n]));
  const totals = new Map();
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i];
    if (t < fromUs || t > toUs) {
      return;
    }
    const { url, functionName } = byId.get(id).callFrame;
    // Ajv's compiled validators have no script of their own.
    const key =
      url ||
      (/^validate\d*$/.test(functionName)
        ? '(validator code Ajv generated)'
        : functionName.startsWith('(')
          ? functionName
          : `(${functionName || 'native'})`);
    totals.set(
      key,
      (totals.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000
    );
  });
  return totals;
}

/**
 * Time every call of JupyterLab's settings validator after `restored`
 * (`validateData` compiles a plugin's schema at its first call).
 */
const TIME_VALIDATOR = () => {
  window.__validatorCalls = [];
  (window.__afterRestore ??= []).push(app => {
    const registry = app.pluginRegistry._plugins.get(
      '@jupyterlab/apputils-extension:settings'
    )?.service;
    const validator = registry?.validator;
    if (!validator) {
      return;
    }
    const validateData = validator.validateData.bind(validator);
    validator.validateData = (plugin, populate) => {
      const start = performance.now();
      try {
        return validateData(plugin, populate);
      } finally {
        window.__validatorCalls.push({
          id: plugin.id,
          start,
          ms: performance.now() - start
        });
      }
    };
  });
};

async function profileOnce(browser, url, validatorScripts) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(whenRestored);
  await page.addInitScript(TIME_VALIDATOR);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.goto(`${url}/lab?reset`);
  await page.waitForFunction(() => window.__restoredAt !== undefined, null, {
    polling: 50
  });
  // On the page's wall clock (µs), mapped onto the profile's below.
  const restoredUs = await page.evaluate(
    () => (performance.timeOrigin + window.__restoredAt) * 1000
  );
  await page.waitForFunction(
    ms => performance.now() >= ms,
    (await page.evaluate(() => window.__restoredAt)) + WINDOW_MS,
    { polling: 100 }
  );
  const { profile } = await cdp.send('Profiler.stop');
  // Map the page's wall clock onto the profiler's: the profile ends now.
  const endWallUs =
    (await page.evaluate(() => performance.timeOrigin + performance.now())) *
    1000;
  const offset = endWallUs - profile.endTime;
  for (const script of await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter(e => e.initiatorType === 'script')
      .map(e => e.name)
  )) {
    if (!validatorScripts.has(script) && script.includes('/static/')) {
      const body = await (await fetch(script)).text();
      validatorScripts.set(script, body.includes(VALIDATOR_MARK));
    }
  }
  const calls = await page.evaluate(() => window.__validatorCalls);
  const { frames, restoredAt } = await page.evaluate(() => ({
    frames: window.__longFrames,
    restoredAt: window.__restoredAt
  }));
  await context.close();
  validatorCalls.push(calls);
  ourLongest.push(ourLongestScript(frames, restoredAt));
  return selfTimeByScript(
    profile,
    restoredUs - offset,
    restoredUs - offset + WINDOW_MS * 1000
  );
}

const scratch = mkdtempSync(path.join(tmpdir(), 'hub-help-profile-'));
const env = { JUPYTER_CONFIG_PATH: configDir(scratch, PEOPLE) };
const sides = { ours: await startLab({ jupyter: JUPYTER, env }) };
if (PLAIN) {
  sides.plain = await startLab({ jupyter: PLAIN, env });
}
const browser = await chromium.launch({ executablePath });
const validatorScripts = new Map();
const validatorCalls = [];
const ourLongest = [];
const runs = Object.fromEntries(Object.keys(sides).map(name => [name, []]));
try {
  for (const lab of Object.values(sides)) {
    await profileOnce(browser, lab.url, validatorScripts);
  }
  // The warm-up loads' calls are not figures.
  validatorCalls.length = 0;
  ourLongest.length = 0;
  for (let i = 0; i < LOADS; i++) {
    for (const [name, lab] of Object.entries(sides)) {
      runs[name].push(await profileOnce(browser, lab.url, validatorScripts));
    }
  }
} finally {
  await browser.close();
  Object.values(sides).forEach(lab => lab.stop());
  rmSync(scratch, { recursive: true, force: true });
}

const SPECIAL = [
  '(idle)',
  '(program)',
  '(garbage collector)',
  '(validator code Ajv generated)'
];
const group = url => {
  if (url.includes(OURS)) {
    return `ours: ${new URL(url).pathname.slice(OURS.length)}`;
  }
  if (SPECIAL.includes(url)) {
    return url;
  }
  if (url.startsWith('(')) {
    return '(built-ins: DOM, timers, regular expressions)';
  }
  const chunk = path.basename(new URL(url).pathname);
  return validatorScripts.get(url)
    ? `JupyterLab ${chunk} (Ajv, the settings validator)`
    : `JupyterLab ${chunk}`;
};
const grouped = list =>
  list.map(run => {
    const out = new Map();
    for (const [url, ms] of run) {
      out.set(group(url), (out.get(group(url)) ?? 0) + ms);
    }
    return out;
  });
const byName = Object.fromEntries(
  Object.entries(runs).map(([name, list]) => [name, grouped(list)])
);
const keys = [
  ...new Set(Object.values(byName).flatMap(g => g.flatMap(m => [...m.keys()])))
];
const figure = (name, key) => median(byName[name].map(m => m.get(key) ?? 0));
const rows = keys
  .map(key => [key, ...Object.keys(byName).map(name => figure(name, key))])
  .filter(([, ...ms]) => Math.max(...ms) >= 1)
  .sort((a, b) => b[1] - a[1]);
console.log(
  `Self time (ms) in the ${WINDOW_MS} ms after restore, ${PEOPLE} people, median of ${LOADS} loads`
);
console.log(
  ['ours', ...(PLAIN ? ['plain'] : [])].map(h => h.padStart(8)).join('') +
    '  script'
);
for (const [key, ...ms] of rows) {
  console.log(ms.map(v => v.toFixed(1).padStart(8)).join('') + `  ${key}`);
}

// The first call compiles the schema, then calls itself again: the longest
// call of each load holds the other.
const firsts = validatorCalls
  .map(calls => calls.filter(c => c.id === 'jupyterlab-hub-help:plugin'))
  .filter(calls => calls.length)
  .map(calls => Math.max(...calls.map(c => c.ms)));
console.log(
  `\nJupyterLab's validateData on our settings, first call, per load (ms): ${firsts
    .map(ms => ms.toFixed(1))
    .join(', ')}; median ${median(firsts).toFixed(1)}`
);
// Only the side with the extension has scripts of ours.
const oursLongest = ourLongest.filter(ms => ms !== null && ms > 0);
console.log(
  `Our longest script in a long animation frame after restore, per load (ms): ${oursLongest
    .map(ms => ms.toFixed(1))
    .join(', ')}`
);
