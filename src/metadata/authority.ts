import { IParsedDocument } from './parse';
import { IProblem, jsonPath } from './problems';
import { RemoteGrant } from './types';

/**
 * The metadata URL may be served by someone other than the operator: its
 * document keeps contacts, tasks and announcements current, but redirecting
 * later fetches, changing admin discovery or adding command buttons needs the
 * operator's grant in the settings (`metadataUrlMaySet`). What it may not set
 * is ignored and named.
 */
export function limitRemoteAuthority(
  parsed: IParsedDocument,
  granted: readonly RemoteGrant[] = []
): IParsedDocument {
  const document = { ...parsed.document };
  const problems: IProblem[] = [];
  const refuse = (keys: (string | number)[], needed: string) =>
    problems.push({
      source: 'metadata-url',
      path: jsonPath(keys),
      code: 'not-allowed',
      params: [needed],
      severity: 'warning'
    });
  // Only the operator's settings grant authority.
  if (document.metadataUrlMaySet !== undefined) {
    refuse(['metadataUrlMaySet'], 'metadataUrlMaySet');
    delete document.metadataUrlMaySet;
  }
  for (const key of ['metadataUrl', 'adminDiscovery'] as const) {
    if (document[key] !== undefined && !granted.includes(key)) {
      refuse([key], key);
      delete document[key];
    }
  }
  if (document.tasks && !granted.includes('commands')) {
    const positions = parsed.positions['tasks'] ?? [];
    document.tasks = document.tasks.map((task, i) => {
      if (!task.how?.command) {
        return task;
      }
      refuse(['tasks', positions[i] ?? i, 'how', 'command'], 'commands');
      const how = { ...task.how };
      delete how.command;
      return { ...task, how };
    });
  }
  return {
    document,
    problems: [...parsed.problems, ...problems],
    positions: parsed.positions
  };
}
