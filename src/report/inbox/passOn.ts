import { RoleIDs } from '../../ids';
import type { IPassOnSummary } from '../../hub/reports';
import { formatDateTime, localize } from '../../metadata/localize';
import { Resolver } from '../../metadata/resolve';
import { ITrans } from '../../metadata/trans';
import { IHubMetadata, LocalizedString } from '../../metadata/types';
import { prepareDelivery, reportTargets } from '../deliver';
import { reportCategoryLabel } from '../categories';
import { LinkAction, linkActions } from '../prepare';

export interface IPassOnInputs {
  summary: IPassOnSummary;
  metadata: IHubMetadata;
  resolver: Resolver;
  language: string;
  trans: ITrans;
  /**
   * The session's redaction, applied to everything that leaves the page.
   */
  redact: (text: string) => string;
  hubUrl: string;
  /**
   * Who passes the reports on.
   */
  user: string;
}

/**
 * The message that tells the operator's desk of reports passed on to it,
 * and the ways to send it.
 */
export interface IPreparedPassOn {
  /**
   * The desk's role, localized.
   */
  desk: string;
  /**
   * The roles the desk takes requests from, localized, when the viewer
   * holds none of them: they send it through one of those.
   */
  through: string[];
  /**
   * The exact text that is sent or copied, redacted.
   */
  text: string;
  /**
   * Email and the desk's forms when it has them, then copying.
   */
  actions: LinkAction[];
}

/**
 * The operator's desk: where a Community Representative's report goes, up
 * the representatives' escalation path.
 */
function deskRole(resolver: Resolver): string {
  const path = resolver.escalationPath(RoleIDs.communityRepresentative);
  return path[1] ?? RoleIDs.supportTriager;
}

/**
 * One message to the operator's desk for the reports passed on to it:
 * counts by category, first and last time, how many people reported them
 * and a few of their descriptions; sent the way reports reach the desk.
 */
export function preparePassOn(inputs: IPassOnInputs): IPreparedPassOn {
  const { summary, metadata, resolver, language, trans } = inputs;
  const label = (value: LocalizedString | undefined) =>
    localize(value, language);
  const categoryLabel = (id: string) =>
    reportCategoryLabel(id, metadata, language, trans);
  const utc = (iso: string) =>
    iso
      ? trans.__(
          '%1 UTC',
          formatDateTime(new Date(iso), language, {
            dateStyle: 'medium',
            timeStyle: 'short',
            timeZone: 'UTC'
          })
        )
      : '';
  const hubName = label(metadata.hub.name) || inputs.hubUrl;
  const subject = trans._n(
    '%2: %1 report passed on from the hub',
    '%2: %1 reports passed on from the hub',
    summary.count,
    hubName
  );
  const body = [
    trans._n(
      '%1 report from %2 people on %3, filed from %4 to %5.',
      '%1 reports from %2 people on %3, filed from %4 to %5.',
      summary.count,
      summary.people,
      hubName,
      utc(summary.first),
      utc(summary.last)
    ),
    '',
    trans.__('By category:'),
    ...Object.entries(summary.categories).map(([id, n]) =>
      trans.__('- %1: %2', categoryLabel(id), n)
    ),
    ...(summary.descriptions.length
      ? [
          '',
          trans.__('What some of them say:'),
          ...summary.descriptions.map(d => trans.__('- %1', d))
        ]
      : []),
    '',
    trans.__(
      'Passed on by %1 from the reports inbox of %2.',
      inputs.user,
      inputs.hubUrl
    )
  ].join('\n');

  const deskId = deskRole(resolver);
  const point = resolver.contactPoint(deskId);
  const delivery = prepareDelivery(
    { subject, body },
    reportTargets(point, c => label(c.label as LocalizedString | undefined)),
    {
      hubUrl: inputs.hubUrl,
      user: inputs.user,
      server: '',
      category: Object.keys(summary.categories).map(categoryLabel).join(', '),
      description: body,
      time: summary.last,
      categoryId: '',
      affected: '',
      diagnostics: '',
      pagePath: ''
    },
    {
      redact: inputs.redact,
      trimmedNote: trans.__(
        '[This message was shortened. Paste the full text, copied with "Copy message", here.]'
      )
    }
  );
  return {
    desk: label(point?.role.label) || deskId,
    through: resolver.mustGoThrough(deskId).map(r => label(r.label)),
    text: delivery.text,
    actions: linkActions(delivery)
  };
}
