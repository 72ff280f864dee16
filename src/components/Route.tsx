import * as React from 'react';

import { TranslationBundle } from '@jupyterlab/translation';

import { localize } from '../metadata/localize';
import { IRoute, RouteReason } from '../metadata/resolve';
import { IRole } from '../metadata/types';
import { isolate } from '../metadata/text';
import { ContactPointView } from './Contacts';
import { IsolatedText } from './OperatorText';

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
 * Who handles it and how to reach them, in one sentence saying why the route
 * goes where the resolver sent it, then whom to contact.
 */
export function RouteView(props: {
  route: IRoute;
  trans: TranslationBundle;
  language: string;
}): JSX.Element {
  const { route, trans, language } = props;
  const label = (role: IRole | undefined) =>
    isolate(localize(role?.label, language));
  const owner = label(route.owner);
  const reached = label(route.contact?.role);
  const via = label(route.via?.role);
  const sentences: { [reason in RouteReason]: string } = {
    anyone: trans.__('You can do this yourself.'),
    'own-role': trans.__('You can do this yourself, as %1.', owner),
    owner: trans.__('Handled by %1. Contact:', owner),
    'reached-through': trans.__(
      'Handled by %1, reached through %2. Contact:',
      owner,
      reached
    ),
    restricted: trans.__(
      'Handled by %1. %2 accepts requests only from some roles: ask your %3, who will pass it on.',
      owner,
      reached,
      via
    ),
    unlisted: trans.__(
      'Handled by %1, but nobody is listed for it: ask your %2 instead.',
      owner,
      via
    )
  };
  const point = route.via ?? route.contact;
  return (
    <div
      className={`jp-HubHelp-route${point ? '' : ' jp-HubHelp-self'}`}
      data-reason={route.reason}
    >
      <p>
        <IsolatedText text={sentences[route.reason]} />
      </p>
      {point && (
        <ContactPointView point={point} trans={trans} language={language} />
      )}
    </div>
  );
}
