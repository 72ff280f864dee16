import { SignInCredential } from './client';
import { CommunityService, ICommunityViewer } from './community';

/**
 * Sign in to the service at a URL without a word from the person (a hidden
 * frame); resolves to what that sign-in handed over, or undefined when it
 * did not answer in time.
 */
export type SilentSignIn = (
  url: string
) => Promise<SignInCredential | undefined>;

/**
 * The community help service's own sign-in, for one session. Editing needs
 * it unless the page's token carries the edit scope, since any server a
 * person visits may hold their token. So an editor's panel finds it (the
 * cookie of an earlier sign-in, asked once), or makes it silently while the
 * hub session lasts (tried once, and only on the viewer's own server: a
 * page someone else's server serves must not be given a sign-in in the
 * viewer's name); otherwise the person is offered to sign in.
 */
export class ServiceSignIn {
  constructor(
    readonly service: CommunityService,
    private _options: {
      /**
       * Whether the viewer is looking at their own server.
       */
      ownServer: boolean;
      /**
       * The viewer's hub username: a sign-in is theirs or is not used.
       */
      user: string;
      silently: SilentSignIn;
    }
  ) {}

  /**
   * The silent sign-in: under way, or tried and failed.
   */
  get silent(): 'untried' | 'trying' | 'failed' | 'done' {
    return this._silent;
  }

  /**
   * Whether a silent sign-in may still be tried.
   */
  get maySignInSilently(): boolean {
    // A frame of another site gets no cookies: it cannot sign in there.
    return (
      this._options.ownServer &&
      !this.service.onOtherSite &&
      this._silent === 'untried'
    );
  }

  /**
   * Once per session, on the viewer's own server: the viewer as an earlier
   * sign-in (in any tab) shows them, which the service is called with from
   * now on; undefined when there is none, or it was asked already. A service that does not answer
   * is no problem here: the person can still sign in.
   */
  async restore(): Promise<ICommunityViewer | undefined> {
    // Someone else's server's pages are not given the viewer's sign-in, and
    // the service's cookie does not reach a page of another site.
    if (
      this._restoreAsked ||
      !this._options.ownServer ||
      this.service.onOtherSite
    ) {
      return undefined;
    }
    this._restoreAsked = true;
    return this.service
      .signedInViewer(this._options.user)
      .catch(() => undefined);
  }

  /**
   * Sign in silently, once; resolves whether it did (then the service is
   * called with that sign-in).
   */
  async signInSilently(): Promise<boolean> {
    if (!this.maySignInSilently) {
      return false;
    }
    this._silent = 'trying';
    const credential = await this._options
      .silently(this.service.signInUrl)
      .catch(() => undefined);
    if (credential === undefined) {
      this._silent = 'failed';
      return false;
    }
    this._silent = 'done';
    this.service.useSignIn(credential);
    return true;
  }

  private _restoreAsked = false;
  private _silent: 'untried' | 'trying' | 'failed' | 'done' = 'untried';
}
