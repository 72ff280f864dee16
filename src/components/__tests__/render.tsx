import * as React from 'react';
import { act } from 'react';

import { nullTranslator } from '@jupyterlab/translation';
import { CommandRegistry } from '@lumino/commands';

import { offlineModel } from '../../__tests__/fixtures';
import { parseDocument } from '../../metadata/parse';
import { HubHelpModel } from '../../model';

// react-dom has no type declarations in this project.
interface IRoot {
  render(element: React.ReactNode): void;
  unmount(): void;
}
const { createRoot } = require('react-dom/client') as {
  createRoot(container: Element): IRoot;
};

(globalThis as any).IS_REACT_ACT_ENVIRONMENT = true;

export const trans = nullTranslator.load('jupyterlab_hub_help');

const roots: IRoot[] = [];

/**
 * Render into a container attached to the document; unmounted after each test.
 */
export function render(element: React.ReactElement): HTMLElement {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  roots.push(root);
  act(() => root.render(element));
  return container;
}

afterEach(() => {
  for (const root of roots.splice(0)) {
    act(() => root.unmount());
  }
  document.body.innerHTML = '';
});

/**
 * A model loaded with these settings, outside JupyterHub.
 */
export async function modelWith(settings: {
  [key: string]: unknown;
}): Promise<{ model: HubHelpModel; commands: CommandRegistry }> {
  const commands = new CommandRegistry();
  const model = offlineModel(commands);
  await model.load();
  model.setSettings(parseDocument(settings, 'settings'));
  return { model, commands };
}

/**
 * The closest element around `text` that isolates it for direction, if any.
 */
export function isolating(
  container: HTMLElement,
  text: string
): Element | null {
  const bdi = Array.from(
    container.querySelectorAll('bdi, [dir="auto"]')
  ).filter(el => el.textContent === text);
  return bdi[0] ?? null;
}
