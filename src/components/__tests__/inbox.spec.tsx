/**
 * The reports inbox: 50,000 stored reports read a page at a time and shown
 * only on screen; reports' text as text; triage and passing on by keyboard
 * and with labels.
 */
import * as React from 'react';
import { act } from 'react';

import { FakeReports, stored } from '../../__tests__/fakeReports';
import { englishTrans } from '../../metadata';
import { HubHelpModel } from '../../model';
import { preparePassOn } from '../../report/inbox/passOn';
import { InboxSession, PAGE_SIZE } from '../../report/inbox/session';
import { Inbox } from '../inbox/ReportsInbox';
import { byName, click } from './interact';
import { modelWith, render, trans } from './render';
import { ScrollingBox, scrollTo } from './scrollingBox';

const STORED = 50000;

const settings = {
  outageCategories: [{ id: 'servers-not-starting', label: 'Servers down' }]
};

let model: HubHelpModel;
let service: FakeReports;
let session: InboxSession;

async function open(count: number): Promise<HTMLElement> {
  ({ model } = await modelWith(settings));
  service = new FakeReports(count);
  session = new InboxSession({
    service,
    preparePassOn: summary =>
      preparePassOn({
        summary,
        metadata: model.metadata,
        resolver: model.resolver,
        language: 'en',
        trans: englishTrans,
        redact: text => model.redact(text),
        hubUrl: 'https://hub.example.org/hub/home',
        user: 'lin'
      })
  });
  // As the inbox widget does, before it first renders.
  void session.load();
  const panel = render(
    <ScrollingBox height={600}>
      <Inbox session={session} model={model} trans={trans} />
    </ScrollingBox>
  );
  await settle();
  return panel;
}

/**
 * Let the reads the view started answer.
 */
const settle = () =>
  act(async () => {
    await new Promise(resolve => setTimeout(resolve, 0));
  });

const rows = (panel: Element) =>
  Array.from(panel.querySelectorAll('.jp-HubHelp-inboxRow'));

afterEach(() => jest.restoreAllMocks());

describe(`an inbox of ${STORED} reports`, () => {
  it('reads one page and renders only the rows on screen', async () => {
    const panel = await open(STORED);
    expect(service.queries).toHaveLength(1);
    expect(rows(panel).length).toBeGreaterThan(0);
    expect(rows(panel).length).toBeLessThanOrEqual(30);
    expect(rows(panel)[0].getAttribute('aria-setsize')).toBe(String(PAGE_SIZE));
    expect(rows(panel)[0].textContent).toContain(`R-${STORED}`);
    expect(rows(panel)[0].textContent).toContain('Servers down');
  });

  it('reads the next page once the list is scrolled to its end', async () => {
    const panel = await open(STORED);
    scrollTo(panel.querySelector('ul')!, Infinity);
    await settle();
    expect(service.queries.map(q => q.before)).toEqual([
      undefined,
      STORED - PAGE_SIZE + 1
    ]);
    expect(session.state.reports).toHaveLength(2 * PAGE_SIZE);
  });

  it('filters by status with a labelled control, reading the first page again', async () => {
    const panel = await open(STORED);
    const status = byName(panel, 'select', 'Status')[0] as HTMLSelectElement;
    await act(async () => {
      status.value = 'acknowledged';
      status.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(service.queries[service.queries.length - 1]).toMatchObject({
      status: 'acknowledged'
    });
    expect(panel.textContent).toContain('No reports.');
  });
});

describe('a report', () => {
  it('shows what the reporter wrote as text, never as markup', async () => {
    const panel = await open(1);
    service.reports[0] = stored(1, {
      summary: '<img src=x onerror=alert(1)>',
      description: '<b>bold</b>'
    });
    await act(() => session.load());
    await click(panel.querySelector('[aria-expanded="false"]')!);
    expect(panel.querySelector('img, b')).toBeNull();
    expect(panel.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(panel.textContent).toContain('<b>bold</b>');
  });

  it('is acknowledged with who and when, and the history says so', async () => {
    const panel = await open(1);
    await click(panel.querySelector('[aria-expanded="false"]')!);
    await click(byName(panel, 'button', 'Acknowledge')[0]);
    expect(panel.textContent).toContain('R-1 is acknowledged.');
    expect(panel.textContent).toContain('Acknowledged by lin at');
    expect(byName(panel, 'button', 'Acknowledge')).toHaveLength(0);
  });

  it("shows the service's words when it refuses", async () => {
    const panel = await open(1);
    await click(panel.querySelector('[aria-expanded="false"]')!);
    service.refuse = {
      status: 409,
      message: 'Nothing was changed: R-1 is resolved.'
    };
    await click(byName(panel, 'button', 'Acknowledge')[0]);
    expect(panel.querySelector('[role="alert"]')!.textContent).toBe(
      'The service refused (409): Nothing was changed: R-1 is resolved.'
    );
  });

  it('offers the sign-in when the credential may not triage', async () => {
    const panel = await open(1);
    await click(panel.querySelector('[aria-expanded="false"]')!);
    service.refuse = { status: 403, message: 'sign-in-required' };
    await click(byName(panel, 'button', 'Acknowledge')[0]);
    expect(byName(panel, 'button', 'Sign in to triage reports')).toHaveLength(
      1
    );
  });
});

describe('passing on', () => {
  it('passes the chosen reports on and shows the message to the desk, to copy', async () => {
    const panel = await open(3);
    await click(byName(panel, 'input', 'Choose R-3 to pass on')[0]);
    await click(byName(panel, 'input', 'Choose R-1 to pass on')[0]);
    await click(
      byName(panel, 'button', "Pass 2 reports on to the operator's desk")[0]
    );
    await settle();
    expect(service.passedOn).toEqual([['R-3', 'R-1']]);
    const message = panel.querySelector('.jp-HubHelp-passOnText')!;
    expect(message.textContent).toContain('- Servers down: 2');
    expect(byName(panel, 'button', 'Copy message')).toHaveLength(1);
    expect(
      rows(panel).map(
        row => row.querySelector('.jp-HubHelp-inboxStatus')!.textContent
      )
    ).toEqual([
      "Passed on to the operator's desk",
      expect.stringMatching(/^Received at .*, not acknowledged yet$/),
      "Passed on to the operator's desk"
    ]);
  });
});
