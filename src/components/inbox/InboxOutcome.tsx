import * as React from 'react';

import { TranslationBundle } from '@jupyterlab/translation';

import { HubHelpModel } from '../../model';
import type { InboxOutcome as Outcome } from '../../report/inbox/session';
import { SignInButton } from '../SignInButton';
import { actionDone } from './words';

/**
 * What the last thing done in the inbox came to; a refusal in the
 * service's words, with the sign-in when the credential may not triage.
 */
export function InboxOutcome(props: {
  outcome: Outcome | null;
  model: HubHelpModel;
  trans: TranslationBundle;
}): JSX.Element | null {
  const { outcome, model, trans } = props;
  if (!outcome) {
    return null;
  }
  switch (outcome.kind) {
    case 'done':
      return (
        <p role="status">
          {actionDone(outcome.action, outcome.reference, trans)}
        </p>
      );
    case 'passed-on':
      return (
        <p role="status">
          {trans._n(
            '%1 report is marked passed on, with your name. Send the operator the message below.',
            '%1 reports are marked passed on, with your name. Send the operator the message below.',
            outcome.count
          )}
        </p>
      );
    case 'refused':
      return (
        <div
          className="jp-HubHelp-notice jp-HubHelp-severity-error"
          role="alert"
        >
          <p>{refusalText(outcome, trans)}</p>
          {(outcome.status === 401 || outcome.status === 403) && (
            <SignInButton
              model={model}
              trans={trans}
              label={trans.__('Sign in to triage reports')}
            />
          )}
        </div>
      );
  }
}

function refusalText(
  outcome: Extract<Outcome, { kind: 'refused' }>,
  trans: TranslationBundle
): string {
  const { status, message } = outcome;
  if (status === 0) {
    return trans.__(
      'The hub help service did not answer; nothing was changed. Try again later. (%1)',
      message
    );
  }
  if (status === 401 || status === 403) {
    return trans.__(
      'The hub help service lets hub admins and Community Representatives triage reports with its own sign-in, or holders of its edit scope (%1).',
      message
    );
  }
  switch (outcome.action) {
    case 'load':
      return trans.__('The reports could not be read (%1).', message);
    case 'export':
      return trans.__('The reports could not be exported (%1).', message);
    default:
      return trans.__('The service refused (%1): %2', String(status), message);
  }
}
