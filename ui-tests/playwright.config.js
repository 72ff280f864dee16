/**
 * Playwright configuration: Galata's defaults, Debian's Chromium instead of a
 * downloaded browser, and five servers on ports chosen by the test runner:
 * JupyterLab with the sample hub settings, JupyterLab with a broken settings
 * override, Notebook 7 with the sample settings, JupyterLab with the
 * settings rendered from the documented zero-to-jupyterhub values, and
 * JupyterLab with 20,000 people in its settings overrides (tests/large.spec.ts).
 */
const path = require('path');
const baseConfig = require('@jupyterlab/galata/lib/playwright-config');

const port = Number(process.env.HUB_HELP_LAB_PORT || 8888);
const executablePath =
  process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH || '/usr/bin/chromium';

const server = (app, offset, configDir) => ({
  command: `jupyter ${app} --config jupyter_server_test_config.py --port=${port + offset} --port-retries=0`,
  url: `http://127.0.0.1:${port + offset}/${app === 'lab' ? 'lab' : 'tree'}`,
  env: {
    ...process.env,
    JUPYTER_CONFIG_PATH: path.resolve(__dirname, configDir)
  },
  timeout: 120 * 1000,
  reuseExistingServer: false
});

// The settings file a zero-to-jupyterhub pod sees, rendered from the values
// files docs/operators/zero-to-jupyterhub.md shows, before JupyterLab starts
// with the pod's /etc/jupyter on its config path (tests/recipes.spec.ts).
const z2jhPod = path.resolve(__dirname, '../build/z2jh-pod');
const z2jhValues = ['base.yaml', 'hub-riverbend.yaml'].map(file =>
  path.resolve(__dirname, '../docs/operators/examples/zero-to-jupyterhub', file)
);
const z2jhLab = server('lab', 3, path.join(z2jhPod, 'etc', 'jupyter'));
z2jhLab.command = [
  'python',
  path.resolve(__dirname, '../tests/python/pod_files.py'),
  z2jhPod,
  ...z2jhValues,
  '&&',
  z2jhLab.command
].join(' ');

// Written before JupyterLab starts, by the fixture the test reads its sizes from.
const largeConfig = path.resolve(__dirname, '../build/large-lab');
const largeLab = server('lab', 4, largeConfig);
largeLab.command = `node ${path.resolve(__dirname, 'fixtures/large-hub.js')} ${largeConfig} && ${largeLab.command}`;

module.exports = {
  ...baseConfig,
  reporter: [
    ['list'],
    ['json', { outputFile: 'test-results/report.json' }],
    ['html', { open: 'never' }]
  ],
  // Two cores: one worker keeps the servers and the browser responsive.
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  expect: { toHaveScreenshot: { maxDiffPixelRatio: 0.01 } },
  use: {
    ...baseConfig.use,
    baseURL: `http://127.0.0.1:${port}`,
    // Video recording needs Playwright's own ffmpeg, which is not installed.
    video: 'off',
    trace: 'retain-on-failure',
    launchOptions: { executablePath }
  },
  webServer: [
    server('lab', 0, '../demo/config'),
    server('lab', 1, 'fixtures/broken-overrides'),
    server('notebook', 2, '../demo/config'),
    z2jhLab,
    largeLab
  ]
};
