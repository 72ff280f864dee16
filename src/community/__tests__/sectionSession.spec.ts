import { IncomingMessage, ServerResponse } from 'http';

import { hubContext, TOKEN } from '../../__tests__/fixtures';
import { json, LocalServer, stopAllServers } from '../../__tests__/localServer';
import { HubClient } from '../../hub/client';
import { CommunityService } from '../../hub/community';
import { buildMetadata } from '../../metadata/build';
import { SectionSession } from '../sectionSession';

const PREFIX = '/services/hub-help/api/sections/';

/**
 * The service's sections as its contract says: each read answers the value
 * and its revision's ETag; a save names the revision it was read at
 * (`If-Match`) and is refused with the current one when another came since.
 */
class Sections {
  value: unknown = null;
  revision = 0;
  user: string | null = null;
  /**
   * Who saves, as the service would know them.
   */
  caller = 'rosa';
  /**
   * Each save's `If-Match` and value, in order.
   */
  saves: { ifMatch?: string; value: unknown }[] = [];

  /**
   * Someone else saves the section.
   */
  store(user: string, value: unknown): void {
    this.value = value;
    this.revision++;
    this.user = user;
  }

  handler = (req: IncomingMessage, res: ServerResponse): void => {
    const section = req.url!.slice(PREFIX.length);
    if (req.method === 'GET') {
      return json(this._state(section), 200, { ETag: this._etag(section) })(
        req,
        res
      );
    }
    let text = '';
    req.on('data', chunk => (text += chunk));
    req.on('end', () => {
      const { value } = JSON.parse(text);
      const ifMatch = req.headers['if-match'];
      this.saves.push({ ifMatch, value });
      if (ifMatch !== this._etag(section)) {
        return json({ error: 'conflict', current: this._state(section) }, 409)(
          req,
          res
        );
      }
      this.store(this.caller, value);
      json(this._state(section), 200, { ETag: this._etag(section) })(req, res);
    });
  };

  private _etag(section: string): string {
    return `"${section}-${this.revision}"`;
  }

  private _state(section: string) {
    return {
      section,
      value: this.value,
      revision: this.revision,
      updatedBy: this.user,
      updatedAt: this.user ? '2026-12-07T10:00:00Z' : null
    };
  }
}

const ROSA = [{ name: 'Rosa Diaz', roles: ['community-representative'] }];
const TOMAS = [{ name: 'Tomás Ruiz', roles: ['community-representative'] }];
const BOTH = [...ROSA, ...TOMAS];

let server: LocalServer;
let sections: Sections;
let saved: number;

beforeEach(async () => {
  sections = new Sections();
  server = await LocalServer.start(sections.handler);
  saved = 0;
});
afterEach(stopAllServers);

function session(
  section: 'people' | 'status' = 'people',
  settings: unknown = {}
): SectionSession {
  return new SectionSession({
    service: new CommunityService(
      new HubClient(hubContext(server.origin), TOKEN),
      'hub-help'
    ),
    section,
    shown: buildMetadata({ settings }).metadata,
    onSaved: () => void saved++
  });
}

describe("a section's editing session", () => {
  it('saves the form at the revision it was read at, then shows what was stored', async () => {
    sections.store('tomas', ROSA);
    const people = session();
    await people.load();
    expect(people.state.draft).toEqual(ROSA);
    people.edit(BOTH);
    await people.save();
    expect(sections.saves).toEqual([{ ifMatch: '"people-1"', value: BOTH }]);
    expect(people.state.outcome?.kind).toBe('saved');
    expect(people.state.stored).toMatchObject({
      revision: 2,
      updatedBy: 'rosa',
      etag: '"people-2"'
    });
    expect(people.state.draft).toEqual(BOTH);
    expect(saved).toBe(1);
  });

  it('keeps an edited form when its tab is shown again, saved at the revision it was read at', async () => {
    sections.store('tomas', ROSA);
    const people = session();
    await people.load();
    people.edit(BOTH);
    // Someone else saves meanwhile; the tab is shown again, which reads.
    sections.store('amara', TOMAS);
    await people.load();
    expect(people.state.draft).toEqual(BOTH);
    await people.save();
    // Refused: what amara saved is not overwritten unseen.
    expect(sections.saves).toEqual([{ ifMatch: '"people-1"', value: BOTH }]);
    expect(people.state.outcome?.kind).toBe('conflict');
    expect(sections.value).toEqual(TOMAS);
    // Once put back, the form reads again.
    people.discard();
    await people.load();
    expect(people.state.draft).toEqual(TOMAS);
  });

  it('with nothing stored, starts from what the panel showed', async () => {
    const people = session('people', {
      people: [
        {
          name: 'Amara Okafor',
          usernames: ['amara'],
          roles: ['community-representative'],
          contact: { email: 'amara@example.org' }
        }
      ]
    });
    await people.load();
    expect(people.state.stored?.value).toBeNull();
    expect(people.state.draft).toEqual([
      {
        name: 'Amara Okafor',
        usernames: ['amara'],
        roles: ['community-representative'],
        contact: { email: 'amara@example.org' }
      }
    ]);
  });

  it("never saves over another editor's change unseen: the person loads theirs, or saves theirs at the revision the conflict showed", async () => {
    sections.store('tomas', ROSA);
    const people = session();
    await people.load();
    people.edit(BOTH);
    sections.store('lin', TOMAS);

    await people.save();
    expect(people.state.outcome).toMatchObject({
      kind: 'conflict',
      current: { value: TOMAS, updatedBy: 'lin', etag: '"people-2"' }
    });
    expect(sections.value).toEqual(TOMAS);
    expect(saved).toBe(0);

    // Another change after the conflict was shown: "save mine" conflicts again.
    sections.store('amara', ROSA);
    await people.saveMine();
    expect(sections.saves.map(s => s.ifMatch)).toEqual([
      '"people-1"',
      '"people-2"'
    ]);
    expect(people.state.outcome).toMatchObject({
      kind: 'conflict',
      current: { updatedBy: 'amara', etag: '"people-3"' }
    });
    expect(sections.value).toEqual(ROSA);

    await people.saveMine();
    expect(people.state.outcome?.kind).toBe('saved');
    expect(sections.value).toEqual(BOTH);
    expect(saved).toBe(1);
  });

  it('"load theirs" shows the version saved meanwhile and forgets the conflict', async () => {
    sections.store('tomas', ROSA);
    const people = session();
    await people.load();
    people.edit(BOTH);
    sections.store('lin', TOMAS);
    await people.save();
    people.loadTheirs();
    expect(people.state.outcome).toBeNull();
    expect(people.state.draft).toEqual(TOMAS);
    expect(people.state.stored?.etag).toBe('"people-2"');
    expect(sections.saves).toHaveLength(1);
  });

  it('sends one save while one is under way', async () => {
    sections.store('tomas', ROSA);
    const people = session();
    await people.load();
    people.edit(BOTH);
    await Promise.all([people.save(), people.save()]);
    expect(sections.saves).toHaveLength(1);
    expect(people.state.busy).toBe(false);
  });

  it('discards the form back to what was read; removing the status note stores null', async () => {
    sections.store('tomas', { text: 'Maintenance on Friday' });
    const status = session('status');
    await status.load();
    status.edit({ text: 'changed' });
    status.discard();
    expect(status.state.draft).toEqual({ text: 'Maintenance on Friday' });
    await status.remove();
    expect(sections.saves).toEqual([{ ifMatch: '"status-1"', value: null }]);
    expect(status.state.stored?.value).toBeNull();
    expect(status.state.draft).toEqual({ text: '' });
  });

  it('a read that fails is an outcome with its reason, and a refusal that asks for the sign-in says so', async () => {
    const people = session();
    server.handler = (req, res) => res.destroy();
    await people.load();
    expect(people.state.stored).toBeNull();
    expect(people.state.outcome).toMatchObject({ kind: 'refused', status: 0 });

    server.handler = sections.handler;
    await people.load();
    server.handler = json(
      { error: 'sign-in-required', message: 'sign in to the service' },
      403
    );
    await people.save();
    expect(people.needsSignIn).toBe(true);
    expect(saved).toBe(0);
  });

  it('tells its subscribers of each change, until they stop listening', async () => {
    const people = session();
    let heard = 0;
    const stop = people.subscribe(() => void heard++);
    await people.load();
    people.edit(ROSA);
    expect(heard).toBe(2);
    stop();
    people.edit(BOTH);
    expect(heard).toBe(2);
  });
});
