/**
 * Playwright configuration: Galata's defaults, Debian's Chromium instead of a
 * downloaded browser, and a JupyterLab server on a port chosen by the runner.
 */
const baseConfig = require('@jupyterlab/galata/lib/playwright-config');

const port = process.env.HUB_HELP_LAB_PORT || '8888';
const executablePath =
  process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH || '/usr/bin/chromium';

module.exports = {
  ...baseConfig,
  reporter: [
    ['list'],
    ['json', { outputFile: 'test-results/report.json' }],
    ['html', { open: 'never' }]
  ],
  // Two cores: one worker keeps the server and the browser responsive.
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  use: {
    ...baseConfig.use,
    baseURL: `http://127.0.0.1:${port}`,
    // Video recording needs Playwright's own ffmpeg, which is not installed.
    video: 'off',
    trace: 'retain-on-failure',
    launchOptions: { executablePath }
  },
  webServer: {
    command: `jlpm start --port=${port}`,
    url: `http://127.0.0.1:${port}/lab`,
    timeout: 120 * 1000,
    reuseExistingServer: false
  }
};
