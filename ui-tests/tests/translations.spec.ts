import { expect, IJupyterLabPageFixture, test } from '@jupyterlab/galata';
import { Page } from '@playwright/test';
import * as fs from 'fs';
import * as path from 'path';

import { labRestored, runCommand } from './commands';
import { expandPanel } from './hostile';
import { signInAs } from './hubUser';
import { BROKEN_LAB, PANEL } from './urls';

/**
 * JupyterLab in French and in Spanish (their language packs are installed by
 * `make test`): what the extension shows must all come from our translations.
 * Each shown line is compared with the English catalogue, placeholders
 * standing for anything.
 */
const LOCALE = path.resolve(__dirname, '../../jupyterlab_hub_help/locale');
const DOMAIN = 'jupyterlab_hub_help';

/**
 * Each language, a search for the built-in "install a package" task in it,
 * and the strings its translation keeps as they are in English (key names of
 * a hub homepage's block, words both languages share), as its .po has them.
 */
const LANGUAGES = [
  {
    locale: 'fr_FR',
    search: 'installer un paquet',
    // Words French shares with English, the subject's bare format, and the
    // pass-on message's list items and time.
    sameAsEnglish: [
      '%1 %2 → %3',
      '%1 UTC',
      '%1 → %2',
      '- %1',
      'Arguments',
      'Description',
      'Documentation',
      'Information',
      'Infrastructure',
      'Instructions',
      'Note',
      'Note %1',
      'Organisation',
      'Page',
      'URL',
      '[%1] %2',
      'enabled',
      'learn_more',
      'redirect_to'
    ]
  },
  {
    locale: 'es_ES',
    search: 'instalar paquete',
    sameAsEnglish: [
      '%1 %2 → %3',
      '%1 UTC',
      '%1 → %2',
      '%1: %2',
      '- %1',
      '- %1: %2',
      'Chat',
      'Roles',
      'enabled',
      'learn_more',
      'redirect_to',
      'URL'
    ]
  }
];

interface IEntry {
  context: string;
  msgid: string;
  plural: string;
  translations: string[];
  fuzzy: boolean;
}

/**
 * The entries of a .po or .pot file (obsolete ones and the header left out).
 */
function readCatalogue(file: string): IEntry[] {
  const entries: IEntry[] = [];
  let entry: IEntry | null = null;
  let field = '';
  let fuzzy = false;
  const set = (name: string, text: string) => {
    if (!entry) {
      return;
    }
    if (name === 'msgctxt') {
      entry.context += text;
    } else if (name === 'msgid') {
      entry.msgid += text;
    } else if (name === 'msgid_plural') {
      entry.plural += text;
    } else {
      const form = Number(/\[(\d+)\]/.exec(name)?.[1] ?? 0);
      entry.translations[form] = (entry.translations[form] ?? '') + text;
    }
  };
  for (const line of fs.readFileSync(file, 'utf-8').split('\n')) {
    if (line.startsWith('#,')) {
      fuzzy = line.includes('fuzzy');
      continue;
    }
    const start =
      /^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) (".*")$/.exec(line);
    if (start) {
      const [, name, quoted] = start;
      if (name === 'msgctxt' || (name === 'msgid' && field !== 'msgctxt')) {
        entry = { context: '', msgid: '', plural: '', translations: [], fuzzy };
        entries.push(entry);
        fuzzy = false;
      }
      field = name;
      set(name, JSON.parse(quoted));
    } else if (line.startsWith('"')) {
      set(field, JSON.parse(line));
    }
  }
  return entries.filter(e => e.msgid !== '');
}

/**
 * "Hours: %1" matches "Hours: 9 to 5"; a line of one or two letters and
 * placeholders ("%1 (%2)") would match anything, and is not compared.
 */
const PLACEHOLDER = /%\d+|\{[A-Za-z_][A-Za-z0-9_]*\}/g;

function linePattern(line: string): RegExp | null {
  if (line.replace(PLACEHOLDER, '').replace(/[^\p{L}]/gu, '').length < 2) {
    return null;
  }
  const parts = line
    .trim()
    .split(PLACEHOLDER)
    .map(part =>
      part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')
    );
  return new RegExp(`^${parts.join('.+?')}$`, 'u');
}

/**
 * Each line of each of these strings, as a pattern.
 */
function patterns(texts: string[]): { text: string; pattern: RegExp }[] {
  return texts.flatMap(text =>
    text.split('\n').flatMap(line => {
      const pattern = linePattern(line);
      return pattern ? [{ text, pattern }] : [];
    })
  );
}

function poFile(locale: string): string {
  return path.join(LOCALE, locale, 'LC_MESSAGES', `${DOMAIN}.po`);
}

/**
 * Every line of text a person meets in these parts of the page: what is
 * shown, the names and hints read out or shown on hover, a select's options
 * and the report's read-only text. A line that is operator text alone (a
 * <bdi>, or an isolated name) is left out: it is the operator's words.
 */
async function shownLines(page: Page, selectors: string[]): Promise<string[]> {
  return page.evaluate(selectors => {
    const ISOLATED = /^\u2068[^\u2068\u2069]*\u2069$/;
    const lines = new Set<string>();
    const operator = new Set<string>();
    const add = (text: string | null, into = lines) => {
      if (!text || ISOLATED.test(text)) {
        return;
      }
      for (const line of text.replace(/[\u2066-\u2069]/g, '').split('\n')) {
        const clean = line.replace(/\s+/g, ' ').trim();
        if (clean) {
          into.add(clean);
        }
      }
    };
    for (const selector of selectors) {
      for (const root of document.querySelectorAll<HTMLElement>(selector)) {
        add(root.innerText);
        root
          .querySelectorAll<HTMLElement>('bdi')
          .forEach(bdi => add(bdi.innerText, operator));
        for (const element of root.querySelectorAll<HTMLElement>(
          '[aria-label], [title], [placeholder], [alt]'
        )) {
          if (element.checkVisibility()) {
            for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
              add(element.getAttribute(name));
            }
          }
        }
        root.querySelectorAll('option').forEach(option => add(option.text));
        root
          .querySelectorAll<HTMLTextAreaElement>('textarea[readonly]')
          .forEach(text => text.checkVisibility() && add(text.value));
      }
    }
    return [...lines].filter(line => !operator.has(line));
  }, selectors);
}

/**
 * The shown lines that are one of our English strings (singular or plural)
 * and none of the language's translations: a translation may be the English
 * itself ("URL"), or look like another string's English.
 */
async function englishShown(
  page: Page,
  selectors: string[],
  locale: string
): Promise<string[]> {
  const catalogue = readCatalogue(path.join(LOCALE, `${DOMAIN}.pot`));
  const english = patterns(catalogue.flatMap(e => [e.msgid, e.plural]));
  const translated = fs.existsSync(poFile(locale))
    ? patterns(readCatalogue(poFile(locale)).flatMap(e => e.translations))
    : [];
  return (await shownLines(page, selectors)).flatMap(line => {
    const found = english.find(({ pattern }) => pattern.test(line));
    return found && !translated.some(({ pattern }) => pattern.test(line))
      ? [`${JSON.stringify(line)} (${JSON.stringify(found.text)})`]
      : [];
  });
}

/**
 * Change JupyterLab's language as a person does (Settings > Language): the
 * language's command asks, then saves the setting and reloads the page.
 */
async function switchLanguage(page: Page, locale: string): Promise<void> {
  const command = `jupyterlab-translation:${locale}`;
  await labRestored(page);
  // The languages' commands are added once the server has listed them.
  await page.waitForFunction(
    id => (window as any).jupyterapp.commands.hasCommand(id),
    command
  );
  await runCommand(page, command);
  const reloaded = page.waitForEvent('load');
  await page.locator('.jp-Dialog .jp-mod-accept').click();
  await reloaded;
  await labRestored(page);
  await expect(page.locator('html')).toHaveAttribute(
    'lang',
    locale.replace('_', '-')
  );
}

async function openPanel(page: IJupyterLabPageFixture): Promise<void> {
  await runCommand(page, 'hub-help:open');
  await expect(page.locator(PANEL)).toBeVisible();
}

test.use({ autoGoto: false });

for (const { locale, search, sameAsEnglish } of LANGUAGES) {
  test.describe(`JupyterLab in ${locale}`, () => {
    test('the strings kept in English are exactly those listed here', () => {
      const file = poFile(locale);
      expect(fs.existsSync(file), `${file} is missing`).toBe(true);
      const kept = readCatalogue(file)
        .filter(e => !e.fuzzy && e.translations.includes(e.msgid))
        .map(e => e.msgid);
      expect([...new Set(kept)].sort()).toEqual([...sameAsEnglish].sort());
    });

    test('the panel, Your role, the tasks, the report dialog and the Settings Editor show no English string of ours', async ({
      page
    }) => {
      // A Community Representative and hub admin: Your role is shown.
      await signInAs(page, 'amara', true);
      await switchLanguage(page, locale);

      await openPanel(page);
      await expect(page.locator(`${PANEL} .jp-HubHelp-yourRole`)).toBeVisible();
      // Every category and task opened.
      await expandPanel(page);
      expect
        .soft(
          await englishShown(
            page,
            [PANEL, `.jp-SideBar [data-id="${PANEL.slice(1)}"]`],
            locale
          )
        )
        .toEqual([]);

      await page.locator('#jp-HubHelp-search').fill(search);
      await expect
        .soft(page.locator(`${PANEL} [data-task-id="install-package"]`))
        .toBeVisible();

      await runCommand(page, 'hub-help:report-problem');
      const dialog = page
        .locator('.jp-Dialog')
        .filter({ has: page.locator('#jp-HubHelp-report-category') });
      await expect(dialog).toBeVisible();
      for (const summary of await dialog.locator('summary').all()) {
        await summary.click();
      }
      await expect(dialog.locator('textarea[readonly]')).toBeVisible();
      expect.soft(await englishShown(page, ['.jp-Dialog'], locale)).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);

      // The form of our plugin, and its entry in the list of plugins.
      const entry =
        '.jp-PluginList-entry[data-id="jupyterlab-hub-help:plugin"]';
      const form = '.jp-SettingsPanel .jp-SettingsForm';
      await runCommand(page, 'settingeditor:open');
      await page.locator(entry).click();
      await expect(page.locator(form)).toBeVisible();
      expect.soft(await englishShown(page, [entry, form], locale)).toEqual([]);
    });
  });

  test.describe(`JupyterLab in ${locale}, with broken settings`, () => {
    test.use({ baseURL: BROKEN_LAB });

    test('the configuration problems show no English string of ours', async ({
      page
    }) => {
      await page.goto();
      await switchLanguage(page, locale);
      await openPanel(page);
      const problems = page.locator(`${PANEL} .jp-HubHelp-problems`);
      await expect(
        problems.locator('.jp-HubHelp-problem').first()
      ).toBeVisible();
      expect
        .soft(
          await englishShown(page, [`${PANEL} .jp-HubHelp-problems`], locale)
        )
        .toEqual([]);
    });
  });
}
