import * as React from 'react';
import { act } from 'react';

import { HelpPanel } from '../HelpPanel';
import { isolating, modelWith, render, trans } from './render';

const NAME = 'أمينة الحسن';
const HOURS = 'الأحد–الخميس، 08:00–16:00 UTC';
const LABEL = 'مسؤول المنصة';
const HUB = 'منصة النهر 🌊';

const settings = {
  hub: { name: HUB },
  announcements: [{ id: 'a1', text: '🌊 صيانة مجدولة 18:00–20:00 UTC' }],
  roles: {
    'hub-administrator': {
      label: LABEL,
      channels: [{ kind: 'email', address: 'admins@example.org', hours: HOURS }]
    }
  },
  people: [
    {
      name: NAME,
      usernames: ['amina'],
      roles: ['hub-administrator'],
      contact: { chat: '@amina:matrix.org' }
    }
  ]
};

async function panel(values: { [key: string]: unknown } = settings) {
  const { model, commands } = await modelWith(values);
  return render(<HelpPanel model={model} trans={trans} commands={commands} />);
}

/**
 * The element whose whole text is `text`, among those of `selector`.
 */
function withText(container: HTMLElement, selector: string, text: string) {
  return Array.from(container.querySelectorAll(selector)).find(
    el => el.textContent === text
  );
}

describe('operator text is isolated for direction', () => {
  it('shows an Arabic name and hours each in an isolating element', async () => {
    const container = await panel();
    expect(isolating(container, NAME)).not.toBeNull();
    const hours = withText(container, 'div', `Hours: ${HOURS}`);
    expect(hours).toBeDefined();
    // The translated words stay outside, the hours inside the isolate.
    expect(hours!.querySelector('bdi')!.textContent).toBe(HOURS);
  });

  it('shows the hub name, announcements and role labels isolated', async () => {
    const container = await panel();
    expect(isolating(container, HUB)).not.toBeNull();
    expect(
      isolating(container, '🌊 صيانة مجدولة 18:00–20:00 UTC')
    ).not.toBeNull();
    const heading = withText(container, 'h4', LABEL);
    expect(heading!.querySelector('bdi')!.textContent).toBe(LABEL);
  });

  it('isolates a role label inside a translated sentence', async () => {
    const container = await panel();
    const search = container.querySelector('input[type="search"]')!;
    act(() => {
      const setValue = Object.getOwnPropertyDescriptor(
        HTMLInputElement.prototype,
        'value'
      )!.set!;
      setValue.call(search, 'add user');
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const badge = withText(
      container,
      '.jp-HubHelp-badge',
      `Handled by: ${LABEL}`
    );
    expect(badge).toBeDefined();
    expect(badge!.querySelector('bdi')!.textContent).toBe(LABEL);
  });

  it('shows a chat handle as isolated text, not as a link', async () => {
    const container = await panel();
    const chat = withText(container, 'span', 'Chat: @amina:matrix.org');
    expect(chat).toBeDefined();
    expect(chat!.querySelector('bdi')!.textContent).toBe('@amina:matrix.org');
    expect(chat!.closest('a')).toBeNull();
  });

  it('isolates the JSON path of a configuration problem, with no invisible characters in the text', async () => {
    const container = await panel({
      people: [{ name: NAME, roles: ['no-such-role'] }]
    });
    const problem = container.querySelector('.jp-HubHelp-problem')!;
    expect(problem.textContent).toMatch(/^hub help settings, \$\.people\[0]/);
    expect(problem.textContent).not.toMatch(/[\u2068\u2069]/);
    const path = Array.from(problem.querySelectorAll('bdi')).map(
      b => b.textContent
    );
    expect(path.some(p => p!.startsWith('$.people[0]'))).toBe(true);
  });
});
