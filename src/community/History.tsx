import * as React from 'react';

import { TranslationBundle } from '@jupyterlab/translation';

import { formatTime } from '../metadata/localize';
import { HubHelpModel } from '../model';
import {
  HistoryOutcome,
  HistorySession,
  IChangeSummary,
  ICommunityChange,
  ILaterChange,
  IUndoQuestion
} from './historySession';
import { RefusalNotice } from './RefusalNotice';
import { tabLabel } from './tabLabel';
import { useSessionState } from './useSessionState';

/**
 * Every recorded change, newest first, each with who made it, when and what
 * it changed, and an Undo. An undo over later changes asks first (the
 * session's question); older changes come a page at a time.
 */
export function History(props: {
  session: HistorySession;
  model: HubHelpModel;
  trans: TranslationBundle;
}): JSX.Element {
  const { session, model, trans } = props;
  const state = useSessionState(session);
  React.useEffect(() => void session.load(), [session]);
  const at = (change: ILaterChange) =>
    formatTime(new Date(change.at), model.language);

  if (state.changes === null) {
    return (
      <p className="jp-HubHelp-muted" role="status">
        {trans.__('Loading…')}
      </p>
    );
  }
  return (
    <div className="jp-HubHelp-editorSection">
      <Outcome outcome={state.outcome} model={model} trans={trans} />
      {state.question && (
        <Question
          question={state.question}
          session={session}
          busy={state.busy}
          trans={trans}
          at={at}
        />
      )}
      {state.changes.length === 0 ? (
        <p className="jp-HubHelp-muted">{trans.__('No changes yet.')}</p>
      ) : (
        <ol className="jp-HubHelp-history" aria-label={trans.__('Changes')}>
          {state.changes.map(change => (
            <li key={change.id}>
              <span>
                {trans.__(
                  '%1: %2 by %3 at %4',
                  tabLabel(change.section, trans),
                  kindLabel(change.kind, trans),
                  change.user,
                  at(change)
                )}
                <span className="jp-HubHelp-muted">
                  {' '}
                  {summaryText(change.summary, trans)}
                </span>
              </span>
              <button
                className="jp-mod-styled"
                disabled={state.busy}
                aria-label={trans.__(
                  'Undo the change to %1 by %2 at %3',
                  tabLabel(change.section, trans),
                  change.user,
                  at(change)
                )}
                onClick={() => void session.undo(change)}
              >
                {trans.__('Undo')}
              </button>
            </li>
          ))}
        </ol>
      )}
      {state.hasOlder && (
        <button
          className="jp-mod-styled jp-HubHelp-more"
          disabled={state.loading}
          onClick={() => void session.showOlder()}
        >
          {state.loading
            ? trans.__('Loading…')
            : trans.__('Show older changes')}
        </button>
      )}
    </div>
  );
}

/**
 * Later changes stand in the way of an undo: who made them and when, and
 * the choices. Its first choice takes the focus, so that the keyboard is
 * where the question is.
 */
function Question(props: {
  question: IUndoQuestion;
  session: HistorySession;
  busy: boolean;
  trans: TranslationBundle;
  at: (change: ILaterChange) => string;
}): JSX.Element {
  const { question, session, busy, trans, at } = props;
  const { change, later, laterCount, onlyThis } = question;
  const first = React.useRef<HTMLButtonElement>(null);
  React.useEffect(() => first.current?.focus(), [question]);
  return (
    <div
      className="jp-HubHelp-notice jp-HubHelp-severity-warning"
      role="group"
      aria-label={trans.__('Undo over later changes')}
    >
      <p role="alert">
        {trans._n(
          '%1 later change to %2 came after the one by %3 at %4:',
          '%1 later changes to %2 came after the one by %3 at %4:',
          laterCount,
          tabLabel(change.section, trans),
          change.user,
          at(change)
        )}
      </p>
      <ul>
        {later.map(l => (
          <li key={l.id}>
            {trans.__(
              '%1 by %2 at %3',
              kindLabel(l.kind, trans),
              l.user,
              at(l)
            )}
          </li>
        ))}
        {laterCount > later.length && (
          <li>
            {trans._n('and %1 more', 'and %1 more', laterCount - later.length)}
          </li>
        )}
      </ul>
      <div className="jp-HubHelp-editorActions">
        {onlyThis && (
          <button
            ref={first}
            className="jp-mod-styled jp-mod-accept jp-HubHelp-action"
            disabled={busy}
            onClick={() => void session.undoOnly()}
          >
            {trans.__('Undo only this change')}
          </button>
        )}
        <button
          ref={onlyThis ? undefined : first}
          className="jp-mod-styled jp-mod-warn jp-HubHelp-action"
          disabled={busy}
          onClick={() => void session.undoWithLater()}
        >
          {trans._n(
            'Undo this and %1 later change',
            'Undo this and %1 later changes',
            laterCount
          )}
        </button>
        <button
          className="jp-mod-styled jp-mod-reject jp-HubHelp-action"
          disabled={busy}
          onClick={() => session.cancel()}
        >
          {trans._p('dialog button', 'Cancel')}
        </button>
      </div>
    </div>
  );
}

/**
 * What the last undo came to.
 */
function Outcome(props: {
  outcome: HistoryOutcome | null;
  model: HubHelpModel;
  trans: TranslationBundle;
}): JSX.Element | null {
  const { outcome, model, trans } = props;
  if (!outcome) {
    return null;
  }
  switch (outcome.kind) {
    case 'refused':
      return (
        <RefusalNotice refusal={outcome.refusal} model={model} trans={trans} />
      );
    case 'undone':
      return (
        <p
          className="jp-HubHelp-notice jp-HubHelp-severity-success"
          role="status"
        >
          {outcome.alsoUndone > 0
            ? trans._n(
                'Undone with %1 later change: %2 is back as it was before the change by %3.',
                'Undone with %1 later changes: %2 is back as it was before the change by %3.',
                outcome.alsoUndone,
                tabLabel(outcome.change.section, trans),
                outcome.change.user
              )
            : trans.__(
                'Undone: the change by %1 to %2 is reverted.',
                outcome.change.user,
                tabLabel(outcome.change.section, trans)
              )}
        </p>
      );
    default:
      return (
        <p className="jp-HubHelp-notice jp-HubHelp-severity-error" role="alert">
          {failureText(outcome, trans)}
        </p>
      );
  }
}

function failureText(
  outcome: Exclude<HistoryOutcome, { kind: 'refused' | 'undone' }>,
  trans: TranslationBundle
): string {
  switch (outcome.kind) {
    case 'changed-meanwhile':
      return trans.__(
        '%1 changed again while you were deciding; nothing was undone. The list now shows the newest changes: undo again to see them.',
        tabLabel(outcome.change.section, trans)
      );
    case 'entries-changed-later':
      return trans.__(
        'Nothing was undone: later changes touched the same entries (%1). Undo this change together with them instead.',
        outcome.entries.join(', ')
      );
    case 'invalid':
      return trans.__(
        'Nothing was undone: the result would not be valid (%1).',
        outcome.problems.map(p => `${p.path} ${p.reason}`).join('; ')
      );
    case 'load-failed':
      return trans.__('The history could not be read: %1', outcome.message);
  }
}

/**
 * A change's size in words: "1 added, 2 changed".
 */
function summaryText(
  summary: IChangeSummary,
  trans: TranslationBundle
): string {
  const { added, removed, changed } = summary;
  return [
    added > 0 && trans._n('%1 added', '%1 added', added),
    removed > 0 && trans._n('%1 removed', '%1 removed', removed),
    changed > 0 && trans._n('%1 changed', '%1 changed', changed)
  ]
    .filter(Boolean)
    .join(', ');
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
