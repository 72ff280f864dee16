import * as React from 'react';

import { Clipboard } from '@jupyterlab/apputils';

import { ContactPointView } from '../Contacts';
import { byName, click } from './interact';
import { largeHub } from './largeHub';
import { isolating, modelWith, render, trans } from './render';

async function contacts(roleId: string) {
  const { model } = await modelWith(largeHub);
  return render(
    <ContactPointView
      point={model.resolver.contactPoint(roleId)!}
      trans={trans}
      language="en"
    />
  );
}

function person(container: HTMLElement, name: string): HTMLElement {
  return Array.from(
    container.querySelectorAll<HTMLElement>('.jp-HubHelp-person')
  ).find(
    li => li.querySelector('.jp-HubHelp-personName')!.textContent === name
  )!;
}

const address = (root: Element) =>
  Array.from(root.querySelectorAll('.jp-HubHelp-addressText')).map(
    el => el.textContent
  );

/**
 * The system clipboard as the page sees it: what was written, or a refusal.
 */
function clipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', {
    value: { writeText: jest.fn(writeText) },
    configurable: true
  });
  return (navigator as any).clipboard.writeText as jest.Mock;
}

afterEach(() => {
  delete (navigator as any).clipboard;
  jest.restoreAllMocks();
});

describe('a person’s contacts', () => {
  it('show the email address as text beside a link that says whom it reaches', async () => {
    const amara = person(await contacts('hub-administrator'), 'Amara Okafor');
    expect(address(amara)).toEqual(['amara.okafor@riverbend.example.org']);
    expect(
      isolating(amara, 'amara.okafor@riverbend.example.org')
    ).not.toBeNull();
    const [email] = byName(amara, 'a', 'Email Amara Okafor');
    expect(email.textContent).toBe('Email');
    expect(email.getAttribute('href')).toBe(
      'mailto:amara.okafor@riverbend.example.org'
    );
    expect(byName(amara, 'a', 'Chat with Amara Okafor')).toHaveLength(1);
  });

  it('name a web page for whom it belongs to', async () => {
    const lin = person(await contacts('hub-administrator'), 'Lin Wei');
    const [page] = byName(lin, 'a', 'Web page of Lin Wei');
    expect(page.getAttribute('href')).toBe(
      'https://riverbend.example.org/people/lin-wei'
    );
    expect(address(lin)).toEqual([]);
  });

  it('copy the address with a labelled button, and say so', async () => {
    const written = clipboard(async () => undefined);
    const amara = person(await contacts('hub-administrator'), 'Amara Okafor');
    const [copy] = byName(amara, 'button', 'Copy the address of Amara Okafor');
    const status = amara.querySelector('[role="status"]')!;
    expect(status.textContent).toBe('');
    await click(copy);
    expect(written).toHaveBeenCalledWith('amara.okafor@riverbend.example.org');
    expect(status.textContent).toBe('Copied');
  });

  it("copy through JupyterLab's clipboard where the Clipboard API refuses", async () => {
    clipboard(() => Promise.reject(new Error('Not allowed')));
    const copied = jest
      .spyOn(Clipboard, 'copyToSystem')
      .mockImplementation(() => undefined);
    const tomas = person(await contacts('hub-administrator'), 'Tomás Ruiz');
    await click(byName(tomas, 'button', 'Copy the address of Tomás Ruiz')[0]);
    expect(copied).toHaveBeenCalledWith('tomas.ruiz@riverbend.example.org');
    expect(tomas.querySelector('[role="status"]')!.textContent).toBe('Copied');
  });

  it('say when the address could not be copied', async () => {
    clipboard(() => Promise.reject(new Error('Not allowed')));
    jest.spyOn(Clipboard, 'copyToSystem').mockImplementation(() => {
      throw new Error('No selection');
    });
    const tomas = person(await contacts('hub-administrator'), 'Tomás Ruiz');
    await click(byName(tomas, 'button', 'Copy the address of Tomás Ruiz')[0]);
    expect(tomas.querySelector('[role="status"]')!.textContent).toBe(
      'Could not copy: select the address instead'
    );
  });
});

describe('an email channel', () => {
  it('keeps its own label, and shows its address with a copy button', async () => {
    const written = clipboard(async () => undefined);
    const desk = await contacts('support-triager');
    const [link] = byName(desk, 'a', 'Email the support desk');
    expect(link.getAttribute('href')).toBe(
      'mailto:support@cloudhost.example.com'
    );
    expect(address(desk)).toEqual(['support@cloudhost.example.com']);
    await click(
      byName(desk, 'button', 'Copy the address of CloudHost support desk')[0]
    );
    expect(written).toHaveBeenCalledWith('support@cloudhost.example.com');
  });

  it('without a label, says whom it reaches', async () => {
    const incidents = await contacts('incident-responder');
    const [link] = byName(incidents, 'a', 'Email Incident Responder');
    expect(link.getAttribute('href')).toBe(
      'mailto:incidents@cloudhost.example.com'
    );
    expect(address(incidents)).toEqual(['incidents@cloudhost.example.com']);
    expect(
      byName(incidents, 'button', 'Copy the address of Incident Responder')
    ).toHaveLength(1);
  });
});
