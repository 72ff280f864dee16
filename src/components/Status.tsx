import * as React from 'react';

import { CommandIDs } from '../ids';
import { formatTime } from '../metadata/localize';
import { IViewProps } from './viewProps';
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
          <p className="jp-HubHelp-muted">
            {live?.lastSuccessAt
              ? trans.__(
                  'It last answered at %1.',
                  formatTime(new Date(live.lastSuccessAt), model.language)
                )
              : trans.__('It has not answered since this page was opened.')}
          </p>
          {commands.hasCommand(CommandIDs.reportProblem) && (
            <button
              className="jp-mod-styled jp-HubHelp-action"
              onClick={() => void commands.execute(CommandIDs.reportProblem)}
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
