import * as React from 'react';

import { TranslationBundle } from '@jupyterlab/translation';

import { channelHref, isSafeLink } from '../metadata/links';
import { localize } from '../metadata/localize';
import { IContactPoint } from '../metadata/resolve';
import { IChannel, IPerson } from '../metadata/types';
import { isolate, IsolatedText, OperatorText } from './OperatorText';
import { SafeLink } from './SafeLink';

/**
 * A person's ways to be contacted, as labelled links.
 */
export function PersonContacts(props: {
  person: IPerson;
  trans: TranslationBundle;
  language: string;
}): JSX.Element {
  const { person, trans, language } = props;
  const { email, url, chat } = person.contact;
  const name = isolate(person.name);
  return (
    <li className="jp-HubHelp-person">
      <span className="jp-HubHelp-personName">
        <OperatorText>{person.name}</OperatorText>
      </span>
      {person.discovered && (
        <span className="jp-HubHelp-muted"> {trans.__('(hub admin)')}</span>
      )}
      <span className="jp-HubHelp-contactLinks">
        {email && (
          <SafeLink
            className="jp-HubHelp-contact"
            href={`mailto:${email}`}
            title={trans.__('Email %1', name)}
          >
            {trans.__('Email')}
          </SafeLink>
        )}
        {url && (
          <SafeLink
            className="jp-HubHelp-contact"
            href={url}
            title={trans.__('Web page of %1', name)}
          >
            {trans.__('Web page')}
          </SafeLink>
        )}
        {chat &&
          (isSafeLink(chat) ? (
            <SafeLink
              className="jp-HubHelp-contact"
              href={chat}
              title={trans.__('Chat with %1', name)}
            >
              {trans.__('Chat')}
            </SafeLink>
          ) : (
            // A handle such as "@ann:matrix.org" is shown as text.
            <span className="jp-HubHelp-contact">
              <IsolatedText text={trans.__('Chat: %1', isolate(chat))} />
            </span>
          ))}
      </span>
      {person.note && (
        <div className="jp-HubHelp-muted">
          <OperatorText>{localize(person.note, language)}</OperatorText>
        </div>
      )}
    </li>
  );
}

/**
 * A role's channel (support desk address, form, chat room) with its hours.
 */
export function ChannelLink(props: {
  channel: IChannel;
  trans: TranslationBundle;
  language: string;
}): JSX.Element {
  const { channel, trans, language } = props;
  const label = channel.label ? (
    <OperatorText>{localize(channel.label, language)}</OperatorText>
  ) : channel.kind === 'email' ? (
    <IsolatedText text={trans.__('Email %1', isolate(channel.address))} />
  ) : channel.kind === 'chat' ? (
    trans.__('Chat')
  ) : (
    trans.__('Open the form')
  );
  return (
    <li className="jp-HubHelp-channel">
      <SafeLink className="jp-HubHelp-contact" href={channelHref(channel)}>
        {label}
      </SafeLink>
      {channel.hours && (
        <div className="jp-HubHelp-muted">
          <IsolatedText
            text={trans.__(
              'Hours: %1',
              isolate(localize(channel.hours, language))
            )}
          />
        </div>
      )}
      {channel.responseTime && (
        <div className="jp-HubHelp-muted">
          <IsolatedText
            text={trans.__(
              'Usually answers %1',
              isolate(localize(channel.responseTime, language))
            )}
          />
        </div>
      )}
    </li>
  );
}

/**
 * Everyone and everything through which a role can be reached.
 */
export function ContactPointView(props: {
  point: IContactPoint;
  trans: TranslationBundle;
  language: string;
}): JSX.Element {
  const { point, trans, language } = props;
  if (point.people.length === 0 && point.channels.length === 0) {
    return (
      <p className="jp-HubHelp-muted">
        {trans.__('Nobody is listed for this role yet.')}
      </p>
    );
  }
  return (
    <ul
      className="jp-HubHelp-contacts"
      aria-label={localize(point.role.label, language)}
    >
      {point.channels.map((channel, i) => (
        <ChannelLink
          key={`c${i}`}
          channel={channel}
          trans={trans}
          language={language}
        />
      ))}
      {point.people.map(person => (
        <PersonContacts
          key={person.id}
          person={person}
          trans={trans}
          language={language}
        />
      ))}
    </ul>
  );
}
