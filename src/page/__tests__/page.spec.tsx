/**
 * The service's pages: what they build from the same metadata layer as the
 * panel, the language they pick, and what a hub page hands to the report.
 */
import * as React from 'react';
import { act } from 'react';

import { HelpPage } from '../../components/page/HelpPage';
import { trans, render } from '../../components/__tests__/render';
import { HubClient } from '../../hub';
import { englishTrans } from '../../metadata';
import { assembleMetadata } from '../../metadata/assemble';
import { parseDocument } from '../../metadata/parse';
import { Resolver } from '../../metadata/resolve';
import { collectDiagnostics, prepareReport } from '../../report';
import { PageAnswers } from '../answers';
import { pageHubContext, readPageData } from '../context';
import { readHubPageContext } from '../handoff';

describe('readHubPageContext', () => {
  it('keeps what the template wrote', () => {
    expect(
      readHubPageContext(
        '{"page": "spawn-failed", "message": "boom", "status": 500}',
        '/hub/spawn/zoe'
      )
    ).toEqual({
      page: 'spawn-failed',
      path: '/hub/spawn/zoe',
      message: 'boom',
      status: 500
    });
  });

  it.each([
    null,
    '',
    'not json',
    '[1]',
    '{"page": 3, "message": {}, "status": "x"}'
  ])('leaves out what is malformed: %j', text => {
    expect(readHubPageContext(text, '/hub/x')).toEqual({
      page: '',
      path: '/hub/x',
      message: '',
      status: null
    });
  });
});

function pageElement(attributes: { [name: string]: string }): HTMLElement {
  const element = document.createElement('div');
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, value);
  }
  return element;
}

describe('the page hub context', () => {
  const data = readPageData(
    pageElement({
      'data-service': '/services/hub-help/',
      'data-language': 'fr_FR',
      'data-hub-prefix': '/hub/',
      'data-user': 'zoe'
    })
  );

  it('reads the service and the viewer from the page', () => {
    expect(data).toEqual({
      serviceUrl: '/services/hub-help/',
      serviceName: 'hub-help',
      language: 'fr_FR',
      hubPrefix: '/hub/',
      user: 'zoe'
    });
  });

  it('finds the hub on its own site', () => {
    const hub = pageHubContext(data, {
      protocol: 'https:',
      host: 'hub.example.org',
      origin: 'https://hub.example.org'
    });
    expect(hub.urls.home).toBe('/hub/home');
    expect(hub.subdomains).toBe(false);
    expect(new HubClient(hub, '').serviceUrl('hub-help')).toBe(
      '/services/hub-help/'
    );
  });

  it('finds the hub above the service host on a hub with subdomains', () => {
    const hub = pageHubContext(data, {
      protocol: 'https:',
      host: 'hub-help--service.hub.example.org',
      origin: 'https://hub-help--service.hub.example.org'
    });
    expect(hub.urls.home).toBe('https://hub.example.org/hub/home');
    expect(new HubClient(hub, '').serviceUrl('hub-help')).toBe(
      'https://hub-help--service.hub.example.org/services/hub-help/'
    );
  });
});

const DOCUMENT = {
  hub: { name: 'Example Hub' },
  people: [
    { name: 'Lin', usernames: ['lin'], roles: ['hub-administrator'] },
    {
      name: 'Amara',
      usernames: ['amara'],
      roles: ['community-representative']
    }
  ],
  roles: {
    'hub-administrator': {
      channels: [{ kind: 'email', address: 'admins@example.org' }]
    }
  }
};

function answersFor(
  username: string,
  admin = false,
  document: object = DOCUMENT
): PageAnswers {
  const hub = pageHubContext(
    readPageData(
      pageElement({
        'data-service': '/services/hub-help/',
        'data-hub-prefix': '/hub/',
        'data-user': username
      })
    ),
    { protocol: 'http:', host: 'localhost', origin: 'http://localhost' }
  );
  const { metadata } = assembleMetadata({
    settings: parseDocument(document, 'settings'),
    trans: englishTrans
  });
  return new PageAnswers(
    hub,
    'en',
    metadata,
    new Resolver(metadata, { username, admin, groups: [] }),
    () => undefined
  );
}

describe('PageAnswers', () => {
  it('shows configuration to admins and representatives, as the panel does', () => {
    expect(answersFor('zoe').seesConfiguration).toBe(false);
    expect(answersFor('lin', true).seesConfiguration).toBe(true);
    expect(answersFor('amara').seesConfiguration).toBe(true);
  });

  it('names the hub pages that tasks open', () => {
    expect(answersFor('zoe').hubPage('token')).toBe('/hub/token');
    expect(answersFor('zoe').hubPage('constructor')).toBeUndefined();
  });
});

describe('the help page', () => {
  it('says that a self-service button is in JupyterLab, not a dead button', () => {
    const container = render(
      <HelpPage
        answers={answersFor('zoe')}
        trans={trans}
        report={null}
        onReport={() => undefined}
        onCloseReport={() => undefined}
      />
    );
    expect(container.querySelector('h1')!.textContent).toBe('Get help');
    const search = container.querySelector('input[type="search"]')!;
    const setValue = Object.getOwnPropertyDescriptor(
      HTMLInputElement.prototype,
      'value'
    )!.set!;
    act(() => {
      setValue.call(search, 'restart my server');
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const row = container.querySelector('[data-task-id="restart-server"]')!;
    act(() => row.querySelector('button')!.click());
    expect(row.textContent).toMatch(
      /You can do this yourself in JupyterLab: \u2068?Restart my server/
    );
    expect(row.querySelector('.jp-HubHelp-action')).toBeNull();
  });
});

describe('hostile operator text on the help page', () => {
  it('renders as text, with links of allowed schemes only', () => {
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const container = render(
      <HelpPage
        answers={answersFor('zoe', false, {
          hub: { name: hostile, url: 'javascript:alert(3)' },
          announcements: [
            {
              id: 'a',
              text: `\u202Egnp.exe ${hostile}`,
              link: { url: 'javascript:alert(4)', label: 'More' }
            }
          ],
          people: [
            {
              name: hostile,
              usernames: ['lin'],
              roles: ['hub-administrator'],
              contact: { url: 'data:text/html,<script>alert(5)</script>' }
            }
          ]
        })}
        trans={trans}
        report={null}
        onReport={() => undefined}
        onCloseReport={() => undefined}
      />
    );
    expect(container.querySelectorAll('script, img[onerror]')).toHaveLength(0);
    const hrefs = Array.from(container.querySelectorAll('a')).map(a =>
      a.getAttribute('href')
    );
    expect(hrefs.filter(h => !/^(https?:|mailto:|\/)/.test(h ?? ''))).toEqual(
      []
    );
    expect(container.textContent).toContain(hostile);
  });
});

describe("a hub page's message in the report", () => {
  it('goes with the report, its token redacted', () => {
    const answers = answersFor('zoe');
    const failure =
      'Spawn failed: could not reach http://10.0.0.5:8888/api?token=abc123secret&x=1';
    const diagnostics = collectDiagnostics({
      hub: answers.hub,
      location: { origin: 'http://localhost', pathname: '/hub/spawn/zoe' },
      now: new Date('2026-12-08T10:00:00Z'),
      jupyterlabVersion: '',
      extensionVersion: '0.2.0',
      userAgent: 'test',
      language: 'en',
      hubAnswers: 'yes',
      serverAnswers: 'no',
      hubMessage: failure
    });
    const client = new HubClient(answers.hub, '');
    const report = prepareReport({
      metadata: answers.metadata,
      resolver: answers.resolver,
      language: 'en',
      values: {
        categoryId: 'servers-not-starting',
        description: 'My server does not start',
        affected: 'me'
      },
      diagnostics,
      redact: text => client.redact(text),
      trans: englishTrans
    });
    expect(report.text).toContain(
      'The hub said: Spawn failed: could not reach http://10.0.0.5:8888/api?token=[redacted]&x=1'
    );
    expect(report.text).toContain('Page: /hub/spawn/zoe');
    expect(JSON.stringify(report.record)).not.toContain('abc123secret');
    expect(report.text).not.toContain('abc123secret');
  });
});
