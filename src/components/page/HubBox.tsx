import * as React from 'react';

import { TranslationBundle } from '@jupyterlab/translation';

import { IRoute } from '../../metadata/resolve';
import { IAnnouncement } from '../../metadata/types';
import { AnnouncementList } from '../Header';
import { OperatorText } from '../OperatorText';
import { SafeLink } from '../SafeLink';
import { RouteView } from '../Route';

export interface IHubBoxProps {
  trans: TranslationBundle;
  language: string;
  /**
   * The status note, and the warnings in force.
   */
  announcements: IAnnouncement[];
  /**
   * Whom this person contacts when their server will not start.
   */
  route: IRoute;
  helpUrl: string;
  /**
   * Where "Report a problem" goes, or none (the login page).
   */
  reportUrl?: string;
  /**
   * Before following a link: keep what the page said for the report.
   */
  onLeave: () => void;
}

/**
 * The box on the hub's own pages (a failed spawn, a long wait, an error):
 * the status note, whom to contact, and the ways to the help page.
 */
export function HubBox(props: IHubBoxProps): JSX.Element {
  const { trans, language, announcements, route } = props;
  return (
    <>
      <h2 id="jupyterlab-hub-help-box-title">{trans.__('Need help?')}</h2>
      <AnnouncementList
        announcements={announcements}
        language={language}
        trans={trans}
      />
      <p className="jp-HubHelp-hubBoxWhat">
        {trans.__('If your server will not start:')}
      </p>
      <RouteView route={route} trans={trans} language={language} />
      <BoxLinks {...props} />
    </>
  );
}

/**
 * The help page, and the report form, in this tab: they are the hub's own.
 */
export function BoxLinks(props: {
  trans: TranslationBundle;
  helpUrl: string;
  reportUrl?: string;
  onLeave: () => void;
}): JSX.Element {
  const { trans, helpUrl, reportUrl, onLeave } = props;
  return (
    <p className="jp-HubHelp-hubBoxLinks">
      <a href={helpUrl} onClick={onLeave}>
        {trans.__('Get help')}
      </a>
      {reportUrl && (
        <a href={reportUrl} onClick={onLeave}>
          {trans.__('Report a problem')}
        </a>
      )}
    </p>
  );
}

/**
 * What the hub's login page may say to anyone (the service's `api/public`,
 * which the operator turns on): the hub, who runs it, the status note and
 * the support desk's public channel.
 */
export interface IPublicHelp {
  hubName: string;
  operatedBy?: { name: string; url?: string };
  status?: string;
  desk?: { name: string; href: string };
}

export function PublicBox(props: {
  help: IPublicHelp;
  trans: TranslationBundle;
}): JSX.Element {
  const { help, trans } = props;
  return (
    <>
      <h2 id="jupyterlab-hub-help-box-title">{help.hubName}</h2>
      {help.operatedBy && (
        <p>
          {trans.__('Operated by')}{' '}
          <SafeLink href={help.operatedBy.url}>
            <OperatorText>{help.operatedBy.name}</OperatorText>
          </SafeLink>
        </p>
      )}
      {help.status && (
        <p className="jp-HubHelp-hubBoxNote" role="status">
          <OperatorText>{help.status}</OperatorText>
        </p>
      )}
      {help.desk && (
        <p>
          {trans.__('Support:')}{' '}
          <SafeLink href={help.desk.href}>
            <OperatorText>{help.desk.name}</OperatorText>
          </SafeLink>
        </p>
      )}
    </>
  );
}
