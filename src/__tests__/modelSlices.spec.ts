/**
 * The model's metadata built in slices is the metadata built at once, and
 * settings set meanwhile are never lost to it.
 */
import { parseDocument } from '../metadata/parse';
import { HubHelpModel } from '../model';
import { createModel } from './fixtures';
import { LocalServer, stopAllServers } from './localServer';

let server: LocalServer;

beforeEach(async () => {
  server = await LocalServer.start();
});
afterEach(stopAllServers);

const settings = (name: string, count = 200) =>
  parseDocument(
    {
      hub: { name },
      people: Array.from({ length: count }, (_, i) => ({
        name: `Person ${i}`,
        usernames: [`user${i}`],
        roles: [i % 3 ? 'hub-administrator' : 'community-representative'],
        // Some wrong: their problems are named the same way.
        contact: { email: i % 7 ? `user${i}@example.org` : 'not an email' }
      })),
      tasks: Array.from({ length: count }, (_, i) => ({
        id: `task-${i}`,
        title: `Task ${i}`,
        owner: i % 11 ? 'user' : 'no-such-role'
      }))
    },
    'settings'
  );

const shown = (model: HubHelpModel) => ({
  metadata: model.metadata,
  problems: model.problems,
  representative: model.resolver.holds('community-representative')
});

describe('settings built in slices', () => {
  it('give the model what setSettings gives it', async () => {
    const atOnce = await createModel(server.origin);
    const sliced = await createModel(server.origin);
    let changes = 0;
    sliced.changed.connect(() => changes++);
    atOnce.setSettings(settings('Riverbend'));
    await sliced.setSettingsInSlices(settings('Riverbend'));
    expect(shown(sliced)).toEqual(shown(atOnce));
    expect(changes).toBe(1);
    atOnce.dispose();
    sliced.dispose();
  });

  it('pause after each person and task', async () => {
    const model = await createModel(server.origin);
    const work = model['_computing']({
      settings: settings('Riverbend', 300),
      settingsProblems: []
    });
    let pauses = 0;
    while (!work.next().done) {
      pauses++;
    }
    expect(pauses).toBeGreaterThanOrEqual(600);
    model.dispose();
  });

  it('give way to settings set after them', async () => {
    const model = await createModel(server.origin);
    const sliced = model.setSettingsInSlices(settings('Earlier'));
    model.setSettings(settings('Later', 3));
    await sliced;
    expect(model.metadata.hub.name).toBe('Later');
    model.dispose();
  });

  it('are built again at once when another source changed meanwhile', async () => {
    const model = await createModel(server.origin);
    const sliced = model.setSettingsInSlices(settings('Riverbend'));
    // Reading the stored copies again is a change of the sources.
    await model.load();
    await sliced;
    const atOnce = await createModel(server.origin);
    atOnce.setSettings(settings('Riverbend'));
    expect(shown(model)).toEqual(shown(atOnce));
    model.dispose();
    atOnce.dispose();
  });
});
