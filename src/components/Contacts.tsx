import * as React from 'react';

import { TranslationBundle } from '@jupyterlab/translation';
import { Button, copyIcon } from '@jupyterlab/ui-components';

import { channelHref, isSafeLink, mailtoHref } from '../metadata/links';
import { localize } from '../metadata/localize';
import { listPeople } from '../metadata/people';
import { IContactPoint, isEmptyContactPoint } from '../metadata/resolve';
import { IChannel, IPerson, LocalizedString } from '../metadata/types';
import { isolate } from '../metadata/text';
import { copyText } from '../clipboard';
import { IsolatedText, OperatorText } from './OperatorText';
import { SafeLink } from './SafeLink';
import { SearchBox } from './SearchBox';
import { IRowProps, isWindowed, VirtualRows } from './VirtualRows';

/**
 * A person's row with a name, links and an address, usually (in pixels).
 */
const PERSON_HEIGHT = 48;

/**
 * How long "Copied" stays beside the copy button.
 */
const COPIED_SHOWN_MS = 2000;

/**
 * An email address as text anyone can select, with a button that copies it
 * (for webmail, where a mailto: link opens nothing useful). `whom` is the
 * isolated name of whom it reaches.
 */
export function CopyableAddress(props: {
  address: string;
  whom: string;
  trans: TranslationBundle;
}): JSX.Element {
  const { address, whom, trans } = props;
  const [status, setStatus] = React.useState<'' | 'copied' | 'failed'>('');
  React.useEffect(() => {
    if (!status) {
      return;
    }
    const timer = setTimeout(() => setStatus(''), COPIED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [status]);
  const label = trans.__('Copy the address of %1', whom);
  return (
    <span className="jp-HubHelp-address">
      <span className="jp-HubHelp-addressText">
        <OperatorText>{address}</OperatorText>
      </span>
      <Button
        minimal
        small
        type="button"
        className="jp-HubHelp-copyAddress"
        aria-label={label}
        title={label}
        onClick={() =>
          void copyText(address).then(
            () => setStatus('copied'),
            () => setStatus('failed')
          )
        }
      >
        <copyIcon.react tag="span" elementPosition="center" />
      </Button>
      <span className="jp-HubHelp-copied" role="status">
        {status === 'copied'
          ? trans._p('email address', 'Copied')
          : status === 'failed'
            ? trans.__('Could not copy: select the address instead')
            : ''}
      </span>
    </span>
  );
}

/**
 * A person's ways to be contacted: links named for whom they reach, and
 * their email address to read or copy.
 */
export function PersonContacts(props: {
  person: IPerson;
  trans: TranslationBundle;
  language: string;
  row?: IRowProps;
}): JSX.Element {
  const { person, trans, language, row } = props;
  const { email, url, chat } = person.contact;
  const name = isolate(person.name);
  return (
    <li className="jp-HubHelp-person" {...row}>
      <span className="jp-HubHelp-personName">
        <OperatorText>{person.name}</OperatorText>
      </span>
      {person.discovered && (
        <span className="jp-HubHelp-muted"> {trans.__('(hub admin)')}</span>
      )}
      <span className="jp-HubHelp-contactLinks">
        {email && (
          <ContactLink
            href={mailtoHref([email])}
            label={trans.__('Email %1', name)}
            text={trans._p('contact link', 'Email')}
          />
        )}
        {url && (
          <ContactLink
            href={url}
            label={trans.__('Web page of %1', name)}
            text={trans._p('contact link', 'Web page')}
          />
        )}
        {chat &&
          (isSafeLink(chat) ? (
            <ContactLink
              href={chat}
              label={trans.__('Chat with %1', name)}
              text={trans._p('contact link', 'Chat')}
            />
          ) : (
            // A handle such as "@ann:matrix.org" is shown as text.
            <span className="jp-HubHelp-contact">
              <IsolatedText text={trans.__('Chat: %1', isolate(chat))} />
            </span>
          ))}
      </span>
      {email && <CopyableAddress address={email} whom={name} trans={trans} />}
      {person.note && (
        <div className="jp-HubHelp-muted">
          <OperatorText>{localize(person.note, language)}</OperatorText>
        </div>
      )}
    </li>
  );
}

/**
 * One way to reach a person: a short text, and a name that says whom.
 */
function ContactLink(props: {
  href: string;
  label: string;
  text: string;
}): JSX.Element {
  return (
    <SafeLink
      className="jp-HubHelp-contact"
      href={props.href}
      label={props.label}
    >
      {props.text}
    </SafeLink>
  );
}

/**
 * A role's channel (support desk address, form, chat room) with its hours.
 * `whom` is the role's isolated label; an email channel's address is shown
 * to read or copy.
 */
export function ChannelLink(props: {
  channel: IChannel;
  whom: string;
  trans: TranslationBundle;
  language: string;
  row?: IRowProps;
}): JSX.Element {
  const { channel, whom, trans, language, row } = props;
  const label = channel.label ? (
    <OperatorText>{localize(channel.label, language)}</OperatorText>
  ) : (
    <IsolatedText
      text={
        channel.kind === 'email'
          ? trans.__('Email %1', whom)
          : channel.kind === 'chat'
            ? trans.__('Chat with %1', whom)
            : trans.__('Open the form of %1', whom)
      }
    />
  );
  const isolated = (text: LocalizedString) => isolate(localize(text, language));
  const notes = [
    channel.hours && trans.__('Hours: %1', isolated(channel.hours)),
    channel.responseTime &&
      trans.__('Usually answers %1', isolated(channel.responseTime))
  ].filter((note): note is string => !!note);
  return (
    <li className="jp-HubHelp-channel" {...row}>
      <SafeLink className="jp-HubHelp-contact" href={channelHref(channel)}>
        {label}
      </SafeLink>
      {channel.kind === 'email' && (
        <CopyableAddress address={channel.address} whom={whom} trans={trans} />
      )}
      {notes.map(note => (
        <div key={note} className="jp-HubHelp-muted">
          <IsolatedText text={note} />
        </div>
      ))}
    </li>
  );
}

/**
 * Everyone and everything through which a role can be reached: its channels,
 * then its first few people with "Show all", and a filter once it has more
 * than a handful.
 */
export function ContactPointView(props: {
  point: IContactPoint;
  trans: TranslationBundle;
  language: string;
}): JSX.Element {
  const { point, trans, language } = props;
  const [query, setQuery] = React.useState('');
  const [expanded, setExpanded] = React.useState(false);
  const id = React.useId();
  if (isEmptyContactPoint(point)) {
    return (
      <p className="jp-HubHelp-muted">
        {trans.__('Nobody is listed for this role yet.')}
      </p>
    );
  }
  const role = isolate(localize(point.role.label, language));
  const people = listPeople(point.people, query, expanded);
  const total = point.people.length;
  const filterId = `${id}-filter`;
  const listId = `${id}-list`;
  // A windowed list says where each of its items stands, channels included.
  const windowed = isWindowed(people.shown.length);
  const setSize = point.channels.length + people.shown.length;
  return (
    <div className="jp-HubHelp-contactPoint">
      {people.filterable && (
        <div className="jp-HubHelp-peopleFilter">
          <label htmlFor={filterId} className="jp-HubHelp-label">
            <IsolatedText text={trans.__('Find a person: %1', role)} />
          </label>
          <SearchBox
            id={filterId}
            value={query}
            placeholder={trans.__('Name or username')}
            onChange={setQuery}
            controls={listId}
          />
          <p className="jp-HubHelp-muted" role="status" aria-live="polite">
            {query.trim()
              ? trans._n(
                  '%1 of %2 matches',
                  '%1 of %2 match',
                  people.matching,
                  total
                )
              : ''}
          </p>
        </div>
      )}
      {/* A name alone needs no isolation from a sentence around it. */}
      <ul
        id={listId}
        className="jp-HubHelp-contacts"
        aria-label={localize(point.role.label, language)}
      >
        {point.channels.map((channel, i) => (
          <ChannelLink
            key={`c${i}`}
            channel={channel}
            whom={role}
            trans={trans}
            language={language}
            row={
              windowed
                ? { 'aria-setsize': setSize, 'aria-posinset': i + 1 }
                : undefined
            }
          />
        ))}
        <VirtualRows
          items={people.shown}
          getKey={person => person.id}
          estimate={PERSON_HEIGHT}
          before={point.channels.length}
        >
          {(person, row) => (
            <PersonContacts
              person={person}
              trans={trans}
              language={language}
              row={row}
            />
          )}
        </VirtualRows>
      </ul>
      {people.collapsible && (
        <button
          type="button"
          className="jp-HubHelp-more jp-mod-styled"
          aria-expanded={expanded}
          aria-controls={listId}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded
            ? trans.__('Show fewer')
            : trans._n(
                'Show all %1 (%2 more)',
                'Show all %1 (%2 more)',
                people.matching,
                people.hidden
              )}
        </button>
      )}
    </div>
  );
}
