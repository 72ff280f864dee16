import { IStateDB } from '@jupyterlab/statedb';
import { JSONValue } from '@lumino/coreutils';
import { Poll } from '@lumino/polling';
import { ISignal, Signal } from '@lumino/signaling';

import { HubClient, IHubContext, ILiveHubState, readLiveHub } from './hub';
import { builtInDefaults } from './metadata/defaults';
import type { buildMetadata } from './metadata/load';
import { mergeSources } from './metadata/merge';
import { IProblem } from './metadata/problems';
import { fetchRemoteDocument, IRemoteCopy } from './metadata/remote';
import { Resolver } from './metadata/resolve';
import { Gettext, IHubMetadata } from './metadata/types';

const STATE_REMOTE = 'jupyterlab-hub-help:remote-copy';
const STATE_DISMISSED = 'jupyterlab-hub-help:dismissed-announcements';

export interface IHubHelpModelOptions {
  hub: IHubContext;
  /**
   * The hub's token for this server; handed to the Hub API client only.
   */
  token: string;
  language: string;
  gettext: Gettext;
  hasCommand: (id: string) => boolean;
  state: IStateDB | null;
  fetch?: typeof fetch;
}

/**
 * The one place the panel, the commands and the notifications read hub help
 * from. Sources come in (settings, the metadata URL, the live hub); the model
 * merges them and emits `changed`; views only read.
 */
export class HubHelpModel {
  constructor(options: IHubHelpModelOptions) {
    this.hub = options.hub;
    this.language = options.language;
    this._options = options;
    this._client = options.hub.onHub
      ? new HubClient(options.hub, options.token, { fetch: options.fetch })
      : null;
    this._recompute();
  }

  readonly hub: IHubContext;
  readonly language: string;

  get changed(): ISignal<this, void> {
    return this._changed;
  }

  get metadata(): IHubMetadata {
    return this._resolver.metadata;
  }

  get resolver(): Resolver {
    return this._resolver;
  }

  /**
   * Everything found wrong in any source, with where and why.
   */
  get problems(): IProblem[] {
    return this._problems;
  }

  /**
   * The live hub's last answer; undefined before the first refresh or
   * outside JupyterHub.
   */
  get live(): ILiveHubState | undefined {
    return this._live;
  }

  /**
   * Whether a source has been loaded: until then the panel says it is loading.
   */
  get ready(): boolean {
    return this._settings !== undefined;
  }

  /**
   * Whether the operator configured anything at all: an empty configuration
   * on a hub is reported, since it may be a broken overrides file.
   */
  get configured(): boolean {
    const settings = this._settings ?? {};
    const keys = Object.keys(settings).filter(
      k => !['metadataUrl', 'refreshInterval'].includes(k)
    );
    return keys.length > 0 || !!this._remote;
  }

  /**
   * Whether the viewer is shown configuration details (every problem, what
   * to configure): administrators and representatives, who can have them
   * fixed, and anyone outside a hub, where the JupyterLab is their own.
   */
  get seesConfiguration(): boolean {
    const { resolver } = this;
    return (
      !this.hub.onHub ||
      resolver.holds('hub-administrator') ||
      resolver.holds('community-representative')
    );
  }

  get dismissed(): ReadonlySet<string> {
    return this._dismissed;
  }

  /**
   * Use new settings: the operator's overrides merged with the user's own.
   */
  setSettings(
    composite: { [key: string]: unknown },
    problems: IProblem[] = []
  ): void {
    const urlChanged =
      composite['metadataUrl'] !== this._settings?.['metadataUrl'];
    this._settings = composite;
    this._settingsProblems = problems;
    this._recompute();
    if (urlChanged && this._poll) {
      void this._poll.refresh();
    }
  }

  /**
   * Load what the model needs to read sources (the format's checks are a
   * separate chunk, fetched here rather than at JupyterLab's start) and the
   * remembered state.
   */
  async load(): Promise<void> {
    const [{ buildMetadata }, remote, dismissed] = await Promise.all([
      import('./metadata/load'),
      this._options.state?.fetch(STATE_REMOTE).catch(() => undefined),
      this._options.state?.fetch(STATE_DISMISSED).catch(() => undefined)
    ]);
    this._build = buildMetadata;
    this._remote = (remote as unknown as IRemoteCopy) ?? undefined;
    this._dismissed = new Set(
      Array.isArray(dismissed) ? dismissed.map(String) : []
    );
    this._recompute();
  }

  /**
   * Refresh in the background now and on the configured interval. Called
   * once JupyterLab is restored, so that no request delays its start.
   */
  startPolling(): void {
    this._poll = new Poll({
      factory: () => this.refresh(),
      frequency: {
        interval: this.metadata.refreshInterval * 1000,
        backoff: false
      },
      standby: 'when-hidden',
      name: 'jupyterlab-hub-help:refresh'
    });
  }

  /**
   * Refresh now, through the poll so that its interval starts again; does
   * nothing before `start()`, so nothing is asked before JupyterLab is restored.
   */
  refreshSoon(): void {
    void this._poll?.refresh();
  }

  /**
   * Ask the metadata URL and the hub again, each once.
   */
  async refresh(): Promise<void> {
    const url = this.metadata.metadataUrl;
    const [remote, live] = await Promise.all([
      url
        ? fetchRemoteDocument(url, this._remote, { fetch: this._options.fetch })
        : Promise.resolve({ copy: undefined, problem: undefined }),
      this._client
        ? readLiveHub(this._client, this.metadata.adminDiscovery)
        : Promise.resolve(undefined)
    ]);
    this._remote = remote.copy;
    this._remoteProblem = remote.problem;
    this._live = live;
    if (remote.copy && this._options.state) {
      await this._options.state
        .save(STATE_REMOTE, remote.copy as unknown as JSONValue)
        .catch(() => undefined);
    }
    this._recompute();
  }

  /**
   * Whether the hub answers right now; undefined outside JupyterHub.
   */
  async hubAnswers(): Promise<boolean | undefined> {
    return this._client ? this._client.answers() : undefined;
  }

  /**
   * Text that leaves the page (a report, the clipboard) passes through here,
   * so that the hub token can never be part of it.
   */
  redact(text: string): string {
    return this._client ? this._client.redact(text) : text;
  }

  /**
   * Hide an announcement for this user, across reloads.
   */
  async dismiss(id: string): Promise<void> {
    this._dismissed = new Set([...this._dismissed, id]);
    this._changed.emit();
    await this._options.state?.save(STATE_DISMISSED, [...this._dismissed]);
  }

  dispose(): void {
    this._poll?.dispose();
    Signal.clearData(this);
  }

  private _recompute(): void {
    const { metadata, problems } = this._build
      ? this._build(
          {
            settings: this._settings,
            remote: this._remote?.document,
            live: { admins: this._live?.admins },
            problems: [
              ...this._settingsProblems,
              ...(this._remoteProblem ? [this._remoteProblem] : []),
              ...(this._live?.problems ?? [])
            ],
            gettext: this._options.gettext
          },
          { hasCommand: this._options.hasCommand }
        )
      : // Until load(): the built-in catalogue alone, which needs no checks.
        mergeSources([
          {
            source: 'defaults',
            document: builtInDefaults(this._options.gettext)
          }
        ]);
    this._problems = problems;
    this._resolver = new Resolver(metadata, {
      username: this.hub.onHub ? this.hub.user : undefined,
      admin: this._live?.user?.admin,
      groups: this._live?.user?.groups
    });
    if (this._poll) {
      this._poll.frequency = {
        ...this._poll.frequency,
        interval: metadata.refreshInterval * 1000
      };
    }
    this._changed.emit();
  }

  private _options: IHubHelpModelOptions;
  private _build: typeof buildMetadata | null = null;
  private _client: HubClient | null;
  private _poll: Poll | null = null;
  private _settings: { [key: string]: unknown } | undefined;
  private _settingsProblems: IProblem[] = [];
  private _remote: IRemoteCopy | undefined;
  private _remoteProblem: IProblem | undefined;
  private _live: ILiveHubState | undefined;
  private _dismissed = new Set<string>();
  private _problems: IProblem[] = [];
  private _resolver!: Resolver;
  private _changed = new Signal<this, void>(this);
}
