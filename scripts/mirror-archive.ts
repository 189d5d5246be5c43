/**
 * Mirrors a Dossier archive through its JSON API, with files, using nothing but `fetch`:
 *
 *   DOSSIER_TOKEN=dsr_… npx tsx scripts/mirror-archive.ts https://archive.example.org ./mirror
 *
 * Without a token it mirrors what the public sees; with a read-drafts token, drafts too. It
 * writes sections.json, people.json, topics.json, places.json, publications/<id>.json, every
 * file under files/<sha256> (checked against its hash), and manifest.json. A file already
 * there with the right hash is not fetched again. A 429 is waited out as Retry-After says.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';

export interface MirrorOptions {
  baseUrl: string;
  outDir: string;
  token?: string;
  /** Only publications changed at or after this instant (ISO 8601). */
  since?: string;
  log?: (line: string) => void;
}

export interface MirrorSummary {
  sections: number;
  people: number;
  topics: number;
  places: number;
  publications: number;
  files: number;
  bytes: number;
}

interface Attachment {
  fileName: string;
  sha256: string;
  byteSize: number;
  url: string;
}

const MAX_ATTEMPTS = 8;

export async function mirrorArchive(options: MirrorOptions): Promise<MirrorSummary> {
  const log = options.log ?? (() => {});
  const base = options.baseUrl.replace(/\/+$/, '');
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;

  const get = async (path: string): Promise<Response> => {
    for (let attempt = 1; ; attempt++) {
      const res = await fetch(`${base}${path}`, { headers });
      if (res.status !== 429 || attempt >= MAX_ATTEMPTS) return res;
      const wait = Number(res.headers.get('Retry-After') ?? '1');
      await res.body?.cancel();
      log(`rate limited; waiting ${wait} s`);
      await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 120) * 1000));
    }
  };
  const getJson = async <T>(path: string): Promise<T> => {
    const res = await get(path);
    if (!res.ok) throw new Error(`GET ${path} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  };
  const save = async (name: string, value: unknown) => {
    const path = join(options.outDir, name);
    await writeFile(`${path}.part`, `${JSON.stringify(value, null, 2)}\n`);
    await rename(`${path}.part`, path);
  };

  await mkdir(join(options.outDir, 'publications'), { recursive: true });
  await mkdir(join(options.outDir, 'files'), { recursive: true });

  const summary: MirrorSummary = {
    sections: 0,
    people: 0,
    topics: 0,
    places: 0,
    publications: 0,
    files: 0,
    bytes: 0,
  };
  for (const kind of ['sections', 'people', 'topics', 'places'] as const) {
    const list = await getJson<{ items: unknown[] }>(`/api/v1/${kind}`);
    await save(`${kind}.json`, list.items);
    summary[kind] = list.items.length;
    log(`${kind}: ${list.items.length}`);
  }

  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ limit: '100' });
    if (options.since) query.set('updated_since', options.since);
    if (cursor) query.set('cursor', cursor);
    const page: { items: Array<{ id: number }>; nextCursor: string | null } = await getJson(
      `/api/v1/publications?${query}`,
    );
    ids.push(...page.items.map((p) => p.id));
    cursor = page.nextCursor;
  } while (cursor);

  const files = new Map<string, Attachment>();
  for (const id of ids) {
    const res = await get(`/api/v1/publications/${id}`);
    // Withdrawn or unpublished since the list was read: it is no longer part of the archive.
    if (res.status === 404 || res.status === 410) {
      await res.body?.cancel();
      continue;
    }
    if (!res.ok) throw new Error(`GET publication ${id} answered ${res.status}`);
    const publication = (await res.json()) as { id: number; attachments: Attachment[] };
    await save(join('publications', `${publication.id}.json`), publication);
    summary.publications += 1;
    for (const a of publication.attachments) files.set(a.sha256, a);
  }
  log(`publications: ${summary.publications}`);

  for (const file of files.values()) {
    const path = join(options.outDir, 'files', file.sha256);
    if ((await hashOf(path)) === file.sha256) {
      summary.files += 1;
      summary.bytes += file.byteSize;
      continue;
    }
    const res = await get(file.url);
    if (!res.ok || !res.body) throw new Error(`GET ${file.url} answered ${res.status}`);
    // The bytes go to disk as they arrive, hashed on the way; only a matching file is kept.
    const hash = createHash('sha256');
    const hashed = async function* (source: AsyncIterable<Uint8Array>) {
      for await (const chunk of source) {
        hash.update(chunk);
        yield chunk;
      }
    };
    await pipeline(
      hashed(res.body as unknown as AsyncIterable<Uint8Array>),
      createWriteStream(`${path}.part`),
    );
    const digest = hash.digest('hex');
    if (digest !== file.sha256) {
      await rm(`${path}.part`, { force: true });
      throw new Error(`${file.url}: the bytes hash to ${digest}, not ${file.sha256}`);
    }
    await rename(`${path}.part`, path);
    summary.files += 1;
    summary.bytes += file.byteSize;
  }
  log(`files: ${summary.files} (${summary.bytes} bytes)`);

  await save('manifest.json', {
    source: base,
    mirroredAt: new Date().toISOString(),
    withToken: Boolean(options.token),
    since: options.since ?? null,
    ...summary,
    publicationIds: ids,
    files: [...files.values()].map((f) => ({ sha256: f.sha256, byteSize: f.byteSize })),
  });
  return summary;
}

async function hashOf(path: string): Promise<string | null> {
  try {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
    return hash.digest('hex');
  } catch {
    return null;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [baseUrl, outDir] = process.argv.slice(2);
  if (!baseUrl || !outDir) {
    console.error('usage: mirror-archive <base-url> <out-dir>   (token in DOSSIER_TOKEN)');
    process.exit(2);
  }
  mirrorArchive({
    baseUrl,
    outDir,
    token: process.env.DOSSIER_TOKEN || undefined,
    since: process.env.DOSSIER_SINCE || undefined,
    log: (line) => console.log(line),
  }).then(
    (s) => console.log(`mirrored ${s.publications} publications and ${s.files} files`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
