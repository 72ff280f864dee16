import * as React from 'react';

import { TranslationBundle } from '@jupyterlab/translation';

import type {
  HubSending,
  IReportState,
  LinkAction,
  ReportAction
} from '../report';
import { OperatorText } from './OperatorText';

export interface IReportActionsProps {
  state: IReportState;
  trans: TranslationBundle;
  /**
   * The report went out through a link (its email or a form).
   */
  onSent: (kind: ReportAction['kind']) => void;
  onCopy: () => void;
  /**
   * Send the report to the hub's helpers (the hub help service).
   */
  onSendToHub: () => void;
  onClose: () => void;
}

/**
 * Where the email and the forms open: a new tab without access to this
 * page. A mailto: link opened in place would ask JupyterLab to leave
 * ("Leave site?" when a document has unsaved changes), and a webmail that
 * handles mailto: would replace JupyterLab.
 */
const NEW_TAB = { target: '_blank', rel: 'noopener noreferrer' };

/**
 * The report dialog's footer: each way to send the report, the recommended
 * one first and styled as the dialog's main action, then Cancel (Close once
 * the report went out). Email and forms are links, so that the browser opens
 * them from the click itself; the dialog stays open, in case no email
 * program answered.
 */
export function ReportActions(props: IReportActionsProps): JSX.Element {
  const { state, trans, onSent, onCopy, onSendToHub, onClose } = props;
  const { actions } = state.report;
  const style = (index: number) =>
    `jp-Dialog-button jp-mod-styled jp-HubHelp-reportAction ${
      index === 0 ? 'jp-mod-accept' : 'jp-mod-reject'
    }`;
  return (
    <>
      <p className="jp-HubHelp-reportStatus" role="status">
        {state.hub && (state.sent === null || state.sent === 'hub')
          ? hubMessage(state.hub, trans)
          : sentMessage(state.sent, trans)}
      </p>
      <div className="jp-Dialog-footerButtons">
        {actions.map((action, index) => {
          switch (action.kind) {
            case 'hub': {
              const busy =
                state.hub?.kind === 'sending' ||
                state.hub?.kind === 'stored' ||
                state.hub?.kind === 'queued';
              return (
                <button
                  key="hub"
                  type="button"
                  className={style(index)}
                  aria-disabled={busy}
                  onClick={() => !busy && onSendToHub()}
                >
                  {trans.__("Send to this hub's helpers")}
                </button>
              );
            }
            case 'email':
            case 'form':
            case 'copy':
              return (
                <LinkButton
                  key={action.kind === 'form' ? `form-${index}` : action.kind}
                  action={action}
                  className={style(index)}
                  copyLabel={trans.__('Copy report')}
                  trans={trans}
                  onSent={onSent}
                  onCopy={onCopy}
                />
              );
          }
        })}
        <button
          type="button"
          className="jp-Dialog-button jp-mod-styled jp-mod-reject"
          onClick={onClose}
        >
          {state.sent
            ? trans._p('dialog button', 'Close')
            : trans._p('dialog button', 'Cancel')}
        </button>
      </div>
    </>
  );
}

/**
 * One way to send a prepared text without the hub help service: its email
 * or a form, opened as a link, or copying it.
 */
export function LinkButton(props: {
  action: LinkAction;
  className: string;
  copyLabel: string;
  trans: TranslationBundle;
  onSent: (kind: 'email' | 'form') => void;
  onCopy: () => void;
}): JSX.Element {
  const { action, className, trans, onSent } = props;
  switch (action.kind) {
    case 'email':
      return (
        <a
          className={className}
          href={action.url}
          {...NEW_TAB}
          onClick={() => onSent('email')}
        >
          {trans.__('Send by email')}
        </a>
      );
    case 'form':
      return (
        <a
          className={className}
          href={action.url}
          {...NEW_TAB}
          onClick={() => onSent('form')}
        >
          {action.label ? (
            <OperatorText>{action.label}</OperatorText>
          ) : (
            trans.__('Open the form')
          )}
        </a>
      );
    case 'copy':
      return (
        <button type="button" className={className} onClick={props.onCopy}>
          {props.copyLabel}
        </button>
      );
  }
}

function hubMessage(hub: HubSending, trans: TranslationBundle): string {
  switch (hub.kind) {
    case 'sending':
      return trans.__('Sending…');
    case 'stored':
      return trans.__(
        'Sent as %1. You can follow it under "Your reports" in the Get help panel.',
        hub.reference
      );
    case 'queued':
      return trans.__(
        'The hub does not answer right now. Your report is kept in this browser and sent once the hub answers again; the Get help panel shows it as waiting to send.'
      );
    case 'limited':
      return trans._n(
        'You sent many reports in the last hour. Try again in %1 minute, or send this one another way.',
        'You sent many reports in the last hour. Try again in %1 minutes, or send this one another way.',
        Math.max(1, Math.ceil(hub.retryAfterSeconds / 60))
      );
    case 'refused':
      return trans.__(
        'The hub did not take the report (%1). Send it another way.',
        hub.message
      );
  }
}

function sentMessage(
  sent: ReportAction['kind'] | null,
  trans: TranslationBundle
): string {
  switch (sent) {
    case 'email':
      return trans.__(
        'Your email program opens with the report. Nothing opened? Copy the report and paste it into an email.'
      );
    case 'form':
      return trans.__(
        'The form opens in a new tab, filled in with the report.'
      );
    case 'copy':
      return trans.__('Copied to the clipboard.');
    case 'hub':
    case null:
      return '';
  }
}
