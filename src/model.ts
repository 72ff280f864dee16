import { IStateDB } from '@jupyterlab/statedb';
import { JSONValue } from '@lumino/coreutils';
import { IDisposable } from '@lumino/disposable';
import { IPoll, Poll } from '@lumino/polling';
import { ISignal, Signal } from '@lumino/signaling';

import type { SignInCredential } from './hub/client';
import {
  CommunitySection,
  CommunityService,
  ICommunityViewer
} from './hub/community';
import { withSection } from './hub/sections';
import { ServiceSignIn, SilentSignIn } from './hub/serviceSignIn';
import {
  HubClient,
  hubPageUrl,
  IHubContext,
  ILiveHubState,
  browserStorage,
  KeyValueStorage,
  readLiveHub,
  SharedAdmins
} from './hub';
import { YourReports, yourReportsKey } from './report/yourReports';
import { assembling } from './metadata/assemble';
import {
  fetchCommunityDocument,
  ICommunityCopy,
  ICommunityResult,
  readStoredCommunityCopy
} from './hub/communityCopy';
import { COMMUNITY_SERVICE } from './metadata/defaults';
import { clampRefreshSeconds, LIMITS } from './metadata/limits';
import { IMergeResult } from './metadata/merge';
import type { IParsedDocument } from './metadata/parse';
import { IProblem } from './metadata/problems';
import {
  fetchRemoteDocument,
  IRemoteCopy,
  IRemoteResult,
  readStoredCopy
} from './hub/remote';
import { Resolver } from './metadata/resolve';
import { ITrans } from './metadata/trans';
import { IAnnouncement, IHubMetadata, SourceId } from './metadata/types';
import { redactSecrets } from './hub/redact';
import { atOnce, inSlices, Work } from './slices';

const STATE_REMOTE = 'jupyterlab-hub-help:remote-copy';
const STATE_DISMISSED = 'jupyterlab-hub-help:dismissed-announcements';
const STATE_COMMUNITY = 'jupyterlab-hub-help:community-copy';

/**
 * After failures the poll waits longer each time, up to this many refresh
 * intervals (and never more than the longest interval).
 */
const BACKOFF_MAX_INTERVALS = 4;

export interface IHubHelpModelOptions {
  hub: IHubContext;
  /**
   * The hub's token for this server; handed to the Hub API client only.
   */
  token: string;
  language: string;
  /**
   * The extension's translations in `language`, for the built-in catalogue.
   */
  trans: ITrans;
  hasCommand: (id: string) => boolean;
  state: IStateDB | null;
  fetch?: typeof fetch;
  /**
   * Where the browser's tabs share admin discovery; localStorage by default.
   */
  storage?: KeyValueStorage | null;
  /**
   * Each request is abandoned after this long; `LIMITS.requestTimeoutMs` by
   * default.
   */
  timeoutMs?: number;
  now?: () => Date;
  /**
   * Signs in to the community help service silently (a hidden frame); by
   * default src/community/signIn.ts's, loaded only when it is tried.
   */
  signInSilently?: SilentSignIn;
}

/**
 * The last time the sources were asked.
 */
export interface ILastCheck {
  at: Date;
  /**
   * Whether every source answered.
   */
  ok: boolean;
}

/**
 * The sources the metadata is built from; replaced together, only when the
 * metadata built from them is good.
 */
interface ISources {
  /**
   * The settings, checked as they arrived.
   */
  settings?: IParsedDocument;
  settingsProblems: IProblem[];
  /**
   * The metadata URL's last good copy; used only while the settings name
   * the URL it stands for.
   */
  remote?: IRemoteCopy;
  remoteProblem?: IProblem;
  /**
   * The community help service's last good copy; used only while the
   * settings name its service.
   */
  community?: ICommunityCopy;
  communityProblem?: IProblem;
}

/**
 * What is built from the sources.
 */
interface IBuilt extends IMergeResult {
  resolver: Resolver;
  remote?: IRemoteCopy;
}

/**
 * Sources already built (in slices), and what they were built into.
 */
interface IPrebuilt {
  sources: ISources;
  built: IBuilt;
}

/**
 * What a panel would show: the metadata and its answers.
 */
export interface IPreview {
  metadata: IHubMetadata;
  resolver: Resolver;
}

/**
 * The metadata URL the settings name: every copy of the document stands for
 * one, and is used only while the settings name it.
 */
function metadataUrlOf(settings: ISources['settings']): string {
  return settings?.document.metadataUrl ?? '';
}

/**
 * A failure to build metadata, blamed on `source`.
 */
function buildFailure(source: SourceId, error: unknown): IProblem {
  return {
    source,
    path: '$',
    code: 'invalid',
    params: [error instanceof Error ? error.message : String(error)],
    severity: 'error'
  };
}

/**
 * Whether the operator lets the document move itself (`metadataUrl`).
 */
function mayMove(settings: ISources['settings']): boolean {
  return !!settings?.document.metadataUrlMaySet?.includes('metadataUrl');
}

/**
 * The one place the panel, the commands and the notifications read hub help
 * from. Sources come in (settings, the metadata URL, the live hub); the model
 * merges them and emits `changed`; views only read.
 */
export class HubHelpModel implements IDisposable {
  constructor(options: IHubHelpModelOptions) {
    // The token goes to the Hub API client, and is not kept here.
    const { token, ...rest } = options;
    this.hub = options.hub;
    this.language = options.language;
    this._options = rest;
    this._now = options.now ?? (() => new Date());
    this._client = options.hub.onHub
      ? new HubClient(options.hub, token, {
          fetch: options.fetch,
          timeoutMs: options.timeoutMs
        })
      : null;
    this._shared = options.hub.onHub
      ? new SharedAdmins(
          options.hub.urls.api,
          options.hub.user,
          options.storage
        )
      : undefined;
    this.yourReports = new YourReports(
      options.storage === undefined ? browserStorage() : options.storage,
      yourReportsKey(options.hub.hubPrefix, options.hub.user)
    );
    this._built = this._compute(this._sources);
  }

  readonly hub: IHubContext;
  readonly language: string;
  /**
   * The viewer's reports to the hub help service, and those waiting to be
   * sent to it.
   */
  readonly yourReports: YourReports;

  /**
   * The metadata, the problems or the dismissed announcements changed.
   */
  get changed(): ISignal<this, void> {
    return this._changed;
  }

  /**
   * A refresh started or ended (`refreshing`, `lastCheck`); what it brought
   * is announced by `changed`.
   */
  get checkChanged(): ISignal<this, void> {
    return this._checkChanged;
  }

  get metadata(): IHubMetadata {
    return this._built.metadata;
  }

  get resolver(): Resolver {
    return this._built.resolver;
  }

  /**
   * Everything found wrong in any source, with where and why.
   */
  get problems(): IProblem[] {
    return [...this._built.problems, ...this._buildFailures.values()];
  }

  /**
   * The live hub's state: the last check, and the last good answers; undefined
   * before the first refresh or outside JupyterHub.
   */
  get live(): ILiveHubState | undefined {
    return this._live;
  }

  /**
   * The community help service, on a hub whose settings name one (by
   * default "hub-help"), and what it says of the viewer once it answered:
   * editors see edit actions.
   */
  get community(): {
    service: CommunityService | null;
    viewer?: ICommunityViewer;
    /**
     * The page's token may not call the service: editors sign in to it.
     */
    needsSignIn: boolean;
    /**
     * The viewer would edit with the service's own sign-in, which this page
     * does not have: 'trying' while it is made silently, 'needed' when they
     * must sign in themselves, 'elsewhere' on someone else's server, where
     * no sign-in is made (that server's pages would receive it).
     */
    signInToEdit?: 'trying' | 'needed' | 'elsewhere';
  } {
    const signIn = this._serviceSignIn();
    const service = signIn?.service ?? null;
    const viewer =
      service && this._viewer?.service === service.name
        ? this._viewer.viewer
        : undefined;
    const wouldEdit =
      !!viewer?.signInToEdit &&
      !viewer.canEdit &&
      viewer.credential === 'token' &&
      !service?.signedIn;
    return {
      service,
      needsSignIn:
        !!service &&
        !service.signedIn &&
        this._sources.communityProblem?.code === 'service-access',
      viewer,
      signInToEdit: !wouldEdit
        ? undefined
        : !this._ownServer
          ? 'elsewhere'
          : signIn?.silent === 'trying'
            ? 'trying'
            : 'needed'
    };
  }

  /**
   * Whether a refresh is under way.
   */
  get refreshing(): boolean {
    return this._refreshing !== null;
  }

  /**
   * When the sources were last asked, and whether every one answered;
   * undefined before the first refresh.
   */
  get lastCheck(): ILastCheck | undefined {
    return this._lastCheck;
  }

  /**
   * Whether a source has been loaded: until then the panel says it is loading.
   */
  get ready(): boolean {
    return this._sources.settings !== undefined;
  }

  /**
   * Whether the operator configured anything at all: an empty configuration
   * on a hub is reported, since it may be a broken overrides file.
   */
  get configured(): boolean {
    const keys = Object.keys(this._sources.settings?.document ?? {}).filter(
      k => !['metadataUrl', 'refreshInterval'].includes(k)
    );
    return keys.length > 0 || !!this._built.remote;
  }

  /**
   * Whether the viewer is shown configuration details (Resolver's rule).
   */
  get seesConfiguration(): boolean {
    return this.resolver.seesConfiguration(this.hub.onHub);
  }

  /**
   * The URL of the hub page a task names, on a hub.
   */
  hubPage(page: string | undefined): string | undefined {
    return hubPageUrl(this.hub, page);
  }

  /**
   * The announcements to show now: within their time window and not
   * dismissed by this user.
   */
  visibleAnnouncements(): IAnnouncement[] {
    return this.resolver
      .activeAnnouncements(this._now())
      .filter(a => !this._dismissed.has(a.id));
  }

  /**
   * Use new settings, already checked: the operator's overrides with the
   * user's own. `problems` are those found reading them beyond the checks.
   */
  setSettings(settings: IParsedDocument, problems: IProblem[] = []): void {
    this._settingsTicket++;
    this._refreshIfMoved(
      this._update({ settings, settingsProblems: problems }, 'settings')
    );
  }

  /**
   * `setSettings`, with the metadata built in slices that let input through
   * first: the same metadata. Settings set after these win.
   */
  async setSettingsInSlices(
    settings: IParsedDocument,
    problems: IProblem[] = []
  ): Promise<void> {
    const ticket = ++this._settingsTicket;
    this._refreshIfMoved(
      await this._updateInSlices(
        { settings, settingsProblems: problems },
        'settings',
        () => ticket === this._settingsTicket
      )
    );
  }

  /**
   * Settings that name another metadata URL have it asked at once.
   */
  private _refreshIfMoved(moved: boolean): void {
    if (moved && this._poll) {
      void this._poll.refresh();
    }
  }

  /**
   * Load what the model needs to read sources (the format's checks are a
   * separate chunk, fetched here rather than at JupyterLab's start) and the
   * remembered state.
   */
  async load(): Promise<void> {
    const [parse, stored, dismissed, community] = await Promise.all([
      import('./metadata/parse'),
      this._options.state?.fetch(STATE_REMOTE).catch(() => undefined),
      this._options.state?.fetch(STATE_DISMISSED).catch(() => undefined),
      this._options.state?.fetch(STATE_COMMUNITY).catch(() => undefined)
    ]);
    this._parse = parse;
    this._dismissed = new Set(
      Array.isArray(dismissed) ? dismissed.map(String) : []
    );
    this._update(
      {
        remote: this._sources.remote ?? readStoredCopy(stored),
        community: this._sources.community ?? readStoredCommunityCopy(community)
      },
      'metadata-url'
    );
  }

  /**
   * Refresh in the background now and on the configured interval. Called
   * once JupyterLab is restored, so that no request delays its start. A
   * refresh that fails rejects, so that the poll backs off.
   */
  startPolling(): void {
    this._poll = new Poll({
      factory: async () => {
        if (!(await this.refresh())) {
          throw new Error('hub help: a source did not answer');
        }
      },
      frequency: this._frequency(),
      standby: 'when-hidden',
      name: 'jupyterlab-hub-help:refresh'
    });
  }

  /**
   * Refresh now, through the poll so that its interval starts again, unless
   * the last refresh is recent and succeeded: opening the panel then asks
   * nothing, while after a failure it checks whether the sources are back.
   * Does nothing before `startPolling()`. Says whether a refresh was asked.
   */
  refreshIfStale(): boolean {
    const age = this._now().getTime() - this._refreshedAt;
    const recent = age < LIMITS.refreshMinSeconds * 1000;
    if (!this._poll || (recent && this._lastCheck?.ok)) {
      return false;
    }
    void this._poll.refresh();
    return true;
  }

  /**
   * Ask the metadata URL and the hub again, each once (a refresh asked
   * while one runs joins it). Never throws; resolves to whether every
   * source answered.
   */
  refresh(): Promise<boolean> {
    if (!this._refreshing) {
      this._refreshing = this._refresh().finally(() => {
        this._refreshing = null;
        this._checkChanged.emit();
      });
      this._checkChanged.emit();
    }
    return this._refreshing;
  }

  /**
   * Whether the hub answers right now; undefined outside JupyterHub.
   */
  async hubAnswers(): Promise<boolean | undefined> {
    return this._client ? this._client.answers() : undefined;
  }

  /**
   * Sign in to the community help service with `open` (the tab the person
   * asked for, called at once so that the browser lets it open), then
   * use that sign-in and ask again who may edit. Resolves whether it
   * signed in.
   */
  async signInToService(
    open: (url: string) => Promise<SignInCredential | undefined>
  ): Promise<boolean> {
    const service = this._communityService();
    const credential = service ? await open(service.signInUrl) : undefined;
    if (!service || credential === undefined) {
      return false;
    }
    service.useSignIn(credential);
    await this._refreshAfterSignIn();
    return true;
  }

  /**
   * Text that leaves the page (a report, the clipboard) passes through here,
   * so that the hub token can never be part of it.
   */
  redact(text: string): string {
    return this._client ? this._client.redact(text) : redactSecrets(text, []);
  }

  /**
   * Hide an announcement for this user, across reloads.
   */
  async dismiss(id: string): Promise<void> {
    this._dismissed = new Set([...this._dismissed, id]);
    this._changed.emit();
    await this._options.state?.save(STATE_DISMISSED, [...this._dismissed]);
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  /**
   * Stop the poll and disconnect everyone from the model's signals.
   */
  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    this._poll?.dispose();
    Signal.clearData(this);
  }

  private async _refresh(): Promise<boolean> {
    this._refreshedAt = this._now().getTime();
    const settingsUrl = metadataUrlOf(this._sources.settings);
    const url = this._fetchUrl();
    const [remote, live, community] = await Promise.all([
      url
        ? fetchRemoteDocument(url, this._sources.remote, {
            fetch: this._options.fetch,
            timeoutMs: this._options.timeoutMs,
            now: this._now
          })
        : Promise.resolve<IRemoteResult>({}),
      this._client
        ? readLiveHub(this._client, this.metadata.adminDiscovery, {
            previous: this._live,
            shared: this._shared,
            intervalMs: this._frequency().interval,
            now: this._now
          })
        : Promise.resolve(undefined),
      this._fetchCommunity()
    ]);
    this._live = live;
    const previous = this._sources.remote;
    const previousCommunity = this._sources.community;
    const copy = remote.copy && { ...remote.copy, settingsUrl };
    if (community.absent) {
      // Not deployed on this hub: not asked again in this session.
      this._absent = this._signIn?.service.name;
    }
    // One rebuild for everything the check brought, in slices.
    await this._updateInSlices(
      {
        ...(url
          ? { remote: copy, remoteProblem: remote.problem }
          : { remoteProblem: undefined }),
        community: community.copy ?? previousCommunity,
        communityProblem: community.problem
      },
      'metadata-url'
    );
    await this._keep(STATE_REMOTE, this._built.remote, copy, previous);
    await this._keep(
      STATE_COMMUNITY,
      this._sources.community,
      community.copy,
      previousCommunity
    );
    const ok = !remote.problem && !live?.problems.length && !community.problem;
    this._lastCheck = { at: new Date(this._refreshedAt), ok };
    this._checkReports();
    return ok;
  }

  /**
   * Send the reports that wait and read the viewer's, in the background,
   * where the service keeps reports; triagers with a credential that may
   * act also hear of categories many people reported.
   */
  private _checkReports(): void {
    const { service, viewer } = this.community;
    if (service && viewer?.reports.enabled) {
      void this.yourReports.check(
        service.reports,
        viewer.reports.triage && viewer.canEdit
      );
    }
  }

  private _communityService(): CommunityService | null {
    return this._serviceSignIn()?.service ?? null;
  }

  /**
   * The community help service the settings name, with its own sign-in
   * for this session.
   */
  private _serviceSignIn(): ServiceSignIn | null {
    const name = this.metadata.communityService;
    if (!this._client || !name || name === this._absent) {
      return null;
    }
    if (this._signIn?.service.name !== name) {
      this._signIn = new ServiceSignIn(
        new CommunityService(this._client, name),
        {
          ownServer: this._ownServer,
          user: this.hub.user,
          silently:
            this._options.signInSilently ??
            (async url =>
              (await import('./community/signIn')).signInSilently(url))
        }
      );
    }
    return this._signIn;
  }

  /**
   * Whether the viewer is looking at their own server.
   */
  private get _ownServer(): boolean {
    return this.hub.user === this.hub.serverUser;
  }

  private async _fetchCommunity(): Promise<ICommunityResult> {
    const signIn = this._serviceSignIn();
    if (!signIn) {
      return {};
    }
    const { service } = signIn;
    const fetchDocument = () =>
      fetchCommunityDocument(service, this._sources.community, {
        named: service.name !== COMMUNITY_SERVICE,
        now: this._now
      });
    let result = await fetchDocument();
    if (
      result.problem?.code === 'service-access' &&
      !service.signedIn &&
      (await signIn.restore())
    ) {
      // The page's token may not read it; an earlier sign-in may.
      result = await fetchDocument();
    }
    const asked = this._viewer;
    const etag = result.copy?.etag;
    if (
      result.copy &&
      (asked?.service !== service.name ||
        asked.etag !== etag ||
        asked.signedIn !== service.signedIn)
    ) {
      // Asked again when the document changed (an edit) or the credential did.
      const viewer = await this._askViewer(signIn);
      this._viewer = viewer && {
        service: service.name,
        etag,
        signedIn: service.signedIn,
        viewer
      };
    }
    return result;
  }

  /**
   * What the service says of the viewer, with the page's token. One who may
   * not edit with it is asked once with an earlier sign-in to the service;
   * one who would edit with a sign-in and has none gets one silently (in
   * the background: the check does not wait for it).
   */
  private async _askViewer(
    signIn: ServiceSignIn
  ): Promise<ICommunityViewer | undefined> {
    const viewer = await signIn.service.viewer().catch(() => undefined);
    if (!viewer || viewer.canEdit || viewer.credential !== 'token') {
      return viewer;
    }
    const restored = await signIn.restore();
    if (restored) {
      return restored;
    }
    if (viewer.signInToEdit && signIn.maySignInSilently) {
      void this._signInSilently(signIn);
    }
    return viewer;
  }

  private async _signInSilently(signIn: ServiceSignIn): Promise<void> {
    if (await signIn.signInSilently()) {
      await this._refreshAfterSignIn();
    } else {
      // Now the person is offered to sign in.
      this._changed.emit();
    }
  }

  /**
   * Ask again with the service's own sign-in, once the check under way (which
   * may have asked without it) ended.
   */
  private async _refreshAfterSignIn(): Promise<void> {
    await this._refreshing;
    await this.refresh();
  }

  /**
   * Keep a fetched copy for the next session, once it is the one in use
   * and differs from the one before.
   */
  private async _keep(
    key: string,
    used: { document: object } | undefined,
    fetched: { document: object } | undefined,
    previous: { document: object } | undefined
  ): Promise<void> {
    if (used && used === fetched && used.document !== previous?.document) {
      await this._options.state
        ?.save(key, used as unknown as JSONValue)
        .catch(() => undefined);
    }
  }

  /**
   * Where to fetch the document: the metadata URL as built (the settings',
   * or the document's own when the operator lets it move); a document that
   * moved without naming its new URL again stays where it moved.
   */
  private _fetchUrl(): string {
    const { settings } = this._sources;
    const named = this.metadata.metadataUrl;
    const used = this._built.remote;
    return used && mayMove(settings) && named === metadataUrlOf(settings)
      ? used.url
      : named;
  }

  /**
   * `_update`, with the metadata built in slices first; a change of the
   * sources meanwhile has it built again at once, unless `current()` says
   * that a later change replaced this one. Resolves as `_update` returns.
   */
  private async _updateInSlices(
    change: Partial<ISources>,
    source: SourceId,
    current: () => boolean = () => true
  ): Promise<boolean> {
    const base = this._sources;
    const sources = { ...base, ...change };
    const built = await inSlices(this._computing(sources), {
      wanted: () => current() && this._sources === base
    }).catch(() => undefined);
    if (!current()) {
      return false;
    }
    return this._update(
      change,
      source,
      built && this._sources === base ? { sources, built } : undefined
    );
  }

  /**
   * Rebuild with `change`; only good metadata replaces the current one, and
   * a failure to build is reported, never thrown. `prebuilt`: what these
   * sources with `change` were built into already (in slices). Says whether
   * the change names another metadata URL in the settings.
   */
  private _update(
    change: Partial<ISources>,
    source: SourceId,
    prebuilt?: IPrebuilt
  ): boolean {
    const moved =
      'settings' in change &&
      metadataUrlOf(change.settings) !== metadataUrlOf(this._sources.settings);
    const next = prebuilt?.sources ?? { ...this._sources, ...change };
    const candidates = [next];
    if (this._usedRemote(next)) {
      // Should it fail, the metadata URL's document is the likeliest cause:
      // try again with the last good one, or without.
      const fallback =
        next.remote !== this._sources.remote ? this._sources.remote : undefined;
      candidates.push({ ...next, remote: fallback });
    }
    const failures = new Map(this._buildFailures);
    failures.delete(source);
    const errors: unknown[] = [];
    for (const sources of candidates) {
      try {
        this._built =
          sources === prebuilt?.sources
            ? prebuilt.built
            : this._compute(sources);
        this._sources = sources;
        break;
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length === candidates.length) {
      failures.set(source, buildFailure(source, errors[0]));
    } else if (errors.length > 0) {
      failures.set('metadata-url', buildFailure('metadata-url', errors[0]));
    }
    this._buildFailures = failures;
    if (this._poll) {
      this._poll.frequency = this._frequency();
    }
    this._changed.emit();
    return moved;
  }

  private _usedRemote(sources: ISources): IRemoteCopy | undefined {
    const { remote, settings } = sources;
    const url = metadataUrlOf(settings);
    return url && remote && (remote.settingsUrl ?? remote.url) === url
      ? remote
      : undefined;
  }

  /**
   * What a user's panel would show once the community's `section` holds
   * `value`: the editor's preview, from the sources the panel has now.
   * Resolved for a user with no role, as most who read the panel are.
   */
  preview(section: CommunitySection, value: unknown): IPreview {
    const copy = this._usedCommunity(this._sources);
    const document = withSection(copy?.document ?? {}, section, value);
    const { metadata } = atOnce(
      this._assembling(
        this._sources,
        this._parse!.parseDocument(document, 'community')
      )
    );
    return { metadata, resolver: new Resolver(metadata, {}) };
  }

  private _compute(sources: ISources): IBuilt {
    return atOnce(this._computing(sources));
  }

  /**
   * `_compute` as work to run in slices (src/slices.ts).
   */
  private *_computing(sources: ISources): Work<IBuilt> {
    const community = this._usedCommunity(sources);
    const { metadata, problems, remote } = yield* this._assembling(
      sources,
      community &&
        (yield* this._checked(community.document, d =>
          this._parse!.checking(d, 'community')
        ))
    );
    const resolver = new Resolver(metadata, {
      username: this.hub.onHub ? this.hub.user : undefined,
      admin: this._live?.user?.admin,
      groups: this._live?.user?.groups
    });
    return { metadata, problems, resolver, remote };
  }

  private *_assembling(
    sources: ISources,
    community: IParsedDocument | undefined
  ): Work<IMergeResult & { remote?: IRemoteCopy }> {
    const remote = this._usedRemote(sources);
    const { metadata, problems } = yield* assembling(
      {
        settings: sources.settings,
        remote:
          remote &&
          (yield* this._checked(remote.document, this._parse!.checkingRemote)),
        community,
        live: { admins: this._live?.admins },
        problems: [
          ...sources.settingsProblems,
          ...(sources.remoteProblem ? [sources.remoteProblem] : []),
          ...(sources.communityProblem ? [sources.communityProblem] : []),
          ...(this._live?.problems ?? [])
        ],
        trans: this._options.trans
      },
      { hasCommand: this._options.hasCommand }
    );
    return { metadata, problems, remote };
  }

  /**
   * The community help service's copy, while the settings name its service.
   */
  private _usedCommunity(sources: ISources): ICommunityCopy | undefined {
    const name =
      sources.settings?.document.communityService ?? COMMUNITY_SERVICE;
    return this.hub.onHub && sources.community?.service === name
      ? sources.community
      : undefined;
  }

  /**
   * A fetched document, checked once however often the metadata is rebuilt
   * (the live hub's answers rebuild it too). Copies exist only after
   * `load()`, which loads the checks.
   */
  private *_checked(
    document: object,
    check: (document: unknown) => Work<IParsedDocument>
  ): Work<IParsedDocument> {
    let checked = this._checkedDocuments.get(document);
    if (!checked) {
      checked = yield* check(document);
      this._checkedDocuments.set(document, checked);
    }
    return checked;
  }

  /**
   * The poll's timing: the clamped interval, so that no document can make
   * Poll throw or pin itself for weeks, and room to back off after failures.
   */
  private _frequency(): IPoll.Frequency {
    const interval = clampRefreshSeconds(this.metadata.refreshInterval) * 1000;
    return {
      interval,
      max: Math.max(
        interval,
        Math.min(
          interval * BACKOFF_MAX_INTERVALS,
          LIMITS.refreshMaxSeconds * 1000
        )
      ),
      backoff: true
    };
  }

  private _options: Omit<IHubHelpModelOptions, 'token'>;
  private _now: () => Date;
  private _parse: typeof import('./metadata/parse') | null = null;
  private _checkedDocuments = new WeakMap<object, IParsedDocument>();
  private _signIn: ServiceSignIn | null = null;
  private _absent: string | undefined;
  private _viewer:
    | {
        service: string;
        etag?: string;
        signedIn: boolean;
        viewer: ICommunityViewer;
      }
    | undefined;
  private _client: HubClient | null;
  private _shared: SharedAdmins | undefined;
  private _poll: Poll | null = null;
  private _isDisposed = false;
  private _refreshing: Promise<boolean> | null = null;
  private _refreshedAt = -Infinity;
  private _lastCheck: ILastCheck | undefined;
  private _sources: ISources = { settingsProblems: [] };
  private _built: IBuilt;
  private _buildFailures = new Map<SourceId, IProblem>();
  private _settingsTicket = 0;
  private _live: ILiveHubState | undefined;
  private _dismissed = new Set<string>();
  private _changed = new Signal<this, void>(this);
  private _checkChanged = new Signal<this, void>(this);
}
