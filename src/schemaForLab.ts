/**
 * The formats only our own checks know (src/generated/validateDocument).
 * JupyterLab's validator has none of them: at every compile it warns in the
 * console once per use, then ignores them.
 */
const OUR_FORMATS = new Set(['hub-link', 'contact-handle', 'document-url']);

/**
 * Keywords that only check values (patterns, conditions); the Settings
 * Editor's form is built from the rest.
 */
const CHECKS_ONLY = new Set([
  'pattern',
  'propertyNames',
  'allOf',
  'if',
  'then',
  'else'
]);

/**
 * The schema as JupyterLab compiles it, at every start: the structure the
 * Settings Editor needs, without the checks the guard makes anyway on the
 * operator's and the user's values (our formats, patterns, conditions).
 * Compiling those cost JupyterLab about a third of its time on our schema,
 * and a user's value that breaks one is then named by the guard, with the
 * rest of their settings kept, instead of all of them being refused.
 * Defaults are data, and are left as they are.
 */
export function schemaForLab<T>(schema: T): T {
  return strip(schema) as T;
}

/**
 * Keywords whose value names things (properties, definitions) rather than
 * holding a schema: their keys are names, never keywords.
 */
const NAMING = new Set(['properties', 'definitions', 'patternProperties']);

function strip(node: unknown, names = false): unknown {
  if (Array.isArray(node)) {
    return node.map(item => strip(item));
  }
  if (typeof node !== 'object' || node === null) {
    return node;
  }
  const out: { [key: string]: unknown } = {};
  for (const [key, value] of Object.entries(node)) {
    if (names) {
      out[key] = strip(value);
    } else if (
      CHECKS_ONLY.has(key) ||
      (key === 'format' && OUR_FORMATS.has(value as string))
    ) {
      continue;
    } else {
      out[key] = key === 'default' ? value : strip(value, NAMING.has(key));
    }
  }
  return out;
}
