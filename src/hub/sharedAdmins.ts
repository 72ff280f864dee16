import { LIMITS } from '../metadata/limits';

/**
 * The part of the Web Storage API used here.
 */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * The last admin discovery of this browser: usernames and times, never the
 * token.
 */
export interface IAdminsRecord {
  /**
   * How the admins are read: `list:users`, or `group:NAME`.
   */
  via: string;
  admins?: string[];
  /**
   * When `admins` were read.
   */
  fetchedAt?: string;
  /**
   * When a tab last started reading them, whether it succeeded or not.
   */
  attemptedAt: string;
  /**
   * Failed attempts in a row.
   */
  failures: number;
}

/**
 * Admin discovery shared by every tab of this browser through localStorage:
 * listing all of a hub's users is the most expensive request we make, so a
 * browser makes it once per refresh interval, and less often after failures.
 */
export class SharedAdmins {
  /**
   * `storage` defaults to localStorage; without one (a sandboxed frame),
   * each tab discovers on its own.
   */
  constructor(
    apiUrl: string,
    user: string,
    storage: KeyValueStorage | null = browserStorage()
  ) {
    this._key = `jupyterlab-hub-help:admins:${apiUrl}:${user}`;
    this._storage = storage;
  }

  /**
   * The record for `via`, if there is a well-formed one.
   */
  read(via: string): IAdminsRecord | undefined {
    try {
      const record = JSON.parse(this._storage?.getItem(this._key) ?? 'null');
      return record?.via === via &&
        typeof record.attemptedAt === 'string' &&
        typeof record.failures === 'number' &&
        (record.admins === undefined ||
          (Array.isArray(record.admins) &&
            record.admins.every((a: unknown) => typeof a === 'string')))
        ? record
        : undefined;
    } catch {
      return undefined;
    }
  }

  write(record: IAdminsRecord): void {
    try {
      this._storage?.setItem(this._key, JSON.stringify(record));
    } catch {
      // Storage full or refused: this tab still has what it read.
    }
  }

  private _key: string;
  private _storage: KeyValueStorage | null;
}

/**
 * Whether it is time to read the admins again: one interval after the last
 * attempt, doubled after each failure in a row, and at most the longest
 * refresh interval.
 */
export function adminsDue(
  record: IAdminsRecord | undefined,
  intervalMs: number,
  now: Date
): boolean {
  if (!record) {
    return true;
  }
  const wait = Math.min(
    intervalMs * 2 ** record.failures,
    LIMITS.refreshMaxSeconds * 1000
  );
  const elapsed = now.getTime() - Date.parse(record.attemptedAt);
  // A clock set back (elapsed < 0) or an unreadable time: read again.
  return !(elapsed >= 0 && elapsed < wait);
}

/**
 * The browser's localStorage, or null where the browser refuses it.
 */
export function browserStorage(): KeyValueStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Reading localStorage throws where the browser refuses it.
    return null;
  }
}
