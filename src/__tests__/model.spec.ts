import { StateDB } from '@jupyterlab/statedb';
import { JSONValue } from '@lumino/coreutils';

import { readHubContext } from '../hub';
import { LIMITS } from '../metadata/limits';
import { parseDocument } from '../metadata/parse';
import { describeProblem } from '../metadata/problems';
import { englishTrans } from '../metadata/trans';
import { HubHelpModel } from '../model';
import { createModel, FakeHub, MemoryStorage } from './fixtures';
import { json, LocalServer, stopAllServers } from './localServer';

const STATE_REMOTE = 'jupyterlab-hub-help:remote-copy';

let hub: FakeHub;
let server: LocalServer;
let docUrl: string;

beforeEach(async () => {
  hub = new FakeHub();
  server = await LocalServer.start(hub.handler);
  docUrl = `${server.origin}/hub-help.json`;
});
afterEach(stopAllServers);

/**
 * The model's poll is private; its frequency is what a document could break.
 */
const frequency = (model: HubHelpModel) => model['_poll']!.frequency;

/**
 * The next tick of the model's poll that ran a refresh.
 */
const refreshed = (model: HubHelpModel) =>
  new Promise<void>(resolve => {
    const poll = model['_poll']!;
    const check = (_: unknown, state: { phase: string }) => {
      if (state.phase === 'resolved' || state.phase === 'rejected') {
        poll.ticked.disconnect(check);
        resolve();
      }
    };
    poll.ticked.connect(check);
  });

/**
 * A model whose clock reads `time()`.
 */
const modelAt = (time: () => number) =>
  createModel(server.origin, {}, { now: () => new Date(time()) });

describe('the refresh interval', () => {
  // The schema refuses more than a day; the poll must not depend on it.
  const atMostADay = (model: HubHelpModel) =>
    expect(frequency(model).interval).toBeLessThanOrEqual(
      LIMITS.refreshMaxSeconds * 1000
    );

  it('never makes the poll throw, whatever the settings ask', async () => {
    const model = await createModel(server.origin, {
      refreshInterval: 86_400_000
    });
    expect(() => model.startPolling()).not.toThrow();
    atMostADay(model);
    expect(() =>
      model.setSettings(parseDocument({ refreshInterval: 45 }, 'settings'))
    ).not.toThrow();
    expect(frequency(model)).toMatchObject({ interval: 45_000 });
    model.dispose();
  });

  it('never makes the poll throw, whatever the metadata URL asks, and the stored copy still loads', async () => {
    hub.document = { hub: { name: 'Pinned' }, refreshInterval: 86_400_000 };
    const state = new StateDB();
    const model = await createModel(
      server.origin,
      { metadataUrl: docUrl },
      { state }
    );
    model.startPolling();
    await refreshed(model);
    expect(model.metadata.hub.name).toBe('Pinned');
    atMostADay(model);
    model.dispose();

    const reloaded = await createModel(
      server.origin,
      { metadataUrl: docUrl },
      { state }
    );
    expect(reloaded.metadata.hub.name).toBe('Pinned');
    expect(() => reloaded.startPolling()).not.toThrow();
    reloaded.dispose();
  });

  it('may grow past the current one when the metadata URL says so, at once', async () => {
    hub.document = { hub: { name: 'Served' }, refreshInterval: 60 };
    const model = await createModel(server.origin, {
      metadataUrl: docUrl,
      refreshInterval: 30
    });
    model.startPolling();
    await refreshed(model);
    let changed = false;
    model.changed.connect(() => (changed = true));
    await expect(model.refresh()).resolves.toBe(true);
    expect(changed).toBe(true);
    expect(model.metadata.hub.name).toBe('Served');
    expect(frequency(model)).toMatchObject({ interval: 60_000 });
    model.dispose();
  });
});

describe('the stored copy of the metadata URL', () => {
  const stored = (url: string, document: JSONValue) => ({
    url,
    document,
    fetchedAt: '2026-11-21T00:00:00.000Z'
  });

  it('is used only for the current metadata URL', async () => {
    const state = new StateDB();
    await state.save(
      STATE_REMOTE,
      stored('https://old.example.org/hub-help.json', {
        hub: { name: 'Old URL' }
      })
    );
    const model = await createModel(
      server.origin,
      { metadataUrl: docUrl },
      { state }
    );
    expect(model.metadata.hub.name).toBeUndefined();
    model.setSettings(
      parseDocument(
        { metadataUrl: 'https://old.example.org/hub-help.json' },
        'settings'
      )
    );
    expect(model.metadata.hub.name).toBe('Old URL');
    model.dispose();
  });

  it.each<[string, JSONValue]>([
    ['a list', [1, 2]],
    ['a string', 'garbage'],
    ['a copy whose document is not an object', stored('', 'x')]
  ])('is ignored when it is %s', async (_, value) => {
    const state = new StateDB();
    await state.save(STATE_REMOTE, value);
    const model = await createModel(
      server.origin,
      { metadataUrl: '' },
      { state }
    );
    expect(model.problems.filter(p => p.source === 'metadata-url')).toEqual([]);
    model.dispose();
  });

  it('is replaced only by a copy that was used', async () => {
    const state = new StateDB();
    let fail = false;
    const model = await createModel(
      server.origin,
      { metadataUrl: docUrl, metadataUrlMaySet: ['commands'] },
      {
        state,
        hasCommand: () => {
          if (fail) {
            throw new Error('the command registry is broken');
          }
          return true;
        }
      }
    );
    expect(await model.refresh()).toBe(true);
    expect(await state.fetch(STATE_REMOTE)).toMatchObject({
      document: { hub: { name: 'Served' } }
    });

    // A document whose build fails is reported, not used, not stored.
    fail = true;
    hub.document = {
      hub: { name: 'Breaks the build' },
      tasks: [
        {
          id: 'breaks',
          title: 'Break the build',
          owner: 'user',
          how: { command: { id: 'hub-help:boom' } }
        }
      ]
    };
    await expect(model.refresh()).resolves.toBe(true);
    expect(model.metadata.hub.name).toBe('Served');
    expect(model.problems.map(p => describeProblem(p))).toContain(
      'metadata URL, $: is not valid: the command registry is broken'
    );
    expect(await state.fetch(STATE_REMOTE)).toMatchObject({
      document: { hub: { name: 'Served' } }
    });

    fail = false;
    await model.refresh();
    expect(model.metadata.hub.name).toBe('Breaks the build');
    expect(model.problems.filter(p => p.code === 'invalid')).toEqual([]);
    model.dispose();
  });
});

describe('a metadata document that moves itself', () => {
  const fetched = () =>
    server.requests.map(r => r.url).filter(url => url.endsWith('.json'));

  beforeEach(() => {
    hub.document = { metadataUrl: `${server.origin}/moved.json` };
    hub.faults['/moved.json'] = json({ hub: { name: 'Moved' } });
  });

  it("is followed with the operator's grant, and stays moved", async () => {
    const state = new StateDB();
    const settings = {
      metadataUrl: docUrl,
      metadataUrlMaySet: ['metadataUrl']
    };
    const model = await createModel(server.origin, settings, { state });
    for (let i = 0; i < 3; i++) {
      expect(await model.refresh()).toBe(true);
    }
    expect(model.metadata.hub.name).toBe('Moved');
    expect(fetched()).toEqual(['/hub-help.json', '/moved.json', '/moved.json']);
    model.dispose();

    const reloaded = await createModel(server.origin, settings, { state });
    expect(reloaded.metadata.hub.name).toBe('Moved');
    reloaded.dispose();
  });

  it('is not followed without it', async () => {
    const model = await createModel(server.origin, { metadataUrl: docUrl });
    await model.refresh();
    await model.refresh();
    expect(fetched()).toEqual(['/hub-help.json', '/hub-help.json']);
    model.dispose();
  });
});

describe('asking the hub', () => {
  it('lists the users once per refresh interval for all tabs of a browser', async () => {
    hub.scopes = [...hub.scopes, 'list:users'];
    const storage = new MemoryStorage();
    const tabs = [
      await createModel(server.origin, {}, { storage }),
      await createModel(server.origin, {}, { storage })
    ];
    for (const tab of tabs) {
      await tab.refresh();
      expect(tab.live!.admins).toEqual(['u7', 'u107', 'u207', 'u307', 'u407']);
    }
    expect(
      server.requests.filter(r => r.url.startsWith('/hub/api/users'))
    ).toHaveLength(3);
    tabs.forEach(tab => tab.dispose());
  });

  it('is not asked again when the panel opens soon after a refresh', async () => {
    let time = Date.parse('2026-11-21T10:00:00Z');
    const model = await modelAt(() => time);
    expect(model.refreshIfStale()).toBe(false);
    model.startPolling();
    await refreshed(model);
    const asked = server.requests.length;

    time += (LIMITS.refreshMinSeconds - 1) * 1000;
    expect(model.refreshIfStale()).toBe(false);
    expect(server.requests).toHaveLength(asked);

    time += 1000;
    const next = refreshed(model);
    expect(model.refreshIfStale()).toBe(true);
    await next;
    expect(server.requests.length).toBeGreaterThan(asked);
    model.dispose();
  });

  it('is asked again when the panel opens after a failed refresh', async () => {
    const time = Date.parse('2026-11-21T10:00:00Z');
    const model = await modelAt(() => time);
    hub.fault = (req, res) => res.writeHead(502).end();
    model.startPolling();
    await refreshed(model);
    const asked = server.requests.length;

    hub.fault = null;
    const next = refreshed(model);
    expect(model.refreshIfStale()).toBe(true);
    await next;
    expect(server.requests.length).toBeGreaterThan(asked);
    expect(model.live).toMatchObject({ reachable: true, failures: 0 });
    expect(model.refreshIfStale()).toBe(false);
    model.dispose();
  });

  it('keeps an admin their role when api/user is slow', async () => {
    hub.admin = true;
    const model = await createModel(server.origin, {}, { timeoutMs: 200 });
    await model.refresh();
    expect(model.resolver.holds('hub-administrator')).toBe(true);

    hub.faults['/hub/api/user'] = () => undefined;
    await expect(model.refresh()).resolves.toBe(false);
    expect(model.resolver.holds('hub-administrator')).toBe(true);
    expect(model.seesConfiguration).toBe(true);
    expect(model.problems.map(p => describeProblem(p))).toContain(
      'JupyterHub API, api/user: did not answer: timed out after 0.2 s'
    );
    model.dispose();
  });

  it('joins a refresh asked while one runs', async () => {
    const model = await createModel(server.origin);
    const [first, second] = [model.refresh(), model.refresh()];
    expect(second).toBe(first);
    await first;
    expect(server.requests.map(r => r.url).sort()).toEqual([
      '/hub/api/',
      '/hub/api/user',
      '/services/hub-help/api/document'
    ]);
    model.dispose();
  });
});

describe('disposing', () => {
  it('stops the poll and disconnects every listener, once', async () => {
    const model = await createModel(server.origin);
    model.startPolling();
    let changed = false;
    model.changed.connect(() => (changed = true));
    model.dispose();
    expect(model.isDisposed).toBe(true);
    expect(model['_poll']!.isDisposed).toBe(true);
    await model.dismiss('any');
    expect(changed).toBe(false);
    expect(() => model.dispose()).not.toThrow();
  });
});

describe('redact', () => {
  it('removes token parameters outside a hub too', () => {
    const model = new HubHelpModel({
      hub: readHubContext({}),
      token: '',
      language: 'en',
      trans: englishTrans,
      hasCommand: () => true,
      state: null
    });
    expect(model.redact('/lab?token=abc123')).toBe('/lab?token=[redacted]');
  });
});

describe('sources in, changed and answers out', () => {
  const people = [
    {
      name: 'Alice Liddell',
      usernames: ['alice'],
      roles: ['community-representative'],
      contact: { email: 'alice@example.org' }
    },
    {
      name: 'Ann Admin',
      roles: ['hub-administrator'],
      contact: { email: 'ann@example.org' }
    }
  ];

  it('tells its views once per change, and answers from the new sources', async () => {
    const model = await createModel(server.origin);
    let changes = 0;
    model.changed.connect(() => changes++);
    expect(model.resolver.holds('community-representative')).toBe(false);

    model.setSettings(
      parseDocument({ hub: { name: 'Riverbend' }, people }, 'settings')
    );
    expect(changes).toBe(1);
    expect(model.metadata.hub.name).toBe('Riverbend');
    expect(model.resolver.holds('community-representative')).toBe(true);
    expect(model.seesConfiguration).toBe(true);
    expect(model.resolver.routeReport().via?.role.id).toBeUndefined();
    expect(model.resolver.routeReport().contact?.role.id).toBe(
      'support-triager'
    );
    model.dispose();
  });

  it('names what is wrong in new settings and answers from the valid rest', async () => {
    const model = await createModel(server.origin, {
      hub: { name: 'Riverbend' },
      people
    });
    model.setSettings(
      parseDocument(
        {
          hub: { name: 42 },
          people: 'everyone',
          statusPage: 'https://status.example.org'
        },
        'settings'
      )
    );
    expect(model.metadata.statusPage).toBe('https://status.example.org');
    expect(model.metadata.people).toEqual([]);
    expect(model.problems.map(p => p.path)).toEqual(
      expect.arrayContaining(['$.hub.name', '$.people'])
    );
    model.dispose();
  });

  it('shows announcements in their window until the user dismisses one', async () => {
    const now = Date.parse('2026-11-21T10:00:00Z');
    const model = await createModel(
      server.origin,
      {
        announcements: [
          { id: 'now', text: 'Maintenance tonight' },
          { id: 'later', text: 'Next term', start: '2027-01-01T00:00:00Z' },
          { id: 'past', text: 'Done', end: '2026-11-01T00:00:00Z' }
        ]
      },
      { now: () => new Date(now) }
    );
    expect(model.visibleAnnouncements().map(a => a.id)).toEqual(['now']);
    let changes = 0;
    model.changed.connect(() => changes++);
    await model.dismiss('now');
    expect(changes).toBe(1);
    expect(model.visibleAnnouncements()).toEqual([]);
    model.dispose();
  });

  it('says when it is checking and when it last checked', async () => {
    const time = Date.parse('2026-11-21T10:00:00Z');
    const model = await modelAt(() => time);
    expect(model.lastCheck).toBeUndefined();
    const seen: boolean[] = [];
    let changes = 0;
    model.checkChanged.connect(() => seen.push(model.refreshing));
    model.changed.connect(() => changes++);
    await model.refresh();
    expect(seen).toEqual([true, false]);
    // The views re-render once, for what the check brought.
    expect(changes).toBe(1);
    expect(model.lastCheck).toEqual({ at: new Date(time), ok: true });

    hub.fault = (_req, res) => {
      res.statusCode = 503;
      res.end();
    };
    await model.refresh();
    expect(model.lastCheck?.ok).toBe(false);
    model.dispose();
  });
});
