import { hubContext, TOKEN } from '../../__tests__/fixtures';
import { json, LocalServer, stopAllServers } from '../../__tests__/localServer';
import { HubClient } from '../../hub/client';
import { CommunityService } from '../../hub/community';
import { TransferSession } from '../transferSession';

const EXPORTED = {
  formatVersion: 1,
  sections: { people: [{ name: 'Rosa Diaz' }], status: null }
};

let server: LocalServer;
let transfer: TransferSession;
let imported: number;

beforeEach(async () => {
  server = await LocalServer.start();
  imported = 0;
  transfer = new TransferSession({
    service: new CommunityService(
      new HubClient(hubContext(server.origin), TOKEN),
      'hub-help'
    ),
    onImported: () => void imported++
  });
});
afterEach(stopAllServers);

const file = (name: string, text: string) => ({
  name,
  text: async () => text
});
const puts = () => server.requests.filter(r => r.method === 'PUT');

describe('export and import of the whole community part', () => {
  it('exports what the service answers, as readable JSON text', async () => {
    server.handler = json(EXPORTED);
    const text = await transfer.exportText();
    expect(JSON.parse(text)).toEqual(EXPORTED);
    expect(text).toContain('\n  "formatVersion": 1');
    expect(server.requests[0].url).toBe('/services/hub-help/api/export');
  });

  it('imports a file the service accepts, and tells the panel', async () => {
    server.handler = json({});
    await transfer.importFile(file('backup.json', JSON.stringify(EXPORTED)));
    expect(transfer.state.outcome).toEqual({
      kind: 'imported',
      file: 'backup.json'
    });
    expect(puts().map(r => r.url)).toEqual(['/services/hub-help/api/import']);
    expect(imported).toBe(1);
  });

  it('sends nothing for a file that is not JSON, and names the file', async () => {
    await transfer.importFile(file('notes.txt', 'people: Rosa'));
    expect(transfer.state.outcome).toMatchObject({
      kind: 'not-json',
      file: 'notes.txt'
    });
    expect(server.requests).toHaveLength(0);
    expect(imported).toBe(0);
  });

  it("shows the service's problems with a file it refuses whole", async () => {
    server.handler = json(
      {
        problems: [
          { path: '$.sections.people[0].name', code: 'empty', reason: 'empty' }
        ]
      },
      422
    );
    await transfer.importFile(file('backup.json', '{"sections": {}}'));
    expect(transfer.state.outcome).toEqual({
      kind: 'invalid',
      problems: [
        { path: '$.sections.people[0].name', code: 'empty', reason: 'empty' }
      ]
    });
    expect(imported).toBe(0);
  });

  it('keeps a refusal with its reason', async () => {
    server.handler = json(
      { error: 'sign-in-required', message: 'sign in to the service' },
      403
    );
    await transfer.importFile(file('backup.json', '{}'));
    expect(transfer.state.outcome).toMatchObject({
      kind: 'refused',
      refusal: { status: 403, error: 'sign-in-required' }
    });
  });
});
