/**
 * The last guard for text that leaves the page (a report, a filled form
 * link, the clipboard): the hub token, any token-like query parameter
 * pasted from an address bar, and any `Authorization: token|bearer ...`
 * header pasted from a log, become "[redacted]". The hub help service
 * applies the same rules again to the reports it keeps
 * (jupyterlab_hub_help/service/redact.py); tests/python/fixtures/redaction.json
 * holds both to the same answers.
 */
const TOKEN_PARAMETER = /([?&#;](?:token|access_token|_xsrf)=)[^&#\s]+/gi;
const AUTHORIZATION =
  /(authorization["']?\s*[:=]\s*["']?(?:token|bearer)\s+)[^\s"',;&]+/gi;

export function redactSecrets(text: string, secrets: string[]): string {
  let safe = text;
  for (const secret of secrets) {
    // Too short to be a token, and replacing it would mangle the text.
    if (secret.length >= 4) {
      safe = safe.split(secret).join('[redacted]');
    }
  }
  return safe
    .replace(TOKEN_PARAMETER, '$1[redacted]')
    .replace(AUTHORIZATION, '$1[redacted]');
}
