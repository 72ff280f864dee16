import { JupyterFrontEnd } from '@jupyterlab/application';
import { CommandRegistry } from '@lumino/commands';
import { SidePanel } from '@jupyterlab/ui-components';
import { Widget } from '@lumino/widgets';

import { offlineModel } from '../../__tests__/fixtures';
import { CommandIDs } from '../../ids';
import { parseDocument } from '../../metadata/parse';
import { panelPlugin } from '../panel';
import { reportPlugin } from '../report';

/**
 * A shell that records what the plugin adds and activates; the command
 * registry and the model are the real ones.
 */
function createApp() {
  const added: { widget: Widget; area: string; rank?: number }[] = [];
  const activated: string[] = [];
  const commands = new CommandRegistry();
  const app = {
    commands,
    // Never restored: nothing is loaded ahead in these tests.
    restored: new Promise<void>(() => undefined),
    shell: {
      add: (widget: Widget, area: string, options?: { rank?: number }) => {
        added.push({ widget, area, rank: options?.rank });
      },
      activateById: (id: string) => {
        activated.push(id);
      }
    }
  };
  const model = offlineModel(commands);
  const hubHelp = { model, modelReady: Promise.resolve(model) };
  return {
    app: app as unknown as JupyterFrontEnd,
    model,
    hubHelp,
    added,
    activated
  };
}

/**
 * Resolves once the report plugin's commands have loaded what they do.
 */
function commandsLoaded(app: JupyterFrontEnd): Promise<void> {
  return new Promise(resolve =>
    app.commands.commandChanged.connect((_, change) => {
      if (change.type === 'many-changed') {
        resolve();
      }
    })
  );
}

describe('jupyterlab-hub-help:panel', () => {
  it('has a package-scoped id and a description', () => {
    expect(panelPlugin.id).toBe('jupyterlab-hub-help:panel');
    expect(panelPlugin.description).toBeTruthy();
  });

  it('adds the Get help panel to the right sidebar in the third-party rank range', () => {
    const { app, hubHelp, added } = createApp();
    panelPlugin.activate(app, hubHelp, null, null, null, null);
    expect(added).toHaveLength(1);
    const { widget, area, rank } = added[0];
    expect(area).toBe('right');
    expect(rank).toBeGreaterThanOrEqual(501);
    expect(rank).toBeLessThanOrEqual(899);
    expect(widget.id).toBe('jp-hub-help-panel');
    expect(widget.title.caption).toBe('Get help');
    expect(widget.title.icon).toBeTruthy();
  });

  it('renders nothing until the panel is first shown', async () => {
    const { app, hubHelp, added } = createApp();
    await hubHelp.model.load();
    hubHelp.model.setSettings(
      parseDocument({ hub: { name: 'Riverbend' } }, 'settings')
    );
    panelPlugin.activate(app, hubHelp, null, null, null, null);
    const panel = added[0].widget as SidePanel;
    expect(panel.content.widgets).toHaveLength(0);
    expect(panel.node.textContent).toBe('');

    const shown = new Promise<void>(resolve => {
      const observer = new MutationObserver(() => {
        if (panel.node.textContent?.includes('Riverbend')) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(panel.node, { childList: true, subtree: true });
    });
    // As the sidebar does: attached hidden, shown when its tab is chosen.
    panel.hide();
    Widget.attach(panel, document.body);
    expect(panel.node.textContent).toBe('');
    panel.show();
    await shown;
    expect(panel.content.widgets).toHaveLength(1);
    Widget.detach(panel);
  });

  it('registers hub-help:open, which activates the panel', async () => {
    const { app, hubHelp, added, activated } = createApp();
    panelPlugin.activate(app, hubHelp, null, null, null, null);
    expect(app.commands.hasCommand(CommandIDs.open)).toBe(true);
    expect(app.commands.label(CommandIDs.open)).toBe('Get Help with This Hub');
    await app.commands.execute(CommandIDs.open);
    expect(activated).toEqual([added[0].widget.id]);
  });

  it('adds the open command to the palette under Help when a palette exists', () => {
    const { app, hubHelp } = createApp();
    const items: { command: string; category: string }[] = [];
    const palette = { addItem: (item: any) => items.push(item) };
    panelPlugin.activate(app, hubHelp, null, null, palette, null);
    expect(items).toEqual([
      expect.objectContaining({ command: CommandIDs.open, category: 'Help' })
    ]);
  });
});

describe('hub-help:contact', () => {
  let open: jest.SpyInstance;
  beforeEach(() => {
    open = jest.spyOn(window, 'open').mockImplementation(() => null);
  });
  afterEach(() => open.mockRestore());

  async function activate() {
    const shell = createApp();
    await shell.model.load();
    shell.model.setSettings(
      parseDocument(
        {
          people: [
            {
              name: 'Lin Wei',
              roles: ['hub-administrator'],
              contact: { email: 'lin@example.org' }
            }
          ],
          statusPage: 'https://status.example.org'
        },
        'settings'
      )
    );
    const loaded = commandsLoaded(shell.app);
    panelPlugin.activate(shell.app, shell.hubHelp, null, null, null, null);
    reportPlugin.activate(shell.app, shell.hubHelp, null, null);
    await loaded;
    return shell;
  }

  it.each([
    [{ role: '__proto__' }],
    [{ role: 'constructor' }],
    [{ role: 'toString' }],
    [{ task: 'toString' }],
    [{ task: '__proto__' }],
    [{ role: 42 }],
    [{ task: 42 }],
    [{ role: null }],
    [{}]
  ])('opens the panel for %p, which names nothing known', async args => {
    const { app, activated, added } = await activate();
    expect(app.commands.label(CommandIDs.contact, args)).toBe(
      'Contact the people who handle a task'
    );
    await app.commands.execute(CommandIDs.contact, args);
    expect(activated).toEqual([added[0].widget.id]);
    expect(open).not.toHaveBeenCalled();
  });

  it.each([[{ role: 'hub-administrator' }], [{ task: 'add-user' }]])(
    'writes to the people who handle %p, in a new window without access to this page',
    async args => {
      const { app, activated } = await activate();
      expect(app.commands.label(CommandIDs.contact, args)).toBe(
        'Contact \u2068Hub Administrator\u2069'
      );
      await app.commands.execute(CommandIDs.contact, args);
      expect(open).toHaveBeenCalledWith(
        'mailto:lin@example.org',
        '_blank',
        'noopener,noreferrer'
      );
      expect(activated).toEqual([]);
    }
  );

  it('opens the status page without access to this page', async () => {
    const { app } = await activate();
    await app.commands.execute(CommandIDs.openStatusPage);
    expect(open).toHaveBeenCalledWith(
      'https://status.example.org',
      '_blank',
      'noopener,noreferrer'
    );
  });
});
