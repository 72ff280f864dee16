/**
 * What the editor's and the inbox's sessions share: a state that views render,
 * replaced by a new object at each change, and listeners told of each one
 * (React's `useSyncExternalStore` reads them through `useSessionState`).
 */
export abstract class Session<S extends object> {
  constructor(initial: S) {
    this._state = initial;
  }

  get state(): S {
    return this._state;
  }

  /**
   * Call `listener` after each change; returns what stops it.
   */
  subscribe(listener: () => void): () => void {
    this._listeners.add(listener);
    return () => this._listeners.delete(listener);
  }

  protected _set(patch: Partial<S>): void {
    this._state = { ...this._state, ...patch };
    this._listeners.forEach(listener => listener());
  }

  private _state: S;
  private _listeners = new Set<() => void>();
}
