import { IncomingMessage, ServerResponse } from 'http';

import * as React from 'react';

import { StateDB } from '@jupyterlab/statedb';
import { CommandRegistry } from '@lumino/commands';

import { startingValue } from '../community/formSchema';
import { CommunityActions } from '../components/CommunityActions';
import { byName, click } from '../components/__tests__/interact';
import { render, trans } from '../components/__tests__/render';
import { CommandIDs } from '../ids';

import { parseDocument } from '../metadata/parse';
import { describeProblem } from '../metadata/problems';
import { HubHelpModel } from '../model';
import { createModel, FakeHub, TOKEN } from './fixtures';
import { json, LocalServer, stopAllServers } from './localServer';

const DOCUMENT = '/services/hub-help/api/document';
const ME = '/services/hub-help/api/me';

let hub: FakeHub;
let server: LocalServer;

/**
 * The community help service as the hub's proxy serves it: the document
 * with an ETag (304 when unchanged) and the viewer's rights.
 */
class FakeService {
  document: unknown = {
    formatVersion: 1,
    people: [
      {
        name: 'Rosa Diaz',
        usernames: ['rosa'],
        roles: ['community-representative'],
        contact: { email: 'rosa@example.org' }
      }
    ],
    announcements: [{ id: 'community-status', text: 'Maintenance tonight' }]
  };
  revision = 1;
  canEdit = false;

  serve(hub: FakeHub): void {
    hub.faults[DOCUMENT] = (req, res) => this._document(req, res);
    hub.faults[ME] = (req, res) =>
      json({
        name: 'alice',
        canEdit: this.canEdit,
        because: this.canEdit ? 'representative' : null,
        sections: ['people', 'announcements', 'status']
      })(req, res);
  }

  private _document(req: IncomingMessage, res: ServerResponse): void {
    const etag = `"r${this.revision}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ETag: etag }).end();
      return;
    }
    json(this.document, 200, { ETag: etag })(req, res);
  }
}

beforeEach(async () => {
  hub = new FakeHub();
  server = await LocalServer.start(hub.handler);
});
afterEach(stopAllServers);

const asked = (path: string) =>
  server.requests.filter(r => r.url.split('?')[0] === path);
const brief = (problems: { source: string; path: string; code: string }[]) =>
  problems.map(p => `${p.source} ${p.path} ${p.code}`);
/**
 * The problems the service's part caused (without it, the sample settings
 * list no representative, which is said too).
 */
const ofService = (model: HubHelpModel) =>
  model.problems.filter(p => p.source === 'community');

describe('the community help service', () => {
  it('adds its people and announcements, found at its default name, with the token in the Authorization header only', async () => {
    new FakeService().serve(hub);
    const model = await createModel(server.origin, {
      people: [{ name: 'Operator Desk', roles: ['support-triager'] }]
    });
    await expect(model.refresh()).resolves.toBe(true);
    expect(model.metadata.people.map(p => p.name)).toEqual(['Rosa Diaz']);
    expect(model.metadata.announcements.map(a => a.id)).toContain(
      'community-status'
    );
    const [request] = asked(DOCUMENT);
    expect(request.headers['authorization']).toBe(`token ${TOKEN}`);
    expect(request.url).not.toContain(TOKEN);
    model.dispose();
  });

  it('revalidates with the ETag, so an unchanged document costs a 304', async () => {
    const service = new FakeService();
    service.serve(hub);
    const model = await createModel(server.origin);
    await model.refresh();
    await model.refresh();
    expect(asked(DOCUMENT).map(r => r.headers['if-none-match'])).toEqual([
      undefined,
      '"r1"'
    ]);
    expect(model.metadata.people.map(p => p.name)).toEqual(['Rosa Diaz']);
    // Who may edit is asked again only when the document changed.
    expect(asked(ME)).toHaveLength(1);
    service.revision = 2;
    service.document = { people: [{ name: 'Sam Lee', roles: ['user'] }] };
    service.canEdit = true;
    await model.refresh();
    expect(model.metadata.people.map(p => p.name)).toEqual(['Sam Lee']);
    expect(model.community.viewer?.canEdit).toBe(true);
    model.dispose();
  });

  it('may set only people, announcements and task notes: the operator keeps the rest, and what it tried is named', async () => {
    const service = new FakeService();
    service.document = {
      hub: { name: 'Taken over' },
      tasks: [{ id: 'x', title: 'x' }],
      statusPage: 'https://evil.example.com',
      people: [{ name: 'Rosa Diaz', roles: ['community-representative'] }]
    };
    service.serve(hub);
    const model = await createModel(server.origin, {
      hub: { name: 'Riverbend' }
    });
    await model.refresh();
    expect(model.metadata.hub.name).toBe('Riverbend');
    expect(model.metadata.statusPage).toBeUndefined();
    expect(model.metadata.tasks.map(t => t.id)).not.toContain('x');
    expect(brief(model.problems)).toEqual(
      expect.arrayContaining([
        'community $.hub not-community',
        // A task of its own, not a note on a listed one.
        'community $.tasks[0].id not-community',
        'community $.statusPage not-community'
      ])
    );
    expect(describeProblem(model.problems.find(p => p.path === '$.hub')!)).toBe(
      'community help service, $.hub: is ignored: the community help service may set only people, announcements, tasks'
    );
    model.dispose();
  });

  it('adds notes on the tasks the operator lists, and nothing else about a task', async () => {
    const service = new FakeService();
    service.document = {
      tasks: [
        { id: 'add-user', how: { text: 'Ask Rosa in the #access channel' } },
        {
          id: 'restart-server',
          owner: 'user',
          how: { text: 'Use the hub page', command: { id: 'evil:run' } }
        },
        { id: 'invented', how: { text: 'A task nobody listed' } }
      ]
    };
    service.serve(hub);
    const model = await createModel(server.origin);
    await model.refresh();
    const task = (id: string) => model.metadata.tasks.find(t => t.id === id);
    expect(task('add-user')!.how.text).toBe('Ask Rosa in the #access channel');
    // The note's text only: the built-in owner and button stay.
    const restart = task('restart-server')!;
    expect(restart.how.text).toBe('Use the hub page');
    expect(restart.how.command?.id).not.toBe('evil:run');
    expect(task('invented')).toBeUndefined();
    expect(brief(ofService(model))).toEqual(
      expect.arrayContaining([
        'community $.tasks[1].owner not-community',
        'community $.tasks[1].how.command not-community',
        'community $.tasks[2].id not-community'
      ])
    );
    model.dispose();
  });

  it('checks its document with the same rules, keeping the valid rest', async () => {
    const service = new FakeService();
    service.document = {
      people: [
        { name: 'Rosa Diaz', roles: ['community-representative'] },
        { name: 'No roles' },
        { name: 'Bad mail', roles: ['user'], contact: { email: 'nope' } }
      ]
    };
    service.serve(hub);
    const model = await createModel(server.origin);
    await model.refresh();
    expect(model.metadata.people.map(p => p.name)).toContain('Rosa Diaz');
    expect(model.metadata.people.map(p => p.name)).not.toContain('No roles');
    expect(brief(model.problems)).toEqual(
      expect.arrayContaining([
        'community $.people[1] required',
        'community $.people[2].contact.email bad-email'
      ])
    );
    model.dispose();
  });

  it('is not looked for again on a hub without it, and nothing is reported', async () => {
    const model = await createModel(server.origin);
    await expect(model.refresh()).resolves.toBe(true);
    await model.refresh();
    expect(asked(DOCUMENT)).toHaveLength(1);
    expect(ofService(model)).toEqual([]);
    expect(model.community.service).toBeNull();
    model.dispose();
  });

  it('is reported missing when the settings name it', async () => {
    const model = await createModel(server.origin, {
      communityService: 'our-help'
    });
    await expect(model.refresh()).resolves.toBe(false);
    expect(asked('/services/our-help/api/document')).toHaveLength(1);
    expect(brief(ofService(model))).toEqual(['community $ fetch-failed']);
    model.dispose();
  });

  it('is never asked when the settings turn it off', async () => {
    new FakeService().serve(hub);
    const model = await createModel(server.origin, { communityService: '' });
    await model.refresh();
    expect(asked(DOCUMENT)).toHaveLength(0);
    expect(model.community.service).toBeNull();
    model.dispose();
  });

  it('says which scope to grant when the page token may not call it', async () => {
    hub.faults[DOCUMENT] = json({ message: 'Forbidden' }, 403);
    const model = await createModel(server.origin);
    await model.refresh();
    expect(ofService(model).map(p => describeProblem(p))).toEqual([
      "community help service, $: cannot be read with this page's token: the operator grants 'access:services!service=hub-help' to users and in Spawner.oauth_client_allowed_scopes"
    ]);
    model.dispose();
  });

  it('keeps the last good copy while the service is down, across reloads', async () => {
    new FakeService().serve(hub);
    const state = new StateDB();
    const model = await createModel(server.origin, {}, { state });
    await model.refresh();
    hub.faults[DOCUMENT] = json({ message: 'Service Unavailable' }, 503);
    await expect(model.refresh()).resolves.toBe(false);
    expect(model.metadata.people.map(p => p.name)).toEqual(['Rosa Diaz']);
    expect(brief(ofService(model))).toEqual(['community $ fetch-failed']);
    model.dispose();

    const reloaded = await createModel(server.origin, {}, { state });
    expect(reloaded.metadata.people.map(p => p.name)).toEqual(['Rosa Diaz']);
    // A copy stands for its service only.
    reloaded.setSettings(
      parseDocument({ communityService: 'elsewhere' }, 'settings')
    );
    expect(reloaded.metadata.people.map(p => p.name)).toEqual([]);
    reloaded.dispose();
  });

  it('cannot be renamed by the metadata URL, which would send it the token', async () => {
    new FakeService().serve(hub);
    hub.document = { communityService: 'evil' };
    const model = await createModel(server.origin, {
      metadataUrl: `${server.origin}/hub-help.json`
    });
    await model.refresh();
    await model.refresh();
    expect(model.metadata.communityService).toBe('hub-help');
    expect(
      server.requests.filter(r => r.url.startsWith('/services/evil'))
    ).toEqual([]);
    expect(brief(model.problems)).toContain(
      'metadata-url $.communityService settings-only'
    );
    model.dispose();
  });
});

describe('editing, for those the service lets edit', () => {
  async function actions(canEdit: boolean) {
    const service = new FakeService();
    service.canEdit = canEdit;
    service.serve(hub);
    const model = await createModel(server.origin);
    await model.refresh();
    const commands = new CommandRegistry();
    const opened: unknown[] = [];
    commands.addCommand(CommandIDs.editCommunity, {
      execute: args => void opened.push(args)
    });
    const container = render(
      <CommunityActions model={model} trans={trans} commands={commands} />
    );
    return { container, opened, model };
  }

  it('offers the editor of each part, and its history, to an editor', async () => {
    const { container, opened, model } = await actions(true);
    const buttons = Array.from(container.querySelectorAll('button')).map(
      b => b.textContent
    );
    expect(buttons).toEqual([
      'Edit people',
      'Edit announcements',
      'Edit the status note',
      'History'
    ]);
    await click(byName(container, 'button', 'Edit the status note')[0]);
    expect(opened).toEqual([{ tab: 'status' }]);
    model.dispose();
  });

  it('asks those who see the configuration to sign in to the service when the page token may not call it', async () => {
    hub.faults[DOCUMENT] = json({ message: 'Forbidden' }, 403);
    hub.admin = true;
    const model = await createModel(server.origin);
    await model.refresh();
    expect(model.community.needsSignIn).toBe(true);
    const container = render(
      <CommunityActions
        model={model}
        trans={trans}
        commands={new CommandRegistry()}
      />
    );
    expect(
      byName(container, 'button', 'Sign in to the hub help service')
    ).toHaveLength(1);
    model.dispose();
  });

  it('shows nothing to everyone else', async () => {
    const { container, model } = await actions(false);
    expect(container.textContent).toBe('');
    model.dispose();
  });

  it("starts a part nothing was stored for from what the panel shows, so saving keeps the operator's entries", async () => {
    const model = await createModel(server.origin, {
      people: [
        { name: 'Amara Okafor', roles: ['community-representative'] },
        { name: 'Lin Wei', usernames: ['lin'], roles: ['hub-administrator'] }
      ],
      announcements: [{ id: 'welcome', text: 'Welcome' }]
    });
    expect(startingValue('people', model.metadata)).toEqual([
      {
        name: 'Amara Okafor',
        usernames: [],
        roles: ['community-representative'],
        contact: {}
      },
      {
        name: 'Lin Wei',
        usernames: ['lin'],
        roles: ['hub-administrator'],
        contact: {}
      }
    ]);
    expect(startingValue('announcements', model.metadata)).toEqual([
      { id: 'welcome', text: 'Welcome', severity: 'info' }
    ]);
    model.dispose();
  });
});
