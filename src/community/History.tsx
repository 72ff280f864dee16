import * as React from 'react';

import { TranslationBundle } from '@jupyterlab/translation';
import { caretDownIcon, caretRightIcon } from '@jupyterlab/ui-components';

import { IsolatedText } from '../components/OperatorText';
import { formatTime, localize } from '../metadata/localize';
import { isolate } from '../metadata/text';
import { HubHelpModel } from '../model';
import {
  ChangeItem,
  describeChange,
  IFieldChange,
  IFieldValue
} from './changeDiff';
import {
  ChangeDetails,
  ChangeRight,
  HistoryOutcome,
  HistorySession,
  IChangeSummary,
  ICommunityChange,
  ILaterChange,
  IUndoQuestion
} from './historySession';
import { RefusalNotice } from './RefusalNotice';
import { CommunitySection } from './sectionSession';
import { startingValue } from './startingValue';
import { tabLabel } from './tabLabel';
import { useSessionState } from './useSessionState';

/**
 * Every recorded change, newest first, each with who made it, on which
 * right, when and how much it changed, what it changed entry by entry a
 * click away ("What changed"), and an Undo. An undo over later changes asks
 * first (the session's question); older changes come a page at a time.
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
                {entryLine(change, at(change), trans)}
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
              <WhatChanged
                change={change}
                details={state.details[change.id]}
                session={session}
                model={model}
                trans={trans}
              />
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
 * Who made a change, on which right, and when: "People: edited by tomas as
 * a Community Representative at 15:02".
 */
function entryLine(
  change: ICommunityChange,
  at: string,
  trans: TranslationBundle
): string {
  const section = tabLabel(change.section, trans);
  const kind = kindLabel(change.kind, trans);
  return change.as
    ? trans.__(
        '%1: %2 by %3 as %4 at %5',
        section,
        kind,
        change.user,
        rightLabel(change.as, trans),
        at
      )
    : trans.__('%1: %2 by %3 at %4', section, kind, change.user, at);
}

function rightLabel(right: ChangeRight, trans: TranslationBundle): string {
  switch (right) {
    case 'admin':
      return trans.__('a hub admin');
    case 'representative':
      return trans.__('a Community Representative');
    case 'scope':
      return trans.__('a holder of the edit scope');
  }
}

/**
 * A change's "What changed": a button that shows and hides what it did,
 * entry by entry, read from the service the first time it is opened.
 */
function WhatChanged(props: {
  change: ICommunityChange;
  details: ChangeDetails | undefined;
  session: HistorySession;
  model: HubHelpModel;
  trans: TranslationBundle;
}): JSX.Element {
  const { change, details, session, model, trans } = props;
  const [open, setOpen] = React.useState(false);
  const id = React.useId();
  const Icon = open ? caretDownIcon : caretRightIcon;
  const toggle = () => {
    if (!open) {
      void session.details(change);
    }
    setOpen(!open);
  };
  return (
    <div className="jp-HubHelp-changeDetails">
      <button
        className="jp-HubHelp-disclosure"
        aria-expanded={open}
        aria-controls={id}
        onClick={toggle}
      >
        <Icon.react tag="span" className="jp-HubHelp-caret" />
        {trans.__('What changed')}
      </button>
      <div id={id} hidden={!open}>
        {open && (
          <ChangeDescription
            change={change}
            details={details}
            model={model}
            trans={trans}
          />
        )}
      </div>
    </div>
  );
}

function ChangeDescription(props: {
  change: ICommunityChange;
  details: ChangeDetails | undefined;
  model: HubHelpModel;
  trans: TranslationBundle;
}): JSX.Element {
  const { change, details, model, trans } = props;
  const items = React.useMemo(() => {
    if (details?.kind !== 'loaded') {
      return [];
    }
    const { roles } = model.metadata;
    const roleLabel = (id: string) => {
      const role = roles.get(id);
      return role ? localize(role.label, model.language) || id : id;
    };
    return describeChange(
      change.section,
      details.before ?? firstBase(change.section, model),
      details.after,
      { roleLabel }
    );
  }, [change.section, details, model]);
  // The first change stored a list the form started from the operator's.
  const first =
    details?.kind === 'loaded' &&
    details.before === null &&
    change.section !== 'status';

  if (details === undefined || details.kind === 'loading') {
    return (
      <p className="jp-HubHelp-muted" role="status">
        {trans.__('Loading…')}
      </p>
    );
  }
  if (details.kind === 'failed') {
    return (
      <p className="jp-HubHelp-notice jp-HubHelp-severity-error" role="alert">
        {trans.__(
          'What this change did could not be read: %1',
          details.message
        )}
      </p>
    );
  }
  if (items.length === 0) {
    return (
      <p className="jp-HubHelp-muted">
        {trans.__('Nothing changed in the values.')}
      </p>
    );
  }
  return (
    <>
      {first && (
        <p className="jp-HubHelp-muted">
          {trans.__(
            "Nothing was stored before this change: it is compared with what the operator's settings show now."
          )}
        </p>
      )}
      <ul className="jp-HubHelp-changeItems">
        {items.map((item, index) => (
          <li key={index}>
            <IsolatedText text={itemText(item, trans)} />
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * What a list section held before anything was stored for it: the
 * operator's entries, which the form started from.
 */
function firstBase(section: CommunitySection, model: HubHelpModel): unknown {
  return section === 'status'
    ? null
    : startingValue(section, model.preview(section, undefined).metadata);
}

/**
 * One thing a change did, in words; the community's text isolated.
 */
function itemText(item: ChangeItem, trans: TranslationBundle): string {
  const none = trans.__('(none)');
  const shown = (value: string | null) =>
    value === null ? none : value === '' ? trans.__('(empty)') : isolate(value);
  const values = (fields: IFieldValue[], skip: string | null = null) =>
    fields
      .filter(f => f.field !== (skip ?? ''))
      .map(f =>
        f.field
          ? trans.__('%1: %2', isolate(f.field), shown(f.value))
          : shown(f.value)
      )
      .join('; ');
  const changes = (fields: IFieldChange[]) =>
    fields
      .map(f =>
        f.field
          ? trans.__(
              '%1 %2 → %3',
              isolate(f.field),
              shown(f.before),
              shown(f.after)
            )
          : trans.__('%1 → %2', shown(f.before), shown(f.after))
      )
      .join('; ');
  switch (item.kind) {
    case 'added':
    case 'removed': {
      const label = isolate(item.entry.label);
      const rest = values(item.fields, item.entry.labelField);
      if (item.kind === 'added') {
        return rest
          ? trans.__('Added %1 (%2)', label, rest)
          : trans.__('Added %1', label);
      }
      return rest
        ? trans.__('Removed %1 (%2)', label, rest)
        : trans.__('Removed %1', label);
    }
    case 'changed':
      return item.entry
        ? trans.__(
            'Changed %1: %2',
            isolate(item.entry.label),
            changes(item.fields)
          )
        : trans.__('Changed: %1', changes(item.fields));
    case 'moved':
      return trans.__(
        'Moved %1 from place %2 to place %3',
        isolate(item.entry.label),
        item.from + 1,
        item.to + 1
      );
    case 'set':
      return trans.__('Set: %1', values(item.fields));
    case 'cleared':
      return trans.__('Cleared; it was: %1', values(item.fields));
  }
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
