import { IParsedDocument } from './parse';

/**
 * The settings as JupyterLab composes them: each key the user set replaces
 * the operator's value for that key whole. Both layers arrive checked, so
 * nothing is parsed twice.
 */
export function layerSettings(
  operator: IParsedDocument,
  user: IParsedDocument
): IParsedDocument {
  const document = { ...operator.document, ...user.document };
  const positions = { ...operator.positions };
  for (const key of Object.keys(user.document)) {
    if (Object.prototype.hasOwnProperty.call(user.positions, key)) {
      positions[key] = user.positions[key];
    } else {
      delete positions[key];
    }
  }
  return {
    document,
    problems: [...operator.problems, ...user.problems],
    positions
  };
}

/**
 * No settings at all.
 */
export const NO_SETTINGS: IParsedDocument = Object.freeze({
  document: {},
  problems: [],
  positions: {}
});
