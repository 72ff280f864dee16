import * as React from 'react';

import { TranslationBundle } from '@jupyterlab/translation';
import { ReactWidget, UseSignal } from '@jupyterlab/ui-components';

import { EditSignIn } from '../components/CommunityActions';
import { downloadText } from '../components/download';
import { HubHelpModel } from '../model';
import { History } from './History';
import { HistorySession } from './historySession';
import { RefusalNotice } from './RefusalNotice';
import { SectionEditor } from './SectionEditor';
import {
  CommunitySection,
  SectionService,
  SectionSession
} from './sectionSession';
import { tabLabel } from './tabLabel';
import { ImportOutcome, TransferSession } from './transferSession';
import { useSessionState } from './useSessionState';

export type EditorTab = CommunitySection | 'history';

export interface ICommunityEditorOptions {
  model: HubHelpModel;
  trans: TranslationBundle;
  tab: EditorTab;
  /**
   * Told of each tab the person chooses, so that a reload reopens it.
   */
  onTabChosen?: (tab: EditorTab) => void;
}

/**
 * Where editors keep the community's part of the hub help: one tab per
 * section the operator lets them edit, the history, export and import.
 */
export class CommunityEditor extends ReactWidget {
  constructor(private _options: ICommunityEditorOptions) {
    super();
    this.addClass('jp-HubHelp-editor');
  }

  /**
   * Show `tab`, as the command that opened the editor asked.
   */
  showTab(tab: EditorTab): void {
    this._options = { ...this._options, tab };
    this.update();
  }

  render(): JSX.Element {
    // Drawn again when the model changes: a reopened editor may be shown
    // before the service has said (or a silent sign-in let) who edits.
    return (
      <UseSignal signal={this._options.model.changed}>
        {() => (
          <EditorView
            key={this._options.tab}
            {...this._options}
            sessionFor={this._sessionFor}
          />
        )}
      </UseSignal>
    );
  }

  /**
   * A section's session, kept while the editor is open: a form keeps its
   * edits while other tabs are shown, or while the panel asks for another
   * tab. It starts from what the panel shows when first asked for.
   */
  private _sessionFor = (
    service: SectionService,
    section: CommunitySection
  ): SectionSession => {
    let sessions = this._sessions.get(service);
    if (!sessions) {
      sessions = new Map();
      this._sessions.set(service, sessions);
    }
    let session = sessions.get(section);
    if (!session) {
      const { model } = this._options;
      session = new SectionSession({
        service,
        section,
        shown: model.metadata,
        onSaved: () => void model.refresh()
      });
      sessions.set(section, session);
    }
    return session;
  };

  private _sessions = new WeakMap<
    SectionService,
    Map<CommunitySection, SectionSession>
  >();
}

function EditorView(
  props: ICommunityEditorOptions & {
    sessionFor: (
      service: SectionService,
      section: CommunitySection
    ) => SectionSession;
  }
): JSX.Element {
  const { model, trans } = props;
  const { service, viewer, signInToEdit } = model.community;
  const [tab, setTab] = React.useState<EditorTab>(props.tab);
  const refresh = () => void model.refresh();
  // Kept while the editor is open: its tab reads the newest page when shown.
  const history = React.useMemo(
    () => service && new HistorySession({ service, onUndone: refresh }),
    [service]
  );
  const section =
    service && tab !== 'history' ? props.sessionFor(service, tab) : null;
  if (!viewer?.canEdit && signInToEdit === 'trying') {
    // A silent sign-in to the service is under way; the editor follows.
    return <div className="jp-HubHelp-editorSection" aria-busy="true" />;
  }
  if (
    !viewer?.canEdit &&
    (signInToEdit === 'needed' || signInToEdit === 'elsewhere')
  ) {
    // As the panel offers it: a reopened editor has no sign-in where the
    // page keeps it in memory only (a hub with subdomains).
    return (
      <div className="jp-HubHelp-editorSection">
        <EditSignIn
          model={model}
          trans={trans}
          elsewhere={signInToEdit === 'elsewhere'}
        />
      </div>
    );
  }
  if (!service || !history || !viewer?.canEdit) {
    return (
      <p className="jp-HubHelp-editorSection" role="alert">
        {trans.__(
          "You cannot edit this hub's help: the service says only hub admins, Community Representatives and holders of its edit scope can."
        )}
      </p>
    );
  }
  const tabs: EditorTab[] = [...viewer.sections, 'history'];
  return (
    <div className="jp-HubHelp-editorBody">
      <h2>{trans.__("Keep this hub's help current")}</h2>
      <p className="jp-HubHelp-muted">
        {trans.__(
          "What you save here is checked by the hub help service, recorded with your name, and shown in everyone's Get help panel at its next refresh. The operator's settings decide the rest."
        )}
      </p>
      <div role="tablist" className="jp-HubHelp-editorTabs">
        {tabs.map(t => (
          <button
            key={t}
            role="tab"
            aria-selected={t === tab}
            className="jp-mod-styled"
            onClick={() => {
              setTab(t);
              props.onTabChosen?.(t);
            }}
          >
            {tabLabel(t, trans)}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={tabLabel(tab, trans)}>
        {tab === 'history' ? (
          <History session={history} model={model} trans={trans} />
        ) : (
          <SectionEditor
            key={tab}
            session={section!}
            model={model}
            trans={trans}
            language={model.language}
          />
        )}
      </div>
      <TakeAway {...props} onImported={refresh} />
    </div>
  );
}

/**
 * The whole community part as one JSON file, to keep or to move elsewhere,
 * and back.
 */
function TakeAway(
  props: ICommunityEditorOptions & { onImported: () => void }
): JSX.Element | null {
  const { model, trans } = props;
  const service = model.community.service;
  const session = React.useMemo(
    () =>
      service && new TransferSession({ service, onImported: props.onImported }),
    [service]
  );
  if (!session) {
    return null;
  }
  return <Transfer session={session} model={model} trans={trans} />;
}

function Transfer(props: {
  session: TransferSession;
  model: HubHelpModel;
  trans: TranslationBundle;
}): JSX.Element {
  const { session, model, trans } = props;
  const { outcome } = useSessionState(session);
  const exportAll = async () =>
    downloadText(
      await session.exportText(),
      'application/json',
      'hub-help-community.json'
    );
  return (
    <div className="jp-HubHelp-editorActions">
      <button className="jp-mod-styled" onClick={() => void exportAll()}>
        {trans.__('Export as JSON')}
      </button>
      <label className="jp-mod-styled jp-HubHelp-import">
        {trans.__('Import JSON…')}
        <input
          type="file"
          accept="application/json,.json"
          onChange={e => {
            const file = e.currentTarget.files?.[0];
            if (file) {
              void session.importFile(file);
            }
          }}
        />
      </label>
      {outcome?.kind === 'refused' ? (
        <RefusalNotice refusal={outcome.refusal} model={model} trans={trans} />
      ) : (
        outcome && <p role="status">{importMessage(outcome, trans)}</p>
      )}
    </div>
  );
}

/**
 * What an import came to, in a sentence.
 */
function importMessage(
  outcome: Exclude<ImportOutcome, { kind: 'refused' }>,
  trans: TranslationBundle
): string {
  switch (outcome.kind) {
    case 'imported':
      return trans.__('Imported %1.', outcome.file);
    case 'not-json':
      return trans.__('%1 is not JSON: %2', outcome.file, outcome.message);
    case 'invalid':
      return trans.__(
        'Nothing was imported: %1',
        outcome.problems.map(p => `${p.path} ${p.reason}`).join('; ')
      );
    case 'not-imported':
      return trans.__('Nothing was imported.');
  }
}
