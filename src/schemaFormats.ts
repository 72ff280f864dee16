/**
 * The formats only our own checks know (src/generated/validateDocument).
 * JupyterLab's validator has none of them: at every compile it warns in the
 * console once per use, then ignores them.
 */
const OUR_FORMATS = new Set(['hub-link', 'contact-handle', 'document-url']);

/**
 * The schema without our own formats, for JupyterLab's validator and the
 * Settings Editor; the operator's and the user's values are still checked
 * against them by the guard. Defaults are data, and are left as they are.
 */
export function withoutOurFormats<T>(schema: T): T {
  return strip(schema) as T;
}

function strip(node: unknown): unknown {
  if (Array.isArray(node)) {
    return node.map(strip);
  }
  if (typeof node !== 'object' || node === null) {
    return node;
  }
  const out: { [key: string]: unknown } = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'format' && OUR_FORMATS.has(value as string)) {
      continue;
    }
    out[key] = key === 'default' ? value : strip(value);
  }
  return out;
}
