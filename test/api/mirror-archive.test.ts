import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mirrorArchive } from '../../scripts/mirror-archive.ts';
import type { AppContext } from '../../src/core/app-context.ts';
import type { Publication } from '../../src/core/entities.ts';
import { isPubliclyVisible } from '../../src/core/publication-status.ts';
import { createApp } from '../../src/web/app.tsx';
import { describeEachDatabase } from '../support/databases.ts';
import { demoContext } from '../support/demo-context.ts';
import { liveServer } from '../support/live-server.ts';
import { ApiClient, tokenFor } from './api-client.ts';

const SCRIPT = fileURLToPath(new URL('../../scripts/mirror-archive.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const ids = (items: Array<{ id: number }>) => items.map((i) => i.id).sort((a, b) => a - b);

/** Runs the script as a user would, in its own process, with only a URL, a folder and a token. */
function runScript(origin: string, out: string, token: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, SCRIPT, origin, out], {
      env: { PATH: process.env.PATH ?? '', DOSSIER_TOKEN: token },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.resume();
    child.on('error', reject);
    child.on('close', resolve);
  });
}

describeEachDatabase('mirroring the archive through the API', (db) => {
  let ctx: AppContext;
  let server: Awaited<ReturnType<typeof liveServer>>;
  let all: Publication[];
  let visible: Publication[];
  let api: ApiClient;
  const dirs: string[] = [];
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-mirror-'));
    dirs.push(dir);
    return dir;
  };

  beforeAll(async () => {
    ctx = await demoContext(db());
    const app = createApp(ctx);
    server = await liveServer(app);
    api = await ApiClient.open(app);
    all = await ctx.repos.publications.listForEditors({ limit: 10_000 });
    visible = all.filter((p) => isPubliclyVisible(p, ctx.clock.now()));
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** Every file of these publications is in the mirror, and its bytes hash to its name. */
  const expectFiles = async (out: string, publications: Publication[]) => {
    const attachments = await ctx.repos.files.attachmentsOf(publications.map((p) => p.id));
    expect(attachments.length).toBeGreaterThan(0);
    const wanted = new Set(attachments.map((a) => a.file.sha256));
    const present = readdirSync(join(out, 'files')).filter((f) => !f.endsWith('.part'));
    expect(new Set(present)).toEqual(wanted);
    for (const sha of wanted) {
      const bytes = readFileSync(join(out, 'files', sha));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha);
    }
  };

  /** The mirrored publications, each checked against the document's Publication shape. */
  const mirroredPublications = (out: string) =>
    readdirSync(join(out, 'publications'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => {
        const p = readJson<{ id: number; status: string }>(join(out, 'publications', f));
        api.expectShape('Publication', p, f);
        return p;
      });

  /** A mirrored list (people.json, …), each entry checked against its shape. */
  const mirroredList = (out: string, file: string, shape: string) => {
    const items = readJson<Array<{ id: number }>>(join(out, file));
    for (const item of items) api.expectShape(shape, item, `${file} #${item.id}`);
    return items;
  };

  it('mirrors exactly the public archive, with files, for an anonymous caller', async () => {
    const out = folder();
    const summary = await mirrorArchive({ baseUrl: server.origin, outDir: out });
    const publications = mirroredPublications(out);
    expect(ids(publications)).toEqual(ids(visible));
    expect(publications.every((p) => p.status === 'published')).toBe(true);
    expect(summary.publications).toBe(visible.length);
    await expectFiles(out, visible);

    // People, topics and places: those named by public work (places with their parents).
    const listed = visible.filter((p) => p.type !== 'page');
    const records = await Promise.all(listed.map((p) => ctx.repos.publications.findById(p.id)));
    const people = new Set(records.flatMap((r) => r!.contributions.map((c) => c.personId)));
    const topics = new Set(records.flatMap((r) => r!.topicIds));
    const places = await ctx.repos.places.list();
    const placeIds = new Set<number>();
    for (const id of records.flatMap((r) => r!.placeIds)) {
      for (let at: number | null = id; at !== null; ) {
        placeIds.add(at);
        at = places.find((p) => p.id === at)?.parentId ?? null;
      }
    }
    expect(ids(mirroredList(out, 'people.json', 'Person'))).toEqual(
      [...people].sort((a, b) => a - b),
    );
    expect(ids(mirroredList(out, 'topics.json', 'Topic'))).toEqual(
      [...topics].sort((a, b) => a - b),
    );
    expect(ids(mirroredList(out, 'places.json', 'Place'))).toEqual(
      [...placeIds].sort((a, b) => a - b),
    );
    expect(ids(mirroredList(out, 'sections.json', 'Section'))).toEqual(
      ids(await ctx.repos.sections.list()),
    );
    // The demo's drafts exist, and none of them left the server.
    const drafts = all.filter((p) => p.status === 'draft');
    expect(drafts.length).toBeGreaterThan(0);
    for (const d of drafts)
      expect(existsSync(join(out, 'publications', `${d.id}.json`))).toBe(false);
  });

  it('mirrors everything, drafts included, with a read-drafts token, as a separate process', async () => {
    const { token } = await tokenFor(ctx, 'editor', ['read-drafts']);
    const out = folder();
    expect(await runScript(server.origin, out, token)).toBe(0);
    const publications = mirroredPublications(out);
    expect(ids(publications)).toEqual(ids(all));
    expect(publications.some((p) => p.status === 'draft')).toBe(true);
    await expectFiles(out, all);
    for (const [file, shape, repo] of [
      ['people.json', 'Person', ctx.repos.people],
      ['topics.json', 'Topic', ctx.repos.topics],
      ['places.json', 'Place', ctx.repos.places],
      ['sections.json', 'Section', ctx.repos.sections],
    ] as const) {
      expect(ids(mirroredList(out, file, shape))).toEqual(ids(await repo.list()));
    }
    const manifest = readJson<{ publications: number; withToken: boolean }>(
      join(out, 'manifest.json'),
    );
    expect(manifest).toMatchObject({ publications: all.length, withToken: true });
  }, 120_000);
});
