import * as React from 'react';

import { TranslationBundle } from '@jupyterlab/translation';

import { SignInButton } from '../components/SignInButton';
import { HubHelpModel } from '../model';
import { describeRefusal, needsSignIn, Refusal } from './outcome';

/**
 * A change the service refused, and why; with the sign-in, when that is
 * what it asks for.
 */
export function RefusalNotice(props: {
  refusal: Refusal;
  model: HubHelpModel;
  trans: TranslationBundle;
}): JSX.Element {
  const { refusal, model, trans } = props;
  return (
    <div className="jp-HubHelp-notice jp-HubHelp-severity-error" role="alert">
      <p>{describeRefusal(refusal, trans)}</p>
      {needsSignIn(refusal) && (
        <SignInButton
          model={model}
          trans={trans}
          label={trans.__('Sign in to edit')}
        />
      )}
    </div>
  );
}
