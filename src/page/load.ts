import type { TranslationBundle } from '@jupyterlab/translation';

import { signInSilently } from '../community/signIn';
import { HubClient, IHubContext } from '../hub';
import {
  ANYONE,
  CommunityService,
  ICommunityViewer,
  IHelpContext
} from '../hub/community';
import { assembleMetadata } from '../metadata/assemble';
import { parseDocument } from '../metadata/parse';
import { Resolver } from '../metadata/resolve';
import { IHubMetadata } from '../metadata/types';
import { IPageData, pageHubContext } from './context';
import { loadTranslations } from './translation';

/**
 * Everything a page of the service shows, for the person looking: the
 * metadata built as the panel builds it (the operator's document, the
 * community's, the built-in catalogue) and the same resolver over it.
 */
export interface IPageHelp {
  hub: IHubContext;
  trans: TranslationBundle;
  /**
   * The language of `trans`, as a BCP 47 tag ("fr-FR", "en").
   */
  language: string;
  service: CommunityService;
  /**
   * What the service says of the viewer: whether it keeps their reports.
   */
  viewer: ICommunityViewer;
  context: IHelpContext;
  metadata: IHubMetadata;
  resolver: Resolver;
  /**
   * Redaction as the panel's: token-like parameters and headers.
   */
  redact: (text: string) => string;
}

export type PageLoad =
  | { kind: 'loaded'; help: IPageHelp }
  /**
   * The service does not know who is looking: no sign-in to it, and none
   * could be made silently.
   */
  | { kind: 'signed-out'; trans: TranslationBundle }
  | { kind: 'failed'; trans: TranslationBundle; detail: string };

/**
 * Read the service as the person looking: with its own sign-in (its cookie
 * on this site), made silently through the hub when `silently` and there is
 * none yet.
 */
export async function loadPageHelp(
  data: IPageData,
  options: { silently: boolean; user?: string }
): Promise<PageLoad> {
  const hub = pageHubContext(data, window.location);
  const { trans, language } = await loadTranslations(
    data.serviceUrl,
    data.language
  );
  const client = new HubClient(hub, '');
  const service = new CommunityService(client, data.serviceName);
  try {
    let viewer = await service.signedInViewer(options.user || ANYONE);
    if (!viewer && options.silently) {
      const credential = await signInSilently(service.signInUrl);
      if (credential) {
        viewer = await service.signedInViewer(options.user || ANYONE);
      }
    }
    if (!viewer) {
      return { kind: 'signed-out', trans };
    }
    const [context, community] = await Promise.all([
      service.helpContext(),
      service.document()
    ]);
    const { metadata } = assembleMetadata({
      settings: parseDocument(context.document ?? {}, 'settings'),
      community: community.document
        ? parseDocument(community.document, 'community')
        : undefined,
      trans
    });
    return {
      kind: 'loaded',
      help: {
        hub,
        trans,
        language,
        service,
        viewer,
        context,
        metadata,
        resolver: new Resolver(metadata, context.viewer),
        redact: text => client.redact(text)
      }
    };
  } catch (error) {
    return {
      kind: 'failed',
      trans,
      detail: error instanceof Error ? error.message : String(error)
    };
  }
}
