import * as React from 'react';

import { buildMetadata } from '../../metadata/build';
import { Resolver, RouteReason } from '../../metadata/resolve';
import { IHubMetadataDocument } from '../../metadata/types';
import { RouteView } from '../Route';
import { plain } from './interact';
import { largeHub } from './largeHub';
import { render, trans } from './render';

/**
 * Only representatives are listed: nobody for the Hub Administrators.
 */
const noAdmins: IHubMetadataDocument = {
  people: [
    {
      name: 'Amara Okafor',
      usernames: ['amara'],
      roles: ['community-representative']
    }
  ]
};

/**
 * Route `roleId` for `username`, and render what the person sees.
 */
function seen(
  username: string,
  roleId: string,
  settings: IHubMetadataDocument = largeHub as IHubMetadataDocument
) {
  const { metadata } = buildMetadata({ settings });
  const route = new Resolver(metadata, { username }).routeToRole(roleId);
  const container = render(
    <RouteView route={route} trans={trans} language="en" />
  );
  return {
    reason: route.reason,
    sentence: plain(container.querySelector('p')!.textContent),
    contacts: Array.from(
      container.querySelectorAll('.jp-HubHelp-personName, .jp-HubHelp-channel')
    ).map(el => plain(el.textContent))
  };
}

describe('the route, as a person reads it', () => {
  const cases: [
    RouteReason,
    string,
    string,
    IHubMetadataDocument | undefined,
    string,
    string
  ][] = [
    ['anyone', 'zoe', 'user', undefined, 'You can do this yourself.', ''],
    [
      'own-role',
      'tomas',
      'community-representative',
      undefined,
      'You can do this yourself, as Community Representative.',
      ''
    ],
    [
      'owner',
      'zoe',
      'hub-administrator',
      undefined,
      'Handled by Hub Administrator. Contact:',
      'Amara Okafor'
    ],
    [
      'reached-through',
      'tomas',
      'site-reliability-engineer',
      undefined,
      'Handled by Site Reliability Engineer, reached through CloudHost support desk. Contact:',
      'Email the support desk'
    ],
    [
      'restricted',
      'zoe',
      'site-reliability-engineer',
      undefined,
      'Handled by Site Reliability Engineer. CloudHost support desk accepts requests only from some roles: ask your Community Representative, who will pass it on.',
      'Amara Okafor'
    ],
    [
      'unlisted',
      'zoe',
      'hub-administrator',
      noAdmins,
      'Handled by Hub Administrator, but nobody is listed for it: ask your Community Representative instead.',
      'Amara Okafor'
    ]
  ];

  it.each(cases)(
    'for the reason %p (%s asking for %s) says why',
    (reason, username, roleId, settings, sentence, first) => {
      const view = seen(username, roleId, settings);
      expect(view.reason).toBe(reason);
      expect(view.sentence).toBe(sentence);
      if (first) {
        expect(view.contacts[0]).toContain(first);
      } else {
        expect(view.contacts).toEqual([]);
      }
    }
  );
});
