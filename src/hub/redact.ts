/**
 * The last guard for text that leaves the page (a report, a filled form
 * link, the clipboard): the hub token, and any token-like query parameter
 * pasted from an address bar, become "[redacted]".
 */
const TOKEN_PARAMETER = /([?&#;](?:token|access_token|_xsrf)=)[^&#\s]+/gi;

export function redactSecrets(text: string, secrets: string[]): string {
  let safe = text;
  for (const secret of secrets) {
    // Too short to be a token, and replacing it would mangle the text.
    if (secret.length >= 4) {
      safe = safe.split(secret).join('[redacted]');
    }
  }
  return safe.replace(TOKEN_PARAMETER, '$1[redacted]');
}
