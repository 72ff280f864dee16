import * as React from 'react';

import { People } from '../People';
import { byName, click, nameOf, plain, press, type } from './interact';
import { ADMINS, largeHub } from './largeHub';
import { modelWith, render, trans } from './render';

async function people(settings: { [key: string]: unknown } = largeHub) {
  const { model } = await modelWith(settings);
  return render(<People model={model} trans={trans} />);
}

function role(container: HTMLElement, id: string): HTMLElement {
  return container.querySelector<HTMLElement>(`[data-role="${id}"]`)!;
}

const names = (root: Element) =>
  Array.from(root.querySelectorAll('.jp-HubHelp-personName')).map(
    el => el.textContent
  );

describe('People at any size', () => {
  it(`shows 5 of a role of ${ADMINS} people and "Show all ${ADMINS}", saying how many are hidden`, async () => {
    const admins = role(await people(), 'hub-administrator');
    expect(names(admins)).toEqual([
      'Amara Okafor',
      'Tomás Ruiz',
      'Lin Wei',
      'Volunteer 4',
      'Volunteer 5'
    ]);
    const [button] = byName(admins, 'button', `Show all ${ADMINS} (45 more)`);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    const list = document.getElementById(button.getAttribute('aria-controls')!);
    expect(list!.tagName).toBe('UL');
    expect(nameOf(list!)).toBe('Hub Administrator');
  });

  it('shows everyone after "Show all", and the first 5 again after "Show fewer"', async () => {
    const admins = role(await people(), 'hub-administrator');
    await click(byName(admins, 'button', `Show all ${ADMINS} (45 more)`)[0]);
    expect(names(admins)).toHaveLength(ADMINS);
    expect(names(admins)[ADMINS - 1]).toBe(`Volunteer ${ADMINS}`);
    const [fewer] = byName(admins, 'button', 'Show fewer');
    expect(fewer.getAttribute('aria-expanded')).toBe('true');
    await click(fewer);
    expect(names(admins)).toHaveLength(5);
  });

  it('finds "Okafor" with a labelled filter, and says how many match', async () => {
    const admins = role(await people(), 'hub-administrator');
    const [filter] = byName(
      admins,
      'input',
      'Find a person: Hub Administrator'
    ) as HTMLInputElement[];
    const status = admins.querySelector('[role="status"]')!;
    expect(status.textContent).toBe('');

    type(filter, 'Okafor');
    expect(names(admins)).toEqual(['Amara Okafor']);
    expect(status.textContent).toBe(`1 of ${ADMINS} matches`);
    expect(admins.querySelector('.jp-HubHelp-more')).toBeNull();

    type(filter, 'TOMAS');
    expect(names(admins)).toEqual(['Tomás Ruiz']);

    type(filter, 'volunteer');
    expect(names(admins)).toHaveLength(5);
    expect(status.textContent).toBe(`${ADMINS - 3} of ${ADMINS} match`);
    expect(
      byName(admins, 'button', `Show all ${ADMINS - 3} (42 more)`)
    ).toHaveLength(1);

    type(filter, 'nobody by that name');
    expect(names(admins)).toEqual([]);
    expect(status.textContent).toBe(`0 of ${ADMINS} match`);

    press(filter, 'Escape');
    expect(filter.value).toBe('');
    expect(names(admins)).toHaveLength(5);
  });

  it('offers neither a filter nor "Show all" to a role of two', async () => {
    const reps = role(await people(), 'community-representative');
    expect(names(reps)).toEqual(['Amara Okafor', 'Tomás Ruiz']);
    expect(reps.querySelector('input, button.jp-HubHelp-more')).toBeNull();
  });

  it('keeps the empty state of a role with nobody listed', async () => {
    const reps = role(await people({}), 'community-representative');
    expect(reps.querySelector('.jp-HubHelp-empty')!.textContent).toBe(
      "No Community Representative is listed: ask your hub's operator to add one to the hub help settings."
    );
  });

  it("tells a user to reach the operator's support desk through the representatives", async () => {
    const operator = role(await people(), 'operator');
    expect(plain(operator.textContent)).toContain(
      'Accepts requests from: Community Representative. Go through them.'
    );
  });
});
