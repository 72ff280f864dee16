/**
 * The servers started by playwright.config.js.
 */
const port = Number(process.env.HUB_HELP_LAB_PORT || 8888);

export const SAMPLE_LAB = `http://127.0.0.1:${port}`;
export const BROKEN_LAB = `http://127.0.0.1:${port + 1}`;
export const NOTEBOOK = `http://127.0.0.1:${port + 2}`;
export const Z2JH_LAB = `http://127.0.0.1:${port + 3}`;

export const PANEL = '#jp-hub-help-panel';
