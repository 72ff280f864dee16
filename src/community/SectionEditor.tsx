import * as React from 'react';

import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { ITranslator, TranslationBundle } from '@jupyterlab/translation';
import { FormComponent } from '@jupyterlab/ui-components';
import type { ValidatorType } from '@rjsf/utils';

import { formatTime } from '../components/formatTime';
import {
  CommunitySection,
  CommunityService,
  EditResult,
  ISectionState
} from '../hub/community';
import { sectionSchema, startingValue } from './formSchema';
import { localize } from '../metadata/localize';
import { IHubMetadata } from '../metadata/types';
import { HubHelpModel } from '../model';
import { RefusalNotice } from './RefusalNotice';

export interface ISectionEditorProps {
  service: CommunityService;
  /**
   * For the sign-in a refusal may ask for.
   */
  model: HubHelpModel;
  section: CommunitySection;
  /**
   * What the panel shows now: where a section with nothing stored starts.
   */
  metadata: IHubMetadata;
  schema: ISettingRegistry.ISchema;
  /**
   * The form's validator (JupyterLab's shared copy), loaded with the editor.
   */
  validator: ValidatorType;
  trans: TranslationBundle;
  translator: ITranslator;
  language: string;
  /**
   * Called once a change is stored, so that the panel shows it.
   */
  onSaved: () => void;
}

/**
 * One section's form: loaded from the service, saved with the revision it
 * was loaded at, so that an edit made meanwhile by someone else is never
 * overwritten unseen.
 */
export function SectionEditor(props: ISectionEditorProps): JSX.Element {
  const { service, section, trans } = props;
  const [state, setState] = React.useState<ISectionState | null>(null);
  const [draft, setDraft] = React.useState<unknown>(undefined);
  const [outcome, setOutcome] = React.useState<EditResult | null>(null);
  const [busy, setBusy] = React.useState(false);

  // What the panel showed when the editor opened; later refreshes must not
  // reset a form being edited.
  const shown = React.useRef(props.metadata);
  const load = React.useCallback(
    (loaded: ISectionState) => {
      setState(loaded);
      setDraft(loaded.value ?? startingValue(section, shown.current));
    },
    [section]
  );

  React.useEffect(() => {
    service.section(section).then(load, (error: unknown) =>
      setOutcome({
        kind: 'refused',
        status: 0,
        error: '',
        message: error instanceof Error ? error.message : String(error)
      })
    );
  }, [service, section, load]);

  const save = async (etag: string, value: unknown = draft) => {
    setBusy(true);
    const result = await service.save(section, value, etag);
    setBusy(false);
    setOutcome(result);
    if (result.kind === 'saved') {
      load(result.state);
      props.onSaved();
    }
  };

  const schema = React.useMemo(
    () =>
      sectionSchema(
        props.schema,
        section,
        shown.current.tasks.map(t => ({
          id: t.id,
          title: localize(t.title, props.language)
        }))
      ),
    [props.schema, section, props.language]
  );

  if (!state) {
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
        {state.updatedBy && state.updatedAt
          ? trans.__(
              'Last changed by %1 at %2.',
              state.updatedBy,
              formatTime(new Date(state.updatedAt), props.language)
            )
          : trans.__("Nothing stored yet: the operator's settings apply.")}
      </p>
      <Outcome
        outcome={outcome}
        model={props.model}
        trans={trans}
        language={props.language}
        onTheirs={current => {
          load(current);
          setOutcome(null);
        }}
        onMine={current => void save(current.etag)}
      />
      <FormComponent
        schema={schema as any}
        formData={draft as any}
        onChange={e => setDraft(e.formData)}
        validator={props.validator as any}
        translator={props.translator}
        idPrefix={`jp-HubHelp-edit-${section}`}
        showModifiedFromDefault={false}
      />
      <div className="jp-HubHelp-editorActions">
        <button
          className="jp-mod-styled jp-mod-accept"
          disabled={busy}
          onClick={() => void save(state.etag)}
        >
          {trans.__('Save')}
        </button>
        <button
          className="jp-mod-styled jp-mod-reject"
          disabled={busy}
          onClick={() => {
            load(state);
            setOutcome(null);
          }}
        >
          {trans.__('Discard changes')}
        </button>
        {section === 'status' && state.value !== null && (
          <button
            className="jp-mod-styled jp-mod-warn"
            disabled={busy}
            onClick={() => void save(state.etag, null)}
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
  onTheirs: (current: ISectionState) => void;
  onMine: (current: ISectionState) => void;
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
          <button
            className="jp-mod-styled"
            onClick={() => props.onTheirs(current)}
          >
            {trans.__('Load their version')}
          </button>
          <button
            className="jp-mod-styled jp-mod-warn"
            onClick={() => props.onMine(current)}
          >
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
