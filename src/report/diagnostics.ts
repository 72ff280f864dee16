import { IHubContext } from '../hub';
import { Gettext } from '../metadata/types';

/**
 * Facts about the session that help whoever receives a report. Built from
 * named fields only: never the token, a query string, cookies or headers.
 */
export interface IDiagnostics {
  hubUrl: string;
  user: string;
  serverUser: string;
  serverName: string;
  pagePath: string;
  timeUtc: string;
  timeLocal: string;
  jupyterlabVersion: string;
  extensionVersion: string;
  browser: string;
  language: string;
  hubVersion: string;
  hubAnswers: Answer;
  serverAnswers: Answer;
}

export type Answer = 'yes' | 'no' | 'unknown';

export interface IDiagnosticsSource {
  hub: IHubContext;
  /**
   * The hub's public URL from the metadata, if the operator gave one.
   */
  hubUrl?: string;
  location: { origin: string; pathname: string };
  now: Date;
  jupyterlabVersion: string;
  extensionVersion: string;
  userAgent: string;
  language: string;
  hubVersion?: string;
  hubAnswers: Answer;
  serverAnswers: Answer;
}

export function collectDiagnostics(source: IDiagnosticsSource): IDiagnostics {
  const { hub, location, now } = source;
  const hubBase = hub.onHub
    ? `${hub.hubHost || location.origin}${hub.hubPrefix}`
    : '';
  return {
    hubUrl: stripQuery(source.hubUrl || hubBase || location.origin),
    user: hub.user,
    serverUser: hub.serverUser,
    serverName: hub.serverName,
    pagePath: location.pathname,
    timeUtc: now.toISOString(),
    timeLocal: now.toString(),
    jupyterlabVersion: source.jupyterlabVersion,
    extensionVersion: source.extensionVersion,
    browser: source.userAgent,
    language: source.language,
    hubVersion: source.hubVersion ?? '',
    hubAnswers: source.hubAnswers,
    serverAnswers: source.serverAnswers
  };
}

function stripQuery(url: string): string {
  return url.split(/[?#]/)[0];
}

/**
 * The diagnostics as labelled lines.
 */
export function diagnosticsText(d: IDiagnostics, __: Gettext): string {
  const answer = (a: Answer) =>
    a === 'yes' ? __('yes') : a === 'no' ? __('no') : __('not checked');
  const lines: [string, string][] = [
    [__('Hub'), d.hubUrl],
    [__('Signed in as'), d.user || __('(not on a hub)')],
    [__('Server owner'), d.serverUser],
    [__('Server name'), d.serverName || __('(default)')],
    [__('Page'), d.pagePath],
    [__('Time (UTC)'), d.timeUtc],
    [__('Local time'), d.timeLocal],
    [__('JupyterLab'), d.jupyterlabVersion],
    [__('jupyterlab-hub-help'), d.extensionVersion],
    [__('JupyterHub'), d.hubVersion || __('unknown')],
    [__('Browser'), d.browser],
    [__('Language'), d.language],
    [__('Hub answers now'), answer(d.hubAnswers)],
    [__('Server answers now'), answer(d.serverAnswers)]
  ];
  return lines
    .filter(([, value]) => value !== '')
    .map(([label, value]) => `${label}: ${value}`)
    .join('\n');
}
