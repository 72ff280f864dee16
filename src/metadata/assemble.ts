import { limitCommunityAuthority, limitRemoteAuthority } from './authority';
import { builtInDefaults } from './defaults';
import {
  ILiveHubData,
  IMergeOptions,
  IMergeResult,
  ISourceDocument,
  merging
} from './merge';
import { atOnce, Work } from '../slices';
import type { IParsedDocument } from './parse';
import { IProblem } from './problems';
import { ITrans } from './trans';
import { IHubMetadataDocument } from './types';

export interface ICheckedSources {
  /**
   * The plugin's settings, checked: operator overrides with the user's own.
   */
  settings?: IParsedDocument;
  /**
   * The metadata URL's document, checked, when one was fetched.
   */
  remote?: IParsedDocument;
  /**
   * The community help service's document, checked, when one was fetched.
   */
  community?: IParsedDocument;
  live?: ILiveHubData;
  /**
   * Problems already found while reading the sources (a broken override, a
   * failed fetch), reported with the rest.
   */
  problems?: IProblem[];
  /**
   * The built-in catalogue; by default, built with `trans`.
   */
  defaults?: IHubMetadataDocument;
  /**
   * The viewer's language, for the built-in catalogue (English by default).
   */
  trans?: ITrans;
}

/**
 * Put checked sources together: the community help service limited to the
 * community's keys, over the metadata URL limited to what the settings grant
 * it, over the settings, over the built-in catalogue. Needs
 * none of the format's checks, so it costs nothing at JupyterLab's start.
 */
export function assembleMetadata(
  inputs: ICheckedSources,
  options: IMergeOptions = {}
): IMergeResult {
  return atOnce(assembling(inputs, options));
}

/**
 * `assembleMetadata` as work to run in slices (src/slices.ts).
 */
export function* assembling(
  inputs: ICheckedSources,
  options: IMergeOptions = {}
): Work<IMergeResult> {
  const { settings } = inputs;
  const remote =
    inputs.remote &&
    limitRemoteAuthority(inputs.remote, settings?.document.metadataUrlMaySet);
  const defaults = inputs.defaults ?? builtInDefaults(inputs.trans);
  // Notes are taken only on tasks the other sources define.
  const knownTasks = new Set(
    [defaults, settings?.document, remote?.document].flatMap(
      d => d?.tasks?.map(t => t.id) ?? []
    )
  );
  const parsed = [
    settings && { source: 'settings' as const, ...settings },
    remote && { source: 'metadata-url' as const, ...remote },
    inputs.community && {
      source: 'community' as const,
      ...limitCommunityAuthority(inputs.community, knownTasks)
    }
  ].filter((p): p is NonNullable<typeof p> => !!p);
  const sources: ISourceDocument[] = [
    { source: 'defaults', document: defaults },
    ...parsed
  ];
  const merged = yield* merging(sources, inputs.live, options);
  return {
    metadata: merged.metadata,
    problems: [
      ...(inputs.problems ?? []),
      ...parsed.flatMap(p => p.problems),
      ...merged.problems
    ]
  };
}
