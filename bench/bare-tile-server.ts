/**
 * The limit for tile serving: a bare node:http server answering each recorded URL with the
 * bytes and the headers Dossier answered it with (Content-Type, Content-Length, ETag,
 * Cache-Control and the rest), held in memory, nothing else. Run by bench/tile-serving.ts in its
 * own process: `node bench/bare-tile-server.ts <responses.json> <port>`; prints "ready" when
 * listening.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

export interface RecordedResponse {
  headers: Record<string, string>;
  /** The body, base64. */
  body: string;
}

const [file, port] = process.argv.slice(2);
const recorded = JSON.parse(readFileSync(file!, 'utf8')) as Record<string, RecordedResponse>;
const answers = new Map(
  Object.entries(recorded).map(([url, r]) => [
    url,
    { headers: r.headers, body: Buffer.from(r.body, 'base64') },
  ]),
);
createServer((req, res) => {
  const answer = answers.get(req.url ?? '');
  if (!answer) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, answer.headers);
  res.end(answer.body);
}).listen(Number(port), '127.0.0.1', () => process.stdout.write('ready\n'));
