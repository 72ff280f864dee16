import { ISettingRegistry } from '@jupyterlab/settingregistry';

/**
 * The formats only our own checks know (src/generated/validateDocument).
 * JupyterLab's validator has none of them: at every compile it warns in the
 * console once per use, then ignores them.
 */
const OUR_FORMATS = new Set(['hub-link', 'contact-handle', 'document-url']);

/**
 * Keywords that only check values (patterns, conditions, bounds); the
 * Settings Editor's form is built from the rest.
 */
const CHECKS_ONLY = new Set([
  'pattern',
  'propertyNames',
  'allOf',
  'if',
  'then',
  'else',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'uniqueItems'
]);

/**
 * Definitions used in many places. Ajv copies the code of a definition
 * with no `$ref` inside into every place that uses it (its `inlineRefs`),
 * and follows a reference that stands alone; a definition that checks
 * something and holds a `$ref` becomes one function the others call. Each
 * is given one by moving a part of it (at this path) to a definition of
 * its own, which the Settings Editor's form reads through the reference.
 */
const COMPILED_ONCE: { [name: string]: (string | number)[] } = {
  // 18 uses: a third of what Ajv generated for our schema.
  localizedString: ['oneOf', 1, 'additionalProperties']
};

/**
 * The schema the Settings Editor shows, and compiles when it opens our
 * settings: the structure its form needs, without the checks the guard makes
 * anyway on the operator's and the user's values. Those checks were half of
 * what Ajv generated for our schema, and the copies of `localizedString`
 * (18 uses) a third of the rest. Defaults are data, and are left as they
 * are.
 */
export function schemaForEditor<T>(schema: T): T {
  const lab = strip(schema) as { definitions?: { [name: string]: Schema } };
  for (const [name, path] of Object.entries(COMPILED_ONCE)) {
    const parent = path
      .slice(0, -1)
      .reduce<Schema | undefined>(
        (node, key) => node?.[key] as Schema | undefined,
        lab.definitions?.[name]
      );
    const last = path[path.length - 1];
    if (parent?.[last] !== undefined) {
      const part = `${name}Part`;
      lab.definitions![part] = parent[last] as Schema;
      parent[last] = { $ref: `#/definitions/${part}` };
    }
  }
  return lab as T;
}

/**
 * The schema JupyterLab's validator compiles, at every start, as the plugin
 * is loaded: each setting with its default and nothing to check, since the
 * guard checks every value itself (a user's bad value is then named, with
 * the rest of their settings kept, instead of all of them being refused).
 * Compiling even the editor's schema was one long task in the first
 * seconds after JupyterLab's restore, when people start to type
 * (`node bench/schema.mjs` measures it; bench/budget.json bounds our long
 * tasks after the restore).
 */
export function schemaForValidator(
  schema: ISettingRegistry.ISchema
): ISettingRegistry.ISchema {
  const properties: { [key: string]: ISettingRegistry.IProperty } = {};
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    properties[key] =
      property.default === undefined ? {} : { default: property.default };
  }
  const lean: ISettingRegistry.ISchema = { ...schema, properties };
  delete lean.definitions;
  return lean;
}

/**
 * Keywords whose value names things (properties, definitions) rather than
 * holding a schema: their keys are names, never keywords.
 */
type Schema = { [key: string | number]: unknown };

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
