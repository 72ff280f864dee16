import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { PartialJSONValue } from '@lumino/coreutils';

import { PLUGIN_ID } from './ids';
import { schemaForLab } from './schemaForLab';
import { ITranslationContexts, translateSchema } from './schemaText';
import { layerSettings, NO_SETTINGS } from './metadata/layers';
import { IParsedDocument, parseDocument } from './metadata/parse';

/**
 * Operators' values arrive as the schema's defaults (settings overrides).
 * JupyterLab refuses a plugin's settings outright when one default is
 * invalid, so this transform checks them first: invalid entries are left out
 * and reported, the valid rest is kept, and the Settings Editor keeps working.
 */
export class OperatorSettingsGuard {
  /**
   * The operator's values as checked at the last fetch, with their problems;
   * used alone when the user's own settings cannot be loaded.
   */
  operator: IParsedDocument = NO_SETTINGS;

  /**
   * @param bundle - translates the schema's own words for the Settings
   * Editor.
   */
  constructor(private readonly _bundle: ITranslationContexts) {}

  register(registry: ISettingRegistry): void {
    registry.transform(PLUGIN_ID, {
      fetch: plugin => this._check(plugin)
    });
  }

  /**
   * The settings to use: the user's own values, checked here, over the
   * operator's, checked once at fetch.
   */
  read(settings: ISettingRegistry.ISettings): IParsedDocument {
    return layerSettings(
      this.operator,
      parseDocument(settings.user, 'settings')
    );
  }

  private _check(plugin: ISettingRegistry.IPlugin): ISettingRegistry.IPlugin {
    plugin.schema = schemaForLab(translateSchema(plugin.schema, this._bundle));
    const properties = plugin.schema.properties ?? {};
    const values: { [key: string]: unknown } = {};
    // The schema's own defaults are null, not objects: jupyterlab_server
    // fails on an override of a property with no default, or of an object
    // default with anything but an object. Null means "not set".
    for (const [key, property] of Object.entries(properties)) {
      if (property.default !== undefined && property.default !== null) {
        values[key] = property.default;
      }
    }
    const operator = parseDocument(values, 'settings');
    const { document } = operator;
    // JupyterLab gets the checked values back as defaults, for the Settings
    // Editor, but not the lists (people, tasks, announcements...): they grow
    // with the hub, and its validator walks every default again for each
    // reference in the schema (about 150 ms at 2,000 people). The model
    // reads them from here (`read`), and the panel shows them.
    for (const [key, property] of Object.entries(properties)) {
      const value = (document as { [key: string]: PartialJSONValue })[key];
      if (
        Object.prototype.hasOwnProperty.call(document, key) &&
        !Array.isArray(value)
      ) {
        property.default = value;
      } else {
        delete property.default;
      }
    }
    this.operator = operator;
    return plugin;
  }
}
