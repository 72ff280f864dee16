// The Playwright copy installed for the Galata suite, with Chromium launched
// from the system path: this machine cannot download Playwright's browsers.
const playwright = require(process.env.HUB_HELP_PLAYWRIGHT_CORE);

const executablePath =
  process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH || '/usr/bin/chromium';

module.exports = {
  ...playwright,
  chromium: {
    ...playwright.chromium,
    launch: options =>
      playwright.chromium.launch({ executablePath, ...options })
  }
};
