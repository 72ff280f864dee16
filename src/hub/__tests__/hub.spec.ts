import { createServer, IncomingMessage, Server } from 'http';
import { AddressInfo } from 'net';

import { HubClient, readHubContext, readLiveHub } from '..';
import { describeProblem } from '../../metadata';

const TOKEN = 'secret-token-0123456789';

/**
 * A small HTTP server on loopback that answers the Hub API paths the client
 * uses and records every request. The real JupyterHub is exercised by the
 * end-to-end suite; this one lets each answer be bent on purpose.
 */
class HubApi {
  users = Array.from({ length: 450 }, (_, i) => ({
    name: `u${i}`,
    admin: i % 100 === 7
  }));
  scopes = ['read:users:name!user=alice', 'read:users:groups!user=alice'];
  groups: { [name: string]: string[] } = { admins: ['ann', 'lin'] };
  down = false;
  requests: IncomingMessage[] = [];
  url = '';

  private _server: Server = createServer((req, res) => {
    this.requests.push(req);
    const reply = (status: number, body: unknown) =>
      res
        .writeHead(status, { 'Content-Type': 'application/json' })
        .end(JSON.stringify(body));
    if (this.down) {
      return reply(502, { message: 'proxy error' });
    }
    const url = new URL(req.url!, 'http://x');
    const authed = req.headers['authorization'] === `token ${TOKEN}`;
    if (url.pathname === '/hub/api/') {
      return reply(200, { version: '5.4.0' });
    }
    if (!authed) {
      return reply(403, { message: 'forbidden' });
    }
    if (url.pathname === '/hub/api/user') {
      return reply(200, {
        kind: 'user',
        name: 'alice',
        admin: false,
        groups: ['students'],
        scopes: this.scopes
      });
    }
    if (url.pathname === '/hub/api/users') {
      const offset = Number(url.searchParams.get('offset'));
      const limit = Number(url.searchParams.get('limit'));
      const items = this.users.slice(offset, offset + limit);
      const next =
        offset + limit < this.users.length
          ? { offset: offset + limit, limit }
          : null;
      return reply(200, {
        items,
        _pagination: { offset, limit, total: this.users.length, next }
      });
    }
    const group = /^\/hub\/api\/groups\/(.+)$/.exec(url.pathname);
    if (group && this.groups[group[1]]) {
      return reply(200, { name: group[1], users: this.groups[group[1]] });
    }
    reply(404, { message: 'not found' });
  });

  async start(): Promise<void> {
    await new Promise<void>(resolve =>
      this._server.listen(0, '127.0.0.1', resolve)
    );
    this.url = `http://127.0.0.1:${(this._server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this._server.closeAllConnections();
    await new Promise(resolve => this._server.close(resolve));
  }
}

const pageConfig = (options: { [name: string]: string }) => (name: string) =>
  options[name] ?? '';

describe('readHubContext', () => {
  it('reads the hub from PageConfig', () => {
    const context = readHubContext(
      pageConfig({
        hubPrefix: '/hub/',
        hubHost: 'https://hub.example.org',
        hubUser: 'ann',
        hubServerUser: 'bob',
        hubServerName: 'gpu',
        baseUrl: '/user/bob/gpu/'
      })
    );
    expect(context).toEqual({
      onHub: true,
      hubPrefix: '/hub/',
      hubHost: 'https://hub.example.org',
      user: 'ann',
      serverUser: 'bob',
      serverName: 'gpu',
      urls: {
        home: 'https://hub.example.org/hub/home',
        admin: 'https://hub.example.org/hub/admin',
        token: 'https://hub.example.org/hub/token',
        spawn: 'https://hub.example.org/hub/spawn',
        api: 'https://hub.example.org/hub/api/'
      }
    });
  });

  it('finds the owner in the base URL before JupyterHub 5', () => {
    const context = readHubContext(
      pageConfig({
        hubPrefix: '/hub/',
        hubUser: 'ann',
        baseUrl: '/user/b%40x.org/'
      })
    );
    expect(context.serverUser).toBe('b@x.org');
  });

  it('says when there is no hub', () => {
    const context = readHubContext(pageConfig({ baseUrl: '/' }));
    expect(context.onHub).toBe(false);
    expect(context.user).toBe('');
  });
});

describe('HubClient and readLiveHub', () => {
  let hub: HubApi;
  const discovery = { enabled: true, group: '', exclude: [] };
  const client = (timeoutMs = 2000) =>
    new HubClient(
      readHubContext(
        pageConfig({ hubPrefix: '/hub/', hubHost: hub.url, hubUser: 'alice' })
      ),
      TOKEN,
      {
        timeoutMs
      }
    );

  beforeEach(async () => {
    hub = new HubApi();
    await hub.start();
  });
  afterEach(() => hub.stop());

  it('reads the version and the viewer', async () => {
    const state = await readLiveHub(
      client(),
      discovery,
      () => new Date('2026-11-21T00:00:00Z')
    );
    expect(state).toEqual({
      reachable: true,
      version: '5.4.0',
      user: {
        name: 'alice',
        admin: false,
        groups: ['students'],
        scopes: hub.scopes
      },
      problems: [],
      checkedAt: '2026-11-21T00:00:00.000Z'
    });
  });

  it('does not list users without the list:users scope', async () => {
    const state = await readLiveHub(client(), discovery);
    expect(state.admins).toBeUndefined();
    expect(hub.requests.map(r => r.url)).toEqual([
      '/hub/api/',
      '/hub/api/user'
    ]);
  });

  it('lists admins page by page with list:users', async () => {
    hub.scopes = [...hub.scopes, 'list:users', 'read:users:name'];
    const state = await readLiveHub(client(), discovery);
    expect(state.admins).toEqual(['u7', 'u107', 'u207', 'u307', 'u407']);
    expect(state.adminsFrom).toBe('list:users');
    expect(
      hub.requests.filter(r => r.url!.startsWith('/hub/api/users'))
    ).toHaveLength(3);
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
    expect(hub.requests).toHaveLength(2);
  });

  it('sends the token only in the Authorization header, and not to the version endpoint', async () => {
    hub.scopes = [...hub.scopes, 'list:users'];
    await readLiveHub(client(), discovery);
    for (const request of hub.requests) {
      expect(request.url).not.toContain(TOKEN);
      const headers = Object.entries(request.headers).filter(
        ([name]) => name !== 'authorization'
      );
      expect(JSON.stringify(headers)).not.toContain(TOKEN);
      expect(request.headers['cookie']).toBeUndefined();
    }
    expect(hub.requests[0].headers['authorization']).toBeUndefined();
    expect(
      hub.requests
        .slice(1)
        .every(r => r.headers['authorization'] === `token ${TOKEN}`)
    ).toBe(true);
  });

  it('reports a hub that answers with an error, without throwing', async () => {
    hub.down = true;
    const state = await readLiveHub(client(), discovery);
    expect(state.reachable).toBe(false);
    expect(state.problems.map(p => describeProblem(p))).toEqual([
      'JupyterHub API, api: did not answer: HTTP 502'
    ]);
  });

  it('reports a hub that does not answer at all', async () => {
    await hub.stop();
    const state = await readLiveHub(client(300), discovery);
    expect(state.reachable).toBe(false);
    expect(describeProblem(state.problems[0])).toMatch(
      /^JupyterHub API, api: did not answer: (no answer|timed out)$/
    );
    hub = new HubApi();
    await hub.start();
  });

  it('never puts the token in an error message', async () => {
    hub.down = true;
    const state = await readLiveHub(client(), discovery);
    expect(JSON.stringify(state)).not.toContain(TOKEN);
  });
});
