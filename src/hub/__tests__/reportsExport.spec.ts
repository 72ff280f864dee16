import { hubContext, TOKEN } from '../../__tests__/fixtures';
import { LocalServer, stopAllServers } from '../../__tests__/localServer';
import { HubClient } from '../client';
import { CommunityService } from '../community';
import { RequestError } from '../request';

let server: LocalServer;
let service: CommunityService;

const CSV = "reference,status\r\nR-2,received\r\nR-1,'=1+1\r\n";

beforeEach(async () => {
  server = await LocalServer.start();
  service = new CommunityService(
    new HubClient(hubContext(server.origin), TOKEN),
    'hub-help'
  );
});
afterEach(stopAllServers);

describe("the export of the triager's reports", () => {
  it('reads the CSV the service writes, with the token in the Authorization header only', async () => {
    server.handler = (req, res) =>
      res
        .writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8' })
        .end(CSV);
    expect(await service.reports.exportAll('csv')).toBe(CSV);
    const [request] = server.requests;
    expect(request.url).toBe(
      '/services/hub-help/api/reports/export?format=csv'
    );
    expect(request.url).not.toContain(TOKEN);
    expect(request.headers.authorization).toBe(`token ${TOKEN}`);
  });

  it('reads the JSON export as the text to save', async () => {
    const body = '{"reports": [], "exportedAt": "2026-12-07T10:00:00Z"}';
    server.handler = (req, res) =>
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(body);
    expect(await service.reports.exportAll('json')).toBe(body);
  });

  it('refuses a page that is not a download (a sign-in page in HTML), and a refusal', async () => {
    server.handler = (req, res) =>
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>');
    await expect(service.reports.exportAll('csv')).rejects.toMatchObject({
      kind: 'content-type'
    });
    server.handler = (req, res) =>
      res
        .writeHead(403, { 'Content-Type': 'application/json' })
        .end('{"error": "sign-in-required"}');
    const refused = service.reports.exportAll('csv');
    await expect(refused).rejects.toBeInstanceOf(RequestError);
    await expect(refused).rejects.toMatchObject({ status: 403 });
  });
});
