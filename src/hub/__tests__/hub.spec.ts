import {
  FakeHub,
  hubContext,
  MemoryStorage,
  TOKEN
} from '../../__tests__/fixtures';
import { LocalServer, stopAllServers } from '../../__tests__/localServer';
import { describeProblem } from '../../metadata';
import { LIMITS } from '../../metadata/limits';
import {
  HubClient,
  hubServiceUrl,
  ILiveHubState,
  readHubContext,
  readLiveHub,
  SharedAdmins
} from '..';

/**
 * Zoe's server on a hub with subdomains: the page's own origin and paths.
 */
const ZOE_ORIGIN = 'https://zoe.hub.example.org';
const zoeOnSubdomains = () =>
  readHubContext(
    {
      hubPrefix: '/hub/',
      hubHost: 'https://hub.example.org',
      hubUser: 'zoe',
      base: '/user/zoe/'
    },
    ZOE_ORIGIN
  );

describe('readHubContext', () => {
  it("reads the hub from JupyterLab's paths", () => {
    const context = readHubContext({
      hubPrefix: '/hub/',
      hubHost: 'https://hub.example.org',
      hubUser: 'ann',
      hubServerUser: 'bob',
      hubServerName: 'gpu',
      base: '/user/bob/gpu/'
    });
    expect(context).toEqual({
      onHub: true,
      hubPrefix: '/hub/',
      hubHost: 'https://hub.example.org',
      user: 'ann',
      serverUser: 'bob',
      serverName: 'gpu',
      subdomains: false,
      urls: {
        home: 'https://hub.example.org/hub/home',
        admin: 'https://hub.example.org/hub/admin',
        token: 'https://hub.example.org/hub/token',
        spawn: 'https://hub.example.org/hub/spawn',
        api: 'https://hub.example.org/hub/api/',
        viewerApi: 'https://hub.example.org/hub/api/'
      }
    });
    expect(hubServiceUrl(context, 'hub-help')).toBe(
      'https://hub.example.org/services/hub-help/'
    );
  });

  it('on a hub with subdomains, asks about the viewer through its own server and finds services on their own hosts', () => {
    const context = zoeOnSubdomains();
    expect(context.subdomains).toBe(true);
    expect(context.urls.api).toBe('https://hub.example.org/hub/api/');
    expect(context.urls.viewerApi).toBe(
      'https://zoe.hub.example.org/user/zoe/hub-help/api/hub/'
    );
    expect(hubServiceUrl(context, 'hub-help')).toBe(
      'https://hub-help--service.hub.example.org/services/hub-help/'
    );
    // JupyterHub encodes other names; the panel cannot guess them.
    expect(() => hubServiceUrl(context, 'hub_help')).toThrow(
      'letters, digits and single hyphens'
    );
    // The same origin, or a hub without a host of its own: no subdomains.
    for (const [hubHost, origin] of [
      ['https://hub.example.org', 'https://hub.example.org'],
      ['', 'https://hub.example.org']
    ]) {
      expect(
        readHubContext({ hubPrefix: '/hub/', hubHost }, origin).subdomains
      ).toBe(false);
    }
  });

  it('on a hub with subdomains, asks the hub only for its version, and its own server about the viewer', async () => {
    const asked: string[] = [];
    const answer = async (url: RequestInfo | URL) => {
      asked.push(String(url));
      return new Response(JSON.stringify({ name: 'zoe', version: '6.1.1' }), {
        headers: { 'Content-Type': 'application/json' }
      });
    };
    const context = zoeOnSubdomains();
    const client = new HubClient(context, TOKEN, {
      fetch: answer as typeof fetch
    });
    await client.version();
    await client.currentUser();
    await client.groupMembers('reps');
    expect(asked).toEqual([
      'https://hub.example.org/hub/api/',
      'https://zoe.hub.example.org/user/zoe/hub-help/api/hub/user',
      'https://zoe.hub.example.org/user/zoe/hub-help/api/hub/groups/reps'
    ]);
  });

  it('finds the owner in the base URL before JupyterHub 5', () => {
    const context = readHubContext({
      hubPrefix: '/hub/',
      hubUser: 'ann',
      base: '/user/b%40x.org/'
    });
    expect(context.serverUser).toBe('b@x.org');
  });

  it('says when there is no hub', () => {
    const context = readHubContext({ base: '/' });
    expect(context.onHub).toBe(false);
    expect(context.user).toBe('');
  });
});

describe('HubClient and readLiveHub', () => {
  let hub: FakeHub;
  let server: LocalServer;
  const discovery = { enabled: true, group: '', exclude: [] };
  const at = (time: string) => () => new Date(time);
  const client = (timeoutMs = 2000) =>
    new HubClient(hubContext(server.origin), TOKEN, { timeoutMs });
  const usersRequests = () =>
    server.requests.filter(r => r.url.startsWith('/hub/api/users'));

  beforeEach(async () => {
    hub = new FakeHub();
    server = await LocalServer.start(hub.handler);
  });
  afterEach(stopAllServers);

  it('reads the version and the viewer', async () => {
    const state = await readLiveHub(client(), discovery, {
      now: at('2026-11-21T00:00:00Z')
    });
    expect(state).toEqual({
      reachable: true,
      failures: 0,
      lastSuccessAt: '2026-11-21T00:00:00.000Z',
      version: '5.4.0',
      user: {
        name: 'alice',
        admin: false,
        groups: ['students'],
        scopes: hub.scopes
      },
      userAt: '2026-11-21T00:00:00.000Z',
      problems: [],
      checkedAt: '2026-11-21T00:00:00.000Z'
    });
  });

  it('does not list users without the list:users scope', async () => {
    const state = await readLiveHub(client(), discovery);
    expect(state.admins).toBeUndefined();
    expect(server.requests.map(r => r.url)).toEqual([
      '/hub/api/',
      '/hub/api/user'
    ]);
  });

  it('lists admins page by page with list:users', async () => {
    hub.scopes = [...hub.scopes, 'list:users', 'read:users:name'];
    const state = await readLiveHub(client(), discovery);
    expect(state.admins).toEqual(['u7', 'u107', 'u207', 'u307', 'u407']);
    expect(state.adminsFrom).toBe('list:users');
    expect(usersRequests()).toHaveLength(3);
  });

  it('does not use a filtered list:users scope', async () => {
    hub.scopes = [...hub.scopes, 'list:users!group=students'];
    expect((await readLiveHub(client(), discovery)).admins).toBeUndefined();
  });

  it('reads the admins group when the scope allows it', async () => {
    hub.scopes = [...hub.scopes, 'read:groups!group=admins', 'list:users'];
    const state = await readLiveHub(client(), {
      ...discovery,
      group: 'admins'
    });
    expect(state).toMatchObject({
      admins: ['ann', 'lin'],
      adminsFrom: 'group'
    });
  });

  it('asks nothing more when discovery is off', async () => {
    hub.scopes = [...hub.scopes, 'list:users'];
    const state = await readLiveHub(client(), { ...discovery, enabled: false });
    expect(state.admins).toBeUndefined();
    expect(server.requests).toHaveLength(2);
  });

  it('reports a hub that answers with an error, without throwing', async () => {
    hub.fault = (req, res) => res.writeHead(502).end('proxy error');
    const state = await readLiveHub(client(), discovery);
    expect(state.problems.map(p => describeProblem(p))).toEqual([
      'JupyterHub API, api: did not answer: HTTP 502'
    ]);
  });

  it('never puts the token in an error message', async () => {
    hub.fault = (req, res) => res.writeHead(502).end(TOKEN);
    const state = await readLiveHub(client(), discovery);
    expect(JSON.stringify(state)).not.toContain(TOKEN);
  });

  it('removes the token and token parameters from text that leaves the page', () => {
    expect(
      client().redact(`token ${TOKEN} at /lab?token=abc123&x=1 done`)
    ).toBe('token [redacted] at /lab?token=[redacted]&x=1 done');
  });

  describe('a failed check never demotes anyone', () => {
    const good = async (): Promise<ILiveHubState> => {
      hub.admin = true;
      hub.scopes = [...hub.scopes, 'list:users'];
      return readLiveHub(client(), discovery, {
        now: at('2026-11-21T10:00:00Z')
      });
    };

    it('keeps the last good viewer when api/user times out', async () => {
      const previous = await good();
      hub.faults['/hub/api/user'] = () => undefined;
      const state = await readLiveHub(client(200), discovery, {
        previous,
        now: at('2026-11-21T10:05:00Z')
      });
      expect(state.user).toEqual(previous.user);
      expect(state.user!.admin).toBe(true);
      expect(state.userAt).toBe('2026-11-21T10:00:00.000Z');
      expect(state.reachable).toBe(true);
      expect(state.problems.map(p => describeProblem(p))).toEqual([
        'JupyterHub API, api/user: did not answer: timed out after 0.2 s'
      ]);
    });

    it('keeps the last good admins when listing them fails', async () => {
      const previous = await good();
      hub.faults['/hub/api/users'] = (req, res) => res.writeHead(500).end();
      const state = await readLiveHub(client(), discovery, {
        previous,
        now: at('2026-11-21T11:00:00Z')
      });
      expect(state.admins).toEqual(['u7', 'u107', 'u207', 'u307', 'u407']);
      expect(state.adminsAt).toBe('2026-11-21T10:00:00.000Z');
      expect(describeProblem(state.problems[0])).toBe(
        'JupyterHub API, api/users: did not answer: HTTP 500'
      );
    });

    it(`says the hub is unreachable only after ${LIMITS.unreachableAfterFailures} failed checks in a row, and since when`, async () => {
      let state = await good();
      hub.fault = (req, res) => res.writeHead(502).end();
      const times = ['10:05', '10:10', '10:15'].map(t => `2026-11-21T${t}:00Z`);
      const seen: [boolean, number][] = [];
      for (const time of times) {
        state = await readLiveHub(client(), discovery, {
          previous: state,
          now: at(time)
        });
        seen.push([state.reachable, state.failures]);
        expect(state.user!.admin).toBe(true);
      }
      expect(seen).toEqual([
        [true, 1],
        [false, 2],
        [false, 3]
      ]);
      expect(state.lastSuccessAt).toBe('2026-11-21T10:00:00.000Z');
      expect(state.admins).toHaveLength(5);

      hub.fault = null;
      state = await readLiveHub(client(), discovery, {
        previous: state,
        now: at('2026-11-21T10:20:00Z')
      });
      expect(state).toMatchObject({
        reachable: true,
        failures: 0,
        lastSuccessAt: '2026-11-21T10:20:00.000Z',
        problems: []
      });
    });
  });

  describe('admin discovery shared by the tabs of a browser', () => {
    const interval = 300_000;
    let storage: MemoryStorage;
    const tab = () => ({
      client: client(),
      shared: new SharedAdmins(
        hubContext(server.origin).urls.api,
        'alice',
        storage
      )
    });
    const read = (t: ReturnType<typeof tab>, time: string) =>
      readLiveHub(t.client, discovery, {
        shared: t.shared,
        intervalMs: interval,
        now: at(time)
      });

    beforeEach(() => {
      storage = new MemoryStorage();
      hub.scopes = [...hub.scopes, 'list:users'];
    });

    it('lists the users once per refresh interval for every tab', async () => {
      const [first, second] = [tab(), tab()];
      await read(first, '2026-11-21T10:00:00Z');
      expect(usersRequests()).toHaveLength(3);

      const other = await read(second, '2026-11-21T10:01:00Z');
      expect(usersRequests()).toHaveLength(3);
      expect(other).toMatchObject({
        admins: ['u7', 'u107', 'u207', 'u307', 'u407'],
        adminsAt: '2026-11-21T10:00:00.000Z',
        adminsFrom: 'list:users'
      });

      await read(second, '2026-11-21T10:05:00Z');
      expect(usersRequests()).toHaveLength(6);
    });

    it('keeps usernames and times in the browser, never the token', async () => {
      await read(tab(), '2026-11-21T10:00:00Z');
      const stored = [...storage.items.values()].join();
      expect(stored).toContain('u107');
      expect(stored).not.toContain(TOKEN);
    });

    it('waits longer after each failed listing', async () => {
      hub.faults['/hub/api/users'] = (req, res) => res.writeHead(500).end();
      const t = tab();
      await read(t, '2026-11-21T10:00:00Z');
      expect(usersRequests()).toHaveLength(1);
      // One failure: twice the interval.
      await read(tab(), '2026-11-21T10:05:00Z');
      expect(usersRequests()).toHaveLength(1);
      await read(tab(), '2026-11-21T10:10:00Z');
      expect(usersRequests()).toHaveLength(2);
      // Two failures: four times.
      await read(t, '2026-11-21T10:25:00Z');
      expect(usersRequests()).toHaveLength(2);
      delete hub.faults['/hub/api/users'];
      const state = await read(t, '2026-11-21T10:30:00Z');
      expect(usersRequests()).toHaveLength(5);
      expect(state.admins).toHaveLength(5);
    });

    it('reads again when the record is unreadable', async () => {
      storage.setItem(
        `jupyterlab-hub-help:admins:${server.origin}/hub/api/:alice`,
        '{not json'
      );
      await read(tab(), '2026-11-21T10:00:00Z');
      expect(usersRequests()).toHaveLength(3);
    });
  });
});
