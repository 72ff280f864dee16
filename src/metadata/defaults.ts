import { LIMITS } from './limits';
import { englishTrans, ITrans } from './trans';
import { IHubMetadataDocument, IRoleEntry, ITaskEntry } from './types';
import { COMMUNITY_SERVICE } from '../generated/shared';

/**
 * Role ids renamed over time; old ids in operator documents keep working.
 */
export const ROLE_ALIASES: { [old: string]: string } = {
  'hub-engineer': 'site-reliability-engineer',
  'support-steward': 'support-triager',
  'incident-commander': 'incident-responder'
};

/**
 * The name the community help service runs under unless the settings name
 * another (`communityService`); the panel looks for it there.
 */
export { COMMUNITY_SERVICE };

/**
 * The built-in catalogue, written from the shared responsibility model: the
 * roles, the "I want to..." tasks (its thirteen responsibilities plus
 * everyday ones) and the outage categories. Every label can be overridden.
 */
export function builtInDefaults(
  trans: ITrans = englishTrans
): IHubMetadataDocument {
  return {
    roles: builtInRoles(trans),
    tasks: builtInTasks(trans),
    outageCategories: [
      { id: 'hub-unavailable', label: trans.__('Hub URL unavailable') },
      {
        id: 'cannot-log-in',
        label: trans.__('Authorised users cannot log in')
      },
      {
        id: 'servers-not-starting',
        label: trans.__('User servers not starting')
      },
      { id: 'home-full', label: trans.__('Home directory full') },
      { id: 'slow', label: trans.__('Reduced performance') },
      {
        id: 'infrastructure',
        label: trans.__('Underlying infrastructure outage'),
        recipient: 'incident-responder'
      }
    ],
    refreshInterval: LIMITS.refreshDefaultSeconds,
    metadataUrl: '',
    adminDiscovery: { enabled: true, group: '', exclude: [] },
    communityService: COMMUNITY_SERVICE
  };
}

function builtInRoles(trans: ITrans): { [id: string]: IRoleEntry } {
  return {
    user: {
      label: trans.__('You'),
      party: 'user',
      description: trans.__('Anyone who works on this hub.'),
      duties: [
        trans.__('Look after your own files, packages and running servers'),
        trans.__(
          'Tell your Hub Administrators what went wrong, when, and what you saw'
        )
      ]
    },
    'community-representative': {
      label: trans.__('Community Representative'),
      party: 'community',
      description: trans.__(
        "Speaks for the hub's community: the main link with the operator, and the first Hub Administrator."
      ),
      duties: [
        trans.__("Be the community's main point of contact with the operator"),
        trans.__(
          'Gather questions and feedback from the people who use the hub'
        ),
        trans.__("Open requests with the operator's support desk"),
        trans.__(
          'Oversee the Hub Administrators and decide who may use the hub'
        ),
        trans.__(
          'Promote the hub in the community and help people learn to use it'
        )
      ],
      escalatesTo: 'support-triager'
    },
    'hub-administrator': {
      label: trans.__('Hub Administrator'),
      party: 'community',
      description: trans.__(
        'Community members who look after users: they add people, start and stop servers, and solve everyday problems.'
      ),
      duties: [
        trans.__(
          "Help users with problems that need no change to the hub's infrastructure"
        ),
        trans.__('Add and remove users, including other administrators'),
        trans.__("Start, stop and open users' servers to help them"),
        trans.__(
          'Make simple changes to the environment, such as adding a package'
        ),
        trans.__(
          'Notice outages and take them to the Community Representatives'
        )
      ],
      escalatesTo: 'community-representative'
    },
    'support-triager': {
      label: trans.__('Support Triager'),
      party: 'operator',
      description: trans.__(
        "The operator's support desk: it receives every request to the operator and passes it to the right engineer."
      ),
      duties: [
        trans.__('Receive support requests and sort them by urgency'),
        trans.__('Route each request to the engineers who can resolve it')
      ],
      acceptsFrom: ['community-representative'],
      escalatesTo: 'site-reliability-engineer'
    },
    'site-reliability-engineer': {
      label: trans.__('Site Reliability Engineer'),
      party: 'operator',
      description: trans.__(
        "The operator's engineers, who build and run the hub's infrastructure."
      ),
      duties: [
        trans.__(
          'Make complex changes to the environment and the hub configuration'
        ),
        trans.__('Upgrade and improve the hub and its cloud infrastructure'),
        trans.__('Add and retire hubs'),
        trans.__('Develop the open source software the hub runs on')
      ],
      reachedThrough: 'support-triager',
      escalatesTo: 'incident-responder'
    },
    'incident-responder': {
      label: trans.__('Incident Responder'),
      party: 'operator',
      description: trans.__(
        'Leads the response to an outage and keeps everyone informed of its status.'
      ),
      duties: [
        trans.__('Coordinate the response to infrastructure incidents'),
        trans.__("Keep the incident's status and plan up to date")
      ],
      reachedThrough: 'support-triager'
    }
  };
}

/**
 * A task's search words from one translated text, so that each language
 * gives its own words, as many as it needs. A translation may separate them
 * with its own script's comma (Arabic, Chinese, Japanese).
 */
function keywords(text: string): string[] {
  return text
    .split(/[,\u060C\u3001\uFF0C]/)
    .map(word => word.trim())
    .filter(Boolean);
}

function builtInTasks(trans: ITrans): ITaskEntry[] {
  const server = trans.__('My server');
  const packages = trans.__('Packages and environment');
  const files = trans.__('Files and sharing');
  const access = trans.__('Accounts and access');
  const problems = trans.__('Problems and outages');
  const community = trans.__('The hub and its community');
  const infrastructure = trans.__('Infrastructure');
  const terminal = {
    id: 'terminal:create-new',
    label: trans.__('Open a terminal')
  };
  const adminPage = (text: string) => ({ hubPage: 'admin' as const, text });
  return [
    {
      id: 'restart-server',
      title: trans.__('Restart my server'),
      keywords: keywords(
        trans._p(
          'search keywords, separated by commas',
          'restart, stuck, frozen, reboot, server, reset'
        )
      ),
      owner: 'user',
      category: server,
      how: {
        text: trans.__(
          'Stops your server and starts it again. Save your work first.'
        ),
        command: { id: 'hub:restart', label: trans.__('Restart my server') }
      }
    },
    {
      id: 'hub-control-panel',
      title: trans.__('Open the hub control panel'),
      keywords: keywords(
        trans._p(
          'search keywords, separated by commas',
          'hub, home, stop, control panel, servers'
        )
      ),
      owner: 'user',
      category: server,
      how: {
        text: trans.__('Start, stop and manage your servers on the hub.'),
        command: {
          id: 'hub:control-panel',
          label: trans.__('Open control panel')
        }
      }
    },
    {
      id: 'restart-kernel',
      title: trans.__('Restart a stuck kernel'),
      keywords: keywords(
        trans._p(
          'search keywords, separated by commas',
          'kernel, busy, stuck, dead, notebook, restart'
        )
      ),
      owner: 'user',
      category: server,
      how: {
        text: trans.__(
          "Restarts the current notebook's kernel; variables are lost."
        ),
        command: { id: 'kernelmenu:restart', label: trans.__('Restart kernel') }
      }
    },
    {
      id: 'install-package',
      title: trans.__('Install a package for myself'),
      keywords: keywords(
        trans._p(
          'search keywords, separated by commas',
          'pip, conda, install, library, module, package, import error'
        )
      ),
      owner: 'user',
      category: packages,
      how: {
        text: trans.__(
          'In a terminal, run "pip install --user NAME", or "%pip install NAME" in a notebook cell. Packages installed this way are yours alone.'
        ),
        command: terminal
      }
    },
    {
      id: 'request-package',
      title: trans.__('Add a package for everyone'),
      keywords: keywords(
        trans._p(
          'search keywords, separated by commas',
          'package, environment, image, library, everyone, install'
        )
      ),
      owner: 'hub-administrator',
      category: packages,
      how: {
        text: trans.__('Name the package and why the community needs it.')
      }
    },
    {
      id: 'more-resources',
      title: trans.__('Get more memory, CPU or a GPU'),
      keywords: keywords(
        trans._p(
          'search keywords, separated by commas',
          'memory, ram, cpu, gpu, kernel died, out of memory, bigger, resources'
        )
      ),
      owner: 'hub-administrator',
      category: packages,
      how: {
        text: trans.__(
          'If the hub offers server sizes, stop your server in the hub control panel and start a larger one; otherwise ask for a larger limit.'
        )
      }
    },
    {
      id: 'complex-environment',
      title: trans.__('Change the environment beyond adding a package'),
      keywords: keywords(
        trans._p(
          'search keywords, separated by commas',
          'system library, apt, image, docker, r, julia, environment'
        )
      ),
      owner: 'site-reliability-engineer',
      category: packages
    },
    {
      id: 'share-notebook',
      title: trans.__('Share a notebook with someone'),
      keywords: keywords(
        trans._p(
          'search keywords, separated by commas',
          'share, collaborate, send, copy, link, download'
        )
      ),
      owner: 'user',
      category: files,
      how: {
        text: trans.__(
          'Download it from the File menu and send it, or keep it in a Git repository that others can clone.'
        )
      }
    },
    {
      id: 'earlier-version',
      title: trans.__('Go back to the last saved checkpoint of a notebook'),
      keywords: keywords(
        trans._p(
          'search keywords, separated by commas',
          'undo, revert, checkpoint, restore, lost, version'
        )
      ),
      owner: 'user',
      category: files,
      how: {
        command: {
          id: 'docmanager:restore-checkpoint',
          label: trans.__('Revert to checkpoint')
        }
      }
    },
    {
      id: 'free-space',
      title: trans.__('Free space in my home directory'),
      keywords: keywords(
        trans._p(
          'search keywords, separated by commas',
          'disk, quota, full, space, storage, home'
        )
      ),
      owner: 'user',
      category: files,
      how: {
        text: trans.__(
          'Delete what you no longer need; "du -sh ~/* | sort -h" in a terminal shows what takes the most space.'
        ),
        command: terminal
      }
    },
    {
      id: 'api-token',
      title: trans.__('Get a hub API token'),
      keywords: keywords(
        trans._p(
          'search keywords, separated by commas',
          'token, api, automation, script'
        )
      ),
      owner: 'user',
      category: access,
      how: {
        hubPage: 'token',
        text: trans.__("Create a token on the hub's token page.")
      }
    },
    {
      id: 'add-user',
      title: trans.__('Give someone access to the hub'),
      keywords: keywords(
        trans._p(
          'search keywords, separated by commas',
          'add user, access, account, invite, new student, allow'
        )
      ),
      owner: 'hub-administrator',
      category: access,
      how: adminPage(trans.__('Add their username on the hub admin page.'))
    },
    {
      id: 'remove-user',
      title: trans.__("Remove someone's access"),
      keywords: keywords(
        trans._p(
          'search keywords, separated by commas',
          'remove user, delete user, revoke, leave'
        )
      ),
      owner: 'hub-administrator',
      category: access,
      how: adminPage(trans.__('Delete the user on the hub admin page.'))
    },
    {
      id: 'help-user-server',
      title: trans.__("Open a user's server to help them"),
      keywords: keywords(
        trans._p(
          'search keywords, separated by commas',
          'access server, join, debug, help user, start server, stop server'
        )
      ),
      owner: 'hub-administrator',
      category: access,
      how: adminPage(
        trans.__(
          'Find the user on the hub admin page and open, start or stop their server.'
        )
      )
    },
    {
      id: 'add-admin',
      title: trans.__('Make someone a Hub Administrator'),
      keywords: keywords(
        trans._p(
          'search keywords, separated by commas',
          'admin, administrator, permissions, role'
        )
      ),
      owner: 'hub-administrator',
      category: access,
      how: adminPage(
        trans.__('Edit the user on the hub admin page and tick "admin".')
      )
    },
    {
      id: 'login-problem',
      title: trans.__('Fix a login problem'),
      keywords: keywords(
        trans._p(
          'search keywords, separated by commas',
          'login, log in, sign in, password, forbidden, 403, access denied'
        )
      ),
      owner: 'hub-administrator',
      category: access
    },
    {
      id: 'report-outage',
      title: trans.__('Report a problem or an outage'),
      keywords: keywords(
        trans._p(
          'search keywords, separated by commas',
          'outage, down, broken, error, 500, 503, not starting, slow, incident'
        )
      ),
      owner: 'hub-administrator',
      category: problems,
      how: {
        command: {
          id: 'hub-help:report-problem',
          label: trans.__('Report a problem')
        }
      }
    },
    {
      id: 'check-status',
      title: trans.__('Check whether there is a known outage'),
      keywords: keywords(
        trans._p(
          'search keywords, separated by commas',
          'status, outage, down, incident, maintenance'
        )
      ),
      owner: 'user',
      category: problems,
      how: {
        command: {
          id: 'hub-help:open-status-page',
          label: trans.__('Open status page')
        }
      }
    },
    {
      id: 'usage-question',
      title: trans.__('Ask how to use the hub for my work'),
      keywords: keywords(
        trans._p(
          'search keywords, separated by commas',
          'question, how do i, help, course, support, usage'
        )
      ),
      owner: 'hub-administrator',
      category: community
    },
    {
      id: 'learn-and-teach',
      title: trans.__('Find training, or teach others to use the hub'),
      keywords: keywords(
        trans._p(
          'search keywords, separated by commas',
          'training, workshop, teach, learn, tutorial, skills'
        )
      ),
      owner: 'community-representative',
      category: community
    },
    {
      id: 'promote-hub',
      title: trans.__('Bring the hub to more people in my community'),
      keywords: keywords(
        trans._p(
          'search keywords, separated by commas',
          'advocate, promote, adoption, new group, outreach'
        )
      ),
      owner: 'community-representative',
      category: community
    },
    {
      id: 'suggest-change',
      title: trans.__('Suggest a change to the hub'),
      keywords: keywords(
        trans._p(
          'search keywords, separated by commas',
          'feedback, request, feature, idea, change, improve'
        )
      ),
      owner: 'community-representative',
      category: community
    },
    {
      id: 'contact-operator',
      title: trans.__("Ask the hub's operator for help"),
      keywords: keywords(
        trans._p(
          'search keywords, separated by commas',
          'operator, support, ticket, engineer, request, escalate'
        )
      ),
      owner: 'support-triager',
      category: infrastructure
    },
    {
      id: 'change-configuration',
      title: trans.__("Change the hub's configuration"),
      keywords: keywords(
        trans._p(
          'search keywords, separated by commas',
          'kubernetes, config, authentication, profiles, limits, culling, timeout'
        )
      ),
      owner: 'site-reliability-engineer',
      category: infrastructure
    },
    {
      id: 'new-hub',
      title: trans.__('Set up a new hub, or retire this one'),
      keywords: keywords(
        trans._p(
          'search keywords, separated by commas',
          'new hub, decommission, retire, migrate, replicate'
        )
      ),
      owner: 'site-reliability-engineer',
      category: infrastructure
    },
    {
      id: 'upgrade',
      title: trans.__("Upgrade the hub's software or cloud infrastructure"),
      keywords: keywords(
        trans._p(
          'search keywords, separated by commas',
          'upgrade, update, version, infrastructure, cloud'
        )
      ),
      owner: 'site-reliability-engineer',
      category: infrastructure
    },
    {
      id: 'software-bug',
      title: trans.__('Get a bug in JupyterHub or JupyterLab fixed'),
      keywords: keywords(
        trans._p(
          'search keywords, separated by commas',
          'bug, upstream, open source, jupyterhub, jupyterlab, development'
        )
      ),
      owner: 'site-reliability-engineer',
      category: infrastructure
    },
    {
      id: 'infrastructure-incident',
      title: trans.__('Get an infrastructure incident resolved'),
      keywords: keywords(
        trans._p(
          'search keywords, separated by commas',
          'incident, cluster, kubernetes, cloud, outage, nodes'
        )
      ),
      owner: 'incident-responder',
      category: infrastructure
    }
  ];
}
