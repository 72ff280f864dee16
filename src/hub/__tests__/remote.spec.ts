import { IncomingMessage, ServerResponse } from 'http';

import {
  closedOrigin,
  LocalServer,
  stopAllServers
} from '../../__tests__/localServer';
import { describeProblem } from '../../metadata/problems';
import { fetchRemoteDocument, IRemoteCopy, readStoredCopy } from '../remote';

/**
 * Serves whatever the test sets, with an ETag that revalidation honours.
 */
class Document {
  body = '{"hub": {"name": "Served"}}';
  status = 200;
  etag = '"v1"';

  handler = (req: IncomingMessage, res: ServerResponse): void => {
    if (this.etag && req.headers['if-none-match'] === this.etag) {
      res.writeHead(304).end();
      return;
    }
    res.writeHead(this.status, {
      'Content-Type': 'application/json',
      ...(this.etag ? { ETag: this.etag } : {})
    });
    res.end(this.body);
  };
}

describe('fetchRemoteDocument', () => {
  let doc: Document;
  let server: LocalServer;
  let url: string;
  const now = () => new Date('2026-11-21T12:00:00Z');

  beforeEach(async () => {
    doc = new Document();
    server = await LocalServer.start(doc.handler);
    url = `${server.origin}/hub-help.json`;
  });
  afterEach(stopAllServers);

  it('fetches and parses the document, keeping its ETag', async () => {
    const { copy, problem } = await fetchRemoteDocument(url, undefined, {
      now
    });
    expect(problem).toBeUndefined();
    expect(copy).toEqual({
      url,
      document: { hub: { name: 'Served' } },
      etag: '"v1"',
      fetchedAt: '2026-11-21T12:00:00.000Z'
    });
    expect(server.requests[0].headers['if-none-match']).toBeUndefined();
  });

  it('revalidates with If-None-Match and keeps the copy on 304', async () => {
    const first = (await fetchRemoteDocument(url, undefined)).copy!;
    doc.body = 'not used';
    const { copy, problem } = await fetchRemoteDocument(url, first, { now });
    expect(server.requests[1].headers['if-none-match']).toBe('"v1"');
    expect(problem).toBeUndefined();
    expect(copy).toEqual({ ...first, fetchedAt: '2026-11-21T12:00:00.000Z' });
  });

  it('takes the new version when the document changed', async () => {
    const first = (await fetchRemoteDocument(url, undefined)).copy!;
    doc.etag = '"v2"';
    doc.body = '{"hub": {"name": "Changed"}}';
    const { copy } = await fetchRemoteDocument(url, first);
    expect(copy).toMatchObject({
      document: { hub: { name: 'Changed' } },
      etag: '"v2"'
    });
  });

  const previous = (from: string): IRemoteCopy => ({
    url: from,
    document: { hub: { name: 'Last good' } },
    fetchedAt: 'earlier'
  });

  it.each<[string, (d: Document) => void, string]>([
    [
      'an HTTP error',
      d => ((d.status = 500), (d.etag = '')),
      'metadata URL, $: could not be fetched: HTTP 500'
    ],
    [
      'a body that is not JSON',
      d => ((d.body = '{"hub": '), (d.etag = '')),
      'metadata URL, $: is not valid JSON: '
    ],
    [
      'JSON that is not an object',
      d => ((d.body = '["hub"]'), (d.etag = '')),
      'metadata URL, $: must be an object'
    ]
  ])(
    'keeps the last good copy on %s and says why',
    async (_, breakIt, message) => {
      breakIt(doc);
      const { copy, problem } = await fetchRemoteDocument(url, previous(url));
      expect(copy).toEqual(previous(url));
      expect(describeProblem(problem!)).toContain(message);
    }
  );

  it('reports an unreachable server', async () => {
    const closed = `${await closedOrigin()}/hub-help.json`;
    const { copy, problem } = await fetchRemoteDocument(
      closed,
      previous(closed)
    );
    expect(copy).toEqual(previous(closed));
    expect(describeProblem(problem!)).toBe(
      'metadata URL, $: could not be fetched: no answer'
    );
  });

  it('does not reuse a copy of another URL', async () => {
    doc.status = 404;
    doc.etag = '';
    const { copy } = await fetchRemoteDocument(
      url,
      previous('https://elsewhere.example.org/x.json')
    );
    expect(copy).toBeUndefined();
  });

  it('fetches only http and https URLs', async () => {
    const { copy, problem } = await fetchRemoteDocument(
      'file:///etc/hub-help.json',
      undefined
    );
    expect(copy).toBeUndefined();
    expect(describeProblem(problem!)).toBe(
      'metadata URL, $: could not be fetched: not an http or https URL'
    );
  });

  it('follows a redirect on the same site', async () => {
    const serve = doc.handler;
    server.handler = (req, res) =>
      req.url === '/old.json'
        ? res.writeHead(301, { Location: '/hub-help.json' }).end()
        : serve(req, res);
    const { copy, problem } = await fetchRemoteDocument(
      `${server.origin}/old.json`,
      undefined
    );
    expect(problem).toBeUndefined();
    expect(copy!.document).toEqual({ hub: { name: 'Served' } });
  });
});

describe('readStoredCopy', () => {
  const copy = {
    url: 'https://hub.example.org/hub-help.json',
    document: { hub: { name: 'Stored' } },
    etag: '"v1"',
    fetchedAt: '2026-11-21T12:00:00.000Z'
  };

  it('takes a copy of the right shape', () => {
    expect(readStoredCopy(copy)).toEqual(copy);
  });

  it.each<[string, unknown]>([
    ['nothing', undefined],
    ['a string', 'copy'],
    ['a copy without its URL', { ...copy, url: undefined }],
    ['a copy whose document is not an object', { ...copy, document: [1] }],
    ['a copy whose document is null', { ...copy, document: null }],
    ['a copy with a number as ETag', { ...copy, etag: 1 }]
  ])('refuses %s', (_, value) => {
    expect(readStoredCopy(value)).toBeUndefined();
  });
});
