import * as React from 'react';

import { TranslationBundle } from '@jupyterlab/translation';

/**
 * The help page when it has no answers to show: the service did not answer,
 * or does not know who is looking.
 */
export function PageNotice(props: {
  trans: TranslationBundle;
  retryUrl: string;
  /**
   * What failed, in the service's or the browser's words; empty when the
   * sign-in is what is missing.
   */
  detail: string;
}): JSX.Element {
  const { trans, retryUrl, detail } = props;
  return (
    <main className="jp-HubHelp jp-HubHelp-page jp-HubHelp-body">
      <h1 className="jp-HubHelp-pageTitle">{trans.__('Get help')}</h1>
      <div className="jp-HubHelp-notice jp-HubHelp-severity-error" role="alert">
        <p>
          {detail
            ? trans.__('Help for this hub could not be loaded right now.')
            : trans.__('Your sign-in to the hub has ended.')}
        </p>
        {detail && <p className="jp-HubHelp-muted">{detail}</p>}
        <p>
          <a href={retryUrl}>
            {detail ? trans.__('Try again') : trans.__('Sign in again')}
          </a>
        </p>
      </div>
    </main>
  );
}
