/**
 * Long lists render only the rows on screen: a role of 20,000 people and a
 * category of 600 tasks, in a 600-pixel panel.
 */
import * as React from 'react';
import { act } from 'react';

import { People } from '../People';
import { TaskFinder } from '../TaskFinder';
import { WINDOW_ABOVE } from '../VirtualRows';
import { byName, click, type } from './interact';
import { ADMINS, largeHub } from './largeHub';
import { modelWith, render, trans } from './render';
import { ScrollingBox, scrollTo } from './scrollingBox';

const PEOPLE = 20000;
const TASKS = 600;
/**
 * Rows on a 600-pixel screen, with a few beyond each edge.
 */
const MAX_ROWS = 30;

const crew = {
  roles: { crew: { label: 'Crew', party: 'community' } },
  people: Array.from({ length: PEOPLE }, (_, i) => ({
    name: `Person ${i + 1}`,
    roles: ['crew'],
    ...(i < 3 && { contact: { email: `person${i + 1}@example.org` } })
  }))
};

const tasks = {
  tasks: Array.from({ length: TASKS }, (_, i) => ({
    id: `t${i + 1}`,
    title: `Task ${i + 1}`,
    owner: 'user',
    category: 'Everything'
  }))
};

async function inPanel(
  settings: { [key: string]: unknown },
  View: typeof People | typeof TaskFinder
): Promise<HTMLElement> {
  const { model, commands } = await modelWith(settings);
  return render(
    <ScrollingBox height={600}>
      <View model={model} trans={trans} commands={commands} />
    </ScrollingBox>
  );
}

const names = (root: Element) =>
  Array.from(root.querySelectorAll('.jp-HubHelp-personName')).map(
    el => el.textContent
  );

const rowOf = (root: Element, name: string) =>
  Array.from(root.querySelectorAll('.jp-HubHelp-person')).find(
    li => li.querySelector('.jp-HubHelp-personName')!.textContent === name
  );

afterEach(() => jest.restoreAllMocks());

describe(`a role of ${PEOPLE} people`, () => {
  async function showAll(): Promise<HTMLElement> {
    const panel = await inPanel(crew, People);
    const role = panel.querySelector<HTMLElement>('[data-role="crew"]')!;
    await click(
      byName(role, 'button', `Show all ${PEOPLE} (${PEOPLE - 5} more)`)[0]
    );
    return role;
  }

  it('shows the first people after "Show all", and only those on screen', async () => {
    const role = await showAll();
    const shown = names(role);
    expect(shown.length).toBeLessThanOrEqual(MAX_ROWS);
    expect(shown.slice(0, 3)).toEqual(['Person 1', 'Person 2', 'Person 3']);
    // Each says where it stands in the whole list.
    const first = rowOf(role, 'Person 1')!;
    expect(first.getAttribute('aria-posinset')).toBe('1');
    expect(first.getAttribute('aria-setsize')).toBe(String(PEOPLE));
    // Every item of the list is a list item; the placeholders are hidden.
    const list = role.querySelector('ul')!;
    expect(
      Array.from(list.children).every(
        child =>
          child.tagName === 'LI' &&
          (child.classList.contains('jp-HubHelp-person') ||
            child.getAttribute('aria-hidden') === 'true')
      )
    ).toBe(true);
  });

  it('shows the last person once scrolled to the end', async () => {
    const role = await showAll();
    scrollTo(role, Infinity);
    const shown = names(role);
    expect(shown.length).toBeLessThanOrEqual(MAX_ROWS);
    expect(shown[shown.length - 1]).toBe(`Person ${PEOPLE}`);
    expect(rowOf(role, `Person ${PEOPLE}`)!.getAttribute('aria-posinset')).toBe(
      String(PEOPLE)
    );
    expect(shown).not.toContain('Person 1');
  });

  it('finds a person far down the list with the filter', async () => {
    const panel = await inPanel(crew, People);
    const role = panel.querySelector<HTMLElement>('[data-role="crew"]')!;
    const [filter] = byName(
      role,
      'input',
      'Find a person: Crew'
    ) as HTMLInputElement[];
    type(filter, 'person 19999');
    expect(names(role)).toEqual(['Person 19999']);
    type(filter, '1999');
    // Person 1999, 11999 and 19990 to 19999.
    expect(role.querySelector('[role="status"]')!.textContent).toBe(
      `12 of ${PEOPLE} match`
    );
  });

  it('keeps the row holding the focus while it scrolls away', async () => {
    const role = await showAll();
    const [copy] = byName(role, 'button', 'Copy the address of Person 1');
    act(() => copy.focus());
    scrollTo(role, 500_000);
    expect(document.activeElement).toBe(copy);
    expect(names(role)).toContain('Person 1');
    expect(names(role).length).toBeLessThanOrEqual(MAX_ROWS + 1);

    // Once the focus leaves, the row goes like the others.
    act(() => copy.blur());
    scrollTo(role, 500_001);
    expect(names(role)).not.toContain('Person 1');
  });
});

describe('short lists', () => {
  it(`render every row as before, up to ${WINDOW_ABOVE}`, async () => {
    const panel = await inPanel(largeHub, People);
    const admins = panel.querySelector<HTMLElement>(
      '[data-role="hub-administrator"]'
    )!;
    await click(byName(admins, 'button', `Show all ${ADMINS} (45 more)`)[0]);
    expect(names(admins)).toHaveLength(ADMINS);
    expect(admins.querySelector('.jp-HubHelp-spacer')).toBeNull();
    expect(admins.querySelector('[aria-setsize]')).toBeNull();
  });
});

describe(`a category of ${TASKS} tasks`, () => {
  async function opened(): Promise<HTMLElement> {
    const panel = await inPanel(tasks, TaskFinder);
    const [heading] = byName(
      panel,
      '.jp-HubHelp-categoryHeading button',
      `Everything${TASKS}`
    );
    await click(heading);
    return panel;
  }

  /**
   * Search, and show every match rather than the first 50.
   */
  async function searchAll(panel: HTMLElement, query: string, count: number) {
    type(panel.querySelector<HTMLInputElement>('input[type="search"]')!, query);
    await click(byName(panel, 'button', `Show all ${count} matches`)[0]);
  }

  const ids = (root: Element) =>
    Array.from(root.querySelectorAll('[data-task-id]')).map(li =>
      li.getAttribute('data-task-id')
    );

  it('renders the tasks on screen, and the last one at the end', async () => {
    const panel = await opened();
    expect(ids(panel)[0]).toBe('t1');
    expect(ids(panel).length).toBeLessThanOrEqual(MAX_ROWS);
    scrollTo(panel, Infinity);
    expect(ids(panel)).toContain(`t${TASKS}`);
    expect(ids(panel).length).toBeLessThanOrEqual(MAX_ROWS);
  });

  it('keeps a task open while it is scrolled away and back', async () => {
    const panel = await opened();
    const title = () =>
      panel.querySelector('[data-task-id="t2"] .jp-HubHelp-taskTitle')!;
    await click(title());
    expect(title().getAttribute('aria-expanded')).toBe('true');
    act(() => (document.activeElement as HTMLElement).blur());
    scrollTo(panel, 20_000);
    expect(ids(panel)).not.toContain('t2');
    scrollTo(panel, 0);
    expect(title().getAttribute('aria-expanded')).toBe('true');
  });

  it('renders no rows of a category far below the screen', async () => {
    const twice = {
      tasks: tasks.tasks.flatMap(task => [
        task,
        { ...task, id: `${task.id}-more`, category: 'More' }
      ])
    };
    const panel = await inPanel(twice, TaskFinder);
    await searchAll(panel, 'task', 2 * TASKS);
    const more = () => ids(panel).filter(id => id!.endsWith('-more')).length;
    expect(ids(panel)[0]).toBe('t1');
    expect(more()).toBe(0);
    scrollTo(panel, Infinity);
    expect(more()).toBeGreaterThan(0);
    expect(ids(panel)).not.toContain('t1');
    expect(ids(panel).length).toBeLessThanOrEqual(MAX_ROWS);
  });

  it('finds the last task by searching', async () => {
    const panel = await inPanel(tasks, TaskFinder);
    const box = panel.querySelector<HTMLInputElement>('input[type="search"]')!;
    type(box, `Task ${TASKS}`);
    expect(ids(panel)[0]).toBe(`t${TASKS}`);
    await searchAll(panel, 'task', TASKS);
    expect(panel.textContent).toContain(`${TASKS} tasks match`);
    expect(ids(panel).length).toBeLessThanOrEqual(MAX_ROWS);
  });
});
