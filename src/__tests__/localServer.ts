import {
  createServer,
  IncomingHttpHeaders,
  IncomingMessage,
  Server,
  ServerResponse
} from 'http';
import { AddressInfo, Socket } from 'net';

import type { RequestFailure } from '../hub/request';
import { LIMITS } from '../metadata/limits';

/**
 * A request as the server saw it.
 */
export interface IRecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const running = new Set<LocalServer>();

/**
 * A real HTTP server on loopback that records every request and answers
 * with `handler`, which a test may change at any time. `stopAllServers()`
 * (in afterEach) closes every one still running.
 */
export class LocalServer {
  static async start(handler?: Handler): Promise<LocalServer> {
    const server = new LocalServer(handler);
    await new Promise<void>(resolve =>
      server._server.listen(0, '127.0.0.1', resolve)
    );
    running.add(server);
    return server;
  }

  private constructor(handler?: Handler) {
    if (handler) {
      this.handler = handler;
    }
    this._server.on('connection', socket => {
      this._sockets.add(socket);
      socket.on('close', () => this._sockets.delete(socket));
    });
  }

  handler: Handler = (req, res) => res.writeHead(404).end();
  requests: IRecordedRequest[] = [];
  /**
   * Resolves once the client gave up on an answer before its end.
   */
  readonly abandoned: Promise<void> = new Promise(resolve => {
    this._abandon = resolve;
  });

  get origin(): string {
    return `http://127.0.0.1:${(this._server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    running.delete(this);
    // Also ends the connections of answers that never end.
    this._sockets.forEach(socket => socket.destroy());
    await new Promise(resolve => this._server.close(resolve));
  }

  private _abandon!: () => void;
  private _sockets = new Set<Socket>();
  private _server: Server = createServer((req, res) => {
    this.requests.push({
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers
    });
    // A client that gives up mid-answer is expected here.
    res.on('error', () => undefined);
    res.on('close', () => !res.writableFinished && this._abandon());
    this.handler(req, res);
  });
}

export async function stopAllServers(): Promise<void> {
  await Promise.all([...running].map(server => server.stop()));
}

/**
 * An origin where nothing listens: a server's port, once it is closed.
 */
export async function closedOrigin(): Promise<string> {
  const server = await LocalServer.start();
  const { origin } = server;
  await server.stop();
  return origin;
}

export const json =
  (body: unknown, status = 200, headers: { [name: string]: string } = {}) =>
  (req: IncomingMessage, res: ServerResponse): void => {
    res
      .writeHead(status, { 'Content-Type': 'application/json', ...headers })
      .end(JSON.stringify(body));
  };

/**
 * The faults every client must survive, each with the reason it must give.
 * `elsewhere` is another site's origin, for redirects; `abandoned` says the
 * client must stop reading the answer before its end.
 */
export interface IFault {
  name: string;
  handler: (elsewhere: string) => Handler;
  /**
   * What a client names: the kind of failure, and the end of the sentence
   * an administrator reads ("could not be fetched: ...").
   */
  kind: RequestFailure;
  reason: (elsewhere: string) => RegExp | string;
  abandoned?: boolean;
}

const TEN_MB = 10 * 1024 * 1024;

/**
 * The timeout a client gets where the fault is that nothing more comes: long
 * enough for a healthy answer on a loaded machine, short enough for a test.
 */
export const FAULT_TIMEOUT_MS = 1000;

/**
 * Write `total` bytes of a JSON string in chunks, waiting for the client to
 * take each, so that a client that stops reading stops the server too.
 */
function writeHuge(res: ServerResponse, total: number): void {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  let written = 0;
  const pump = () => {
    while (written < total && !res.destroyed) {
      written += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    res.end();
  };
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.write('"');
  pump();
}

export const FAULTS: IFault[] = [
  ...[401, 403, 404, 500].map(status => ({
    name: `HTTP ${status}`,
    handler: () => json({ message: 'no' }, status),
    kind: 'http' as const,
    reason: () => `HTTP ${status}`
  })),
  {
    name: 'invalid JSON',
    handler: () => (req, res) =>
      res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end('{"version": '),
    kind: 'not-json',
    reason: () => /^not JSON: ./
  },
  {
    name: 'an HTML page',
    handler: () => (req, res) =>
      res
        .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        .end('<html><body>Sign in</body></html>'),
    kind: 'content-type',
    reason: () => 'answered text/html, not JSON'
  },
  {
    name: 'a 10 MB body',
    handler: () => (req, res) => writeHuge(res, TEN_MB),
    kind: 'too-large',
    reason: () => `answer larger than ${LIMITS.responseMaxBytes} bytes`,
    abandoned: true
  },
  {
    name: 'a body that never ends',
    handler: () => (req, res) =>
      res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .write('{"version": "5'),
    kind: 'timeout',
    reason: () => `timed out after ${FAULT_TIMEOUT_MS / 1000} s`,
    abandoned: true
  },
  {
    name: 'no answer at all',
    handler: () => () => undefined,
    kind: 'timeout',
    reason: () => `timed out after ${FAULT_TIMEOUT_MS / 1000} s`,
    abandoned: true
  },
  {
    name: 'a redirect to another site',
    handler: elsewhere => (req, res) =>
      res.writeHead(302, { Location: `${elsewhere}/moved${req.url}` }).end(),
    kind: 'redirect-site',
    reason: elsewhere => `redirected to another site ${elsewhere}`
  }
];
