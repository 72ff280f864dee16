/**
 * The "I want to…" section as a person uses it: typing, reading the marks
 * and keywords, opening and closing categories.
 */
import * as React from 'react';
import { act } from 'react';

import { TaskFinder } from '../TaskFinder';
import { modelWith, render, trans } from './render';

async function finder(): Promise<HTMLElement> {
  const { model, commands } = await modelWith({});
  return render(<TaskFinder model={model} trans={trans} commands={commands} />);
}

const setValue = Object.getOwnPropertyDescriptor(
  HTMLInputElement.prototype,
  'value'
)!.set!;

function type(container: HTMLElement, text: string): void {
  const box = container.querySelector('input[type="search"]')!;
  act(() => {
    setValue.call(box, text);
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function category(container: HTMLElement, name: string): HTMLButtonElement {
  const heading = Array.from(
    container.querySelectorAll('.jp-HubHelp-categoryHeading button')
  ).find(b => b.querySelector('bdi')!.textContent === name);
  return heading as HTMLButtonElement;
}

const taskIds = (container: HTMLElement) =>
  Array.from(container.querySelectorAll('[data-task-id]')).map(li =>
    li.getAttribute('data-task-id')
  );

describe('TaskFinder', () => {
  it('lists the install task first for "instal pakage", its matches marked', async () => {
    const container = await finder();
    type(container, 'instal pakage');
    expect(taskIds(container)[0]).toBe('install-package');
    const title = container.querySelector(
      '[data-task-id="install-package"] .jp-HubHelp-taskTitle'
    )!;
    expect(title.textContent).toBe('Install a package for myself');
    const marks = Array.from(title.querySelectorAll('bdi > mark'));
    expect(marks.map(m => m.textContent)).toEqual(['Instal', 'package']);
    expect(marks.every(m => m.className === 'jp-HubHelp-match')).toBe(true);
  });

  it('says which keyword found a task', async () => {
    const container = await finder();
    type(container, 'pip');
    const task = container.querySelector('[data-task-id="install-package"]')!;
    expect(task.querySelector('.jp-HubHelp-matchedKeywords')!.textContent).toBe(
      'matches: pip'
    );
    expect(task.querySelectorAll('mark')).toHaveLength(0);
  });

  it('opens categories while searching, and keeps one closed as the query changes', async () => {
    const container = await finder();
    type(container, 'pack');
    const packages = () => category(container, 'Packages and environment');
    expect(packages().getAttribute('aria-expanded')).toBe('true');
    expect(taskIds(container)).toContain('install-package');

    act(() => packages().click());
    expect(packages().getAttribute('aria-expanded')).toBe('false');
    expect(taskIds(container)).not.toContain('install-package');

    type(container, 'package');
    expect(packages().getAttribute('aria-expanded')).toBe('false');
    act(() => packages().click());
    expect(taskIds(container)).toContain('install-package');
  });

  it('forgets the closed categories once the search is emptied', async () => {
    const container = await finder();
    type(container, 'package');
    act(() => category(container, 'Packages and environment').click());
    type(container, '');
    // Browsing: every category starts closed.
    expect(taskIds(container)).toEqual([]);
    type(container, 'package');
    expect(
      category(container, 'Packages and environment').getAttribute(
        'aria-expanded'
      )
    ).toBe('true');
  });

  it('opens a category while browsing', async () => {
    const container = await finder();
    act(() => category(container, 'My server').click());
    expect(taskIds(container)).toEqual([
      'restart-server',
      'hub-control-panel',
      'restart-kernel'
    ]);
  });
});
