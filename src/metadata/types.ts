/**
 * The hub metadata format as operators write it (schema/plugin.json is the
 * source of truth), and the normalised model the rest of the extension reads.
 */

/**
 * Text, or a map from language code to text.
 */
export type LocalizedString = string | { [language: string]: string };

/**
 * Search words: one list for every language, or a map from language code to
 * a list, chosen like a LocalizedString's text.
 */
export type LocalizedKeywords = string[] | { [language: string]: string[] };

/**
 * Where a piece of metadata came from, in increasing precedence.
 */
export type SourceId =
  'defaults' | 'settings' | 'metadata-url' | 'community' | 'hub';

export interface INamedLink {
  name: LocalizedString;
  url?: string;
}

export interface IChannel {
  kind: 'email' | 'url' | 'chat';
  address: string;
  label?: LocalizedString;
  hours?: LocalizedString;
  responseTime?: LocalizedString;
  formTemplate?: string;
}

export interface IContact {
  email?: string;
  url?: string;
  chat?: string;
}

export interface IPersonEntry {
  id?: string;
  name: string;
  usernames?: string[];
  roles: string[];
  contact?: IContact;
  note?: LocalizedString;
}

export interface IRoleEntry {
  label?: LocalizedString;
  description?: LocalizedString;
  party?: Party;
  duties?: LocalizedString[];
  channels?: IChannel[];
  reachedThrough?: string;
  acceptsFrom?: string[];
  escalatesTo?: string;
  hidden?: boolean;
}

export interface ITaskHow {
  text?: LocalizedString;
  url?: string;
  hubPage?: HubPage;
  command?: {
    id: string;
    args?: { [key: string]: any };
    label?: LocalizedString;
  };
}

export interface ITaskEntry {
  id: string;
  title?: LocalizedString;
  keywords?: LocalizedKeywords;
  owner?: string;
  category?: LocalizedString;
  how?: ITaskHow;
  hidden?: boolean;
}

export interface IAnnouncementEntry {
  id?: string;
  text: LocalizedString;
  severity?: Severity;
  start?: string;
  end?: string;
  link?: { label?: LocalizedString; url: string };
}

export interface IOutageCategory {
  id: string;
  label: LocalizedString;
  recipient?: string;
}

export interface IAdminDiscovery {
  enabled?: boolean;
  group?: string;
  exclude?: string[];
}

/**
 * The version of the format this release reads.
 */
export { FORMAT_VERSION } from '../generated/shared';

/**
 * Who may set what: the metadata URL's document sets these only when the
 * operator's settings list them in `metadataUrlMaySet`.
 */
export type RemoteGrant = 'metadataUrl' | 'adminDiscovery' | 'commands';

/**
 * One source's document: the settings, or the metadata URL's JSON.
 */
export interface IHubMetadataDocument {
  formatVersion?: number;
  hub?: { name?: LocalizedString; url?: string; description?: LocalizedString };
  org?: { name?: LocalizedString; url?: string; logo_url?: string };
  operated_by?: INamedLink;
  funded_by?: INamedLink;
  designed_by?: INamedLink;
  announcements?: (string | IAnnouncementEntry)[];
  people?: IPersonEntry[];
  roles?: { [id: string]: IRoleEntry };
  tasks?: ITaskEntry[];
  statusPage?: string;
  outageCategories?: IOutageCategory[];
  metadataUrl?: string;
  refreshInterval?: number;
  adminDiscovery?: IAdminDiscovery;
  /**
   * The JupyterHub service holding the community's part; settings only.
   */
  communityService?: string;
  metadataUrlMaySet?: RemoteGrant[];
}

export type Party = 'community' | 'operator' | 'user';
export type Severity = 'info' | 'success' | 'warning' | 'error';
export type HubPage = 'home' | 'admin' | 'token' | 'spawn';

/**
 * Where an entry of the merged model was written: its source and JSON path.
 */
export interface IOrigin {
  source: SourceId;
  path: string;
}

export interface IRole {
  id: string;
  label: LocalizedString;
  description?: LocalizedString;
  party: Party;
  duties: LocalizedString[];
  channels: IChannel[];
  reachedThrough?: string;
  acceptsFrom: string[];
  escalatesTo?: string;
  hidden: boolean;
}

export interface IPerson {
  id: string;
  name: string;
  usernames: string[];
  roles: string[];
  contact: IContact;
  note?: LocalizedString;
  /**
   * Found through the Hub API rather than written by the operator.
   */
  discovered: boolean;
  origin: IOrigin;
}

export interface ITask {
  id: string;
  title: LocalizedString;
  keywords: LocalizedKeywords;
  owner: string;
  category?: LocalizedString;
  how: ITaskHow;
  origin: IOrigin;
}

export interface IAnnouncement {
  id: string;
  text: LocalizedString;
  severity: Severity;
  start?: string;
  end?: string;
  link?: { label?: LocalizedString; url: string };
}

/**
 * The merged hub metadata: every source applied, every reference checked.
 */
export interface IHubMetadata {
  hub: { name?: LocalizedString; url?: string; description?: LocalizedString };
  org?: { name?: LocalizedString; url?: string; logo_url?: string };
  operatedBy?: INamedLink;
  fundedBy?: INamedLink;
  designedBy?: INamedLink;
  announcements: IAnnouncement[];
  people: IPerson[];
  /**
   * By id. A Map, so that an id such as "constructor" finds only a role.
   */
  roles: ReadonlyMap<string, IRole>;
  tasks: ITask[];
  statusPage?: string;
  outageCategories: (IOutageCategory & { origin: IOrigin })[];
  metadataUrl: string;
  refreshInterval: number;
  adminDiscovery: Required<IAdminDiscovery>;
  /**
   * The name of the community help service; empty for none.
   */
  communityService: string;
}

/**
 * What the live hub says about the person looking, when there is a hub.
 */
export interface IViewer {
  /**
   * The viewer's hub username (PageConfig hubUser), if on a hub.
   */
  username?: string;
  /**
   * The Hub API's admin flag for the viewer, when known.
   */
  admin?: boolean;
  groups?: string[];
}
