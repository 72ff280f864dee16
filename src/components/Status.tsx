import * as React from 'react';

import { IViewProps } from './context';
import { Section } from './Section';
import { SafeLink } from './SafeLink';

/**
 * The status page, and a notice when the hub does not answer.
 */
export function Status(props: IViewProps): JSX.Element | null {
  const { model, trans, commands } = props;
  const { metadata, live } = model;
  const down = model.hub.onHub && live !== undefined && !live.reachable;
  if (!down && !metadata.statusPage) {
    return null;
  }
  return (
    <Section id="status" title={trans.__('Status')}>
      {down && (
        <div
          className="jp-HubHelp-notice jp-HubHelp-severity-error"
          role="alert"
        >
          <p>
            {trans.__(
              'The hub cannot be reached right now. Your open notebooks keep working until the server stops; save your work and report the problem.'
            )}
          </p>
          {commands.hasCommand('hub-help:report-problem') && (
            <button
              className="jp-mod-styled jp-HubHelp-action"
              onClick={() => void commands.execute('hub-help:report-problem')}
            >
              {trans.__('Report a problem or outage')}
            </button>
          )}
        </div>
      )}
      {metadata.statusPage && (
        <p>
          <SafeLink href={metadata.statusPage}>
            {trans.__('Open the status page')}
          </SafeLink>
        </p>
      )}
    </Section>
  );
}
