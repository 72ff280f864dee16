import {
  expect,
  galata,
  IJupyterLabPageFixture,
  test
} from '@jupyterlab/galata';

import { axeFindings } from './axe';
import { signInAs } from './hubUser';
import { PANEL } from './urls';

/**
 * A large community, in the user's own hub help settings (the rest comes from
 * the sample hub's): 50 Hub Administrators, Amara Okafor first, and two
 * Community Representatives, Amara and Tomás Ruiz.
 */
const ADMINS = 50;
const people = [
  {
    name: 'Amara Okafor',
    usernames: ['amara'],
    roles: ['community-representative', 'hub-administrator'],
    contact: { email: 'amara.okafor@riverbend.example.org' }
  },
  {
    name: 'Lin Wei',
    usernames: ['lin'],
    roles: ['hub-administrator'],
    contact: { email: 'lin.wei@riverbend.example.org' }
  },
  {
    name: 'Tomás Ruiz',
    usernames: ['tomas'],
    roles: ['community-representative'],
    contact: { email: 'tomas.ruiz@riverbend.example.org' }
  },
  ...Array.from({ length: ADMINS - 2 }, (_, i) => ({
    name: `Volunteer ${i + 3}`,
    usernames: [`volunteer${i + 3}`],
    roles: ['hub-administrator'],
    contact: { email: `volunteer${i + 3}@riverbend.example.org` }
  }))
];

test.use({
  mockSettings: {
    ...galata.DEFAULT_SETTINGS,
    'jupyterlab-hub-help:plugin': { people }
  },
  permissions: ['clipboard-read', 'clipboard-write']
});

/**
 * Operator text in an accessible name stands between isolates (FSI…PDI).
 */
const isolated = (text: string) => `\u2068${text}\u2069`;

/**
 * Open the panel; its People section.
 */
async function openPeople(page: IJupyterLabPageFixture) {
  await page.sidebar.openTab(PANEL.slice(1));
  const section = page
    .locator(PANEL)
    .getByRole('region', { name: 'People', exact: true });
  await expect(section.getByText('Amara Okafor').first()).toBeVisible();
  return section;
}

test.describe('People at any size', () => {
  test(`a role of ${ADMINS} people shows 5, then "Show all ${ADMINS}", then the filter finds Okafor`, async ({
    page
  }) => {
    const admins = (await openPeople(page)).locator(
      '[data-role="hub-administrator"]'
    );
    const shown = admins.locator('.jp-HubHelp-personName');
    await expect(shown).toHaveCount(5);

    const more = admins.getByRole('button', { name: `Show all ${ADMINS}` });
    await expect(more).toHaveText(`Show all ${ADMINS} (45 more)`);
    await more.click();
    await expect(shown).toHaveCount(ADMINS);
    await expect(shown.last()).toHaveText(`Volunteer ${ADMINS}`);
    await expect(
      admins.getByRole('button', { name: 'Show fewer' })
    ).toHaveAttribute('aria-expanded', 'true');

    const filter = admins.getByLabel('Find a person: Hub Administrator');
    await filter.fill('okafor');
    await expect(shown).toHaveText(['Amara Okafor']);
    await expect(admins.getByRole('status').first()).toHaveText(
      `1 of ${ADMINS} matches`
    );
    await filter.fill('TOMAS');
    await expect(shown).toHaveCount(0);
    await filter.press('Escape');
    await expect(filter).toHaveValue('');
    await expect(shown).toHaveCount(ADMINS);
  });

  test('the opened and filtered role has no accessibility violation', async ({
    page
  }) => {
    const admins = (await openPeople(page)).locator(
      '[data-role="hub-administrator"]'
    );
    await admins.getByRole('button', { name: `Show all ${ADMINS}` }).click();
    await admins.getByLabel('Find a person: Hub Administrator').fill('a');
    await expect(admins.getByRole('status').first()).toHaveText(/ of 50 /);
    expect(await axeFindings(page, PANEL)).toEqual([]);
  });

  test('a role of two has neither a filter nor "Show all"', async ({
    page
  }) => {
    const reps = (await openPeople(page)).locator(
      '[data-role="community-representative"]'
    );
    await expect(reps.locator('.jp-HubHelp-personName')).toHaveText([
      'Amara Okafor',
      'Tomás Ruiz'
    ]);
    await expect(reps.getByRole('searchbox')).toHaveCount(0);
    await expect(reps.getByRole('button', { name: /Show all/ })).toHaveCount(0);
  });
});

test.describe('Contacts', () => {
  test("a person's address is shown and copied; the link says whom it emails", async ({
    page
  }) => {
    const amara = (await openPeople(page))
      .locator('[data-role="hub-administrator"] .jp-HubHelp-person')
      .filter({ hasText: 'Amara Okafor' });
    await expect(
      amara.getByText('amara.okafor@riverbend.example.org')
    ).toBeVisible();
    await expect(
      amara.getByRole('link', { name: `Email ${isolated('Amara Okafor')}` })
    ).toHaveAttribute('href', 'mailto:amara.okafor@riverbend.example.org');

    await amara
      .getByRole('button', {
        name: `Copy the address of ${isolated('Amara Okafor')}`
      })
      .click();
    await expect(amara.getByRole('status')).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'amara.okafor@riverbend.example.org'
    );
  });

  test("the support desk's address is shown and copied", async ({ page }) => {
    const desk = (await openPeople(page))
      .locator('[data-role="operator"] .jp-HubHelp-channel')
      .filter({ hasText: 'Email the support desk' });
    await expect(desk.getByText('support@cloudhost.example.com')).toBeVisible();
    await desk
      .getByRole('button', {
        name: `Copy the address of ${isolated('CloudHost support desk')}`
      })
      .click();
    await expect(desk.getByRole('status')).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'support@cloudhost.example.com'
    );
  });
});

/**
 * Each viewer sees the large role collapsed; only those who hold no role the
 * support desk takes requests from are told to go through the
 * representatives.
 */
const viewers = [
  { viewer: 'a user', username: 'zoe', admin: false, role: '', through: true },
  {
    viewer: 'a Hub Administrator',
    username: 'lin',
    admin: true,
    role: 'As Hub Administrator',
    through: true
  },
  {
    viewer: 'a Community Representative',
    username: 'tomas',
    admin: false,
    role: 'As Community Representative',
    through: false
  }
];

for (const { viewer, username, admin, role, through } of viewers) {
  test(`${viewer} sees "Show all ${ADMINS}" and ${through ? 'is' : 'is not'} sent through the representatives`, async ({
    page
  }) => {
    await signInAs(page, username, admin);
    const panel = page.locator(PANEL);
    const section = await openPeople(page);
    if (role) {
      await expect(
        panel
          .getByRole('region', { name: 'Your role' })
          .getByRole('heading', { name: role })
      ).toBeVisible();
    }
    const admins = section.locator('[data-role="hub-administrator"]');
    await expect(
      admins.getByRole('button', { name: `Show all ${ADMINS}` })
    ).toBeVisible();
    await expect(admins.locator('.jp-HubHelp-personName')).toHaveCount(5);
    await expect(
      section
        .locator('[data-role="operator"]')
        .getByText('Go through them.', { exact: false })
    ).toHaveCount(through ? 1 : 0);
  });
}
