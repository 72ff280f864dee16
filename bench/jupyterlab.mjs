/**
 * The extension in a real JupyterLab and Chromium, against JupyterLab
 * without it, in one run; prints one table, writes bench/results/latest.json
 * and exits 1 when a figure misses its budget (bench/budget.json).
 *
 *   make bench   (or: node bench/jupyterlab.mjs --ours JUPYTER --plain JUPYTER)
 *
 * --ours: `jupyter` of an environment with the production wheel installed;
 * --plain: `jupyter` of an environment with the same JupyterLab and without
 * the extension. Environment: BENCH_SIZES (people; tasks at half, default
 * "200,2000,5000"), BENCH_ROUNDS (start-up rounds per size, default 10).
 *
 * - start-up: rounds of three loads in rotating order (ours, plain, plain
 *   again on a second server: the A/A control); the median of the pairwise
 *   ratios of time to `restored`, with a 95% bootstrap interval;
 * - requests before `restored`, and long tasks in the 3 s after it, ours
 *   minus plain (medians over the rounds);
 * - our JavaScript before and after `restored`, gzip;
 * - the panel: first open in a fresh page and reopen, from the command to
 *   the first frame painted with its content; a keystroke in the task
 *   search to the DOM and to the next frame;
 * - the JS heap after 100 open/close cycles with forced garbage collection.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';

import { chromium, executablePath, gzipBytes, judge, loadOnce, root, startLab } from './lab.mjs';
import { configDir, HUB_NAME } from './settings.mjs';
import { median, medianWithInterval } from './stats.mjs';

const args = process.argv.slice(2);
const option = name => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const OURS = option('--ours');
const PLAIN = option('--plain');
if (!OURS || !PLAIN) {
  console.error('usage: node bench/jupyterlab.mjs --ours JUPYTER --plain JUPYTER');
  process.exit(2);
}
// 5,000 people and 2,500 tasks is the largest document our limits accept
// (LIMITS.documentMaxChars, 1,000,000 characters); 20,000 would be refused.
const SIZES = (process.env.BENCH_SIZES ?? '200,2000,5000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const budget = JSON.parse(readFileSync(path.join(root, 'bench', 'budget.json'), 'utf-8'));

const nextFrame = () => new Promise(r => requestAnimationFrame(() => r()));

async function restoredPage(browser, url) {
  const page = await browser.newPage();
  await page.goto(`${url}/lab?reset`);
  await page.waitForFunction(() => window.jupyterapp?.commands.hasCommand('hub-help:open'));
  await page.evaluate(() => window.jupyterapp.restored);
  return page;
}

/**
 * From the command to the first frame painted with the panel's content.
 */
function timeOpen(page) {
  return page.evaluate(async hubName => {
    const app = window.jupyterapp;
    const frame = () => new Promise(r => requestAnimationFrame(() => r()));
    app.shell.collapseRight();
    await frame();
    await frame();
    const t0 = performance.now();
    await app.commands.execute('hub-help:open');
    const panel = document.getElementById('jp-hub-help-panel');
    while (!(panel.offsetParent && panel.textContent.includes(hubName))) {
      if (performance.now() - t0 > 60000) {
        throw new Error(`the panel did not show ${hubName} within a minute`);
      }
      await frame();
    }
    await frame();
    return performance.now() - t0;
  }, HUB_NAME);
}

async function measurePanel(browser, url) {
  const first = [];
  for (let i = 0; i < 3; i++) {
    const page = await restoredPage(browser, url);
    // As a person would: some time after the start, once it is quiet.
    await page.waitForTimeout(3000);
    first.push(await timeOpen(page));
    await page.close();
  }
  const page = await restoredPage(browser, url);
  await page.waitForTimeout(3000);
  await timeOpen(page);
  const reopen = [];
  for (let i = 0; i < 10; i++) {
    reopen.push(await timeOpen(page));
  }
  const keys = await page.evaluate(async () => {
    const input = document.querySelector('#jp-hub-help-panel input[type="search"]');
    const list = input.closest('.jp-HubHelp-body') ?? document.getElementById('jp-hub-help-panel');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const dom = [];
    const frame = [];
    let text = '';
    for (const ch of 'benchmark task 12 about data') {
      text += ch;
      const t0 = performance.now();
      let changedAt = null;
      const observer = new MutationObserver(() => {
        changedAt ??= performance.now() - t0;
      });
      observer.observe(list, { childList: true, subtree: true, characterData: true });
      setValue.call(input, text);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise(r => requestAnimationFrame(() => r()));
      frame.push(performance.now() - t0);
      observer.disconnect();
      if (changedAt !== null) {
        dom.push(changedAt);
      }
    }
    return { dom, frame };
  });
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const closeAndOpen = () =>
    page.evaluate(async () => {
      const app = window.jupyterapp;
      const frame = () => new Promise(r => requestAnimationFrame(() => r()));
      app.shell.collapseRight();
      await frame();
      await app.commands.execute('hub-help:open');
      await frame();
    });
  await closeAndOpen();
  const heapBefore = await heap();
  for (let i = 0; i < 100; i++) {
    await closeAndOpen();
  }
  const heapAfter = await heap();
  await page.close();
  return {
    firstOpenMs: median(first),
    reopenMs: median(reopen),
    keystrokeDomMs: keys.dom.length ? median(keys.dom) : NaN,
    keystrokeFrameMs: median(keys.frame),
    heapGrowthBytes: heapAfter - heapBefore
  };
}

async function measureSize(browser, scratch, people) {
  const env = { JUPYTER_CONFIG_PATH: configDir(scratch, people) };
  const servers = {
    ours: await startLab({ jupyter: OURS, env }),
    plain: await startLab({ jupyter: PLAIN, env }),
    control: await startLab({ jupyter: PLAIN, env })
  };
  try {
    const names = Object.keys(servers);
    for (const name of names) {
      await loadOnce(browser, servers[name].url, { afterMs: 0 });
    }
    const runs = { ours: [], plain: [], control: [] };
    for (let round = 0; round < ROUNDS; round++) {
      // Rotate who goes first, so that no side always runs on a warmer machine.
      for (let k = 0; k < names.length; k++) {
        const name = names[(round + k) % names.length];
        runs[name].push(await loadOnce(browser, servers[name].url));
      }
    }
    const pairwise = (a, b) => runs[a].map((run, i) => run.restoredAt / runs[b][i].restoredAt);
    const before = await gzipBytes(runs.ours[0].ours.before);
    const after = await gzipBytes(runs.ours[0].ours.after);
    const panel = await measurePanel(browser, servers.ours.url);
    return {
      people,
      tasks: Math.floor(people / 2),
      startupRatio: medianWithInterval(pairwise('ours', 'plain')),
      controlRatio: medianWithInterval(pairwise('control', 'plain')),
      requestsBeforeOverPlain:
        median(runs.ours.map(r => r.requestsBefore)) - median(runs.plain.map(r => r.requestsBefore)),
      longTaskMsOverPlain:
        median(runs.ours.map(r => r.longTaskMs)) - median(runs.plain.map(r => r.longTaskMs)),
      oursGzipBeforeBytes: before,
      oursGzipAfterBytes: after,
      ...panel
    };
  } finally {
    Object.values(servers).forEach(s => s.stop());
  }
}

function checks(result) {
  const size = String(result.people);
  const list = [
    judge(`${size} people: start-up ratio, median`, result.startupRatio.median, budget.startupRatioMedianMax, 'ratio'),
    {
      ok: result.startupRatio.low <= 1 && result.startupRatio.high >= 1,
      line: `${result.startupRatio.low <= 1 && result.startupRatio.high >= 1 ? 'ok    ' : 'FAILED'} ${size} people: start-up ratio interval ${result.startupRatio.low.toFixed(3)}-${result.startupRatio.high.toFixed(3)} contains 1.00`
    },
    judge(`${size} people: requests before restore, over plain`, result.requestsBeforeOverPlain, budget.oursRequestsBeforeRestoreOverPlain, 'requests'),
    judge(`${size} people: our JavaScript before restore, gzip`, result.oursGzipBeforeBytes, budget.oursBeforeRestoreGzipBytes, 'B'),
    judge(`${size} people: heap growth after 100 open/close`, result.heapGrowthBytes, budget.heapGrowthBytesAfter100Cycles, 'B')
  ];
  if (result.people <= 2000) {
    list.push(judge(`${size} people: long tasks in 3 s after restore, over plain`, result.longTaskMsOverPlain, budget.longTaskMsAfterRestoreOverPlain, 'ms'));
  }
  const open = budget.firstOpenMs[size];
  if (open !== undefined) {
    list.push(judge(`${size} people: panel first open`, result.firstOpenMs, open, 'ms'));
    list.push(judge(`${size} people: keystroke to DOM`, result.keystrokeDomMs, budget.keystrokeToDomMs[size], 'ms'));
  }
  return list;
}

const scratch = mkdtempSync(path.join(tmpdir(), 'hub-help-bench-'));
const browser = await chromium.launch({ executablePath, args: ['--enable-precise-memory-info'] });
const results = [];
try {
  for (const people of SIZES) {
    console.log(`measuring ${people} people, ${Math.floor(people / 2)} tasks (${ROUNDS} rounds)…`);
    results.push(await measureSize(browser, scratch, people));
  }
} finally {
  await browser.close();
  rmSync(scratch, { recursive: true, force: true });
}

const ms = v => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'n/a');
const ratio = r => `${r.median.toFixed(3)} (${r.low.toFixed(3)}-${r.high.toFixed(3)})`;
const rows = [
  ['start-up ratio, ours / plain', r => ratio(r.startupRatio), '≤ 1.01, interval ∋ 1'],
  ['A/A control, plain / plain', r => ratio(r.controlRatio), '(noise)'],
  ['requests before restore, over plain', r => String(r.requestsBeforeOverPlain), '0'],
  ['long tasks 3 s after restore, over plain', r => ms(r.longTaskMsOverPlain), '≤ 50 ms at 2,000'],
  ['our JS before restore, gzip', r => `${r.oursGzipBeforeBytes} B`, '≤ 10,240 B'],
  ['our JS after restore (3 s), gzip', r => `${r.oursGzipAfterBytes} B`, ''],
  ['panel first open, to painted', r => ms(r.firstOpenMs), '≤ 100 ms (2,000), ≤ 200 ms (5,000)'],
  ['panel reopen, to painted', r => ms(r.reopenMs), ''],
  ['keystroke to DOM', r => ms(r.keystrokeDomMs), '≤ 16 ms'],
  ['keystroke to next frame', r => ms(r.keystrokeFrameMs), ''],
  ['heap growth, 100 open/close', r => `${(r.heapGrowthBytes / 1024).toFixed(0)} KiB`, '< 1,024 KiB']
];
const header = ['figure', ...results.map(r => `${r.people} people`), 'target'];
const table = [header, ...rows.map(([name, cell, target]) => [name, ...results.map(cell), target])];
const widths = header.map((_, i) => Math.max(...table.map(row => row[i].length)));
console.log('');
for (const row of table) {
  console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '));
}
const verdicts = results.flatMap(checks);
console.log('');
verdicts.forEach(v => console.log(v.line));
mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
writeFileSync(
  path.join(root, 'bench', 'results', 'latest.json'),
  JSON.stringify({ date: new Date().toISOString(), rounds: ROUNDS, results, checks: verdicts }, null, 2)
);
console.log(`\n${verdicts.filter(v => v.ok).length} within budget, ${verdicts.filter(v => !v.ok).length} over`);
process.exit(verdicts.every(v => v.ok) ? 0 : 1);
