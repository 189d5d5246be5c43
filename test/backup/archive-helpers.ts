import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import tar from 'tar-stream';
import type { Db } from '../../src/infra/db/connect.ts';

/** Every entry of a tar, in order, with its bytes. */
export async function readEntries(path: string): Promise<Array<{ name: string; bytes: Buffer }>> {
  const extract = tar.extract();
  const out: Array<{ name: string; bytes: Buffer }> = [];
  const done = (async () => {
    for await (const entry of extract) {
      const chunks: Buffer[] = [];
      for await (const c of entry) chunks.push(c as Buffer);
      out.push({ name: entry.header.name, bytes: Buffer.concat(chunks) });
    }
  })();
  extract.end(readFileSync(path));
  await done;
  return out;
}

export async function entryMap(path: string): Promise<Map<string, Buffer>> {
  return new Map((await readEntries(path)).map((e) => [e.name, e.bytes]));
}

/** Where an entry's bytes start in the tar file (tar headers are 512 bytes, data padded). */
export function dataOffset(path: string, name: string): number {
  const bytes = readFileSync(path);
  for (let at = 0; at + 512 <= bytes.length; ) {
    const header = bytes.subarray(at, at + 512);
    const entryName = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const size = Number.parseInt(header.subarray(124, 136).toString('utf8').trim() || '0', 8);
    if (entryName === name) return at + 512;
    if (entryName === '') break;
    at += 512 + Math.ceil(size / 512) * 512;
  }
  throw new Error(`no entry ${name}`);
}

/** Row counts of the given tables. */
export async function countRows(
  db: Db,
  tables: readonly string[],
): Promise<Record<string, number>> {
  const k = db.kysely.withoutPlugins();
  const out: Record<string, number> = {};
  for (const t of tables) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(k);
    out[t] = Number(rows[0]?.n ?? 0);
  }
  return out;
}

/** Every file under a folder, recursively, except the store's temporary folder. */
export function filesUnder(dir: string): string[] {
  let found: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  for (const name of names) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'tmp') found = found.concat(filesUnder(p));
    } else found.push(p);
  }
  return found;
}
