import { plainGettext } from './problems';
import { Gettext, IHubMetadataDocument, IRoleEntry, ITaskEntry } from './types';

/**
 * Role ids renamed over time; old ids in operator documents keep working.
 */
export const ROLE_ALIASES: { [old: string]: string } = {
  'hub-engineer': 'site-reliability-engineer',
  'support-steward': 'support-triager',
  'incident-commander': 'incident-responder'
};

/**
 * The built-in catalogue, written from the shared responsibility model: the
 * roles, the "I want to..." tasks (its thirteen responsibilities plus
 * everyday ones) and the outage categories. Every label can be overridden.
 */
export function builtInDefaults(
  __: Gettext = plainGettext
): IHubMetadataDocument {
  return {
    roles: builtInRoles(__),
    tasks: builtInTasks(__),
    outageCategories: [
      { id: 'hub-unavailable', label: __('Hub URL unavailable') },
      { id: 'cannot-log-in', label: __('Authorised users cannot log in') },
      { id: 'servers-not-starting', label: __('User servers not starting') },
      { id: 'home-full', label: __('Home directory full') },
      { id: 'slow', label: __('Reduced performance') },
      {
        id: 'infrastructure',
        label: __('Underlying infrastructure outage'),
        recipient: 'incident-responder'
      }
    ],
    refreshInterval: 300,
    metadataUrl: '',
    adminDiscovery: { enabled: true, group: '', exclude: [] }
  };
}

function builtInRoles(__: Gettext): { [id: string]: IRoleEntry } {
  return {
    user: {
      label: __('You'),
      party: 'user',
      description: __('Anyone who works on this hub.'),
      duties: [
        __('Look after your own files, packages and running servers'),
        __(
          'Tell your Hub Administrators what went wrong, when, and what you saw'
        )
      ]
    },
    'community-representative': {
      label: __('Community Representative'),
      party: 'community',
      description: __(
        "Speaks for the hub's community: the main link with the operator, and the first Hub Administrator."
      ),
      duties: [
        __("Be the community's main point of contact with the operator"),
        __('Gather questions and feedback from the people who use the hub'),
        __("Open requests with the operator's support desk"),
        __('Oversee the Hub Administrators and decide who may use the hub'),
        __('Promote the hub in the community and help people learn to use it')
      ],
      escalatesTo: 'support-triager'
    },
    'hub-administrator': {
      label: __('Hub Administrator'),
      party: 'community',
      description: __(
        'Community members who look after users: they add people, start and stop servers, and solve everyday problems.'
      ),
      duties: [
        __(
          "Help users with problems that need no change to the hub's infrastructure"
        ),
        __('Add and remove users, including other administrators'),
        __("Start, stop and open users' servers to help them"),
        __('Make simple changes to the environment, such as adding a package'),
        __('Notice outages and take them to the Community Representatives')
      ],
      escalatesTo: 'community-representative'
    },
    'support-triager': {
      label: __('Support Triager'),
      party: 'operator',
      description: __(
        "The operator's support desk: it receives every request to the operator and passes it to the right engineer."
      ),
      duties: [
        __('Receive support requests and sort them by urgency'),
        __('Route each request to the engineers who can resolve it')
      ],
      acceptsFrom: ['community-representative'],
      escalatesTo: 'site-reliability-engineer'
    },
    'site-reliability-engineer': {
      label: __('Site Reliability Engineer'),
      party: 'operator',
      description: __(
        "The operator's engineers, who build and run the hub's infrastructure."
      ),
      duties: [
        __('Make complex changes to the environment and the hub configuration'),
        __('Upgrade and improve the hub and its cloud infrastructure'),
        __('Add and retire hubs'),
        __('Develop the open source software the hub runs on')
      ],
      reachedThrough: 'support-triager',
      escalatesTo: 'incident-responder'
    },
    'incident-responder': {
      label: __('Incident Responder'),
      party: 'operator',
      description: __(
        'Leads the response to an outage and keeps everyone informed of its status.'
      ),
      duties: [
        __('Coordinate the response to infrastructure incidents'),
        __("Keep the incident's status and plan up to date")
      ],
      reachedThrough: 'support-triager'
    }
  };
}

function builtInTasks(__: Gettext): ITaskEntry[] {
  const server = __('My server');
  const packages = __('Packages and environment');
  const files = __('Files and sharing');
  const access = __('Accounts and access');
  const problems = __('Problems and outages');
  const community = __('The hub and its community');
  const infrastructure = __('Infrastructure');
  const terminal = { id: 'terminal:create-new', label: __('Open a terminal') };
  const adminPage = (text: string) => ({ hubPage: 'admin' as const, text });
  return [
    {
      id: 'restart-server',
      title: __('Restart my server'),
      keywords: ['restart', 'stuck', 'frozen', 'reboot', 'server', 'reset'],
      owner: 'user',
      category: server,
      how: {
        text: __(
          'Stops your server and starts it again. Save your work first.'
        ),
        command: { id: 'hub:restart', label: __('Restart my server') }
      }
    },
    {
      id: 'hub-control-panel',
      title: __('Open the hub control panel'),
      keywords: ['hub', 'home', 'stop', 'control panel', 'servers'],
      owner: 'user',
      category: server,
      how: {
        text: __('Start, stop and manage your servers on the hub.'),
        command: { id: 'hub:control-panel', label: __('Open control panel') }
      }
    },
    {
      id: 'restart-kernel',
      title: __('Restart a stuck kernel'),
      keywords: ['kernel', 'busy', 'stuck', 'dead', 'notebook', 'restart'],
      owner: 'user',
      category: server,
      how: {
        text: __("Restarts the current notebook's kernel; variables are lost."),
        command: { id: 'kernelmenu:restart', label: __('Restart kernel') }
      }
    },
    {
      id: 'install-package',
      title: __('Install a package for myself'),
      keywords: [
        'pip',
        'conda',
        'install',
        'library',
        'module',
        'package',
        'import error'
      ],
      owner: 'user',
      category: packages,
      how: {
        text: __(
          'In a terminal, run "pip install --user NAME", or "%pip install NAME" in a notebook cell. Packages installed this way are yours alone.'
        ),
        command: terminal
      }
    },
    {
      id: 'request-package',
      title: __('Add a package for everyone'),
      keywords: [
        'package',
        'environment',
        'image',
        'library',
        'everyone',
        'install'
      ],
      owner: 'hub-administrator',
      category: packages,
      how: { text: __('Name the package and why the community needs it.') }
    },
    {
      id: 'more-resources',
      title: __('Get more memory, CPU or a GPU'),
      keywords: [
        'memory',
        'ram',
        'cpu',
        'gpu',
        'kernel died',
        'out of memory',
        'bigger',
        'resources'
      ],
      owner: 'hub-administrator',
      category: packages,
      how: {
        text: __(
          'If the hub offers server sizes, stop your server in the hub control panel and start a larger one; otherwise ask for a larger limit.'
        )
      }
    },
    {
      id: 'complex-environment',
      title: __('Change the environment beyond adding a package'),
      keywords: [
        'system library',
        'apt',
        'image',
        'docker',
        'r',
        'julia',
        'environment'
      ],
      owner: 'site-reliability-engineer',
      category: packages
    },
    {
      id: 'share-notebook',
      title: __('Share a notebook with someone'),
      keywords: ['share', 'collaborate', 'send', 'copy', 'link', 'download'],
      owner: 'user',
      category: files,
      how: {
        text: __(
          'Download it from the File menu and send it, or keep it in a Git repository that others can clone.'
        )
      }
    },
    {
      id: 'earlier-version',
      title: __('Go back to the last saved checkpoint of a notebook'),
      keywords: ['undo', 'revert', 'checkpoint', 'restore', 'lost', 'version'],
      owner: 'user',
      category: files,
      how: {
        command: {
          id: 'docmanager:restore-checkpoint',
          label: __('Revert to checkpoint')
        }
      }
    },
    {
      id: 'free-space',
      title: __('Free space in my home directory'),
      keywords: ['disk', 'quota', 'full', 'space', 'storage', 'home'],
      owner: 'user',
      category: files,
      how: {
        text: __(
          'Delete what you no longer need; "du -sh ~/* | sort -h" in a terminal shows what takes the most space.'
        ),
        command: terminal
      }
    },
    {
      id: 'api-token',
      title: __('Get a hub API token'),
      keywords: ['token', 'api', 'automation', 'script'],
      owner: 'user',
      category: access,
      how: {
        hubPage: 'token',
        text: __("Create a token on the hub's token page.")
      }
    },
    {
      id: 'add-user',
      title: __('Give someone access to the hub'),
      keywords: [
        'add user',
        'access',
        'account',
        'invite',
        'new student',
        'allow'
      ],
      owner: 'hub-administrator',
      category: access,
      how: adminPage(__('Add their username on the hub admin page.'))
    },
    {
      id: 'remove-user',
      title: __("Remove someone's access"),
      keywords: ['remove user', 'delete user', 'revoke', 'leave'],
      owner: 'hub-administrator',
      category: access,
      how: adminPage(__('Delete the user on the hub admin page.'))
    },
    {
      id: 'help-user-server',
      title: __("Open a user's server to help them"),
      keywords: [
        'access server',
        'join',
        'debug',
        'help user',
        'start server',
        'stop server'
      ],
      owner: 'hub-administrator',
      category: access,
      how: adminPage(
        __(
          'Find the user on the hub admin page and open, start or stop their server.'
        )
      )
    },
    {
      id: 'add-admin',
      title: __('Make someone a Hub Administrator'),
      keywords: ['admin', 'administrator', 'permissions', 'role'],
      owner: 'hub-administrator',
      category: access,
      how: adminPage(
        __('Edit the user on the hub admin page and tick "admin".')
      )
    },
    {
      id: 'login-problem',
      title: __('Fix a login problem'),
      keywords: [
        'login',
        'log in',
        'sign in',
        'password',
        'forbidden',
        '403',
        'access denied'
      ],
      owner: 'hub-administrator',
      category: access
    },
    {
      id: 'report-outage',
      title: __('Report a problem or an outage'),
      keywords: [
        'outage',
        'down',
        'broken',
        'error',
        '500',
        '503',
        'not starting',
        'slow',
        'incident'
      ],
      owner: 'hub-administrator',
      category: problems,
      how: {
        command: {
          id: 'hub-help:report-problem',
          label: __('Report a problem')
        }
      }
    },
    {
      id: 'check-status',
      title: __('Check whether there is a known outage'),
      keywords: ['status', 'outage', 'down', 'incident', 'maintenance'],
      owner: 'user',
      category: problems,
      how: {
        command: {
          id: 'hub-help:open-status-page',
          label: __('Open status page')
        }
      }
    },
    {
      id: 'usage-question',
      title: __('Ask how to use the hub for my work'),
      keywords: ['question', 'how do i', 'help', 'course', 'support', 'usage'],
      owner: 'hub-administrator',
      category: community
    },
    {
      id: 'learn-and-teach',
      title: __('Find training, or teach others to use the hub'),
      keywords: [
        'training',
        'workshop',
        'teach',
        'learn',
        'tutorial',
        'skills'
      ],
      owner: 'community-representative',
      category: community
    },
    {
      id: 'promote-hub',
      title: __('Bring the hub to more people in my community'),
      keywords: ['advocate', 'promote', 'adoption', 'new group', 'outreach'],
      owner: 'community-representative',
      category: community
    },
    {
      id: 'suggest-change',
      title: __('Suggest a change to the hub'),
      keywords: ['feedback', 'request', 'feature', 'idea', 'change', 'improve'],
      owner: 'community-representative',
      category: community
    },
    {
      id: 'contact-operator',
      title: __("Ask the hub's operator for help"),
      keywords: [
        'operator',
        'support',
        'ticket',
        'engineer',
        'request',
        'escalate'
      ],
      owner: 'support-triager',
      category: infrastructure
    },
    {
      id: 'change-configuration',
      title: __("Change the hub's configuration"),
      keywords: [
        'kubernetes',
        'config',
        'authentication',
        'profiles',
        'limits',
        'culling',
        'timeout'
      ],
      owner: 'site-reliability-engineer',
      category: infrastructure
    },
    {
      id: 'new-hub',
      title: __('Set up a new hub, or retire this one'),
      keywords: ['new hub', 'decommission', 'retire', 'migrate', 'replicate'],
      owner: 'site-reliability-engineer',
      category: infrastructure
    },
    {
      id: 'upgrade',
      title: __("Upgrade the hub's software or cloud infrastructure"),
      keywords: ['upgrade', 'update', 'version', 'infrastructure', 'cloud'],
      owner: 'site-reliability-engineer',
      category: infrastructure
    },
    {
      id: 'software-bug',
      title: __('Get a bug in JupyterHub or JupyterLab fixed'),
      keywords: [
        'bug',
        'upstream',
        'open source',
        'jupyterhub',
        'jupyterlab',
        'development'
      ],
      owner: 'site-reliability-engineer',
      category: infrastructure
    },
    {
      id: 'infrastructure-incident',
      title: __('Get an infrastructure incident resolved'),
      keywords: [
        'incident',
        'cluster',
        'kubernetes',
        'cloud',
        'outage',
        'nodes'
      ],
      owner: 'incident-responder',
      category: infrastructure
    }
  ];
}
