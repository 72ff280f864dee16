import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { PartialJSONValue } from '@lumino/coreutils';

import { PLUGIN_ID } from '../../ids';
import { layerSettings, NO_SETTINGS } from '../../metadata/layers';
import { checking, IParsedDocument, parseDocument } from '../../metadata/parse';
import { inSlices } from '../../slices';
import { schemaForEditor, schemaForValidator } from './schemaForLab';
import { ITranslationContexts, translateSchema } from './schemaText';

/**
 * Operators' values arrive as the schema's defaults (settings overrides).
 * JupyterLab refuses a plugin's settings outright when one default is
 * invalid, so this transform checks them first: invalid entries are left out
 * and reported, the valid rest is kept, and the Settings Editor keeps working.
 */
export class OperatorSettingsGuard {
  /**
   * @param bundle - translates the schema's own words for the Settings
   * Editor.
   */
  constructor(private readonly _bundle: ITranslationContexts) {}

  /**
   * The operator's values as fetched last, with their problems; used alone
   * when the user's own settings cannot be loaded. Checked on first use
   * after each fetch, not while JupyterLab loads the plugin: the lists grow
   * with the hub, and JupyterLab compiles our schema in that same task.
   */
  get operator(): IParsedDocument {
    this._operator ??= parseDocument(this._values, 'settings');
    return this._operator;
  }

  /**
   * Check the operator's values in slices that let input through, so that
   * reading `operator` afterwards costs nothing; a fetch meanwhile stops it.
   */
  async checkOperator(): Promise<void> {
    const values = this._values;
    const current = () => this._values === values && this._operator === null;
    if (current()) {
      const checked = await inSlices(checking(values, 'settings'), {
        wanted: current
      });
      if (checked && current()) {
        this._operator = checked;
      }
    }
  }

  register(registry: ISettingRegistry): void {
    registry.transform(PLUGIN_ID, {
      fetch: plugin => this._check(plugin),
      // After JupyterLab's validation: what the Settings Editor reads.
      compose: plugin => {
        plugin.schema = this._editorSchema ?? plugin.schema;
        return plugin;
      }
    });
  }

  /**
   * The settings to use: the user's own values, checked here, over the
   * operator's.
   */
  read(settings: ISettingRegistry.ISettings): IParsedDocument {
    return layerSettings(
      this.operator,
      parseDocument(settings.user, 'settings')
    );
  }

  private _check(plugin: ISettingRegistry.IPlugin): ISettingRegistry.IPlugin {
    const schema = schemaForEditor(
      translateSchema(plugin.schema, this._bundle)
    );
    const properties = schema.properties ?? {};
    const values: { [key: string]: unknown } = {};
    const single: { [key: string]: unknown } = {};
    // The schema's own defaults are null, not objects: jupyterlab_server
    // fails on an override of a property with no default, or of an object
    // default with anything but an object. Null means "not set".
    for (const [key, property] of Object.entries(properties)) {
      if (property.default !== undefined && property.default !== null) {
        values[key] = property.default;
        if (property.type !== 'array') {
          single[key] = property.default;
        }
      }
    }
    this._values = values;
    this._operator = null;
    // JupyterLab gets the operator's values back as defaults, for the
    // Settings Editor, but not the lists (people, tasks, announcements...):
    // they grow with the hub, and its validator walks every default again
    // for each reference in the schema (a long task that grows with them:
    // `node bench/schema.mjs` measures it, bench/budget.json bounds our long
    // tasks after the restore). The model reads them from here
    // (`operator`), and the panel shows them. The rest is checked now, since
    // one invalid default makes JupyterLab refuse the plugin's settings
    // whole.
    const { document } = parseDocument(single, 'settings');
    for (const [key, property] of Object.entries(properties)) {
      if (Object.prototype.hasOwnProperty.call(document, key)) {
        property.default = (document as { [key: string]: PartialJSONValue })[
          key
        ];
      } else {
        delete property.default;
      }
    }
    this._editorSchema = schema;
    plugin.schema = schemaForValidator(schema);
    return plugin;
  }

  private _editorSchema: ISettingRegistry.ISchema | null = null;
  private _values: { [key: string]: unknown } = {};
  private _operator: IParsedDocument | null = NO_SETTINGS;
}
