import * as React from 'react';
import { act } from 'react';

import { Dialog } from '@jupyterlab/apputils';

import {
  collectDiagnostics,
  IDiagnostics,
  IReportValues,
  prepareReport,
  ReportDraft,
  ReportSession
} from '../../report';
import { HubHelpModel } from '../../model';
import { englishTrans } from '../../metadata';
import { ReportActions } from '../ReportActions';
import { showReportDialog } from '../ReportDialog';
import { ReportForm } from '../ReportForm';
import { isolating, modelWith, render, trans } from './render';

const LABEL = 'مسؤول المنصة';
const RESPONSE = 'خلال يوم عمل واحد';

const settings = {
  roles: {
    'hub-administrator': {
      label: LABEL,
      channels: [
        {
          kind: 'email',
          address: 'admins@example.org',
          responseTime: RESPONSE
        },
        {
          kind: 'url',
          address: 'https://desk.example.org/new',
          label: 'Open a ticket'
        }
      ]
    }
  },
  outageCategories: [
    { id: 'slow', label: 'بطء 🐢 منذ 09:00' },
    { id: 'down', label: 'Down' }
  ]
};

function diagnosticsOf(model: HubHelpModel): IDiagnostics {
  return collectDiagnostics({
    hub: model.hub,
    location: window.location,
    now: new Date(),
    jupyterlabVersion: '4.6.4',
    extensionVersion: '0.1.0',
    userAgent: 'jest',
    language: 'en',
    hubAnswers: 'unknown',
    serverAnswers: 'unknown',
    hubMessage: ''
  });
}

async function session(draft = new ReportDraft()) {
  const { model } = await modelWith(settings);
  return new ReportSession({
    draft,
    diagnostics: diagnosticsOf(model),
    prepare: (values: IReportValues, diagnostics: IDiagnostics) =>
      prepareReport({
        metadata: model.metadata,
        resolver: model.resolver,
        language: 'en',
        values,
        diagnostics,
        redact: text => model.redact(text),
        trans: englishTrans
      })
  });
}

const plain = (text: string | null | undefined) =>
  (text ?? '').replace(/[\u2068\u2069]/g, '');

describe('the report form', () => {
  async function form() {
    const { state } = await session();
    return render(
      <ReportForm
        report={state.report}
        trans={trans}
        language="en"
        onChange={() => undefined}
      />
    );
  }

  it('says in one line where the report goes, operator text isolated', async () => {
    const container = await form();
    const line = container.querySelector('.jp-HubHelp-reportSummary')!;
    expect(plain(line.textContent)).toBe(
      `To: ${LABEL} (admins@example.org), usually answered ${RESPONSE}`
    );
    expect(isolating(line as HTMLElement, LABEL)).not.toBeNull();
    expect(isolating(line as HTMLElement, RESPONSE)).not.toBeNull();
    expect(container.textContent).not.toMatch(/[\u2068\u2069]/);
  });

  it('keeps who receives it and the text in sections that start closed', async () => {
    const container = await form();
    const sections = Array.from(container.querySelectorAll('details'));
    expect(sections.map(d => d.querySelector('summary')!.textContent)).toEqual([
      'Who receives it',
      'The report that will be sent'
    ]);
    expect(sections.every(d => !d.open)).toBe(true);
    const why = sections[0].querySelector('.jp-HubHelp-why')!;
    expect(isolating(why as HTMLElement, LABEL)).not.toBeNull();
    expect(isolating(sections[0], RESPONSE)).not.toBeNull();
    const text = sections[1].querySelector('textarea')!;
    expect(text.value.split('\n')[0]).toBe(
      `[${window.location.origin}] بطء 🐢 منذ 09:00`
    );
  });

  it('isolates each category in the list', async () => {
    const container = await form();
    const option = container.querySelector('option[value="slow"]')!;
    expect(option.textContent).toBe('بطء 🐢 منذ 09:00');
    expect(option.getAttribute('dir')).toBe('auto');
  });
});

describe('the report actions', () => {
  it('send by email first, then open the form, then copy, then cancel', async () => {
    const { state } = await session();
    const container = render(
      <ReportActions
        state={state}
        trans={trans}
        onSent={() => undefined}
        onCopy={() => undefined}
        onSendToHub={() => undefined}
        onClose={() => undefined}
      />
    );
    const actions = Array.from(
      container.querySelectorAll('.jp-Dialog-footerButtons > *')
    );
    expect(actions.map(a => a.textContent)).toEqual([
      'Send by email',
      'Open a ticket',
      'Copy report',
      'Cancel'
    ]);
    expect(actions.map(a => a.classList.contains('jp-mod-accept'))).toEqual([
      true,
      false,
      false,
      false
    ]);
    const [email, ticket] = actions as HTMLAnchorElement[];
    expect(email.getAttribute('href')).toMatch(
      /^mailto:admins@example\.org\?subject=/
    );
    expect(ticket.getAttribute('href')).toBe('https://desk.example.org/new');
    // Each in a new tab: the mailto: link too, so that JupyterLab is never
    // asked to leave the page.
    for (const link of [email, ticket]) {
      expect(link.target).toBe('_blank');
      expect(link.rel).toBe('noopener noreferrer');
    }
  });
});

describe('the report dialog', () => {
  afterEach(() => act(() => Dialog.flush()));

  const footer = () =>
    document.querySelector(
      '.jp-Dialog .jp-Dialog-footer.jp-HubHelp-reportActions'
    )!;
  const button = (name: string) =>
    Array.from(footer().querySelectorAll('a, button')).find(
      b => b.textContent === name
    ) as HTMLElement;

  async function show(
    draft: ReportDraft,
    copy = async (_: string) => undefined
  ) {
    const opened = await session(draft);
    let closed = false;
    const shown = showReportDialog({
      session: opened,
      trans,
      language: 'en',
      copy
    }).then(() => {
      closed = true;
    });
    await act(async () => {
      await new Promise(resolve => setTimeout(resolve, 0));
    });
    return { opened, shown, closed: () => closed };
  }

  function typeDescription(text: string) {
    const area = document.getElementById(
      'jp-HubHelp-report-description'
    ) as HTMLTextAreaElement;
    const setValue = Object.getOwnPropertyDescriptor(
      HTMLTextAreaElement.prototype,
      'value'
    )!.set!;
    act(() => {
      setValue.call(area, text);
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }

  it('has the actions in its footer; copying keeps it open and the report is then cleared', async () => {
    const draft = new ReportDraft();
    const copied: string[] = [];
    const { shown, closed } = await show(draft, async text => {
      copied.push(text);
    });
    typeDescription('It is down');
    await act(async () => {
      button('Copy report').click();
      await new Promise(resolve => setTimeout(resolve, 0));
    });
    expect(copied).toHaveLength(1);
    expect(copied[0]).toContain('It is down');
    expect(footer().querySelector('[role="status"]')!.textContent).toBe(
      'Copied to the clipboard.'
    );
    expect(closed()).toBe(false);
    await act(async () => {
      button('Close').click();
      await shown;
    });
    expect(closed()).toBe(true);
    expect(document.querySelector('.jp-Dialog')).toBeNull();
    expect(draft.values.description).toBe('');
  });

  it('keeps what was typed when cancelled, for the next opening', async () => {
    const draft = new ReportDraft();
    const first = await show(draft);
    typeDescription('Still down');
    await act(async () => {
      button('Cancel').click();
      await first.shown;
    });
    await show(draft);
    expect(
      (
        document.getElementById(
          'jp-HubHelp-report-description'
        ) as HTMLTextAreaElement
      ).value
    ).toBe('Still down');
  });

  it('lets Enter end a line and never closes on it', async () => {
    const { closed } = await show(new ReportDraft());
    const area = document.getElementById('jp-HubHelp-report-description')!;
    const enter = new KeyboardEvent('keydown', {
      key: 'Enter',
      bubbles: true,
      cancelable: true
    });
    act(() => {
      area.dispatchEvent(enter);
    });
    expect(enter.defaultPrevented).toBe(false);
    const select = document.getElementById('jp-HubHelp-report-category')!;
    act(() => {
      select.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })
      );
    });
    await act(async () => {
      await new Promise(resolve => setTimeout(resolve, 0));
    });
    expect(closed()).toBe(false);
  });
});
