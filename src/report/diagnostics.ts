import { IHubContext } from '../hub';
import { formatDateTime } from '../metadata/localize';
import { ITrans } from '../metadata/trans';

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
  /**
   * ISO 8601 in UTC, whatever the reporter's language: the time every
   * recipient and tool reads the same way.
   */
  timeUtc: string;
  /**
   * The reporter's own clock, in their language, with its time zone.
   */
  timeLocal: string;
  jupyterlabVersion: string;
  extensionVersion: string;
  browser: string;
  language: string;
  hubVersion: string;
  hubAnswers: Answer;
  serverAnswers: Answer;
  /**
   * What a page of the hub said went wrong (a spawn failure's message), when
   * the report started there; redacted with the rest before it leaves.
   */
  hubMessage: string;
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
  hubMessage?: string;
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
    timeLocal: formatDateTime(now, source.language, {
      dateStyle: 'full',
      timeStyle: 'long'
    }),
    jupyterlabVersion: source.jupyterlabVersion,
    extensionVersion: source.extensionVersion,
    browser: source.userAgent,
    language: source.language,
    hubVersion: source.hubVersion ?? '',
    hubAnswers: source.hubAnswers,
    serverAnswers: source.serverAnswers,
    hubMessage: source.hubMessage ?? ''
  };
}

function stripQuery(url: string): string {
  return url.split(/[?#]/)[0];
}

/**
 * The diagnostics as labelled lines, each one whole sentence to translate;
 * a line with nothing to say is left out.
 */
export function diagnosticsText(d: IDiagnostics, trans: ITrans): string {
  const lines = [
    d.hubUrl && trans.__('Hub: %1', d.hubUrl),
    d.user
      ? trans.__('Signed in as: %1', d.user)
      : trans.__('Signed in as: (not on a hub)'),
    d.serverUser && trans.__('Server owner: %1', d.serverUser),
    d.serverName
      ? trans.__('Server name: %1', d.serverName)
      : trans.__('Server name: (default)'),
    d.pagePath && trans.__('Page: %1', d.pagePath),
    d.timeUtc && trans.__('Time (UTC): %1', d.timeUtc),
    d.timeLocal && trans.__('Local time: %1', d.timeLocal),
    d.jupyterlabVersion && trans.__('JupyterLab: %1', d.jupyterlabVersion),
    d.extensionVersion &&
      trans.__('jupyterlab-hub-help: %1', d.extensionVersion),
    d.hubVersion
      ? trans.__('JupyterHub: %1', d.hubVersion)
      : trans.__('JupyterHub: unknown'),
    d.browser && trans.__('Browser: %1', d.browser),
    d.language && trans.__('Language: %1', d.language),
    hubAnswersLine(d.hubAnswers, trans),
    serverAnswersLine(d.serverAnswers, trans),
    d.hubMessage && trans.__('The hub said: %1', d.hubMessage)
  ];
  return lines.filter(Boolean).join('\n');
}

function hubAnswersLine(answer: Answer, trans: ITrans): string {
  switch (answer) {
    case 'yes':
      return trans.__('Hub answers now: yes');
    case 'no':
      return trans.__('Hub answers now: no');
    default:
      return trans.__('Hub answers now: not checked');
  }
}

function serverAnswersLine(answer: Answer, trans: ITrans): string {
  switch (answer) {
    case 'yes':
      return trans.__('Server answers now: yes');
    case 'no':
      return trans.__('Server answers now: no');
    default:
      return trans.__('Server answers now: not checked');
  }
}
