import { createHash } from 'node:crypto';
import { isPublic } from './model.ts';
import type { Runner } from './runner.ts';

/** Headers that belong to one response (when, which request) and differ every time. */
const PER_RESPONSE = new Set(['date', 'x-request-id']);

interface Seen {
  status: number;
  body: string;
  headers: Record<string, string>;
}

/**
 * Reads a handful of anonymous pages until the render cache holds them, lets staff do work the
 * public must not notice (drafts made and edited through the API), and reads them again: the
 * answers, headers and ETags included, must be the same bytes. A header that flips from "hit"
 * to "miss", or a changed ETag, would tell an outsider that unpublished work moved.
 */
export async function probeHeaders(runner: Runner, report: (message: string) => void) {
  const { world, model } = runner;
  const now = world.now();
  const shown = model.pieces.find((p) => isPublic(p, now));
  const hidden = model.pieces.find((p) => !isPublic(p, now) && !p.purged);
  const folder = (p: { section: string; slug: { word: string } }) =>
    `/${p.section}/${p.slug.word}/`;
  const paths = [
    '/',
    '/reports/',
    '/articles/',
    '/people/',
    '/years/',
    '/feed.xml',
    '/sitemap-1.xml',
    '/api/v1/publications?limit=100',
    '/search?q=report',
    ...(shown ? [folder(shown)] : []),
    ...(hidden ? [folder(hidden)] : []),
  ];
  const read = async (): Promise<Map<string, Seen>> => {
    const seen = new Map<string, Seen>();
    for (const path of paths) {
      // As a browser asks: compressed copies are part of what a reader could tell apart.
      const res = await world.anonymous(path, { 'Accept-Encoding': 'gzip, deflate, br' });
      const headers: Record<string, string> = {};
      res.headers.forEach((value, name) => {
        if (!PER_RESPONSE.has(name)) headers[name] = value;
      });
      const body = createHash('sha256')
        .update(Buffer.from(await res.arrayBuffer()))
        .digest('hex');
      seen.set(path, { status: res.status, body, headers });
    }
    return seen;
  };
  // The first reading fills the cache, and compressed copies follow; read until it is settled.
  let before = await read();
  for (let i = 0; i < 10; i++) {
    await pause(200);
    const again = await read();
    if (same(before, again)) break;
    before = again;
  }
  runner.note('   (unpublished work, with the public pages in the cache)');
  await runner.run({
    kind: 'create',
    actor: 'token:write',
    section: 0,
    status: 'draft',
    date: null,
    embargo: null,
    person: 0,
    place: 0,
  });
  await runner.run({ kind: 'edit', actor: 'token:publish', piece: { index: 0, own: false } });
  await runner.run({
    kind: 'create',
    actor: 'token:contrib',
    section: 1,
    status: 'in-review',
    date: -60,
    embargo: null,
    person: 1,
    place: 'none',
  });
  // The render cache drops keys again a moment after a commit; let that moment pass.
  await pause(300);
  const after = await read();
  runner.checking('the header probe');
  // The keys a CDN files a page under name only what the public may see.
  for (const [path, seen] of after) {
    for (const key of (seen.headers['surrogate-key'] ?? '').split(' ')) {
      const id = /^pub:(\d+)$/.exec(key)?.[1];
      const piece = id ? model.pieces.find((p) => p.id === Number(id)) : undefined;
      if (piece && !isPublic(piece, world.now())) {
        report(`LEAK: ${path}'s Surrogate-Key names unpublished piece ${piece.id}`);
      }
    }
  }
  for (const path of paths) {
    const a = before.get(path)!;
    const b = after.get(path)!;
    if (a.status !== b.status || a.body !== b.body) {
      report(`LEAK: ${path} changed (${a.status} → ${b.status}) after unpublished work only`);
      continue;
    }
    for (const name of new Set([...Object.keys(a.headers), ...Object.keys(b.headers)])) {
      if (a.headers[name] !== b.headers[name]) {
        report(
          `LEAK: ${path}'s ${name} header went from ${a.headers[name] ?? '(none)'} to ${b.headers[name] ?? '(none)'} after unpublished work only`,
        );
      }
    }
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function same(a: Map<string, Seen>, b: Map<string, Seen>): boolean {
  return [...a].every(([path, seen]) => JSON.stringify(seen) === JSON.stringify(b.get(path)));
}
