#!/usr/bin/env node
// `playwright install` would download a browser; the system Chromium is used instead.
console.log('Using the system Chromium; nothing to install.');
