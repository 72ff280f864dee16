/**
 * Every limit the extension applies to what it reads and sends, in one place:
 * the schema's bounds (schema/plugin.json) must agree with these, and a test
 * checks that they do. Those the hub help service applies too come from
 * jupyterlab_hub_help/shared.json.
 */
import { DOCUMENT_LIMITS } from '../generated/shared';

export const LIMITS = {
  /**
   * Refresh interval of the metadata URL and the hub, in seconds. Beyond a
   * day a fix would take too long to reach people; Lumino's Poll also refuses
   * intervals past 2^31 ms.
   */
  refreshMinSeconds: 30,
  refreshMaxSeconds: 86400,
  refreshDefaultSeconds: 300,
  /**
   * A document larger than this (in UTF-16 units of its JSON text) is refused
   * whole. Most hubs' metadata is a few kilobytes; a large operator's
   * catalogue of 10,000 tasks with a university's 20,000 staff is about
   * 4 MB, and the panel is built to show that much.
   */
  documentMaxChars: DOCUMENT_LIMITS.documentMaxChars,
  /**
   * Objects and lists nested deeper than this are refused whole: the format
   * itself never nests deeper than 8.
   */
  documentMaxDepth: DOCUMENT_LIMITS.documentMaxDepth,
  /**
   * Browsers and mail programs cut long mailto: links.
   */
  mailtoMaxChars: 1800,
  /**
   * The most characters of the description a form's {summary} carries.
   */
  summaryMaxChars: 200,
  /**
   * Each Hub API or metadata URL request is abandoned after this long; so is
   * a report's check of whether the hub answers (HubClient.answers).
   */
  requestTimeoutMs: 15000,
  /**
   * How long a report waits for this JupyterLab server (hub/serverStatus.ts):
   * a server that takes longer is as good as down for the person reporting.
   */
  serverCheckTimeoutMs: 3000,
  /**
   * A metadata URL answer larger than this many bytes is not read further.
   */
  responseMaxBytes: DOCUMENT_LIMITS.responseMaxBytes,
  /**
   * A silent sign-in to the hub help service (a hidden frame through the
   * hub's OAuth) is given up after this long: its round trip takes about a
   * second, and one that must be done by hand (no hub session, a
   * confirmation page, framing refused) never answers, so that the person
   * is soon offered to sign in themselves.
   */
  silentSignInMs: 8000,
  /**
   * The hub is said to be unreachable only after this many failed checks in a row.
   */
  unreachableAfterFailures: 2
} as const;

/**
 * A refresh interval in seconds, clamped to the allowed range; anything that
 * is not a finite number gives the default.
 */
export function clampRefreshSeconds(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return LIMITS.refreshDefaultSeconds;
  }
  return Math.min(
    LIMITS.refreshMaxSeconds,
    Math.max(LIMITS.refreshMinSeconds, Math.round(value))
  );
}
