import { HubClient, readLiveHub, RequestError } from '../hub';
import { LIMITS } from '../metadata/limits';
import { describeProblem, describeReason } from '../metadata/problems';
import { fetchRemoteDocument, IRemoteCopy } from '../hub/remote';
import { createModel, FakeHub, hubContext, TOKEN } from './fixtures';
import {
  closedOrigin,
  FAULT_TIMEOUT_MS,
  FAULTS,
  IFault,
  json,
  LocalServer,
  stopAllServers
} from './localServer';

/**
 * Every client against real network faults on loopback: each keeps what it
 * had and names what failed. Timeouts are options, never waits: short where
 * the fault is that nothing more comes, else long enough that a loaded
 * machine never turns another fault into a timeout.
 */
const timeoutMs = 60_000;
const timeoutFor = (fault: IFault) =>
  fault.kind === 'timeout' ? FAULT_TIMEOUT_MS : timeoutMs;
const discovery = { enabled: true, group: '', exclude: [] };

afterEach(stopAllServers);

/**
 * A fake hub that serves the fault, and another site that records whether
 * anything reached it.
 */
async function faultySites(fault: IFault) {
  const elsewhere = await LocalServer.start(json({ hub: { name: 'Other' } }));
  const hub = new FakeHub();
  hub.fault = fault.handler(elsewhere.origin);
  const server = await LocalServer.start(hub.handler);
  return { hub, server, elsewhere, reason: fault.reason(elsewhere.origin) };
}

/**
 * The sentence an administrator reads: `start`, then the fault's reason.
 */
function expectReason(
  actual: string,
  start: string,
  reason: RegExp | string
): void {
  expect(actual.startsWith(start)).toBe(true);
  const rest = actual.slice(start.length);
  if (typeof reason === 'string') {
    expect(rest).toBe(reason);
  } else {
    expect(rest).toMatch(reason);
  }
}

describe.each(FAULTS)('$name', fault => {
  const timeoutMs = timeoutFor(fault);
  it('the metadata URL keeps the last good copy and names what failed', async () => {
    const { server, elsewhere, reason } = await faultySites(fault);
    const url = `${server.origin}/hub-help.json`;
    const previous: IRemoteCopy = {
      url,
      document: { hub: { name: 'Last good' } },
      fetchedAt: 'earlier'
    };
    const { copy, problem } = await fetchRemoteDocument(url, previous, {
      timeoutMs
    });
    expect(copy).toBe(previous);
    if (fault.kind === 'not-json') {
      expect(problem!.code).toBe('not-json');
      expect(describeReason(problem!)).toMatch(/^is not valid JSON: ./);
    } else {
      expect(problem!.code).toBe('fetch-failed');
      expectReason(describeReason(problem!), 'could not be fetched: ', reason);
    }
    // Sent without credentials, even to the site it was redirected to.
    for (const request of [...server.requests, ...elsewhere.requests]) {
      expect(request.headers['authorization']).toBeUndefined();
      expect(request.headers['cookie']).toBeUndefined();
    }
    if (fault.abandoned) {
      await server.abandoned;
    }
  });

  it('the Hub API client names what failed and never follows a redirect', async () => {
    const { server, elsewhere } = await faultySites(fault);
    const client = new HubClient(hubContext(server.origin), TOKEN, {
      timeoutMs
    });
    const error = await client.currentUser().then(
      () => undefined,
      (e: unknown) => e
    );
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).kind).toBe(fault.kind);
    expect(elsewhere.requests).toEqual([]);
    if (fault.abandoned) {
      await server.abandoned;
    }
  });

  it('readLiveHub reports it and keeps what the last check learned', async () => {
    const { hub, server, reason } = await faultySites(fault);
    const faulty = hub.fault;
    hub.fault = null;
    hub.admin = true;
    const client = new HubClient(hubContext(server.origin), TOKEN, {
      timeoutMs
    });
    const previous = await readLiveHub(client, discovery);
    hub.fault = faulty;
    const state = await readLiveHub(client, discovery, { previous });
    expect(state).toMatchObject({
      reachable: true,
      failures: 1,
      lastSuccessAt: previous.checkedAt,
      user: previous.user
    });
    expect(state.problems).toHaveLength(1);
    const [problem] = state.problems;
    expect(problem.path).toBe('api');
    expectReason(describeReason(problem), 'did not answer: ', reason);
  });

  it('the model keeps its last good data and says what failed', async () => {
    const { hub, server, reason } = await faultySites(fault);
    const faulty = hub.fault;
    hub.fault = null;
    hub.admin = true;
    const model = await createModel(
      server.origin,
      { metadataUrl: `${server.origin}/hub-help.json` },
      { timeoutMs }
    );
    expect(await model.refresh()).toBe(true);
    hub.fault = faulty;
    expect(await model.refresh()).toBe(false);
    expect(model.metadata.hub.name).toBe('Served');
    expect(model.resolver.holds('hub-administrator')).toBe(true);
    const problems = model.problems.filter(
      p => p.source === 'hub' || p.source === 'metadata-url'
    );
    expect(problems.map(p => [p.source, p.path])).toEqual([
      ['metadata-url', '$'],
      ['hub', 'api']
    ]);
    expectReason(describeReason(problems[1]), 'did not answer: ', reason);
    model.dispose();
  });
});

describe('a closed port', () => {
  it('is named as no answer by every client', async () => {
    const origin = await closedOrigin();
    const { problem } = await fetchRemoteDocument(
      `${origin}/hub-help.json`,
      undefined,
      { timeoutMs }
    );
    expect(describeProblem(problem!)).toBe(
      'metadata URL, $: could not be fetched: no answer'
    );
    const client = new HubClient(hubContext(origin), TOKEN, { timeoutMs });
    await expect(client.version()).rejects.toMatchObject({
      kind: 'no-answer'
    });
    const state = await readLiveHub(client, discovery);
    expect(describeProblem(state.problems[0])).toBe(
      'JupyterHub API, api: did not answer: no answer'
    );
  });
});

describe('a body larger than the limit, announced by Content-Length', () => {
  it('is refused before it is read', async () => {
    const server = await LocalServer.start((req, res) =>
      res
        .writeHead(200, {
          'Content-Type': 'application/json',
          'Content-Length': String(LIMITS.responseMaxBytes + 1)
        })
        .write('"')
    );
    const { problem } = await fetchRemoteDocument(
      `${server.origin}/hub-help.json`,
      undefined,
      { timeoutMs }
    );
    expect(describeReason(problem!)).toBe(
      `could not be fetched: answer larger than ${LIMITS.responseMaxBytes} bytes`
    );
    await server.abandoned;
  });
});

describe('the hub going down and coming back', () => {
  it('keeps the last good data, says what failed and since when, backs off and recovers', async () => {
    const hub = new FakeHub();
    hub.admin = true;
    hub.scopes = [...hub.scopes, 'list:users'];
    const server = await LocalServer.start(hub.handler);
    const model = await createModel(server.origin, {}, { timeoutMs });
    model.startPolling();
    // The poll is private: watching its ticks is how to see it back off.
    const poll = model['_poll']!;
    const next = (phase: string) =>
      new Promise<void>(resolve => {
        const check = (_: unknown, state: { phase: string }) => {
          if (state.phase === phase) {
            poll.ticked.disconnect(check);
            resolve();
          }
        };
        poll.ticked.connect(check);
      });
    const refreshed = (phase: string) => {
      const ticked = next(phase);
      void poll.refresh();
      return ticked;
    };

    await next('resolved');
    const up = model.live!;
    expect(up).toMatchObject({ reachable: true, failures: 0 });
    expect(model.metadata.people.map(p => p.usernames)).toContainEqual(['u7']);

    // A refresh that fails rejects, so that the poll backs off.
    hub.fault = (req, res) => res.writeHead(502).end('Bad Gateway');
    await refreshed('rejected');
    expect(model.live).toMatchObject({
      reachable: true,
      failures: 1,
      lastSuccessAt: up.lastSuccessAt
    });
    await refreshed('rejected');
    expect(model.live).toMatchObject({
      reachable: false,
      failures: 2,
      lastSuccessAt: up.lastSuccessAt,
      user: up.user,
      admins: up.admins
    });
    expect(model.resolver.holds('hub-administrator')).toBe(true);
    expect(model.metadata.people.map(p => p.usernames)).toContainEqual(['u7']);
    expect(model.problems.map(p => describeProblem(p))).toContain(
      'JupyterHub API, api: did not answer: HTTP 502'
    );
    expect(poll.frequency.backoff).toBe(true);
    expect(poll.frequency.max).toBeGreaterThan(poll.frequency.interval);

    hub.fault = null;
    await refreshed('resolved');
    expect(model.live).toMatchObject({ reachable: true, failures: 0 });
    expect(model.problems.filter(p => p.source === 'hub')).toEqual([]);
    model.dispose();
  });
});

describe('the token', () => {
  it('goes only in the Authorization header of Hub API and hub service requests', async () => {
    const hub = new FakeHub();
    hub.scopes = [...hub.scopes, 'list:users', 'read:groups!group=admins'];
    const server = await LocalServer.start(hub.handler);
    const model = await createModel(server.origin, {
      metadataUrl: `${server.origin}/hub-help.json`,
      adminDiscovery: { group: 'admins' }
    });
    expect(await model.refresh()).toBe(true);
    hub.scopes = hub.scopes.filter(s => !s.startsWith('read:groups'));
    const other = await createModel(server.origin, {
      metadataUrl: `${server.origin}/hub-help.json`
    });
    expect(await other.refresh()).toBe(true);
    expect(await model.hubAnswers()).toBe(true);

    const paths = server.requests.map(r => r.url.split('?')[0]);
    expect(new Set(paths)).toEqual(
      new Set([
        '/hub-help.json',
        '/hub/api/',
        '/hub/api/user',
        '/hub/api/groups/admins',
        '/hub/api/users',
        // The community help service, through the hub's proxy.
        '/services/hub-help/api/document'
      ])
    );
    for (const request of server.requests) {
      expect(request.url).not.toContain(TOKEN);
      const { authorization, ...others } = request.headers;
      expect(JSON.stringify(others)).not.toContain(TOKEN);
      expect(others['cookie']).toBeUndefined();
      const underApi =
        (request.url.startsWith('/hub/api/') && request.url !== '/hub/api/') ||
        request.url.startsWith('/services/hub-help/');
      expect(authorization).toBe(underApi ? `token ${TOKEN}` : undefined);
    }
    expect(JSON.stringify([model.live, model.problems])).not.toContain(TOKEN);
    model.dispose();
    other.dispose();
  });
});
