import * as React from 'react';

import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { ITranslator, TranslationBundle } from '@jupyterlab/translation';
import { ReactWidget } from '@jupyterlab/ui-components';
import type { ValidatorType } from '@rjsf/utils';

import { CommunitySection } from '../hub/community';
import { HubHelpModel } from '../model';
import { History } from './History';
import { HistorySession } from './historySession';
import { Refusal } from './outcome';
import { RefusalNotice } from './RefusalNotice';
import { SectionEditor } from './SectionEditor';
import { tabLabel } from './tabLabel';

export type EditorTab = CommunitySection | 'history';

export interface ICommunityEditorOptions {
  model: HubHelpModel;
  schema: ISettingRegistry.ISchema;
  validator: ValidatorType;
  translator: ITranslator;
  trans: TranslationBundle;
  tab: EditorTab;
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
    return <EditorView key={this._options.tab} {...this._options} />;
  }
}

function EditorView(props: ICommunityEditorOptions): JSX.Element {
  const { model, trans } = props;
  const { service, viewer } = model.community;
  const [tab, setTab] = React.useState<EditorTab>(props.tab);
  const refresh = () => void model.refresh();
  // Kept while the editor is open: its tab reads the newest page when shown.
  const history = React.useMemo(
    () => service && new HistorySession({ service, onUndone: refresh }),
    [service]
  );
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
            onClick={() => setTab(t)}
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
            service={service}
            model={model}
            section={tab}
            metadata={model.metadata}
            schema={props.schema}
            validator={props.validator}
            trans={trans}
            translator={props.translator}
            language={model.language}
            onSaved={refresh}
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
  // What the last import came to: a sentence, or the service's refusal.
  const [message, setMessage] = React.useState<string | Refusal>('');
  if (!service) {
    return null;
  }
  const exportAll = async () => {
    const exported = await service.exportAll();
    const url = URL.createObjectURL(
      new Blob([JSON.stringify(exported, null, 2)], {
        type: 'application/json'
      })
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = 'hub-help-community.json';
    link.click();
    URL.revokeObjectURL(url);
  };
  const importFile = async (file: File) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch (error) {
      setMessage(
        trans.__('%1 is not JSON: %2', file.name, (error as Error).message)
      );
      return;
    }
    const result = await service.importAll(parsed);
    switch (result.kind) {
      case 'saved':
        setMessage(trans.__('Imported %1.', file.name));
        props.onImported();
        break;
      case 'invalid':
        setMessage(
          trans.__(
            'Nothing was imported: %1',
            result.problems.map(p => `${p.path} ${p.reason}`).join('; ')
          )
        );
        break;
      case 'refused':
        setMessage(result);
        break;
      default:
        setMessage(trans.__('Nothing was imported.'));
    }
  };
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
              void importFile(file);
            }
          }}
        />
      </label>
      {typeof message !== 'string' ? (
        <RefusalNotice refusal={message} model={model} trans={trans} />
      ) : (
        message && <p role="status">{message}</p>
      )}
    </div>
  );
}
