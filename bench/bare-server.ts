/**
 * The limit for pages: a bare node:http server answering each URL with the bytes and the headers
 * Dossier's warm answer had (status line aside, everything but Date and the connection's own:
 * the CSP and other security headers, Cache-Control, ETag, Vary, a request id, and for a reader
 * who takes brotli the brotli bytes with their Content-Encoding), held in memory, nothing else.
 * Run by bench/run.ts in its own process: `node bench/bare-server.ts <answers.json> <port>`;
 * prints "ready" when listening.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

export interface RecordedAnswer {
  /** Names and values in the order Dossier sent them, flat, as `writeHead` takes them. */
  headers: string[];
  /** The body, base64. */
  body: string;
}

/** Per URL: the plain answer, and the brotli one when Dossier gave one. */
export type RecordedPages = Record<string, { identity: RecordedAnswer; br: RecordedAnswer | null }>;

interface Answer {
  headers: string[];
  body: Buffer;
}

const [file, port] = process.argv.slice(2);
if (file && port) {
  const recorded = JSON.parse(readFileSync(file, 'utf8')) as RecordedPages;
  const load = (a: RecordedAnswer): Answer => ({
    headers: a.headers,
    body: Buffer.from(a.body, 'base64'),
  });
  const answers = new Map(
    Object.entries(recorded).map(([url, page]) => [
      url,
      { identity: load(page.identity), br: page.br ? load(page.br) : null },
    ]),
  );
  createServer((req, res) => {
    const page = answers.get(req.url ?? '');
    if (!page) {
      res.writeHead(404).end();
      return;
    }
    const answer =
      page.br && req.headers['accept-encoding']?.includes('br') ? page.br : page.identity;
    res.writeHead(200, answer.headers);
    res.end(answer.body);
  }).listen(Number(port), '127.0.0.1', () => process.stdout.write('ready\n'));
}
