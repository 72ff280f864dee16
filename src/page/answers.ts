import { hubPageUrl, IHubContext } from '../hub/context';
import type { IHelpAnswers } from '../components/viewProps';
import { IAnnouncement, IHubMetadata } from '../metadata/types';
import { Resolver } from '../metadata/resolve';

/**
 * The help page's answers: what the panel's model gives its views, from
 * the same metadata and the same resolver, with no JupyterLab around it.
 * Dismissed announcements stay dismissed while the page is open.
 */
export class PageAnswers implements IHelpAnswers {
  constructor(
    readonly hub: IHubContext,
    readonly language: string,
    readonly metadata: IHubMetadata,
    readonly resolver: Resolver,
    private _changed: () => void
  ) {}

  get seesConfiguration(): boolean {
    return this.resolver.seesConfiguration(this.hub.onHub);
  }

  hubPage(page: string | undefined): string | undefined {
    return hubPageUrl(this.hub, page);
  }

  visibleAnnouncements(): IAnnouncement[] {
    return this.resolver
      .activeAnnouncements(new Date())
      .filter(a => !this._dismissed.has(a.id));
  }

  async dismiss(id: string): Promise<void> {
    this._dismissed.add(id);
    this._changed();
  }

  private _dismissed = new Set<string>();
}
