import { ServerConnection } from '@jupyterlab/services';

import {
  closedOrigin,
  LocalServer,
  stopAllServers
} from '../../__tests__/localServer';
import { withTimeout } from '../request';
import { serverAnswers } from '../serverStatus';

afterEach(stopAllServers);

const settings = (origin: string) =>
  ServerConnection.makeSettings({ baseUrl: `${origin}/`, appendToken: false });

describe('the server check', () => {
  it('says yes when /api/status answers', async () => {
    const server = await LocalServer.start((req, res) =>
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}')
    );
    expect(await serverAnswers(settings(server.origin))).toBe(true);
    // JupyterLab adds a cache-busting query.
    expect(server.requests.map(r => r.url.split('?')[0])).toEqual([
      '/api/status'
    ]);
  });

  it('says no when the server answers with an error, or not at all', async () => {
    const failing = await LocalServer.start((req, res) =>
      res.writeHead(502).end()
    );
    expect(await serverAnswers(settings(failing.origin))).toBe(false);
    expect(await serverAnswers(settings(await closedOrigin()))).toBe(false);
  });

  it('abandons a request that takes too long', async () => {
    const silent = await LocalServer.start(() => undefined);
    expect(await serverAnswers(settings(silent.origin), 100)).toBe(false);
    await silent.abandoned;
  });
});

describe('withTimeout', () => {
  afterEach(() => jest.useRealTimers());

  it('leaves no timer behind once the request is done', async () => {
    jest.useFakeTimers();
    await expect(withTimeout(1000, async () => 'done')).resolves.toBe('done');
    await expect(
      withTimeout(1000, async () => {
        throw new Error('failed');
      })
    ).rejects.toThrow('failed');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('aborts the signal when the time is up', async () => {
    jest.useFakeTimers();
    const aborted = withTimeout(
      1000,
      signal =>
        new Promise<string>(resolve =>
          signal.addEventListener('abort', () => resolve('aborted'))
        )
    );
    jest.advanceTimersByTime(1000);
    await expect(aborted).resolves.toBe('aborted');
  });
});
