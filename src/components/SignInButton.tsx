import * as React from 'react';

import { TranslationBundle } from '@jupyterlab/translation';

import { signInInTab } from '../community/signIn';
import { HubHelpModel } from '../model';

/**
 * Sign in to the hub help service in a new tab, through the hub; the panel
 * then calls it with that sign-in. Waits while the tab is open.
 */
export function SignInButton(props: {
  model: HubHelpModel;
  trans: TranslationBundle;
  label: string;
}): JSX.Element {
  const { model, trans } = props;
  const [waiting, setWaiting] = React.useState(false);
  const signIn = async () => {
    setWaiting(true);
    await model.signInToService(signInInTab);
    setWaiting(false);
  };
  return (
    <button
      className="jp-mod-styled jp-HubHelp-action"
      disabled={waiting}
      onClick={() => void signIn()}
    >
      {waiting ? trans.__('Waiting for the sign-in tab…') : props.label}
    </button>
  );
}
