/**
 * Hostile hub metadata for the security tests of both browser suites: the
 * shared corpus (tests/corpus/hostile-text.json), a metadata URL server that
 * serves documents built from it, and the checks run in the page.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import {
  createServer,
  IncomingHttpHeaders,
  IncomingMessage,
  ServerResponse
} from 'http';
import * as path from 'path';

import AxeBuilder from '@axe-core/playwright';
import { expect, Locator, Page } from '@playwright/test';

import { labRestored } from './commands';

export interface ICorpus {
  /**
   * Must render as inert text.
   */
  texts: string[];
  /**
   * Must be refused as links.
   */
  links: string[];
  /**
   * Must be accepted as links.
   */
  safeLinks: string[];
}

export const CORPUS: ICorpus = JSON.parse(
  fs.readFileSync(
    path.resolve(__dirname, '../../tests/corpus/hostile-text.json'),
    'utf-8'
  )
);

/**
 * Texts that a markup or template engine would change: each must be shown
 * exactly as written (a pattern's source, for the checks run in the page).
 */
export const VERBATIM = '[<>&{}$%]|script:';

export const HOSTILE_ROLE = 'hostile-desk';
export const PERSON_EMAIL = 'person@example.org';
export const DESK_EMAIL = 'desk@example.org';
export const FORM_LABEL = 'Hostile form';
export const FORM_TEMPLATE =
  'https://forms.example.org/new?hub={hub_url}&user={user}&server={server}&category={category}&summary={summary}&description={description}&time={time}';
export const STATUS_PAGE = 'https://status.example.org/';
export const REPORT_PERSON = 'Report desk person';

/**
 * The name of the person who holds round `k`'s refused links: shown once the
 * panel has read that round's document.
 */
export const linkHolder = (k: number): string => `Link holder ${k}`;

/**
 * Round `k`: every operator text field holds the k-th text, every link
 * field the k-th refused link. A link and a text that the checks would leave
 * out together (a channel needs its address) are in different entries, so
 * that each is shown or refused on its own. The k-th safe link is there too:
 * it must be a link.
 */
export function roundDocument(k: number): { [key: string]: unknown } {
  const { texts, links, safeLinks } = CORPUS;
  const text = texts[k % texts.length];
  const link = links[k % links.length];
  const safe = safeLinks[k % safeLinks.length];
  const everywhere = [
    HOSTILE_ROLE,
    'community-representative',
    'hub-administrator',
    'site-reliability-engineer'
  ];
  return {
    hub: { name: text, url: link, description: text },
    org: { name: text, url: link, logo_url: link },
    operated_by: { name: text, url: link },
    funded_by: { name: text, url: safe },
    designed_by: { name: text, url: link },
    statusPage: link,
    announcements: [
      { id: `text-${k}`, text, link: { label: text, url: safe } },
      { id: `link-${k}`, text: `Refused link ${k}`, link: { url: link } },
      { id: `safe-${k}`, text: `Safe link ${k}`, link: { url: safe } },
      text
    ],
    people: [
      {
        name: text,
        roles: everywhere,
        contact: {
          email: PERSON_EMAIL,
          url: safe,
          chat: '@person:example.org'
        },
        note: text
      },
      {
        name: linkHolder(k),
        roles: everywhere,
        contact: { email: link, url: link, chat: link }
      }
    ],
    roles: {
      [HOSTILE_ROLE]: {
        label: text,
        description: text,
        party: 'community',
        duties: [text],
        channels: [
          {
            kind: 'url',
            address: 'https://forms.example.org/new',
            label: text,
            hours: text,
            responseTime: text,
            formTemplate: FORM_TEMPLATE
          },
          { kind: 'email', address: link },
          { kind: 'url', address: link },
          { kind: 'chat', address: link },
          {
            kind: 'url',
            address: 'https://forms.example.org/other',
            formTemplate: link
          }
        ]
      },
      'hub-administrator': { label: text, description: text, duties: [text] },
      'support-triager': {
        label: text,
        channels: [
          {
            kind: 'email',
            address: DESK_EMAIL,
            label: text,
            hours: text,
            responseTime: text
          }
        ]
      }
    },
    tasks: [
      {
        id: 'hostile-text',
        title: text,
        category: text,
        owner: HOSTILE_ROLE,
        keywords: ['hostile'],
        how: { text, url: safe }
      },
      {
        id: 'hostile-link',
        title: `Task ${k}`,
        category: 'Hostile links',
        owner: HOSTILE_ROLE,
        keywords: ['hostile'],
        how: { url: link }
      },
      { id: 'add-user', title: text, category: text }
    ],
    outageCategories: [{ id: 'hostile', label: text, recipient: HOSTILE_ROLE }]
  };
}

/**
 * The hub name used with every report: a translated sentence substitutes it
 * ("[%1] %2"), and must not substitute into it again.
 */
export const REPORT_HUB_NAME = '%1 %2 %s %d %n %%';

/**
 * One document for the report dialog: every text is an outage category
 * (`c-<index>`), reported to a desk with an email address, a person and a
 * report form that uses every placeholder.
 */
export function reportDocument(): { [key: string]: unknown } {
  return {
    hub: { name: REPORT_HUB_NAME },
    statusPage: STATUS_PAGE,
    people: [
      {
        name: REPORT_PERSON,
        roles: [HOSTILE_ROLE],
        contact: { email: PERSON_EMAIL }
      }
    ],
    roles: {
      [HOSTILE_ROLE]: {
        label: 'Hostile desk',
        party: 'community',
        channels: [
          { kind: 'email', address: DESK_EMAIL },
          {
            kind: 'url',
            address: 'https://forms.example.org/new',
            label: FORM_LABEL,
            formTemplate: FORM_TEMPLATE
          }
        ]
      }
    },
    outageCategories: CORPUS.texts.map((label, i) => ({
      id: `c-${i}`,
      label,
      recipient: HOSTILE_ROLE
    }))
  };
}

/**
 * A metadata URL on another origin, as an operator's may be: serves JSON
 * documents with CORS and ETags, and the corpus itself at /corpus.json (so
 * that the page has the texts exactly, lone surrogates included). Records
 * the headers of every request it gets.
 */
export class MetadataServer {
  /**
   * The headers of each request, in order.
   */
  readonly requests: IncomingHttpHeaders[] = [];

  static async start(): Promise<MetadataServer> {
    const metadata = new MetadataServer();
    await new Promise<void>(resolve =>
      metadata._server.listen(0, '127.0.0.1', () => resolve())
    );
    metadata.publish('/corpus.json', CORPUS);
    return metadata;
  }

  get origin(): string {
    const address = this._server.address() as { port: number };
    return `http://127.0.0.1:${address.port}`;
  }

  get corpusUrl(): string {
    return `${this.origin}/corpus.json`;
  }

  /**
   * Serve `document` at `path`; returns its URL. JSON.stringify writes lone
   * surrogates as escapes, so that they reach the page as they are.
   */
  publish(path: string, document: unknown): string {
    this._documents.set(path, JSON.stringify(document));
    return `${this.origin}${path}`;
  }

  async stop(): Promise<void> {
    this._server.closeAllConnections();
    await new Promise(resolve => this._server.close(resolve));
  }

  private _handle(request: IncomingMessage, response: ServerResponse): void {
    this.requests.push(request.headers);
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Access-Control-Allow-Headers', '*');
    response.setHeader('Access-Control-Expose-Headers', 'ETag');
    if (request.method === 'OPTIONS') {
      response.writeHead(204).end();
      return;
    }
    const body = this._documents.get(
      new URL(request.url!, this.origin).pathname
    );
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { ETag: etag }).end();
      return;
    }
    response
      .writeHead(200, { 'Content-Type': 'application/json', ETag: etag })
      .end(body);
  }

  private _documents = new Map<string, string>();
  private _server = createServer((request, response) =>
    this._handle(request, response)
  );
}

/**
 * Change one of the user's own hub help settings, as the Settings Editor does.
 */
export async function setHubHelpSetting(
  page: Page,
  key: string,
  value: unknown
): Promise<void> {
  await labRestored(page);
  await page.evaluate(
    async ([name, v]) => {
      // The setting registry is a plugin's service (as Galata finds it).
      const registry = (window as any).jupyterapp.pluginRegistry._plugins.get(
        '@jupyterlab/apputils-extension:settings'
      ).service;
      await registry.set('jupyterlab-hub-help:plugin', name, v);
    },
    [key, value] as const
  );
}

/**
 * Open every collapsed part of the panel (categories, then tasks), until
 * nothing is left collapsed.
 */
export async function expandPanel(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise(resolve => requestAnimationFrame(resolve));
    for (let round = 0; round < 10; round++) {
      const closed = document.querySelectorAll<HTMLElement>(
        '#jp-hub-help-panel button[aria-expanded="false"]'
      );
      if (closed.length === 0) {
        return;
      }
      closed.forEach(button => button.click());
      await frame();
    }
    throw new Error('The panel still has collapsed parts');
  });
}

export interface IScanOptions {
  /**
   * CSS selectors of the parts of the page to check; the whole body if empty.
   */
  roots: string[];
  /**
   * Where the page fetches the corpus.
   */
  corpusUrl: string;
}

/**
 * Run in the page: everything that shows operator data as markup or as a
 * link it must not be. Returns one line per finding, naming the element.
 */
export async function unsafeMarkup(options: IScanOptions): Promise<string[]> {
  const w = window as any;
  w.__hubHelpCorpus ??= await (await fetch(options.corpusUrl)).json();
  const refused = new Set<string>(w.__hubHelpCorpus.links);
  const findings: string[] = [];
  if (w.__hubHelpPwned !== undefined) {
    findings.push(`window.__hubHelpPwned is ${String(w.__hubHelpPwned)}`);
  }
  const name = (el: Element) => {
    const classes = [...el.classList].map(c => `.${c}`).join('');
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').slice(0, 60);
    return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${classes}> "${text}"`;
  };
  const roots = options.roots.length
    ? options.roots.flatMap(s => [...document.querySelectorAll(s)])
    : [document.body];
  const injected = 'script, iframe, frame, object, embed, base, meta, link';
  const urlAttributes = ['href', 'src', 'srcset', 'action', 'formaction'];
  for (const root of roots) {
    for (const el of [root, ...root.querySelectorAll('*')]) {
      if (el.matches(injected)) {
        findings.push(`markup became an element: ${name(el)}`);
      }
      for (const { name: attribute, value } of [...el.attributes]) {
        if (attribute.startsWith('on')) {
          findings.push(`event handler ${attribute}="${value}" on ${name(el)}`);
        }
        if (!urlAttributes.includes(attribute) && attribute !== 'xlink:href') {
          continue;
        }
        if (refused.has(value)) {
          findings.push(
            `refused link in ${attribute}="${value}" on ${name(el)}`
          );
        }
        let url: URL;
        try {
          url = new URL(value, document.baseURI);
        } catch {
          findings.push(`${attribute}="${value}" is no URL, on ${name(el)}`);
          continue;
        }
        if (!['http:', 'https:', 'mailto:'].includes(url.protocol)) {
          findings.push(
            `${attribute}="${value}" has scheme ${url.protocol}, on ${name(el)}`
          );
        } else if (
          url.protocol !== 'mailto:' &&
          url.origin !== location.origin
        ) {
          if (url.hostname.endsWith('evil.example')) {
            findings.push(
              `${attribute}="${value}" leads to ${url.host}, on ${name(el)}`
            );
          }
          const rel = (el.getAttribute('rel') ?? '').split(/\s+/);
          if (
            el.matches('a, area') &&
            (el.getAttribute('target') !== '_blank' ||
              !rel.includes('noopener'))
          ) {
            findings.push(
              `link to ${url.origin} without target="_blank" rel="noopener": ${attribute}="${value}" on ${name(el)}`
            );
          }
        }
      }
    }
  }
  return findings;
}

/**
 * Run in the page: what the panel shows of round `k` that it should not, or
 * does not show that it should.
 */
export async function roundFindings(options: {
  k: number;
  corpusUrl: string;
  verbatim: string;
}): Promise<string[]> {
  const w = window as any;
  w.__hubHelpCorpus ??= await (await fetch(options.corpusUrl)).json();
  const { texts, safeLinks } = w.__hubHelpCorpus;
  const text: string = texts[options.k % texts.length];
  const safe: string = safeLinks[options.k % safeLinks.length];
  const panel = document.getElementById('jp-hub-help-panel')!;
  const findings: string[] = [];
  if (new RegExp(options.verbatim, 'i').test(text)) {
    const title = panel.querySelector('.jp-HubHelp-title')?.textContent;
    if (title !== text) {
      findings.push(`the hub name is shown as "${title}"`);
    }
    if (!(panel.textContent ?? '').includes(text)) {
      findings.push('the text is not shown as written');
    }
  }
  const expected = new URL(safe, location.href).href;
  const links = [...panel.querySelectorAll('a[href]')] as HTMLAnchorElement[];
  if (!links.some(a => a.href === expected)) {
    findings.push(`the safe link ${safe} is not a link`);
  }
  return findings;
}

/**
 * Run in the report dialog, with category `c-<index>` chosen: what its
 * links and text hold that they should not.
 */
export async function reportFindings(options: {
  index: number;
  corpusUrl: string;
  hubName: string;
  recipients: string[];
  formLabel: string;
  formTemplate: string;
  verbatim: string;
}): Promise<string[]> {
  const w = window as any;
  w.__hubHelpCorpus ??= await (await fetch(options.corpusUrl)).json();
  const label: string = w.__hubHelpCorpus.texts[options.index];
  // A lone surrogate cannot be put in a URL: it is sent as U+FFFD.
  const wellFormed = label.replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '\ufffd'
  );
  const dialog = [...document.querySelectorAll('.jp-Dialog')].find(d =>
    d.querySelector('#jp-HubHelp-report-category')
  );
  if (!dialog) {
    return ['the report dialog is not open'];
  }
  const findings: string[] = [];
  const select = dialog.querySelector('select') as HTMLSelectElement;
  if (select.value !== `c-${options.index}`) {
    return [`the category chosen is ${select.value}`];
  }
  const keysOf = (query: string) =>
    query ? query.split('&').map(pair => pair.split('=')[0]) : [];
  // The footer's links: the ones filled with the report.
  const link = (text: string) =>
    [...dialog.querySelectorAll('.jp-Dialog-footer a')].find(
      a => a.textContent === text
    );

  const mail = link('Send by email')?.getAttribute('href');
  if (!mail) {
    findings.push('no "Send by email" link');
  } else {
    const [to, query = ''] = mail.slice('mailto:'.length).split('?');
    const recipients = to.split(',').map(decodeURIComponent).sort();
    if (
      !mail.startsWith('mailto:') ||
      recipients.join() !== [...options.recipients].sort().join()
    ) {
      findings.push(`the email goes to ${to}`);
    }
    const keys = keysOf(query);
    if (keys.join() !== 'subject,body' || mail.includes('#')) {
      findings.push(`the email link has the fields ${keys.join()}: ${mail}`);
    }
  }

  const form = link(options.formLabel)?.getAttribute('href');
  if (!form) {
    findings.push('no form link');
  } else {
    const url = new URL(form);
    const template = new URL(options.formTemplate);
    const keys = keysOf(url.search.slice(1));
    if (
      url.origin + url.pathname !== template.origin + template.pathname ||
      url.hash ||
      keys.join() !== keysOf(template.search.slice(1)).join()
    ) {
      findings.push(`the form link changed shape: ${form}`);
    }
    const category = url.search
      .slice(1)
      .split('&')
      .find(pair => pair.startsWith('category='));
    if (decodeURIComponent(category?.split('=')[1] ?? '') !== wellFormed) {
      findings.push(`the form's category is ${category}`);
    }
  }

  const report = (
    dialog.querySelector('#jp-HubHelp-report-text') as
      HTMLTextAreaElement | undefined
  )?.value;
  if (
    new RegExp(options.verbatim, 'i').test(label) &&
    !report?.startsWith(`[${options.hubName}] ${label}\n`)
  ) {
    findings.push(`the report starts "${report?.split('\n')[0]}"`);
  }
  return findings;
}

/**
 * The report dialog (JupyterLab may show other dialogs at the same time).
 */
export function reportDialog(page: Page): Locator {
  return page
    .locator('.jp-Dialog')
    .filter({ has: page.locator('#jp-HubHelp-report-category') });
}

/**
 * With reportDocument() loaded and the report dialog open: choose each of
 * its categories in turn, with the same text typed as the description, and
 * check the dialog each time; axe checks it at the `axeAt` text indices.
 * Returns every finding, prefixed with the text it came with.
 */
export async function everyCategory(
  page: Page,
  corpusUrl: string,
  axeAt: number[] = []
): Promise<string[]> {
  const dialog = reportDialog(page);
  const category = dialog.getByLabel('What kind of problem is it?');
  const ids = await category
    .locator('option')
    .evaluateAll(options =>
      options
        .map(option => (option as HTMLOptionElement).value)
        .filter(value => value.startsWith('c-'))
    );
  expect(ids.length).toBeGreaterThan(0);
  const findings: string[] = [];
  CORPUS.texts.forEach((text, index) => {
    if (new RegExp(VERBATIM, 'i').test(text) && !ids.includes(`c-${index}`)) {
      findings.push(`${JSON.stringify(text)}: not offered as a category`);
    }
  });
  for (const id of ids) {
    const index = Number(id.slice(2));
    const text = CORPUS.texts[index];
    await category.selectOption(id);
    await dialog.getByLabel('What do you see, and since when?').fill(text);
    const found = [
      ...(await page.evaluate(unsafeMarkup, {
        roots: ['.jp-Dialog'],
        corpusUrl
      })),
      ...(await page.evaluate(reportFindings, {
        index,
        corpusUrl,
        hubName: REPORT_HUB_NAME,
        // The desk's shared address, rather than each person's.
        recipients: [DESK_EMAIL],
        formLabel: FORM_LABEL,
        formTemplate: FORM_TEMPLATE,
        verbatim: VERBATIM
      }))
    ];
    if (axeAt.includes(index)) {
      const { violations } = await new AxeBuilder({ page })
        .include('.jp-Dialog')
        .analyze();
      found.push(
        ...violations.map(
          v => `axe ${v.id}: ${v.nodes.map(n => n.target).join(' ')}`
        )
      );
    }
    findings.push(...found.map(f => `${JSON.stringify(text)}: ${f}`));
  }
  return findings;
}
