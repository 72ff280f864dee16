import * as React from 'react';

import { TranslationBundle } from '@jupyterlab/translation';
import { closeIcon } from '@jupyterlab/ui-components';

import { localize } from '../metadata/localize';
import { IAnnouncement, INamedLink } from '../metadata/types';
import { isolate } from '../metadata/text';
import { IAnswerProps } from './viewProps';
import { IsolatedText, OperatorText } from './OperatorText';
import { safeImageSource, SafeLink } from './SafeLink';

/**
 * Who runs this hub, who is looking, and the current announcements.
 */
export function Header(props: IAnswerProps): JSX.Element {
  const { model, trans } = props;
  const { metadata, hub, language } = model;
  const name = localize(metadata.hub.name, language) || trans.__('This hub');
  const logo = safeImageSource(metadata.org?.logo_url);
  const credits: [string, INamedLink | undefined][] = [
    [trans.__('Operated by'), metadata.operatedBy],
    [trans.__('Funded by'), metadata.fundedBy],
    [trans.__('Designed by'), metadata.designedBy]
  ];
  return (
    <div className="jp-HubHelp-header">
      <div className="jp-HubHelp-identity">
        {logo && (
          <img
            className="jp-HubHelp-logo"
            src={logo}
            alt=""
            onError={event => (event.currentTarget.style.display = 'none')}
          />
        )}
        <div>
          <h2 className="jp-HubHelp-title">
            <SafeLink href={metadata.hub.url}>
              <OperatorText>{name}</OperatorText>
            </SafeLink>
          </h2>
          {metadata.org?.name && (
            <div className="jp-HubHelp-org">
              <SafeLink href={metadata.org.url}>
                <OperatorText>
                  {localize(metadata.org.name, language)}
                </OperatorText>
              </SafeLink>
            </div>
          )}
        </div>
      </div>
      {metadata.hub.description && (
        <p className="jp-HubHelp-description">
          <OperatorText>
            {localize(metadata.hub.description, language)}
          </OperatorText>
        </p>
      )}
      <dl className="jp-HubHelp-credits">
        {credits
          .filter(([, who]) => who)
          .map(([label, who]) => (
            <React.Fragment key={label}>
              <dt>{label}</dt>
              <dd>
                <SafeLink href={who!.url}>
                  <OperatorText>{localize(who!.name, language)}</OperatorText>
                </SafeLink>
              </dd>
            </React.Fragment>
          ))}
      </dl>
      {hub.onHub && (
        <p className="jp-HubHelp-viewer">
          <IsolatedText text={trans.__('Signed in as %1', isolate(hub.user))} />
          {hub.serverUser && hub.serverUser !== hub.user && (
            <strong className="jp-HubHelp-otherServer">
              {' '}
              <IsolatedText
                text={trans.__(
                  "You are viewing %1's server",
                  isolate(hub.serverUser)
                )}
              />
            </strong>
          )}
        </p>
      )}
      <Announcements {...props} />
    </div>
  );
}

/**
 * Current announcements, as plain text in a live region; each can be
 * dismissed, and stays dismissed for this user.
 */
function Announcements(props: IAnswerProps): JSX.Element {
  const { model, trans } = props;
  return (
    <AnnouncementList
      announcements={model.visibleAnnouncements()}
      language={model.language}
      trans={trans}
      onDismiss={id => void model.dismiss(id)}
    />
  );
}

/**
 * Announcements as the panel shows them; without `onDismiss` (the editor's
 * preview) they have no dismiss button.
 */
export function AnnouncementList(props: {
  announcements: IAnnouncement[];
  language: string;
  trans: TranslationBundle;
  onDismiss?: (id: string) => void;
}): JSX.Element {
  const { trans, language, onDismiss } = props;
  return (
    <div
      className="jp-HubHelp-announcements"
      role="region"
      aria-label={trans.__('Announcements')}
      aria-live="polite"
    >
      {props.announcements.map(a => (
        <div
          key={a.id}
          className={`jp-HubHelp-announcement jp-HubHelp-severity-${a.severity}`}
        >
          <p className="jp-HubHelp-announcementText">
            <OperatorText>{localize(a.text, language)}</OperatorText>
            {a.link && (
              <>
                {' '}
                <SafeLink href={a.link.url}>
                  {a.link.label ? (
                    <OperatorText>
                      {localize(a.link.label, language)}
                    </OperatorText>
                  ) : (
                    trans._p('announcement link', 'More')
                  )}
                </SafeLink>
              </>
            )}
          </p>
          {onDismiss && (
            <button
              className="jp-HubHelp-dismiss"
              aria-label={trans.__('Dismiss announcement')}
              title={trans.__('Dismiss announcement')}
              onClick={() => onDismiss(a.id)}
            >
              <closeIcon.react tag="span" />
            </button>
          )}
        </div>
      ))}
    </div>
  );
}
