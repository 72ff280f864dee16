import * as React from 'react';

import type { TranslationBundle } from '@jupyterlab/translation';

import { STATUS_ID } from '../generated/shared';
import type { HubHelpModel } from '../model';
import { IFormContext } from './forms/formContext';
import { StatusNoteForm } from './forms/StatusNoteForm';
import { useFormChecks } from './forms/useFormChecks';
import { RefusalNotice } from './RefusalNotice';
import { SectionSession } from './sectionSession';
import { useSessionState } from './useSessionState';

/**
 * The status note, posted and cleared from the panel itself: "Post a status
 * note", its text, "Post". The note's session is made when the form opens,
 * so that it is saved at the revision the form showed.
 */
export function PostStatusNote(props: {
  model: HubHelpModel;
  trans: TranslationBundle;
}): JSX.Element | null {
  const { model, trans } = props;
  const service = model.community.service;
  const [session, setSession] = React.useState<SectionSession | null>(null);
  const [done, setDone] = React.useState('');
  if (!service) {
    return null;
  }
  const posted = model.metadata.announcements.some(a => a.id === STATUS_ID);
  const start = () =>
    new SectionSession({
      service,
      section: 'status',
      shown: model.metadata,
      onSaved: () => void model.refresh()
    });
  const open = () => {
    const next = start();
    setDone('');
    setSession(next);
    void next.load();
  };
  const clear = async () => {
    const next = start();
    setDone('');
    await next.load();
    await next.remove();
    if (next.state.outcome?.kind === 'saved') {
      setDone(
        trans.__("Cleared. Everyone's panel drops it at its next refresh.")
      );
    } else {
      // The form says why (a sign-in, someone's change meanwhile).
      setSession(next);
    }
  };
  if (session) {
    return (
      <StatusNoteSession
        session={session}
        model={model}
        trans={trans}
        onDone={message => {
          setSession(null);
          setDone(message);
        }}
      />
    );
  }
  return (
    <div className="jp-HubHelp-editorActions">
      <button
        className="jp-mod-styled jp-mod-accept jp-HubHelp-action"
        onClick={open}
      >
        {posted
          ? trans.__('Change the status note')
          : trans.__('Post a status note')}
      </button>
      {posted && (
        <button
          className="jp-mod-styled jp-mod-warn jp-HubHelp-action"
          onClick={() => void clear()}
        >
          {trans.__('Clear the status note')}
        </button>
      )}
      {done && <p role="status">{done}</p>}
    </div>
  );
}

function StatusNoteSession(props: {
  session: SectionSession;
  model: HubHelpModel;
  trans: TranslationBundle;
  onDone: (message: string) => void;
}): JSX.Element {
  const { session, model, trans } = props;
  const { stored, draft, outcome, busy } = useSessionState(session);
  const checks = useFormChecks(session, draft, outcome, trans);
  const form = React.useRef<HTMLFormElement>(null);
  React.useEffect(() => {
    if (outcome?.kind === 'saved') {
      props.onDone(
        trans.__("Posted. Everyone's panel shows it at its next refresh.")
      );
    }
  }, [outcome]);
  React.useEffect(() => {
    // The next step is typing the note.
    form.current?.querySelector<HTMLElement>('textarea')?.focus();
  }, [!!stored]);
  if (!stored) {
    return outcome?.kind === 'refused' ? (
      <RefusalNotice refusal={outcome} model={model} trans={trans} />
    ) : (
      <p className="jp-HubHelp-muted" role="status">
        {trans.__('Loading…')}
      </p>
    );
  }
  const context: IFormContext = {
    trans,
    language: model.language,
    problems: checks.shown,
    idPrefix: 'jp-HubHelp-post-'
  };
  const post = () => {
    if (checks.trySave()) {
      void session.save();
    }
  };
  return (
    <form
      ref={form}
      className="jp-HubHelp-postStatus"
      onBlur={checks.onBlur}
      aria-label={trans.__('Status note')}
      onSubmit={e => {
        e.preventDefault();
        post();
      }}
    >
      {outcome?.kind === 'refused' && (
        <RefusalNotice refusal={outcome} model={model} trans={trans} />
      )}
      {outcome?.kind === 'conflict' && (
        <p
          className="jp-HubHelp-notice jp-HubHelp-severity-warning"
          role="alert"
        >
          {trans.__(
            '%1 changed the status note meanwhile; nothing of yours was saved. Open the editor to compare.',
            outcome.current.updatedBy ?? trans.__('Someone')
          )}
        </p>
      )}
      <StatusNoteForm
        context={context}
        value={draft}
        onChange={value => session.edit(value)}
        now={() => Date.now()}
      />
      <div className="jp-HubHelp-editorActions">
        <button
          type="submit"
          className="jp-mod-styled jp-mod-accept"
          disabled={busy}
        >
          {trans.__('Post')}
        </button>
        <button
          type="button"
          className="jp-mod-styled jp-mod-reject"
          onClick={() => props.onDone('')}
        >
          {trans.__('Cancel')}
        </button>
      </div>
    </form>
  );
}
