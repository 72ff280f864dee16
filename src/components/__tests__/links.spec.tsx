import * as React from 'react';

import { HelpPanel } from '../HelpPanel';
import { SafeLink } from '../SafeLink';
import { modelWith, render, trans } from './render';

function link(href: string) {
  const container = render(<SafeLink href={href}>Where to go</SafeLink>);
  return { container, a: container.querySelector('a') };
}

describe('SafeLink', () => {
  it.each(['javascript:alert(1)', '/\t/evil.example/x', '//evil.example/x'])(
    'shows %p as text, without a link',
    href => {
      const { container, a } = link(href);
      expect(a).toBeNull();
      expect(container.textContent).toBe('Where to go');
      expect(container.querySelector('[href]')).toBeNull();
    }
  );

  it('opens a link to another origin in a new tab, without access to this page', () => {
    const { a } = link('https://other.example/help');
    expect(a!.getAttribute('href')).toBe('https://other.example/help');
    expect(a!.getAttribute('target')).toBe('_blank');
    expect(a!.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it.each(['/hub/home', `${window.location.origin}/hub/home`])(
    'opens %p, on this origin, in place',
    href => {
      const { a } = link(href);
      expect(a!.getAttribute('href')).toBe(href);
      expect(a!.hasAttribute('target')).toBe(false);
    }
  );

  it('opens a mailto: link in a new tab, so that JupyterLab never has to leave', () => {
    const { a } = link('mailto:help@example.org');
    expect(a!.getAttribute('href')).toBe('mailto:help@example.org');
    expect(a!.getAttribute('target')).toBe('_blank');
    expect(a!.getAttribute('rel')).toBe('noopener noreferrer');
  });
});

describe('the organisation logo', () => {
  async function logo(logoUrl: string) {
    const { model, commands } = await modelWith({
      org: { name: 'Riverbend', logo_url: logoUrl }
    });
    // The format accepts it: the panel is what must refuse it.
    expect(model.metadata.org?.logo_url).toBe(logoUrl);
    const container = render(
      <HelpPanel model={model} trans={trans} commands={commands} />
    );
    return container.querySelector('img');
  }

  it('is shown from an https address', async () => {
    const img = await logo('https://cdn.example.org/logo.png');
    expect(img!.getAttribute('src')).toBe('https://cdn.example.org/logo.png');
  });

  it('is not shown from a mailto: address, which is a link but no image', async () => {
    expect(await logo('mailto:logo@example.org')).toBeNull();
  });
});
