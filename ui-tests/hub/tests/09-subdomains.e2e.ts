import { expect, openPanel, pageToken, serviceUrl, test } from './fixtures';

/**
 * A hub that gives each user's server a subdomain of its own: the panel asks
 * the hub about the viewer through its own server (the server extension at
 * hub-help/api/hub/) and calls the hub help service on its own host; a page
 * on another user's server gets nothing from either in the viewer's name.
 */
test.describe('A hub with a subdomain for each user', () => {
  test("zoe's page gets nothing from amara's server nor, in amara's name, from the service", async ({
    hub,
    logInAs
  }) => {
    const amara = await logInAs('amara');
    const zoe = await logInAs('zoe');
    expect(new URL(zoe.url()).hostname).toBe('zoe.localhost');
    const panel = await openPanel(zoe);
    await expect(panel.getByText('Signed in as zoe')).toBeVisible();
    await expect(panel.locator('.jp-HubHelp-updated')).toContainText(
      'Updated at'
    );

    const amaraServer = new URL('/user/amara/', amara.url()).href;
    const service = await serviceUrl(zoe);
    const asked = await zoe.evaluate(
      async ({ token, amaraServer, service }) => {
        const status = (request: Promise<Response>) =>
          request.then(
            async r => `${r.status} ${(await r.text()).includes('amara')}`,
            () => 'blocked'
          );
        const headers = { Authorization: `token ${token}` };
        return {
          // zoe's own server, with zoe's token: the hub's answer about zoe.
          own: await status(
            fetch('/user/zoe/hub-help/api/hub/user', { headers })
          ),
          // amara's server, with zoe's token: refused, or not readable.
          amaras: await status(
            fetch(`${amaraServer}hub-help/api/hub/user`, { headers })
          ),
          // The service answers zoe's own server about zoe.
          service: await status(fetch(`${service}api/me`, { headers }))
        };
      },
      { token: await pageToken(zoe), amaraServer, service }
    );
    expect(asked.own).toBe('200 false');
    expect(['blocked', '403 false']).toContain(asked.amaras);
    expect(asked.service).toBe('200 false');

    // amara's page token, taken to zoe's server's extension, is refused there.
    const refused = await amara.evaluate(
      async ({ token, zoeServer }) =>
        fetch(`${zoeServer}hub-help/api/hub/user`, {
          headers: { Authorization: `token ${token}` }
        }).then(
          r => String(r.status),
          () => 'blocked'
        ),
      {
        token: await pageToken(amara),
        zoeServer: new URL('/user/zoe/', zoe.url()).href
      }
    );
    expect(['blocked', '403']).toContain(refused);
    expect(hub.info.subdomains).toBe(true);
  });
});
