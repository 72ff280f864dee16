import { IProblem } from '../metadata/problems';
import { IAdminDiscovery } from '../metadata/types';
import { HubApiError, HubClient, IHubUser } from './client';

/**
 * What the live hub said at the last refresh.
 */
export interface ILiveHubState {
  /**
   * Whether the hub answered.
   */
  reachable: boolean;
  version?: string;
  user?: IHubUser;
  /**
   * Admins found through the granted scopes; undefined when not allowed.
   */
  admins?: string[];
  /**
   * How the admins were found.
   */
  adminsFrom?: 'list:users' | 'group';
  problems: IProblem[];
  checkedAt: string;
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
 * Ask the hub about the viewer and, when the scopes allow it, its admins.
 * Each call is made once; a failure is reported, never thrown.
 */
export async function readLiveHub(
  client: HubClient,
  discovery: Required<IAdminDiscovery>,
  now: () => Date = () => new Date()
): Promise<ILiveHubState> {
  const problems: IProblem[] = [];
  const fail = (error: unknown, what: string) =>
    problems.push({
      source: 'hub',
      path: what,
      code: 'hub-unreachable',
      params: [error instanceof HubApiError ? error.message : String(error)],
      severity: 'warning'
    });
  const state: ILiveHubState = {
    reachable: false,
    problems,
    checkedAt: now().toISOString()
  };
  try {
    state.version = await client.version();
    state.reachable = true;
  } catch (error) {
    fail(error, 'api');
    return state;
  }
  try {
    state.user = await client.currentUser();
  } catch (error) {
    fail(error, 'api/user');
    return state;
  }
  if (!discovery.enabled) {
    return state;
  }
  const { scopes } = state.user;
  try {
    if (discovery.group && canReadGroup(scopes, discovery.group)) {
      state.admins = await client.groupMembers(discovery.group);
      state.adminsFrom = 'group';
    } else if (hasScope(scopes, 'list:users')) {
      state.admins = await client.listAdmins();
      state.adminsFrom = 'list:users';
    }
  } catch (error) {
    fail(
      error,
      discovery.group ? `api/groups/${discovery.group}` : 'api/users'
    );
  }
  return state;
}
