import * as React from 'react';

import { collectDiagnostics } from '../../report';
import { ReportForm } from '../ReportDialog';
import { isolating, modelWith, render, trans } from './render';

const LABEL = 'مسؤول المنصة';
const RESPONSE = 'خلال يوم عمل واحد';

async function dialog() {
  const { model } = await modelWith({
    roles: {
      'hub-administrator': {
        label: LABEL,
        channels: [
          {
            kind: 'email',
            address: 'admins@example.org',
            responseTime: RESPONSE
          }
        ]
      }
    },
    outageCategories: [{ id: 'slow', label: 'بطء 🐢 منذ 09:00' }]
  });
  const diagnostics = collectDiagnostics({
    hub: model.hub,
    hubUrl: undefined,
    location: window.location,
    now: new Date(),
    jupyterlabVersion: '4.6.4',
    extensionVersion: '0.1.0',
    userAgent: 'jest',
    language: 'en',
    hubVersion: undefined,
    hubAnswers: 'unknown',
    serverAnswers: 'unknown'
  });
  return render(
    <ReportForm
      model={model}
      trans={trans}
      diagnostics={diagnostics}
      checked={new Promise(() => undefined)}
      copy={async () => undefined}
    />
  );
}

describe('the report dialog', () => {
  it('isolates the recipient and the expected answer', async () => {
    const container = await dialog();
    const why = container.querySelector('.jp-HubHelp-why')!;
    expect(why.textContent).toContain(LABEL);
    expect(isolating(why as HTMLElement, LABEL)).not.toBeNull();
    expect(isolating(container, RESPONSE)).not.toBeNull();
    expect(container.textContent).not.toMatch(/[\u2068\u2069]/);
  });

  it('isolates each category in the list', async () => {
    const container = await dialog();
    const option = container.querySelector('option[value="slow"]')!;
    expect(option.textContent).toBe('بطء 🐢 منذ 09:00');
    expect(option.getAttribute('dir')).toBe('auto');
  });

  it('sends by email with a checked mailto: link, in place', async () => {
    const container = await dialog();
    const send = Array.from(container.querySelectorAll('a')).find(
      a => a.textContent === 'Send by email'
    );
    expect(send!.getAttribute('href')).toMatch(
      /^mailto:admins@example\.org\?subject=/
    );
    expect(send!.hasAttribute('target')).toBe(false);
  });
});
