// The box on the hub's own pages (jupyterlab_hub_help/hub_templates): built
// by scripts/build-pages.mjs into the service's static files, which the
// templates load. It never breaks the page: whatever fails leaves the box
// the template rendered, with a line saying help could not be loaded.
import * as React from 'react';
import { createRoot } from 'react-dom/client';

import type { TranslationBundle } from '@jupyterlab/translation';

import { HubBox, IPublicHelp, PublicBox } from '../components/page/HubBox';
import { STATUS_ID } from '../generated/shared';
import { channelHref, isSafeLink } from '../metadata/links';
import { localize } from '../metadata/localize';
import { IPageData } from './context';
import {
  IHubPageContext,
  keepHubPageContext,
  readHubPageContext
} from './handoff';
import { loadPageHelp } from './load';
import { loadTranslations } from './translation';

async function main(box: HTMLElement): Promise<void> {
  const serviceUrl = box.dataset.service ?? '';
  const page = box.dataset.page ?? '';
  const context = readHubPageContext(
    document.getElementById('jupyterlab-hub-help-context')?.textContent,
    window.location.pathname
  );
  if (page === 'spawn-pending') {
    // Nothing is asked of the service while starts go well: only once the
    // box shows, after the operator's wait or when the start failed.
    await shown(box, context);
  }
  if (page === 'login') {
    await showPublic(box, serviceUrl);
    return;
  }
  const data: IPageData = {
    serviceUrl,
    serviceName: /\/services\/([^/]+)\/$/.exec(serviceUrl)?.[1] ?? '',
    language: 'auto',
    // The hub's prefix is its base URL followed by "hub/".
    hubPrefix: serviceUrl.replace(/services\/[^/]+\/$/, '') + 'hub/',
    user: ''
  };
  const loaded = await loadPageHelp(data, { silently: true });
  if (loaded.kind !== 'loaded') {
    sayNotLoaded(box, loaded.trans);
    return;
  }
  const { trans, resolver, metadata, language } = loaded.help;
  const category = metadata.outageCategories.find(
    c => c.id === 'servers-not-starting'
  );
  // The template knows which report the page is about.
  const reportUrl = box
    .querySelector<HTMLAnchorElement>('a[href*="help?report="]')
    ?.getAttribute('href');
  createRoot(box).render(
    <HubBox
      trans={trans}
      language={language}
      // The status note, and what warns; not every welcome.
      announcements={resolver
        .activeAnnouncements(new Date())
        .filter(a => a.id === STATUS_ID || a.severity !== 'info')}
      route={resolver.routeReport(category?.recipient)}
      helpUrl={`${serviceUrl}help`}
      reportUrl={reportUrl ?? undefined}
      onLeave={() => keepHubPageContext(context)}
    />
  );
}

/**
 * On the page that waits for a server: the box shows after the operator's
 * wait, or at once when the hub's own progress bar says the start failed,
 * and then a report carries the hub's last progress message.
 */
function shown(box: HTMLElement, context: IHubPageContext): Promise<void> {
  return new Promise(resolve => {
    const show = () => {
      observer.disconnect();
      clearTimeout(timer);
      box.hidden = false;
      resolve();
    };
    const wait = Number(box.dataset.waitSeconds);
    const timer = setTimeout(
      show,
      Number.isFinite(wait) && wait > 0 ? wait * 1000 : 0
    );
    const bar = document.getElementById('progress-bar');
    const observer = new MutationObserver(() => {
      if (bar?.classList.contains('bg-danger')) {
        context.page = 'spawn-failed';
        context.message =
          document.getElementById('progress-message')?.textContent?.trim() ??
          '';
        show();
      }
    });
    if (bar) {
      observer.observe(bar, { attributes: true, attributeFilter: ['class'] });
    }
  });
}

/**
 * The login page's box, only where the operator made the public part
 * available; otherwise it stays hidden.
 */
async function showPublic(box: HTMLElement, serviceUrl: string): Promise<void> {
  box.hidden = true;
  try {
    const response = await fetch(`${serviceUrl}api/public`, {
      credentials: 'omit'
    });
    const body = response.ok ? await response.json() : {};
    const { trans, language } = await loadTranslations(serviceUrl, 'auto');
    const help = readPublic(body, language);
    if (help) {
      createRoot(box).render(<PublicBox help={help} trans={trans} />);
      box.hidden = false;
    }
  } catch {
    // Nothing public to show.
  }
}

/**
 * `api/public` as the box shows it: text only, and the desk's channel only
 * as an allowed link.
 */
function readPublic(body: any, language: string): IPublicHelp | undefined {
  const name = localize(body?.hub?.name, language);
  if (!name) {
    return undefined;
  }
  const operator = body.operatedBy;
  const channel = body.desk?.channel;
  const deskHref =
    channel &&
    channelHref({
      kind: String(channel.kind ?? ''),
      address: String(channel.address ?? channel.url ?? '')
    });
  return {
    hubName: name,
    operatedBy: operator?.name
      ? { name: localize(operator.name, language), url: operator.url }
      : undefined,
    status: localize(body.status?.text, language) || undefined,
    desk:
      deskHref && isSafeLink(deskHref)
        ? {
            name: localize(body.desk.name, language) || deskHref,
            href: deskHref
          }
        : undefined
  };
}

/**
 * The template's box stays (the operator's own words), with its line saying
 * help could not be loaded, in the reader's language.
 */
function sayNotLoaded(box: HTMLElement, trans: TranslationBundle): void {
  const line = box.querySelector('.jp-HubHelp-hubBoxFailed');
  if (line) {
    line.textContent = trans.__(
      'Help for this hub could not be loaded right now.'
    );
  }
  box.dataset.state = 'failed';
}

const box = document.getElementById('jupyterlab-hub-help-box');
if (box) {
  void main(box).catch(() => undefined);
}
