/**
 * Hub help settings for a large community: 50 Hub Administrators (Amara
 * Okafor first, Tomás Ruiz second), two Community Representatives, the
 * operator's support desk (its email labelled) and incident responders (an
 * email without a label).
 */
export const ADMINS = 50;

export const largeHub = {
  people: [
    {
      name: 'Amara Okafor',
      usernames: ['amara'],
      roles: ['community-representative', 'hub-administrator'],
      contact: {
        email: 'amara.okafor@riverbend.example.org',
        chat: 'https://chat.riverbend.example.org/#/user/amara'
      }
    },
    {
      name: 'Tomás Ruiz',
      usernames: ['tomas'],
      roles: ['community-representative', 'hub-administrator'],
      contact: { email: 'tomas.ruiz@riverbend.example.org' }
    },
    {
      name: 'Lin Wei',
      usernames: ['lin'],
      roles: ['hub-administrator'],
      contact: { url: 'https://riverbend.example.org/people/lin-wei' }
    },
    ...Array.from({ length: ADMINS - 3 }, (_, i) => ({
      name: `Volunteer ${i + 4}`,
      usernames: [`volunteer${i + 4}`],
      roles: ['hub-administrator'],
      contact: { email: `volunteer${i + 4}@riverbend.example.org` }
    }))
  ],
  roles: {
    'support-triager': {
      label: 'CloudHost support desk',
      channels: [
        {
          kind: 'email',
          address: 'support@cloudhost.example.com',
          label: 'Email the support desk'
        }
      ]
    },
    'incident-responder': {
      channels: [{ kind: 'email', address: 'incidents@cloudhost.example.com' }]
    }
  }
};
