import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';

/** Every file of an export, relative path → bytes; Pagefind's gzipped files are unpacked. */
export function exportedFiles(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.set(relative(dir, full), unpack(readFileSync(full)));
    }
  };
  walk(dir);
  return out;
}

function unpack(bytes: Buffer): Buffer {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return gunzipSync(bytes);
  } catch {
    return bytes;
  }
}

export interface Fetched {
  url: string;
  status: number;
  from: string;
}

/**
 * Follows every link of the served export (pages, feeds, sitemaps), the way a reader or a
 * harvester would, mapping the archive's public address onto the static server.
 */
export async function crawlStatic(
  origin: string,
  publicUrl: string,
  starts: string[],
): Promise<Fetched[]> {
  const seen = new Set<string>();
  const queue = starts.map((path) => ({ path, from: '(start)' }));
  const out: Fetched[] = [];
  while (queue.length > 0) {
    const { path, from } = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const res = await fetch(`${origin}${path}`, { redirect: 'manual' });
    out.push({ url: path, status: res.status, from });
    const type = res.headers.get('content-type') ?? '';
    if (res.status !== 200 || !/html|xml|json|text\/plain/.test(type)) {
      await res.body?.cancel();
      continue;
    }
    const body = await res.text();
    // A IIIF document's ids name canvases and annotations as well as files: not links to follow.
    // Its files are reached from the scene's page (and the tiles from info.json, by the export).
    if (!type.includes('html') && path.startsWith('/iiif/')) continue;
    const links = type.includes('html')
      ? cheerio
          .load(body)('a[href], link[href], img[src], script[src], form[action]')
          .map((_, el) => el.attribs.href ?? el.attribs.src ?? el.attribs.action ?? '')
          .get()
      : [...body.matchAll(/https?:\/\/[^\s"'<>\\]+/g)].map((m) => m[0].replace(/&amp;/g, '&'));
    for (const link of links) {
      const url = new URL(link, `${publicUrl}${path}`);
      if (url.origin !== new URL(publicUrl).origin) continue;
      // Query strings are the browser's business (the search page reads ?q=); the file is the path.
      if (!seen.has(url.pathname)) queue.push({ path: url.pathname, from: path });
    }
  }
  return out;
}
