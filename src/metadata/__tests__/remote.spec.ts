import { createServer, IncomingMessage, Server } from 'http';
import { AddressInfo } from 'net';

import { describeProblem } from '../problems';
import { fetchRemoteDocument, IRemoteCopy } from '../remote';

/**
 * A real HTTP server on loopback that serves whatever the test sets.
 */
class DocumentServer {
  body = '{"hub": {"name": "Served"}}';
  status = 200;
  etag = '"v1"';
  delayMs = 0;
  requests: IncomingMessage[] = [];
  private _server: Server = createServer((req, res) => {
    this.requests.push(req);
    setTimeout(() => {
      if (this.etag && req.headers['if-none-match'] === this.etag) {
        res.writeHead(304).end();
        return;
      }
      res.writeHead(this.status, {
        'Content-Type': 'application/json',
        ...(this.etag ? { ETag: this.etag } : {})
      });
      res.end(this.body);
    }, this.delayMs);
  });

  url = '';

  async start(): Promise<void> {
    await new Promise<void>(resolve =>
      this._server.listen(0, '127.0.0.1', resolve)
    );
    this.url = `http://127.0.0.1:${(this._server.address() as AddressInfo).port}/hub-help.json`;
  }

  async stop(): Promise<void> {
    this._server.closeAllConnections();
    await new Promise(resolve => this._server.close(resolve));
  }
}

describe('fetchRemoteDocument', () => {
  let server: DocumentServer;
  const now = () => new Date('2026-11-21T12:00:00Z');

  beforeEach(async () => {
    server = new DocumentServer();
    await server.start();
  });
  afterEach(() => server.stop());

  it('fetches and parses the document, keeping its ETag', async () => {
    const { copy, problem } = await fetchRemoteDocument(server.url, undefined, {
      now
    });
    expect(problem).toBeUndefined();
    expect(copy).toEqual({
      url: server.url,
      document: { hub: { name: 'Served' } },
      etag: '"v1"',
      fetchedAt: '2026-11-21T12:00:00.000Z'
    });
    expect(server.requests[0].headers['if-none-match']).toBeUndefined();
    expect(server.requests[0].headers['authorization']).toBeUndefined();
    expect(server.requests[0].headers['cookie']).toBeUndefined();
  });

  it('revalidates with If-None-Match and keeps the copy on 304', async () => {
    const first = (await fetchRemoteDocument(server.url, undefined)).copy!;
    server.body = 'not used';
    const { copy, problem } = await fetchRemoteDocument(server.url, first, {
      now
    });
    expect(server.requests[1].headers['if-none-match']).toBe('"v1"');
    expect(problem).toBeUndefined();
    expect(copy).toEqual({ ...first, fetchedAt: '2026-11-21T12:00:00.000Z' });
  });

  it('takes the new version when the document changed', async () => {
    const first = (await fetchRemoteDocument(server.url, undefined)).copy!;
    server.etag = '"v2"';
    server.body = '{"hub": {"name": "Changed"}}';
    const { copy } = await fetchRemoteDocument(server.url, first);
    expect(copy).toMatchObject({
      document: { hub: { name: 'Changed' } },
      etag: '"v2"'
    });
  });

  const previous = (url: string): IRemoteCopy => ({
    url,
    document: { hub: { name: 'Last good' } },
    fetchedAt: 'earlier'
  });

  it.each<[string, (s: DocumentServer) => void, string]>([
    [
      'an HTTP error',
      s => ((s.status = 500), (s.etag = '')),
      'metadata URL, $: could not be fetched: HTTP 500'
    ],
    [
      'a body that is not JSON',
      s => ((s.body = '{"hub": '), (s.etag = '')),
      'metadata URL, $: is not valid JSON: '
    ],
    [
      'a timeout',
      s => ((s.delayMs = 500), (s.etag = '')),
      'metadata URL, $: could not be fetched: timed out'
    ]
  ])(
    'keeps the last good copy on %s and says why',
    async (_, breakIt, message) => {
      breakIt(server);
      const { copy, problem } = await fetchRemoteDocument(
        server.url,
        previous(server.url),
        { timeoutMs: 200 }
      );
      expect(copy).toEqual(previous(server.url));
      expect(describeProblem(problem!)).toContain(message);
    }
  );

  it('reports an unreachable server', async () => {
    const url = server.url;
    await server.stop();
    server = new DocumentServer();
    await server.start();
    const { copy, problem } = await fetchRemoteDocument(
      url.replace(/:\d+\//, ':1/'),
      previous(url)
    );
    expect(copy).toBeUndefined();
    expect(describeProblem(problem!)).toMatch(
      /^metadata URL, \$: could not be fetched: /
    );
  });

  it('does not reuse a copy of another URL', async () => {
    server.status = 404;
    const { copy } = await fetchRemoteDocument(
      server.url,
      previous('https://elsewhere.example.org/x.json')
    );
    expect(copy).toBeUndefined();
  });
});
