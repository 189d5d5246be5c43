/**
 * The limit: a bare node:http server answering each URL with the bytes Dossier answered it
 * with (same status, type and length), nothing else. Run by bench/run.ts in its own process:
 * `node bench/bare-server.ts <pages.json> <port>`; prints "ready" when listening.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [file, port] = process.argv.slice(2);
const pages = JSON.parse(readFileSync(file!, 'utf8')) as Record<
  string,
  { type: string; body: string }
>;
const bodies = new Map(
  Object.entries(pages).map(([url, p]) => [
    url,
    { type: p.type, body: Buffer.from(p.body, 'base64') },
  ]),
);
createServer((req, res) => {
  const page = bodies.get(req.url ?? '');
  if (!page) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': page.type, 'content-length': page.body.byteLength });
  res.end(page.body);
}).listen(Number(port), '127.0.0.1', () => process.stdout.write('ready\n'));
