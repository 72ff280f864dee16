import { limitRemoteAuthority } from './authority';
import { builtInDefaults } from './defaults';
import {
  ILiveHubData,
  IMergeOptions,
  IMergeResult,
  ISourceDocument,
  mergeSources
} from './merge';
import { parseDocument } from './parse';
import { PLUGIN_ID } from '../ids';
import { IProblem } from './problems';
import { ITrans } from './trans';
import { IHubMetadataDocument } from './types';

export interface IMetadataInputs {
  /**
   * The plugin's settings: operator overrides merged with the user's own.
   */
  settings?: unknown;
  /**
   * The metadata URL's document, when one was fetched.
   */
  remote?: unknown;
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
 * Parse and check each source, then merge them: the whole metadata layer in
 * one call.
 */
export function buildMetadata(
  inputs: IMetadataInputs,
  options: IMergeOptions = {}
): IMergeResult {
  const settings =
    inputs.settings !== undefined
      ? parseDocument(inputs.settings, 'settings')
      : undefined;
  const remoteValue = unwrap(inputs.remote);
  const remote =
    remoteValue !== undefined
      ? limitRemoteAuthority(
          parseDocument(remoteValue, 'metadata-url'),
          settings?.document.metadataUrlMaySet
        )
      : undefined;
  const parsed = [
    settings && { source: 'settings' as const, ...settings },
    remote && { source: 'metadata-url' as const, ...remote }
  ].filter((p): p is NonNullable<typeof p> => !!p);
  const defaults = inputs.defaults ?? builtInDefaults(inputs.trans);
  const sources: ISourceDocument[] = [
    { source: 'defaults', document: defaults },
    ...parsed
  ];
  const merged = mergeSources(sources, inputs.live, options);
  return {
    metadata: merged.metadata,
    problems: [
      ...(inputs.problems ?? []),
      ...parsed.flatMap(p => p.problems),
      ...merged.problems
    ]
  };
}

function unwrap(value: unknown): unknown {
  if (
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).length === 1 &&
    Object.prototype.hasOwnProperty.call(value, PLUGIN_ID)
  ) {
    return (value as { [PLUGIN_ID]: unknown })[PLUGIN_ID];
  }
  return value;
}
