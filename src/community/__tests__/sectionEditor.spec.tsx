import * as React from 'react';

import { click, leave, press, type } from '../../components/__tests__/interact';
import { modelWith, render, trans } from '../../components/__tests__/render';
import type { ISectionState } from '../../hub/community';
import { HubHelpModel } from '../../model';
import { SectionEditor } from '../SectionEditor';
import { SectionService, SectionSession } from '../sectionSession';
import { CommunitySection } from '../sectionSession';

/**
 * One section kept in memory as the service keeps it: revisions, and a save
 * at the revision it was read at.
 */
class MemorySection implements SectionService {
  constructor(public value: unknown = null) {}
  saves: unknown[] = [];
  revision = 0;

  async section(section: CommunitySection): Promise<ISectionState> {
    return {
      section,
      value: this.value,
      revision: this.revision,
      updatedBy: null,
      updatedAt: null,
      etag: `"${this.revision}"`
    };
  }

  save: SectionService['save'] = async (section, value, etag) => {
    this.saves.push(value);
    this.value = value;
    this.revision++;
    return { kind: 'saved', state: await this.section(section) };
  };
}

async function editor(section: CommunitySection, value: unknown = null) {
  const { model } = await modelWith({
    people: [
      {
        name: 'Amara Okafor',
        roles: ['community-representative'],
        usernames: ['amara']
      }
    ]
  });
  const service = new MemorySection(value);
  const session = new SectionSession({
    service,
    section,
    shown: model.metadata,
    onSaved: () => undefined
  });
  const container = render(
    <SectionEditor
      session={session}
      model={model}
      trans={trans}
      language="en"
    />
  );
  await click(container); // Let the first read settle.
  return { container, service, model };
}

const field = (container: HTMLElement, label: string) =>
  Array.from(container.querySelectorAll('label'))
    .filter(l => l.textContent === label)
    .map(l => document.getElementById(l.htmlFor) as HTMLInputElement);

const button = (container: HTMLElement, name: string) =>
  Array.from(container.querySelectorAll('button')).find(
    b => (b.getAttribute('aria-label') ?? b.textContent) === name
  )!;

describe('the people form', () => {
  let model: HubHelpModel;
  afterEach(() => model?.dispose());

  it('catches a wrong email beside its field, and saves nothing until it is fixed', async () => {
    const made = await editor('people');
    model = made.model;
    const { container, service } = made;
    const [email] = field(container, 'Email');
    expect(email.value).toBe('');
    type(email, 'amara-at-riverbend');
    // Not called wrong while it is being typed.
    expect(email.getAttribute('aria-invalid')).toBeNull();
    leave(email);
    const problems = document.getElementById(
      email.getAttribute('aria-describedby')!.split(' ').pop()!
    )!;
    expect(problems.textContent).toBe('is not an email address');
    expect(email.getAttribute('aria-invalid')).toBe('true');

    await click(button(container, 'Save'));
    expect(service.saves).toEqual([]);
    expect(container.querySelector('[role="alert"]')!.textContent).toBe(
      'Nothing was saved: 1 problem is marked in the form.'
    );
    expect(document.activeElement).toBe(email);

    type(email, 'amara@riverbend.example.org');
    await click(button(container, 'Save'));
    expect(service.saves).toEqual([
      [
        {
          name: 'Amara Okafor',
          roles: ['community-representative'],
          usernames: ['amara'],
          contact: { email: 'amara@riverbend.example.org' }
        }
      ]
    ]);
  });

  it('adds a person with roles picked by their labels and a username chip, shown in the preview', async () => {
    const made = await editor('people');
    model = made.model;
    const { container, service } = made;
    await click(button(container, 'Add a person'));
    // The new card's first field has the focus.
    const name = document.activeElement as HTMLInputElement;
    expect(field(container, 'Name')[1]).toBe(name);
    type(name, 'Nia Bello');
    const card = container.querySelectorAll('[data-card]')[1] as HTMLElement;
    const tick = (label: string) =>
      Array.from(card.querySelectorAll('label'))
        .find(l => l.textContent === label)!
        .querySelector('input')!;
    await click(tick('Community Representative'));
    await click(tick('Hub Administrator'));
    const chips = field(card, 'Hub usernames')[0];
    type(chips, 'nia');
    press(chips, 'Enter');
    expect(button(card, 'Remove username nia')).toBeDefined();

    const preview = container.querySelector('[aria-label="Preview"]')!;
    expect(preview.textContent).toContain('Nia Bello');

    await click(button(container, 'Save'));
    expect(service.saves).toEqual([
      [
        expect.objectContaining({ name: 'Amara Okafor' }),
        {
          name: 'Nia Bello',
          roles: ['community-representative', 'hub-administrator'],
          usernames: ['nia']
        }
      ]
    ]);
  });

  it('moves a person down with the keyboard, keeping the focus on the moved card', async () => {
    const made = await editor('people', [
      { name: 'Ana', roles: ['hub-administrator'] },
      { name: 'Bo', roles: ['hub-administrator'] }
    ]);
    model = made.model;
    const { container, service } = made;
    const down = button(container, 'Move Ana down the list');
    down.focus();
    await click(down);
    expect(
      Array.from(container.querySelectorAll('.jp-HubHelp-cardTitle')).map(
        h => h.textContent
      )
    ).toEqual(['Bo', 'Ana']);
    expect(document.activeElement).toBe(
      button(container, 'Move Ana up the list')
    );
    await click(button(container, 'Save'));
    expect(service.saves).toEqual([
      [
        { name: 'Bo', roles: ['hub-administrator'] },
        { name: 'Ana', roles: ['hub-administrator'] }
      ]
    ]);
  });
});

describe('the status note form', () => {
  let model: HubHelpModel;
  afterEach(() => model?.dispose());

  it('stores when it clears itself, and the preview shows it as users will', async () => {
    const made = await editor('status');
    model = made.model;
    const { container, service } = made;
    type(field(container, 'Text')[0], 'Servers start slowly today');
    const hour = Array.from(container.querySelectorAll('label'))
      .find(l => l.textContent === '1 hour')!
      .querySelector('input')!;
    const before = Date.now();
    await click(hour);
    expect(
      container.querySelector(
        '[aria-label="Preview"] .jp-HubHelp-announcement'
      )!.textContent
    ).toContain('Servers start slowly today');
    await click(button(container, 'Save'));
    const saved = service.saves[0] as { text: string; end: string };
    expect(saved.text).toBe('Servers start slowly today');
    const end = Date.parse(saved.end) - before;
    expect(end).toBeGreaterThanOrEqual(3_600_000);
    expect(end).toBeLessThan(3_600_000 + 60_000);
  });
});
