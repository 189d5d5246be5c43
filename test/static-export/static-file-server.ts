import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.atom': 'application/atom+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
};

/**
 * A plain static file server, as a static host behaves: the query string is ignored, a folder
 * answers with its index.html, a folder named without its slash is redirected to it, and a
 * missing file answers 404 with /404.html. No application code.
 */
export async function staticFileServer(
  root: string,
): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (path.split('/').includes('..')) {
      res.writeHead(400).end();
      return;
    }
    let file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    let stat = statOf(file);
    if (stat?.isDirectory()) {
      res.writeHead(301, { Location: `${path}/` }).end();
      return;
    }
    let status = 200;
    if (!stat?.isFile()) {
      status = 404;
      file = join(root, '404.html');
      stat = statOf(file);
      if (!stat) {
        res.writeHead(404).end();
        return;
      }
    }
    res.writeHead(status, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': stat.size,
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function statOf(file: string) {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}
