import { LIMITS } from '../metadata/limits';
import { IProblem } from '../metadata/problems';
import { IAdminDiscovery } from '../metadata/types';
import { HubClient, IHubUser } from './client';
import { RequestError } from './request';
import { adminsDue, SharedAdmins } from './sharedAdmins';

/**
 * What the live hub said: the last check, and the last good answers of the
 * checks before it, so that a failed check never takes a role away.
 */
export interface ILiveHubState {
  /**
   * False only after `LIMITS.unreachableAfterFailures` checks in a row in
   * which the hub did not answer.
   */
  reachable: boolean;
  /**
   * Checks in a row in which the hub did not answer (0 when the last did).
   */
  failures: number;
  /**
   * When the hub last answered; undefined when it has not since the page
   * was loaded.
   */
  lastSuccessAt?: string;
  version?: string;
  /**
   * The viewer, as last read, and when.
   */
  user?: IHubUser;
  userAt?: string;
  /**
   * Admins found through the granted scopes, as last read, and when;
   * undefined when not allowed.
   */
  admins?: string[];
  adminsAt?: string;
  /**
   * How the admins were found.
   */
  adminsFrom?: 'list:users' | 'group';
  /**
   * What failed in the last check.
   */
  problems: IProblem[];
  checkedAt: string;
}

export interface IReadLiveHubOptions {
  /**
   * The previous check: what it learned stays until this one learns better.
   */
  previous?: ILiveHubState;
  /**
   * Admins shared with the browser's other tabs.
   */
  shared?: SharedAdmins;
  /**
   * How often admins are read again, in milliseconds.
   */
  intervalMs?: number;
  now?: () => Date;
}

/**
 * Whether a scope list grants `scope` on everything (not only a filter).
 */
export function hasScope(scopes: string[], scope: string): boolean {
  return scopes.includes(scope);
}

/**
 * Whether the scopes allow reading a group's members.
 */
export function canReadGroup(scopes: string[], group: string): boolean {
  return (
    scopes.includes('read:groups') ||
    scopes.includes(`read:groups!group=${group}`)
  );
}

/**
 * How the scopes let the admins be read: `group:NAME`, `list:users`, or not
 * at all.
 */
function discoveryVia(
  discovery: Required<IAdminDiscovery>,
  scopes: string[]
): string | undefined {
  if (!discovery.enabled) {
    return undefined;
  }
  if (discovery.group && canReadGroup(scopes, discovery.group)) {
    return `group:${discovery.group}`;
  }
  return hasScope(scopes, 'list:users') ? 'list:users' : undefined;
}

/**
 * Ask the hub about the viewer and, when the scopes allow it and no other
 * tab did lately, its admins. A failure is reported, never thrown, and keeps
 * what the previous checks learned.
 */
export async function readLiveHub(
  client: HubClient,
  discovery: Required<IAdminDiscovery>,
  options: IReadLiveHubOptions = {}
): Promise<ILiveHubState> {
  const now = options.now ?? (() => new Date());
  const previous = options.previous;
  const problems: IProblem[] = [];
  const fail = (error: unknown, path: string) =>
    problems.push({
      source: 'hub',
      path,
      code: 'hub-unreachable',
      params:
        error instanceof RequestError
          ? [error.detail, error.kind]
          : [String(error)],
      severity: 'warning'
    });
  const checkedAt = now().toISOString();
  const state: ILiveHubState = {
    ...previous,
    reachable: true,
    failures: 0,
    problems,
    checkedAt
  };
  try {
    state.version = await client.version();
    state.lastSuccessAt = checkedAt;
  } catch (error) {
    fail(error, 'api');
    state.failures = (previous?.failures ?? 0) + 1;
    state.reachable = state.failures < LIMITS.unreachableAfterFailures;
    return state;
  }
  try {
    state.user = await client.currentUser();
    state.userAt = checkedAt;
  } catch (error) {
    fail(error, 'api/user');
    return state;
  }
  const via = discoveryVia(discovery, state.user.scopes);
  if (!via) {
    // Not allowed (any more): no admins rather than an old list.
    state.admins = state.adminsAt = state.adminsFrom = undefined;
    return state;
  }
  const from = via === 'list:users' ? 'list:users' : 'group';
  if (state.adminsFrom !== from) {
    state.admins = state.adminsAt = undefined;
  }
  state.adminsFrom = from;
  const shared = options.shared;
  const record = shared?.read(via);
  const interval = options.intervalMs ?? LIMITS.refreshDefaultSeconds * 1000;
  if (!adminsDue(record, interval, now())) {
    // Another tab read them lately, or is reading them now.
    if (record?.admins) {
      state.admins = record.admins;
      state.adminsAt = record.fetchedAt;
    }
    return state;
  }
  const failures = record?.failures ?? 0;
  shared?.write({ ...record, via, attemptedAt: checkedAt, failures });
  try {
    state.admins =
      from === 'group'
        ? await client.groupMembers(discovery.group)
        : await client.listAdmins();
    state.adminsAt = checkedAt;
    shared?.write({
      via,
      admins: state.admins,
      fetchedAt: checkedAt,
      attemptedAt: checkedAt,
      failures: 0
    });
  } catch (error) {
    fail(
      error,
      from === 'group' ? `api/groups/${discovery.group}` : 'api/users'
    );
    shared?.write({
      ...record,
      via,
      attemptedAt: checkedAt,
      failures: failures + 1
    });
  }
  return state;
}
