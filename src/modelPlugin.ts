import {
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { ISettingRegistry } from '@jupyterlab/settingregistry';

/**
 * Holds the extension's settings schema (the hub metadata format and the Help
 * menu entries).
 */
export const modelPlugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyterlab-hub-help:plugin',
  description: 'Reads hub metadata from settings and the live hub.',
  autoStart: true,
  optional: [ISettingRegistry],
  activate: (
    app: JupyterFrontEnd,
    settingRegistry: ISettingRegistry | null
  ): void => {
    // Filled in by the metadata layer.
  }
};
