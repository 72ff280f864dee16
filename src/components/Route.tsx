import * as React from 'react';

import { TranslationBundle } from '@jupyterlab/translation';
import { Button } from '@jupyterlab/ui-components';
import { CommandRegistry } from '@lumino/commands';

import { IHubContext } from '../hub';
import { localize } from '../metadata/localize';
import { IRoute } from '../metadata/resolve';
import { ITaskHow } from '../metadata/types';
import { ContactPointView } from './Contacts';
import { isolate, IsolatedText, OperatorText } from './OperatorText';
import { SafeLink } from './SafeLink';

/**
 * One line saying who handles something for this viewer.
 */
export function RouteSummary(props: {
  route: IRoute;
  trans: TranslationBundle;
  language: string;
}): JSX.Element {
  const { route, trans, language } = props;
  const label = (role: IRoute['owner']) =>
    isolate(localize(role.label, language));
  switch (route.kind) {
    case 'self':
      return <>{trans.__('You can do this yourself')}</>;
    case 'direct':
      return (
        <IsolatedText text={trans.__('Handled by: %1', label(route.owner))} />
      );
    case 'via':
      return (
        <IsolatedText
          text={trans.__('Through your %1', label(route.via!.role))}
        />
      );
  }
}

/**
 * Who handles it and how to reach them, following the escalation policy.
 */
export function RouteView(props: {
  route: IRoute;
  trans: TranslationBundle;
  language: string;
}): JSX.Element {
  const { route, trans, language } = props;
  if (route.kind === 'self') {
    const owner = isolate(localize(route.owner.label, language));
    return (
      <p className="jp-HubHelp-route jp-HubHelp-self">
        {route.owner.id === 'user' ? (
          trans.__('You can do this yourself.')
        ) : (
          <IsolatedText
            text={trans.__('You can do this yourself, as %1.', owner)}
          />
        )}
      </p>
    );
  }
  const owner = isolate(localize(route.owner.label, language));
  const contact = route.contact!;
  const reached = isolate(localize(contact.role.label, language));
  if (route.kind === 'direct') {
    return (
      <div className="jp-HubHelp-route">
        <p>
          <IsolatedText
            text={
              contact.role.id === route.owner.id
                ? trans.__('Handled by %1. Contact:', owner)
                : trans.__(
                    'Handled by %1, reached through %2. Contact:',
                    owner,
                    reached
                  )
            }
          />
        </p>
        <ContactPointView point={contact} trans={trans} language={language} />
      </div>
    );
  }
  const via = isolate(localize(route.via!.role.label, language));
  return (
    <div className="jp-HubHelp-route">
      <p>
        {route.fallback &&
        contact.role.id !== route.via!.role.id &&
        isEmptyPoint(route) ? (
          <IsolatedText
            text={trans.__(
              'Handled by %1, but nobody is listed for it: ask your %2 instead.',
              owner,
              via
            )}
          />
        ) : (
          <IsolatedText
            text={trans.__(
              'Handled by %1. %2 accepts requests only from some roles: ask your %3, who will pass it on.',
              owner,
              reached,
              via
            )}
          />
        )}
      </p>
      <ContactPointView point={route.via!} trans={trans} language={language} />
    </div>
  );
}

function isEmptyPoint(route: IRoute): boolean {
  const c = route.contact!;
  return c.people.length === 0 && c.channels.length === 0;
}

/**
 * How to do a task: instructions, documentation, and (when the viewer can
 * do it themselves) a button that runs the command or opens the hub page.
 */
export function HowView(props: {
  how: ITaskHow;
  self: boolean;
  hub: IHubContext;
  commands: CommandRegistry;
  trans: TranslationBundle;
  language: string;
}): JSX.Element | null {
  const { how, self, hub, commands, trans, language } = props;
  const command =
    self && how.command && commands.hasCommand(how.command.id)
      ? how.command
      : null;
  // Own keys only: "constructor" names no hub page.
  const hubPage =
    self &&
    how.hubPage &&
    hub.onHub &&
    Object.prototype.hasOwnProperty.call(hub.urls, how.hubPage)
      ? hub.urls[how.hubPage]
      : null;
  if (!how.text && !how.url && !command && !hubPage) {
    return null;
  }
  return (
    <div className="jp-HubHelp-how">
      {how.text && (
        <p>
          <OperatorText>{localize(how.text, language)}</OperatorText>
        </p>
      )}
      <div className="jp-HubHelp-actions">
        {command && (
          <Button
            className="jp-HubHelp-action jp-mod-styled jp-mod-accept"
            onClick={() =>
              void commands.execute(command.id, command.args ?? {})
            }
          >
            {command.label ? (
              <OperatorText>{localize(command.label, language)}</OperatorText>
            ) : (
              commands.label(command.id, command.args ?? {})
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
