import { builtInDefaults } from './defaults';
import {
  ILiveHubData,
  IMergeOptions,
  IMergeResult,
  mergeSources
} from './merge';
import { parseDocument } from './parse';
import { PLUGIN_ID } from './pluginId';
import { IProblem } from './problems';
import { Gettext, IHubMetadataDocument, SourceId } from './types';

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
   * The built-in catalogue, usually in the viewer's language.
   */
  defaults?: IHubMetadataDocument;
  gettext?: Gettext;
}

/**
 * Parse and check each source, then merge them: the whole metadata layer in
 * one call.
 */
export function buildMetadata(
  inputs: IMetadataInputs,
  options: IMergeOptions = {}
): IMergeResult {
  const parsed = [
    { source: 'settings' as SourceId, value: inputs.settings },
    { source: 'metadata-url' as SourceId, value: unwrap(inputs.remote) }
  ]
    .filter(s => s.value !== undefined)
    .map(s => ({ source: s.source, ...parseDocument(s.value, s.source) }));
  const defaults = inputs.defaults ?? builtInDefaults(inputs.gettext);
  const merged = mergeSources(
    [{ source: 'defaults', document: defaults }, ...parsed],
    inputs.live,
    options
  );
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
    PLUGIN_ID in value
  ) {
    return (value as { [PLUGIN_ID]: unknown })[PLUGIN_ID];
  }
  return value;
}
