import * as React from 'react';

import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { ITranslator, TranslationBundle } from '@jupyterlab/translation';
import { FormComponent } from '@jupyterlab/ui-components';
import type { ValidatorType } from '@rjsf/utils';

import { formatTime, localize } from '../metadata/localize';
import { HubHelpModel } from '../model';
import { sectionSchema } from './formSchema';
import { RefusalNotice } from './RefusalNotice';
import { EditResult, SectionSession } from './sectionSession';
import { useSessionState } from './useSessionState';

export interface ISectionEditorProps {
  /**
   * The section's conversation with the service.
   */
  session: SectionSession;
  /**
   * For the sign-in a refusal may ask for.
   */
  model: HubHelpModel;
  schema: ISettingRegistry.ISchema;
  /**
   * The form's validator (JupyterLab's shared copy), loaded with the editor.
   */
  validator: ValidatorType;
  trans: TranslationBundle;
  translator: ITranslator;
  language: string;
}

/**
 * One section's form, as its session holds it: loaded from the service,
 * saved with the revision it was loaded at.
 */
export function SectionEditor(props: ISectionEditorProps): JSX.Element {
  const { session, trans } = props;
  const { section, shown } = session;
  const { stored, draft, outcome, busy } = useSessionState(session);
  React.useEffect(() => void session.load(), [session]);

  const schema = React.useMemo(
    () =>
      sectionSchema(
        props.schema,
        section,
        shown.tasks.map(t => ({
          id: t.id,
          title: localize(t.title, props.language)
        }))
      ),
    [props.schema, section, shown, props.language]
  );

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
      <FormComponent
        schema={schema as any}
        formData={draft as any}
        onChange={e => session.edit(e.formData)}
        validator={props.validator as any}
        translator={props.translator}
        idPrefix={`jp-HubHelp-edit-${section}`}
        showModifiedFromDefault={false}
      />
      <div className="jp-HubHelp-editorActions">
        <button
          className="jp-mod-styled jp-mod-accept"
          disabled={busy}
          onClick={() => void session.save()}
        >
          {trans.__('Save')}
        </button>
        <button
          className="jp-mod-styled jp-mod-reject"
          disabled={busy}
          onClick={() => session.discard()}
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
