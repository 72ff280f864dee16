import * as React from 'react';

import { TranslationBundle } from '@jupyterlab/translation';
import { Button } from '@jupyterlab/ui-components';
import { CommandRegistry } from '@lumino/commands';

import { localize } from '../metadata/localize';
import { ITaskHow } from '../metadata/types';
import { isolate } from '../metadata/text';
import { IsolatedText, OperatorText } from './OperatorText';
import { SafeLink } from './SafeLink';

/**
 * How to do a task: instructions, documentation, and (when the viewer can
 * do it themselves) a button that runs the command or opens the hub page.
 */
export function TaskHowView(props: {
  how: ITaskHow;
  self: boolean;
  /**
   * The hub page the task names, when the viewer is on a hub.
   */
  hubPage: string | undefined;
  /**
   * Runs the task's command; none in the editor's preview, and null on the
   * help page, where JupyterLab is not.
   */
  commands?: CommandRegistry | null;
  trans: TranslationBundle;
  language: string;
}): JSX.Element | null {
  const { how, self, commands, trans, language } = props;
  const command =
    self && how.command && commands?.hasCommand(how.command.id)
      ? how.command
      : null;
  const hubPage = self ? props.hubPage : undefined;
  // Outside JupyterLab the button cannot be: say where it is instead.
  const inLab = self && how.command && commands === null ? how.command : null;
  if (!how.text && !how.url && !command && !hubPage && !inLab) {
    return null;
  }
  return (
    <div className="jp-HubHelp-how">
      {how.text && (
        <p>
          <OperatorText>{localize(how.text, language)}</OperatorText>
        </p>
      )}
      {inLab && (
        <p className="jp-HubHelp-inLab">
          {inLab.label ? (
            <IsolatedText
              text={trans.__(
                'You can do this yourself in JupyterLab: %1',
                isolate(localize(inLab.label, language))
              )}
            />
          ) : (
            trans.__('You can do this yourself in JupyterLab.')
          )}
        </p>
      )}
      <div className="jp-HubHelp-actions">
        {command && (
          <Button
            className="jp-HubHelp-action jp-mod-styled jp-mod-accept"
            onClick={() =>
              void commands!.execute(command.id, command.args ?? {})
            }
          >
            {command.label ? (
              <OperatorText>{localize(command.label, language)}</OperatorText>
            ) : (
              commands!.label(command.id, command.args ?? {})
            )}
          </Button>
        )}
        {hubPage && (
          <SafeLink className="jp-HubHelp-actionLink" href={hubPage}>
            {trans.__('Open the hub page')}
          </SafeLink>
        )}
        {how.url && (
          <SafeLink className="jp-HubHelp-actionLink" href={how.url}>
            {trans.__('Read how')}
          </SafeLink>
        )}
      </div>
    </div>
  );
}
