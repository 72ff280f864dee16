import * as React from 'react';

import { TranslationBundle } from '@jupyterlab/translation';

import { formatTime } from '../components/formatTime';
import {
  CommunityService,
  EditResult,
  ICommunityChange
} from '../hub/community';
import { describeRefusal } from './outcome';

/**
 * Every recorded change, newest first, each with who made it and when, and
 * an Undo that puts its section back as it was before it.
 */
export function History(props: {
  service: CommunityService;
  trans: TranslationBundle;
  language: string;
  onChanged: () => void;
}): JSX.Element {
  const { service, trans } = props;
  const [changes, setChanges] = React.useState<ICommunityChange[] | null>(null);
  const [message, setMessage] = React.useState('');

  const reload = React.useCallback(() => {
    service.history().then(setChanges, (error: unknown) => {
      setChanges([]);
      setMessage(String(error instanceof Error ? error.message : error));
    });
  }, [service]);
  React.useEffect(reload, [reload]);

  const undo = async (change: ICommunityChange) => {
    const current = await service.section(change.section);
    const result: EditResult = await service.undo(change.id, current.etag);
    setMessage(
      result.kind === 'saved'
        ? trans.__('Undone: %1 is back as it was before.', change.section)
        : result.kind === 'refused'
          ? describeRefusal(result, trans)
          : result.kind === 'conflict'
            ? trans.__(
                'It changed again meanwhile; look at the newest change first.'
              )
            : result.problems.map(p => `${p.path} ${p.reason}`).join('; ')
    );
    if (result.kind === 'saved') {
      props.onChanged();
    }
    reload();
  };

  if (changes === null) {
    return (
      <p className="jp-HubHelp-muted" role="status">
        {trans.__('Loading…')}
      </p>
    );
  }
  return (
    <div className="jp-HubHelp-editorSection">
      {message && <p role="status">{message}</p>}
      {changes.length === 0 ? (
        <p className="jp-HubHelp-muted">{trans.__('No changes yet.')}</p>
      ) : (
        <ol className="jp-HubHelp-history" aria-label={trans.__('Changes')}>
          {changes.map(change => (
            <li key={change.id}>
              <span>
                {trans.__(
                  '%1: %2 by %3 at %4',
                  change.section,
                  kindLabel(change.kind, trans),
                  change.user,
                  formatTime(new Date(change.at), props.language)
                )}
              </span>
              <button
                className="jp-mod-styled"
                aria-label={trans.__(
                  'Undo the change to %1 by %2',
                  change.section,
                  change.user
                )}
                onClick={() => void undo(change)}
              >
                {trans.__('Undo')}
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function kindLabel(
  kind: ICommunityChange['kind'],
  trans: TranslationBundle
): string {
  switch (kind) {
    case 'undo':
      return trans.__('undone');
    case 'import':
      return trans.__('imported');
    default:
      return trans.__('edited');
  }
}
