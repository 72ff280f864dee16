import { IncomingMessage, ServerResponse } from 'http';

import * as React from 'react';
import { act } from 'react';

import { StateDB } from '@jupyterlab/statedb';
import { CommandRegistry } from '@lumino/commands';

import { CommunityEditor } from '../community/CommunityEditor';
import { startingValue } from '../community/startingValue';
import { RefusalNotice } from '../community/RefusalNotice';
import { CommunityActions } from '../components/CommunityActions';
import { RefreshItem } from '../components/PanelToolbar';
import { byName, click } from '../components/__tests__/interact';
import { render, trans } from '../components/__tests__/render';
import type { SignInCredential } from '../hub/client';
import { CommandIDs } from '../ids';

import { parseDocument } from '../metadata/parse';
import { describeProblem } from '../metadata/problems';
import { HubHelpModel, IHubHelpModelOptions } from '../model';
import { createModel, FakeHub, hubContext, TOKEN } from './fixtures';
import { Handler, json, LocalServer, stopAllServers } from './localServer';

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
  /**
   * Whether the page's token may edit (it carries the edit scope).
   */
  canEdit = false;
  /**
   * Whether alice would edit with the service's own sign-in.
   */
  signInToEdit = false;
  /**
   * Whether the page's token may read at all (the access scope).
   */
  tokenMayRead = true;
  /**
   * The XSRF token of alice's sign-in to the service, once she has one:
   * this browser sends its cookie.
   */
  signedIn: string | null = null;

  serve(hub: FakeHub): void {
    hub.faults[DOCUMENT] = (req, res) => this._document(req, res);
    hub.faults[ME] = (req, res) => this._me(req, res);
  }

  private _me(req: IncomingMessage, res: ServerResponse): void {
    const token = req.headers['authorization'] === `token ${TOKEN}`;
    const xsrf = req.headers['x-xsrftoken'];
    if (!token && !this.signedIn) {
      return json({ message: 'not signed in' }, 401)(req, res);
    }
    if (!token && xsrf !== undefined && xsrf !== this.signedIn) {
      return json({ message: 'XSRF' }, 403)(req, res);
    }
    const canEdit = token ? this.canEdit : this.signInToEdit || this.canEdit;
    json({
      name: 'alice',
      kind: 'user',
      canEdit,
      because: canEdit ? 'representative' : null,
      sections: canEdit ? ['people', 'announcements', 'status'] : [],
      credential: token ? 'token' : 'sign-in',
      signInToEdit: token && this.signInToEdit,
      ...(token ? {} : { xsrf: this.signedIn })
    })(req, res);
  }

  private _document(req: IncomingMessage, res: ServerResponse): void {
    if (req.headers['authorization'] && !this.tokenMayRead) {
      return json({ message: 'Forbidden' }, 403)(req, res);
    }
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
    // Who may edit is asked again only when the document changed (and, once
    // per session, whether an earlier sign-in lets them).
    expect(asked(ME).map(r => !!r.headers['authorization'])).toEqual([
      true,
      false
    ]);
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

  /**
   * How a hub answers for a service it does not run: JupyterHub redirects
   * to its own /hub/services/ page; a browser hides a redirect's target
   * from a request that does not follow it (an opaque redirect).
   */
  const redirect: Handler = (req, res) =>
    res.writeHead(302, { Location: `/hub${req.url}` }).end();
  const opaque = { type: 'opaqueredirect', status: 0, url: '' };
  const browser: typeof fetch = (input, init) =>
    String(input).includes('/services/')
      ? Promise.resolve({ ...opaque, headers: new Headers() } as Response)
      : fetch(input, init);
  const absent: [string, Handler | null, typeof fetch | undefined][] = [
    ['answers 404', json({ message: 'Not Found' }, 404), undefined],
    ['redirects', redirect, undefined],
    ['redirects, as a browser sees it', null, browser]
  ];

  it.each(absent)(
    'is absent, with nothing wrong and nothing asked again, on a hub that %s for it',
    async (_, handler, fetchImpl) => {
      if (handler) {
        hub.faults[DOCUMENT] = handler;
      }
      const model = await createModel(server.origin, {}, { fetch: fetchImpl });
      await expect(model.refresh()).resolves.toBe(true);
      await model.refresh();
      expect(model.lastCheck?.ok).toBe(true);
      expect(ofService(model)).toEqual([]);
      expect(model.community.service).toBeNull();
      if (handler) {
        expect(asked(DOCUMENT)).toHaveLength(1);
      }
      const toolbar = render(<RefreshItem model={model} trans={trans} />);
      expect(toolbar.textContent).toMatch(/^Updated at /);
      model.dispose();
    }
  );

  it.each([
    ['redirect', redirect, undefined],
    ['redirect, as a browser sees it', null, browser]
  ] as [string, Handler | null, typeof fetch | undefined][])(
    'is named, and the toolbar says so, when the settings name a service that answers with a %s',
    async (_, handler, fetchImpl) => {
      if (handler) {
        hub.faults['/services/our-help/api/document'] = handler;
      }
      const model = await createModel(
        server.origin,
        { communityService: 'our-help' },
        { fetch: fetchImpl }
      );
      await expect(model.refresh()).resolves.toBe(false);
      expect(brief(ofService(model))).toEqual(['community $ fetch-failed']);
      const toolbar = render(<RefreshItem model={model} trans={trans} />);
      expect(toolbar.textContent).toMatch(/^No answer at /);
      model.dispose();
    }
  );

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
      'Change the status note',
      'Clear the status note',
      'Edit people',
      'Edit announcements',
      'History'
    ]);
    await click(byName(container, 'button', 'Edit announcements')[0]);
    expect(opened).toEqual([{ tab: 'announcements' }]);
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

/**
 * Resolves once `done` holds, checked at each change of the model (what a
 * sign-in in the background brings is announced there).
 */
function until(model: HubHelpModel, done: () => boolean): Promise<void> {
  return new Promise(resolve => {
    const check = () => {
      if (done()) {
        model.changed.disconnect(check);
        resolve();
      }
    };
    model.changed.connect(check);
    check();
  });
}

/**
 * A silent sign-in that answers when the test says, recording where.
 */
function silentSignIn() {
  const urls: string[] = [];
  let answer: (signIn: SignInCredential | undefined) => void = () => undefined;
  const signIn = (url: string) => {
    urls.push(url);
    return new Promise<SignInCredential | undefined>(
      resolve => (answer = resolve)
    );
  };
  return {
    signIn,
    urls,
    answer: (xsrf?: string) => answer(xsrf === undefined ? xsrf : { xsrf })
  };
}

describe("editing with the service's own sign-in", () => {
  const meRequests = () =>
    asked(ME).map(r =>
      r.headers['authorization']
        ? 'token'
        : r.headers['x-xsrftoken']
          ? `sign-in ${r.headers['x-xsrftoken']}`
          : 'cookie'
    );
  const actions = (model: HubHelpModel) =>
    render(
      <CommunityActions model={model} trans={trans} commands={commands()} />
    );
  const commands = () => {
    const registry = new CommandRegistry();
    registry.addCommand(CommandIDs.editCommunity, { execute: () => undefined });
    return registry;
  };
  /**
   * The service, which lets alice edit with its own sign-in only (her
   * browser holding `signedIn` already, when given), and her model, whose
   * silent sign-in the test answers.
   */
  const withEditSignIn = async (
    signedIn: string | null = null,
    options: Partial<IHubHelpModelOptions> = {}
  ) => {
    const service = new FakeService();
    service.signInToEdit = true;
    service.signedIn = signedIn;
    service.serve(hub);
    const silent = silentSignIn();
    const model = await createModel(
      server.origin,
      {},
      { signInSilently: silent.signIn, ...options }
    );
    return { service, silent, model };
  };

  it('uses an earlier sign-in, found with the cookie alone, once per session', async () => {
    const service = new FakeService();
    service.signInToEdit = true;
    service.signedIn = 'xsrf-earlier';
    service.serve(hub);
    const credentials: { [url: string]: RequestCredentials | undefined } = {};
    const silent = silentSignIn();
    const model = await createModel(
      server.origin,
      {},
      {
        fetch: (input, init) => {
          credentials[String(input)] = init?.credentials;
          return fetch(input, init);
        },
        signInSilently: silent.signIn
      }
    );
    await expect(model.refresh()).resolves.toBe(true);
    expect(model.community.viewer).toMatchObject({
      canEdit: true,
      credential: 'sign-in'
    });
    expect(meRequests()).toEqual(['token', 'cookie']);
    expect(credentials[`${server.origin}${ME}`]).toBe('same-origin');
    expect(silent.urls).toEqual([]);
    expect(actions(model).textContent).toContain('Edit people');

    // From then on the document is read with the sign-in, without the token.
    service.revision = 2;
    await model.refresh();
    const last = asked(DOCUMENT).pop()!;
    expect(last.headers['authorization']).toBeUndefined();
    expect(last.headers['x-xsrftoken']).toBe('xsrf-earlier');
    expect(meRequests()).toEqual(['token', 'cookie', 'sign-in xsrf-earlier']);
    model.dispose();
  });

  it('signs in silently on their own server when there is no sign-in yet (401 is nothing wrong), and then they edit', async () => {
    const { service, silent, model } = await withEditSignIn();
    await expect(model.refresh()).resolves.toBe(true);
    expect(ofService(model)).toEqual([]);
    expect(silent.urls).toEqual([`${server.origin}/services/hub-help/`]);
    expect(model.community.signInToEdit).toBe('trying');
    // Nothing to click while it is tried.
    expect(actions(model).textContent).toBe('');

    service.signedIn = 'xsrf-silent';
    silent.answer('xsrf-silent');
    await until(model, () => !!model.community.viewer?.canEdit);
    expect(model.community.signInToEdit).toBeUndefined();
    expect(meRequests()).toEqual(['token', 'cookie', 'sign-in xsrf-silent']);
    expect(actions(model).textContent).toContain('Edit people');
    model.dispose();
  });

  it('an editor reopened while the silent sign-in is made waits for it, then shows the parts to edit', async () => {
    const { service, silent, model } = await withEditSignIn();
    await model.refresh();
    expect(model.community.signInToEdit).toBe('trying');
    // As the layout restorer reopens it after a reload.
    const editor = new CommunityEditor({
      model,
      trans,
      tab: 'people'
    });
    const container = render(editor.render());
    expect(container.textContent).toBe('');
    expect(container.querySelector('[aria-busy="true"]')).not.toBeNull();

    service.signedIn = 'xsrf-silent';
    silent.answer('xsrf-silent');
    await act(() => until(model, () => !!model.community.viewer?.canEdit));
    expect(
      Array.from(container.querySelectorAll('[role="tab"]')).map(
        tab => tab.textContent
      )
    ).toEqual(['People', 'Announcements', 'Status note', 'History']);
    editor.dispose();
    model.dispose();
  });

  it('offers the sign-in, saying why, when the silent one does not answer; the tab it opens lets them edit', async () => {
    const { service, silent, model } = await withEditSignIn();
    await model.refresh();
    silent.answer(undefined);
    await until(model, () => model.community.signInToEdit === 'needed');
    const container = actions(model);
    expect(container.textContent).toContain(
      'so that a server you visit cannot change'
    );
    const [button] = byName(container, 'button', 'Sign in to edit');

    const tab = { closed: false } as unknown as Window;
    const open = jest.spyOn(window, 'open').mockReturnValue(tab);
    await click(button);
    expect(open).toHaveBeenCalledWith(
      `${server.origin}/services/hub-help/`,
      '_blank'
    );
    service.signedIn = 'xsrf-tab';
    // The tab says it is done; the button stops waiting once the panel asked again.
    await act(async () => {
      window.dispatchEvent(
        new MessageEvent('message', {
          data: {
            type: 'jupyterlab-hub-help:service-signed-in',
            xsrf: 'xsrf-tab'
          },
          origin: server.origin,
          source: tab
        })
      );
      await until(model, () => !!model.community.viewer?.canEdit);
      // What the sign-in started ends with this task.
      await new Promise(resolve => setTimeout(resolve, 0));
    });
    expect(button.textContent).toBe('Sign in to edit');
    // Tried silently once only.
    expect(silent.urls).toHaveLength(1);
    open.mockRestore();
    model.dispose();
  });

  it("never signs in on someone else's server, and says why", async () => {
    // Not even with a sign-in the viewer made on their own server.
    const { silent, model } = await withEditSignIn('xsrf-earlier', {
      hub: hubContext(server.origin, { hubServerUser: 'bob' })
    });
    await model.refresh();
    expect(silent.urls).toEqual([]);
    expect(meRequests()).toEqual(['token']);
    expect(model.community.signInToEdit).toBe('elsewhere');
    const container = actions(model);
    expect(container.textContent).toContain('from your own server');
    expect(container.querySelectorAll('button')).toHaveLength(0);
    model.dispose();
  });

  it('costs those who would not edit one question per session, and no sign-in', async () => {
    const service = new FakeService();
    service.serve(hub);
    const silent = silentSignIn();
    const model = await createModel(
      server.origin,
      {},
      { signInSilently: silent.signIn }
    );
    await model.refresh();
    service.revision = 2;
    await model.refresh();
    expect(meRequests()).toEqual(['token', 'cookie', 'token']);
    expect(silent.urls).toEqual([]);
    expect(model.community.signInToEdit).toBeUndefined();
    expect(actions(model).textContent).toBe('');
    model.dispose();
  });

  it("reads with an earlier sign-in where the page's token may not", async () => {
    const service = new FakeService();
    service.tokenMayRead = false;
    service.signedIn = 'xsrf-earlier';
    service.serve(hub);
    const model = await createModel(server.origin);
    await expect(model.refresh()).resolves.toBe(true);
    expect(model.community.needsSignIn).toBe(false);
    expect(model.metadata.people.map(p => p.name)).toEqual(['Rosa Diaz']);
    model.dispose();
  });

  it('says plainly, when a change needs the sign-in, why, and offers it', async () => {
    const model = await createModel(server.origin);
    const container = render(
      <RefusalNotice
        refusal={{
          kind: 'refused',
          status: 403,
          error: 'sign-in-required',
          message: 'sign in'
        }}
        model={model}
        trans={trans}
      />
    );
    expect(container.textContent).toContain(
      "Nothing was changed: editing this hub's help needs a sign-in to the hub help service of its own"
    );
    expect(byName(container, 'button', 'Sign in to edit')).toHaveLength(1);
    model.dispose();
  });
});
