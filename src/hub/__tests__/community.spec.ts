import { hubContext, TOKEN } from '../../__tests__/fixtures';
import { json, LocalServer, stopAllServers } from '../../__tests__/localServer';
import { HubClient } from '../client';
import { CommunityService } from '../community';

let server: LocalServer;
let service: CommunityService;

const SECTION = {
  section: 'people',
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
    expect(await service.undo(7, '"people-3"')).toEqual({
      kind: 'refused',
      status: 403,
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
      sections: ['people', 'status']
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
