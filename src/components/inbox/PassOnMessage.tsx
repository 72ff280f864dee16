import * as React from 'react';

import { TranslationBundle } from '@jupyterlab/translation';

import { copyText } from '../../clipboard';
import { isolate } from '../../metadata/text';
import type { IPreparedPassOn } from '../../report/inbox/passOn';
import { IsolatedText } from '../OperatorText';
import { LinkButton } from '../ReportActions';

/**
 * The one message that tells the operator's desk of the reports just passed
 * on, as it will be sent, and the ways to send it, as the report dialog
 * offers them.
 */
export function PassOnMessage(props: {
  message: IPreparedPassOn;
  trans: TranslationBundle;
  onClose: () => void;
}): JSX.Element {
  const { message, trans } = props;
  const [sent, setSent] = React.useState<string>('');
  const style = (index: number) =>
    `jp-mod-styled jp-HubHelp-action ${index === 0 ? 'jp-mod-accept' : ''}`;
  return (
    <section
      className="jp-HubHelp-passOn"
      aria-label={trans.__('Message to the operator')}
    >
      <h3 className="jp-HubHelp-subheading">
        <IsolatedText text={trans.__('Tell %1', isolate(message.desk))} />
      </h3>
      {message.through.length > 0 && (
        <p className="jp-HubHelp-muted">
          <IsolatedText
            text={trans.__(
              'The desk takes requests from %1 only: send this message through one of them.',
              message.through.map(isolate).join(', ')
            )}
          />
        </p>
      )}
      <pre className="jp-HubHelp-passOnText" tabIndex={0}>
        {message.text}
      </pre>
      <div className="jp-HubHelp-editorActions">
        {message.actions.map((action, index) => (
          <LinkButton
            key={action.kind === 'form' ? `form-${index}` : action.kind}
            action={action}
            className={style(index)}
            copyLabel={trans.__('Copy message')}
            trans={trans}
            onSent={kind =>
              setSent(
                kind === 'email'
                  ? trans.__(
                      'Your email program opens with the message. Nothing opened? Copy the message and paste it into an email.'
                    )
                  : trans.__(
                      'The form opens in a new tab, filled in with the message.'
                    )
              )
            }
            onCopy={() =>
              void copyText(message.text).then(() =>
                setSent(trans.__('Copied to the clipboard.'))
              )
            }
          />
        ))}
        <button
          type="button"
          className="jp-mod-styled jp-HubHelp-action"
          onClick={props.onClose}
        >
          {trans._p('dialog button', 'Close')}
        </button>
      </div>
      <p role="status">{sent}</p>
    </section>
  );
}
