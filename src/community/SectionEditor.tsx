import * as React from 'react';

import { TranslationBundle } from '@jupyterlab/translation';

import { formatTime } from '../metadata/localize';
import { HubHelpModel } from '../model';
import { fieldId, IFormContext } from './forms/formContext';
import { Preview } from './forms/Preview';
import { SectionForm } from './forms/SectionForm';
import { useFormChecks } from './forms/useFormChecks';
import { RefusalNotice } from './RefusalNotice';
import { EditResult, SectionSession } from './sectionSession';
import { useSessionState } from './useSessionState';

export interface ISectionEditorProps {
  /**
   * The section's conversation with the service.
   */
  session: SectionSession;
  /**
   * For the sign-in a refusal may ask for, and the preview.
   */
  model: HubHelpModel;
  trans: TranslationBundle;
  language: string;
}

/**
 * One section's form, as its session holds it, beside a preview of what
 * users will see: checked as it is typed, saved with the revision it was
 * loaded at.
 */
export function SectionEditor(props: ISectionEditorProps): JSX.Element {
  const { session, trans } = props;
  const { section } = session;
  const { stored, draft, outcome, busy } = useSessionState(session);
  const form = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => void session.load(), [session]);
  const checks = useFormChecks(session, draft, outcome, trans);
  const { errors } = checks;
  const context: IFormContext = {
    trans,
    language: props.language,
    problems: checks.shown,
    idPrefix: `jp-HubHelp-edit-${section}`
  };

  if (!stored) {
    return (
      <div className="jp-HubHelp-editorSection">
        {outcome?.kind === 'refused' ? (
          <RefusalNotice refusal={outcome} model={props.model} trans={trans} />
        ) : (
          <p className="jp-HubHelp-muted" role="status">
            {trans.__('Loading…')}
          </p>
        )}
      </div>
    );
  }
  const save = () => {
    if (checks.trySave()) {
      void session.save();
      return;
    }
    // Nothing the format refuses leaves the form; the first problem is
    // where the person goes next.
    form.current
      ?.querySelector<HTMLElement>(`#${fieldId(context, errors[0].path)}`)
      ?.focus();
  };
  return (
    <div className="jp-HubHelp-editorSection">
      <p className="jp-HubHelp-muted">
        {stored.updatedBy && stored.updatedAt
          ? trans.__(
              'Last changed by %1 at %2.',
              stored.updatedBy,
              formatTime(new Date(stored.updatedAt), props.language)
            )
          : trans.__("Nothing stored yet: the operator's settings apply.")}
      </p>
      <Outcome
        outcome={outcome}
        model={props.model}
        trans={trans}
        language={props.language}
        onTheirs={() => session.loadTheirs()}
        onMine={() => void session.saveMine()}
      />
      <div className="jp-HubHelp-editorColumns">
        <div
          ref={form}
          className="jp-HubHelp-editorForm"
          onBlur={checks.onBlur}
        >
          <SectionForm
            section={section}
            context={context}
            model={props.model}
            value={draft}
            onChange={value => session.edit(value)}
          />
        </div>
        <Preview
          model={props.model}
          section={section}
          draft={draft}
          trans={trans}
        />
      </div>
      {checks.saveTried && errors.length > 0 && (
        <p className="jp-HubHelp-notice jp-HubHelp-severity-error" role="alert">
          {trans._n(
            'Nothing was saved: %1 problem is marked in the form.',
            'Nothing was saved: %1 problems are marked in the form.',
            errors.length
          )}
        </p>
      )}
      <div className="jp-HubHelp-editorActions">
        <button
          className="jp-mod-styled jp-mod-accept"
          disabled={busy}
          onClick={save}
        >
          {trans.__('Save')}
        </button>
        <button
          className="jp-mod-styled jp-mod-reject"
          disabled={busy}
          onClick={() => {
            checks.reset();
            session.discard();
          }}
        >
          {trans.__('Discard changes')}
        </button>
        {section === 'status' && stored.value !== null && (
          <button
            className="jp-mod-styled jp-mod-warn"
            disabled={busy}
            onClick={() => void session.remove()}
          >
            {trans.__('Remove the status note')}
          </button>
        )}
      </div>
    </div>
  );
}

/**
 * What the last save came to.
 */
function Outcome(props: {
  outcome: EditResult | null;
  model: HubHelpModel;
  trans: TranslationBundle;
  language: string;
  onTheirs: () => void;
  onMine: () => void;
}): JSX.Element | null {
  const { outcome, trans } = props;
  switch (outcome?.kind) {
    case undefined:
      return null;
    case 'saved':
      return (
        <p
          className="jp-HubHelp-notice jp-HubHelp-severity-success"
          role="status"
        >
          {trans.__("Saved. Everyone's panel shows it at its next refresh.")}
        </p>
      );
    case 'conflict': {
      const { current } = outcome;
      return (
        <div
          className="jp-HubHelp-notice jp-HubHelp-severity-warning"
          role="alert"
        >
          <p>
            {trans.__(
              '%1 changed this at %2 while you were editing; nothing of yours was saved.',
              current.updatedBy ?? trans.__('Someone'),
              current.updatedAt
                ? formatTime(new Date(current.updatedAt), props.language)
                : '?'
            )}
          </p>
          <button className="jp-mod-styled" onClick={props.onTheirs}>
            {trans.__('Load their version')}
          </button>
          <button className="jp-mod-styled jp-mod-warn" onClick={props.onMine}>
            {trans.__('Save mine over theirs')}
          </button>
        </div>
      );
    }
    case 'invalid':
      return (
        <div
          className="jp-HubHelp-notice jp-HubHelp-severity-error"
          role="alert"
        >
          <p>{trans.__('Nothing was saved: fix these first.')}</p>
          <ul>
            {outcome.problems.map(p => (
              <li key={`${p.path} ${p.code}`}>
                <code>{p.path}</code> {p.reason}
              </li>
            ))}
          </ul>
        </div>
      );
    case 'refused':
      return (
        <RefusalNotice refusal={outcome} model={props.model} trans={trans} />
      );
  }
}
