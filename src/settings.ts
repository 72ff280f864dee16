import { ISettingRegistry } from '@jupyterlab/settingregistry';

import { PLUGIN_ID } from './ids';
import { withoutOurFormats } from './schemaFormats';
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
    plugin.schema = withoutOurFormats(
      translateSchema(plugin.schema, this._bundle)
    );
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
    for (const [key, property] of Object.entries(properties)) {
      if (Object.prototype.hasOwnProperty.call(document, key)) {
        property.default = (document as any)[key];
      } else {
        delete property.default;
      }
    }
    this.operator = operator;
    return plugin;
  }
}
