import { hubContext, TOKEN } from '../../__tests__/fixtures';
import { json, LocalServer, stopAllServers } from '../../__tests__/localServer';
import { HubClient } from '../client';
import { CommunityService } from '../community';

let server: LocalServer;
let service: CommunityService;

const CHANGE = {
  id: 7,
  section: 'people' as const,
  user: 'tomas',
  at: '2026-11-22T10:00:00Z',
  kind: 'edit' as const,
  revision: 3,
  summary: { added: 1, removed: 0, changed: 0 },
  as: 'representative' as const
};

const SECTION = {
  section: 'people' as const,
  value: [{ name: 'Rosa Diaz', roles: ['community-representative'] }],
  revision: 3,
  updatedBy: 'tomas',
  updatedAt: '2026-11-22T10:00:00Z'
};

beforeEach(async () => {
  server = await LocalServer.start();
  service = new CommunityService(
    new HubClient(hubContext(server.origin), TOKEN),
    'hub-help'
  );
});
afterEach(stopAllServers);

describe('the community help service client', () => {
  it('sends an edit with the revision it was made on, as JSON with the token', async () => {
    server.handler = json({ ...SECTION, revision: 4 }, 200, {
      ETag: '"people-4"'
    });
    const result = await service.save('people', SECTION.value, '"people-3"');
    expect(result).toEqual({
      kind: 'saved',
      state: { ...SECTION, revision: 4, etag: '"people-4"' }
    });
    const [request] = server.requests;
    expect(request).toMatchObject({
      method: 'PUT',
      url: '/services/hub-help/api/sections/people'
    });
    expect(request.headers).toMatchObject({
      authorization: `token ${TOKEN}`,
      'if-match': '"people-3"',
      'content-type': 'application/json'
    });
  });

  it("calls with the token the service's sign-in handed, in place of the page's, and never lets it out in text", async () => {
    const client = new HubClient(hubContext(server.origin), TOKEN);
    service = new CommunityService(client, 'hub-help');
    service.useSignIn({ token: 'sign-in-token' });
    server.handler = json({ ...SECTION, revision: 4 }, 200, {
      ETag: '"people-4"'
    });
    await service.save('people', SECTION.value, '"people-3"');
    const [request] = server.requests;
    expect(request.headers.authorization).toBe('token sign-in-token');
    expect(request.headers.cookie).toBeUndefined();
    expect(request.headers['x-xsrftoken']).toBeUndefined();
    const redacted = client.redact(`sent sign-in-token and ${TOKEN}`);
    expect(redacted).not.toContain('sign-in-token');
    expect(redacted).not.toContain(TOKEN);
  });

  it('reads a stale edit as a conflict with what is stored now', async () => {
    server.handler = json(
      { error: 'conflict', message: 'changed', current: SECTION },
      409
    );
    const result = await service.save('people', [], '"people-2"');
    expect(result).toEqual({
      kind: 'conflict',
      current: { ...SECTION, etag: '"people-3"' }
    });
  });

  it('reads an invalid edit as the problems the service named', async () => {
    server.handler = json(
      {
        error: 'invalid',
        problems: [
          {
            path: '$[0].roles',
            code: 'required',
            reason: 'is missing',
            severity: 'error'
          }
        ]
      },
      422
    );
    expect(await service.save('people', [{ name: 'x' }], '"people-3"')).toEqual(
      {
        kind: 'invalid',
        problems: [
          { path: '$[0].roles', code: 'required', reason: 'is missing' }
        ]
      }
    );
  });

  it('reads a refusal with its status and message, and a dead service as status 0', async () => {
    server.handler = json(
      { error: 'forbidden', message: 'zoe may not edit' },
      403
    );
    expect(await service.undo(CHANGE)).toEqual({
      kind: 'refused',
      status: 403,
      error: 'forbidden',
      message: 'zoe may not edit'
    });
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      url: '/services/hub-help/api/history/7/undo'
    });
    await server.stop();
    expect(await service.save('people', [], '"people-3"')).toMatchObject({
      kind: 'refused',
      status: 0
    });
  });

  it('keeps only the sections it knows from what it says of the viewer', async () => {
    server.handler = json({
      name: 'tomas',
      canEdit: true,
      because: 'representative',
      sections: ['people', 'status', 'roles', 42]
    });
    expect(await service.viewer()).toEqual({
      name: 'tomas',
      canEdit: true,
      because: 'representative',
      sections: ['people', 'status'],
      credential: 'token',
      signInToEdit: false,
      reports: { enabled: false, triage: false, shared: [] }
    });
  });

  it("says when a change needs the service's own sign-in", async () => {
    server.handler = json(
      { error: 'sign-in-required', message: 'sign in to edit' },
      403
    );
    expect(await service.save('people', [], '"people-3"')).toEqual({
      kind: 'refused',
      status: 403,
      error: 'sign-in-required',
      message: 'sign in to edit'
    });
  });

  it('refuses a service name that could lead the token elsewhere on the hub', async () => {
    for (const name of ['../hub/api', 'a/b', '..', '']) {
      const bad = new CommunityService(
        new HubClient(hubContext(server.origin), TOKEN),
        name
      );
      await expect(bad.viewer()).rejects.toThrow('not a service name');
    }
    expect(server.requests).toEqual([]);
  });
});

describe("the service's own sign-in", () => {
  const credentials: (RequestCredentials | undefined)[] = [];
  const recording: typeof fetch = (input, init) => {
    credentials.push(init?.credentials);
    return fetch(input, init);
  };
  beforeEach(() => {
    credentials.length = 0;
    service = new CommunityService(
      new HubClient(hubContext(server.origin), TOKEN, { fetch: recording }),
      'hub-help'
    );
  });

  it('is asked for with the cookie alone: no token, no XSRF token', async () => {
    server.handler = json({ message: 'not signed in' }, 401);
    expect(await service.signedInViewer('amara')).toBeUndefined();
    expect(service.signedIn).toBe(false);
    const [request] = server.requests;
    expect(request.url).toBe('/services/hub-help/api/me');
    expect(request.headers['authorization']).toBeUndefined();
    expect(request.headers['x-xsrftoken']).toBeUndefined();
    expect(credentials).toEqual(['same-origin']);
  });

  it('is used from then on when there is one, and the token is no longer sent', async () => {
    server.handler = json({
      name: 'amara',
      kind: 'user',
      canEdit: true,
      because: 'admin',
      sections: ['people'],
      credential: 'sign-in',
      signInToEdit: false,
      xsrf: 'xsrf-1'
    });
    expect(await service.signedInViewer('amara')).toMatchObject({
      canEdit: true,
      credential: 'sign-in'
    });
    expect(service.signedIn).toBe(true);
    await service.save('people', [], '"people-3"');
    const edit = server.requests[1];
    expect(edit.headers['x-xsrftoken']).toBe('xsrf-1');
    expect(edit.headers['authorization']).toBeUndefined();
    expect(credentials).toEqual(['same-origin', 'same-origin']);
  });

  it('is not taken from an answer that names no sign-in', async () => {
    server.handler = json({ name: 'amara', credential: 'token', xsrf: 'x' });
    expect(await service.signedInViewer('amara')).toBeUndefined();
    expect(service.signedIn).toBe(false);
  });

  it("is not taken when it is someone else's (a shared browser)", async () => {
    server.handler = json({ name: 'zoe', credential: 'sign-in', xsrf: 'x' });
    expect(await service.signedInViewer('amara')).toBeUndefined();
    expect(service.signedIn).toBe(false);
  });
});

describe('history and undo', () => {
  it('reads a page of changes with what each changed, and where the next starts', async () => {
    server.handler = json({
      changes: [{ ...CHANGE, before: 'ignored' }],
      next: 6
    });
    expect(await service.history({ section: 'people', before: 9 })).toEqual({
      changes: [CHANGE],
      next: 6
    });
    expect(server.requests[0].url).toBe(
      '/services/hub-help/api/history?section=people&before=9'
    );
  });

  it("undoes with the change's own revision, and reads the later changes that stop it", async () => {
    const current = { ...SECTION, revision: 5 };
    const later = [
      {
        id: 9,
        user: 'zoe',
        at: '2026-11-22T12:00:00Z',
        kind: 'edit',
        revision: 5
      },
      {
        id: 8,
        user: 'lin',
        at: '2026-11-22T11:00:00Z',
        kind: 'undo',
        revision: 4
      }
    ];
    server.handler = json(
      {
        error: 'later-changes',
        message: 'later changes',
        current,
        later,
        laterCount: 2,
        onlyThis: true
      },
      409,
      { ETag: '"people-5"' }
    );
    const result = await service.undo(CHANGE);
    expect(result).toEqual({
      kind: 'later-changes',
      current: { ...current, etag: '"people-5"' },
      later,
      laterCount: 2,
      onlyThis: true
    });
    expect(server.requests[0].headers['if-match']).toBe('"people-3"');
  });

  it('confirms with the revision the answer showed: all later changes, or only this one', async () => {
    const current = { ...SECTION, revision: 5, etag: '"people-5"' };
    const bodies: unknown[] = [];
    server.handler = (req, res) => {
      let text = '';
      req.on('data', chunk => (text += chunk));
      req.on('end', () => {
        bodies.push(JSON.parse(text));
        json({ ...SECTION, revision: 6 }, 200, { ETag: '"people-6"' })(
          req,
          res
        );
      });
    };
    await service.undo(CHANGE, { choice: 'all', current });
    await service.undo(CHANGE, { choice: 'only', current });
    expect(bodies).toEqual([{ alsoUndo: 2 }, { only: true }]);
    expect(server.requests.map(r => r.headers['if-match'])).toEqual([
      '"people-5"',
      '"people-5"'
    ]);
  });

  it('reads which entries stopped undoing only this change', async () => {
    server.handler = json(
      {
        error: 'entries-changed-later',
        entries: ['Rosa Diaz'],
        current: { ...SECTION, revision: 5 }
      },
      409
    );
    expect(
      await service.undo(CHANGE, {
        choice: 'only',
        current: { ...SECTION, revision: 5, etag: '"people-5"' }
      })
    ).toMatchObject({
      kind: 'entries-changed-later',
      entries: ['Rosa Diaz'],
      current: { revision: 5, etag: '"people-5"' }
    });
  });
});
