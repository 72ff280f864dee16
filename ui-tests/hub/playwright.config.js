/**
 * The hub end-to-end suite: JupyterLab with jupyterlab-hub-help in a real
 * JupyterHub (scripts/demo-hub.py: the hub, configurable-http-proxy outside
 * it and one single-user server per demo user), in Debian's Chromium.
 *
 *   cd ui-tests && jlpm playwright test -c hub/playwright.config.js
 *
 * Each project starts its own hub in a worker fixture (tests/fixtures.ts):
 * "hub" with JupyterHub's default scopes, "hub-grant-list-users" with the
 * list:users grant that lets the panel discover admins, "hub-service-sign-in"
 * where the page's token may not call the hub help service, "hub-no-service"
 * with no hub help service at all. Test files end in
 * .e2e.ts so that the Galata suite (../playwright.config.js, which collects
 * every *.spec.ts under ui-tests/) does not pick them up. Reports and
 * artifacts go to build/hub-tests/.
 */
const path = require('path');

const executablePath =
  process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH || '/usr/bin/chromium';
const output = path.resolve(__dirname, '..', '..', 'build', 'hub-tests');

module.exports = {
  testDir: 'tests',
  testMatch: '**/*.e2e.ts',
  outputDir: path.join(output, 'test-results'),
  reporter: [
    ['list'],
    ['json', { outputFile: path.join(output, 'report.json') }],
    ['html', { open: 'never', outputFolder: path.join(output, 'html') }]
  ],
  // Two cores: one worker, one hub at a time.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 180 * 1000,
  expect: { timeout: 15 * 1000 },
  globalTimeout: 45 * 60 * 1000,
  reportSlowTests: null,
  use: {
    viewport: { width: 1280, height: 800 },
    // Video recording needs Playwright's own ffmpeg, which is not installed.
    video: 'off',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath }
  },
  projects: [
    {
      name: 'hub',
      testIgnore: [
        '**/04-admins-discovered.e2e.ts',
        '**/service-sign-in.e2e.ts',
        '**/no-service.e2e.ts',
        '**/09-subdomains.e2e.ts'
      ],
      use: { grantListUsers: false }
    },
    {
      name: 'hub-grant-list-users',
      testMatch: '**/04-admins-discovered.e2e.ts',
      use: { grantListUsers: true }
    },
    {
      // The page's token may not call the hub help service (the users may).
      name: 'hub-service-sign-in',
      testMatch: '**/service-sign-in.e2e.ts',
      use: { grantListUsers: false, pageServiceScope: false }
    },
    {
      // Each user's server on a subdomain of its own (http://zoe.localhost:PORT):
      // the people, your-role, hub-down, report, reports and service tests again, and
      // what only such a hub has. Admin discovery granted, so discovered admins
      // are seen.
      name: 'hub-subdomains',
      testMatch: [
        '**/02-your-role.e2e.ts',
        '**/05-hub-down.e2e.ts',
        '**/06-report.e2e.ts',
        '**/095-reports.e2e.ts',
        '**/09-subdomains.e2e.ts',
        '**/10-community.e2e.ts',
        '**/04-admins-discovered.e2e.ts'
      ],
      grepInvert: /@same-on-every-hub/,
      use: { grantListUsers: true, subdomains: true }
    },
    {
      // The default install: a hub that has not deployed the hub help service.
      name: 'hub-no-service',
      testMatch: '**/no-service.e2e.ts',
      use: { grantListUsers: false, service: false }
    },
    // `make bench` only: figures held to bench/budget.json, not tests.
    ...(process.env.HUB_HELP_BENCH === '1'
      ? [
          {
            name: 'bench',
            testDir: 'bench',
            testMatch: '**/*.bench.ts',
            use: { grantListUsers: false }
          }
        ]
      : [])
  ]
};
