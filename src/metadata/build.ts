import { assembleMetadata, ICheckedSources } from './assemble';
import { IMergeOptions, IMergeResult } from './merge';
import { parseDocument, parseRemoteDocument } from './parse';

export interface IMetadataInputs extends Omit<
  ICheckedSources,
  'settings' | 'remote'
> {
  /**
   * The plugin's settings as written, not yet checked.
   */
  settings?: unknown;
  /**
   * The metadata URL's document as fetched, not yet checked.
   */
  remote?: unknown;
}

/**
 * Check each source, then put them together: the whole metadata layer in
 * one call, for documents that arrive unchecked.
 */
export function buildMetadata(
  inputs: IMetadataInputs,
  options: IMergeOptions = {}
): IMergeResult {
  return assembleMetadata(
    {
      ...inputs,
      settings:
        inputs.settings !== undefined
          ? parseDocument(inputs.settings, 'settings')
          : undefined,
      remote:
        inputs.remote !== undefined
          ? parseRemoteDocument(inputs.remote)
          : undefined
    },
    options
  );
}
