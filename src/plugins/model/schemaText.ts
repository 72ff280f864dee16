/**
 * What of a settings schema a translation bundle needs: contexts as the
 * catalogue's extractor gives them.
 */
export interface ITranslationContexts {
  _p(context: string, msgid: string): string;
}

/**
 * Keys whose values are data, not words of ours: the operator's own values
 * arrive as defaults, and must reach the Settings Editor as they are.
 */
const DATA_KEYS = new Set(['default', 'const', 'enum', 'examples']);

/**
 * The schema's titles and descriptions in the UI language. JupyterLab
 * translates a schema only from its own language packs, so our settings
 * transform translates a copy: "schema" is the context of the schema's and
 * its definitions' own words, "settings" of each property's, as the
 * catalogue has them. The bundle is not named `trans`: the texts it is given
 * are the schema's, which the catalogue takes from the schema files, not
 * literals for the extractor to find here.
 */
export function translateSchema<T>(schema: T, bundle: ITranslationContexts): T {
  const translated = translateNode(schema, bundle, false) as {
    [key: string]: unknown;
  };
  const iconLabel = translated['jupyter.lab.setting-icon-label'];
  if (typeof iconLabel === 'string') {
    translated['jupyter.lab.setting-icon-label'] = bundle._p(
      'settings',
      iconLabel
    );
  }
  return translated as T;
}

function translateNode(
  node: unknown,
  bundle: ITranslationContexts,
  inProperty: boolean
): unknown {
  if (Array.isArray(node)) {
    return node.map(item => translateNode(item, bundle, inProperty));
  }
  if (typeof node !== 'object' || node === null) {
    return node;
  }
  const context = inProperty ? 'settings' : 'schema';
  const copy: { [key: string]: unknown } = {};
  for (const [key, value] of Object.entries(node)) {
    if (DATA_KEYS.has(key)) {
      copy[key] = value;
    } else if (
      (key === 'title' || key === 'description') &&
      typeof value === 'string'
    ) {
      copy[key] = bundle._p(context, value);
    } else if (key === 'properties' && typeof value === 'object' && value) {
      // Each child is a property: its words and everything under it.
      copy[key] = Object.fromEntries(
        Object.entries(value).map(([name, child]) => [
          name,
          translateNode(child, bundle, true)
        ])
      );
    } else {
      copy[key] = translateNode(value, bundle, inProperty);
    }
  }
  return copy;
}
