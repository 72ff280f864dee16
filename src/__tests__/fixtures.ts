import { IncomingMessage, ServerResponse } from 'http';

import { CommandRegistry } from '@lumino/commands';

import { IHubPaths, KeyValueStorage, readHubContext } from '../hub';
import { parseDocument } from '../metadata/parse';
import { englishTrans } from '../metadata/trans';
import { HubHelpModel, IHubHelpModelOptions } from '../model';
import { Handler, json } from './localServer';

export const TOKEN = 'secret-token-0123456789abcdef';

/**
 * The Hub API paths the extension uses, and a metadata document at
 * `/hub-help.json`, served from one loopback server. The real JupyterHub is
 * exercised by the end-to-end suite; this one can be bent on purpose.
 */
export class FakeHub {
  users = Array.from({ length: 450 }, (_, i) => ({
    name: `u${i}`,
    admin: i % 100 === 7
  }));
  scopes = ['read:users:name!user=alice', 'read:users:groups!user=alice'];
  admin = false;
  groups: { [name: string]: string[] } = { admins: ['ann', 'lin'] };
  document: unknown = { hub: { name: 'Served' } };
  /**
   * When set, answers every request instead (an outage, a fault).
   */
  fault: Handler | null = null;
  /**
   * Answers for some paths only, such as `/hub/api/user`.
   */
  faults: { [pathname: string]: Handler } = {};

  handler = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url!, 'http://x');
    const fault = this.fault ?? this.faults[url.pathname];
    if (fault) {
      return fault(req, res);
    }
    const reply = (body: unknown, status = 200) => json(body, status)(req, res);
    if (url.pathname === '/hub-help.json') {
      return reply(this.document);
    }
    if (url.pathname === '/hub/api/') {
      return reply({ version: '5.4.0' });
    }
    if (req.headers['authorization'] !== `token ${TOKEN}`) {
      return reply({ message: 'forbidden' }, 403);
    }
    if (url.pathname === '/hub/api/user') {
      return reply({
        kind: 'user',
        name: 'alice',
        admin: this.admin,
        groups: ['students'],
        scopes: this.scopes
      });
    }
    if (url.pathname === '/hub/api/users') {
      const offset = Number(url.searchParams.get('offset'));
      const limit = Number(url.searchParams.get('limit'));
      const next =
        offset + limit < this.users.length
          ? { offset: offset + limit, limit }
          : null;
      return reply({
        items: this.users.slice(offset, offset + limit),
        _pagination: { offset, limit, total: this.users.length, next }
      });
    }
    const group = /^\/hub\/api\/groups\/(.+)$/.exec(url.pathname);
    if (group && this.groups[group[1]]) {
      return reply({ name: group[1], users: this.groups[group[1]] });
    }
    reply({ message: 'not found' }, 404);
  };
}

/**
 * Web Storage in memory: one instance is one browser, shared by its tabs.
 */
export class MemoryStorage implements KeyValueStorage {
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  items = new Map<string, string>();
}

/**
 * The hub context of alice's server on the hub at `origin`, or of the page
 * `page` describes (`{ hubServerUser: 'bob' }`: alice on bob's server).
 */
export function hubContext(origin: string, page: IHubPaths = {}) {
  const paths: IHubPaths = {
    hubPrefix: '/hub/',
    hubHost: origin,
    hubUser: 'alice',
    ...page
  };
  return readHubContext(paths);
}

/**
 * A model in a tab of alice's server on the hub at `origin`, loaded and
 * given `settings`.
 */
export async function createModel(
  origin: string,
  settings: { [key: string]: unknown } = {},
  options: Partial<IHubHelpModelOptions> = {}
): Promise<HubHelpModel> {
  const model = new HubHelpModel({
    hub: hubContext(origin),
    token: TOKEN,
    language: 'en',
    trans: englishTrans,
    hasCommand: () => true,
    state: null,
    storage: new MemoryStorage(),
    ...options
  });
  await model.load();
  model.setSettings(parseDocument(settings, 'settings'));
  return model;
}

/**
 * A model outside JupyterHub (no hub, no token) that knows the commands of
 * `commands`; not loaded yet.
 */
export function offlineModel(commands: CommandRegistry): HubHelpModel {
  return new HubHelpModel({
    hub: readHubContext({}),
    token: '',
    language: 'en',
    trans: englishTrans,
    hasCommand: id => commands.hasCommand(id),
    state: null
  });
}
