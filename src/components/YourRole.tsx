import * as React from 'react';

import { CommandIDs, RoleIDs } from '../ids';
import { channelHref } from '../metadata/links';
import { localize } from '../metadata/localize';
import { IRole } from '../metadata/types';
import { isolate } from '../metadata/text';
import { IViewProps } from './viewProps';
import { IsolatedText, OperatorText } from './OperatorText';
import { Section } from './Section';
import { RouteView } from './Route';
import { SafeLink } from './SafeLink';

/**
 * For administrators and representatives: their duties, where they take
 * what they cannot solve, and quick links.
 */
export function YourRole(props: IViewProps): JSX.Element | null {
  const { model, trans, commands } = props;
  const { resolver, language, metadata, hub } = model;
  const roles = resolver.viewer.roles
    .filter(id => id !== RoleIDs.user)
    .map(id => metadata.roles.get(id))
    .filter((role): role is IRole => !!role && !role.hidden);
  if (roles.length === 0) {
    return null;
  }
  const desk = resolver.contactPoint(RoleIDs.supportTriager);
  return (
    <Section
      id="role"
      title={trans.__('Your role')}
      className="jp-HubHelp-yourRole"
    >
      {roles.map(role => {
        const label = isolate(localize(role.label, language));
        const escalation = role.escalatesTo
          ? metadata.roles.get(role.escalatesTo)
          : undefined;
        return (
          <div key={role.id} className="jp-HubHelp-role" data-role={role.id}>
            <h4 className="jp-HubHelp-subheading">
              <IsolatedText text={trans.__('As %1', label)} />
            </h4>
            <ul
              className="jp-HubHelp-duties"
              aria-label={trans.__('Duties of %1', label)}
            >
              {role.duties.map((duty, i) => (
                <li key={i}>
                  <OperatorText>{localize(duty, language)}</OperatorText>
                </li>
              ))}
            </ul>
            {escalation && (
              <div className="jp-HubHelp-escalation">
                <h5 className="jp-HubHelp-minorHeading">
                  <IsolatedText
                    text={trans.__(
                      'What you cannot solve goes to %1',
                      isolate(localize(escalation.label, language))
                    )}
                  />
                </h5>
                <RouteView
                  route={resolver.routeToRole(escalation.id)}
                  trans={trans}
                  language={language}
                />
              </div>
            )}
          </div>
        );
      })}
      <h4 className="jp-HubHelp-subheading">{trans.__('Quick links')}</h4>
      <ul className="jp-HubHelp-links">
        {hub.onHub && resolver.holds(RoleIDs.hubAdministrator) && (
          <li>
            <SafeLink href={hub.urls.admin}>
              {trans.__('Hub admin page')}
            </SafeLink>
          </li>
        )}
        {metadata.statusPage && (
          <li>
            <SafeLink href={metadata.statusPage}>
              {trans.__('Status page')}
            </SafeLink>
          </li>
        )}
        {desk &&
          desk.channels.map((channel, i) => (
            <li key={i}>
              <SafeLink href={channelHref(channel)}>
                <IsolatedText
                  text={trans.__(
                    'Support desk: %1',
                    isolate(
                      channel.label
                        ? localize(channel.label, language)
                        : channel.address
                    )
                  )}
                />
              </SafeLink>
            </li>
          ))}
      </ul>
      {commands.hasCommand(CommandIDs.openReportsInbox) &&
        commands.isVisible(CommandIDs.openReportsInbox) && (
          <button
            type="button"
            className="jp-mod-styled jp-HubHelp-action"
            onClick={() => void commands.execute(CommandIDs.openReportsInbox)}
          >
            {commands.label(CommandIDs.openReportsInbox)}
          </button>
        )}
    </Section>
  );
}
