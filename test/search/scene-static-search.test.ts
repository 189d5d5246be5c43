import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobRunner } from '../../src/cli/job-runners.ts';
import type { WiredContext } from '../../src/context.ts';
import type { PublicationRecord } from '../../src/core/entities.ts';
import { addAnnotation, addScene, SCENE_PREPARE_JOB } from '../../src/features/imagery/index.ts';
import { searchArchive } from '../../src/features/search/search-archive.ts';
import { buildStaticSite } from '../../src/static-export/build-static-site.ts';
import { closePagefind } from '../../src/static-export/pagefind-index.ts';
import { staticFileServer } from '../static-export/static-file-server.ts';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import { browserAvailable, launchBrowser } from '../support/browser.ts';
import { closeTestDatabase, openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { demoContext } from '../support/demo-context.ts';
import { buildPublication } from '../support/factories.ts';
import { placeScene, utmScene } from '../support/scenes.ts';

/**
 * The static export's search finds a piece through its public scene as the server does: by the
 * scene's place in every spelling, by its annotations in both languages; and, like the server,
 * finds nothing of a scene that is not placed.
 */
describe.skipIf(!browserAvailable())('the static export finds scenes as the server does', () => {
  let t: TestDatabase;
  let ctx: WiredContext;
  let out: string;
  let server: Awaited<ReturnType<typeof staticFileServer>>;
  let browser: Browser;
  let quiet: PublicationRecord;

  const scene = async (publicationId: number, caption: string, placeIds: number[]) => {
    const image = await addScene(
      ctx,
      {
        publicationId,
        source: (async function* () {
          yield utmScene();
        })(),
        words: { alt: 'Fields and a river bank', caption, takenOn: '2019-04-17' },
        facts: { illustrative: true, placeIds },
      },
      SYSTEM_ACTOR,
    );
    await createJobRunner(ctx, { kinds: [SCENE_PREPARE_JOB] }).drain();
    return image;
  };

  beforeAll(async () => {
    t = await openTestDatabase('sqlite');
    ctx = await demoContext(t);
    const jongo = (await ctx.repos.places.findBySlug('jongo-ri'))!;
    const reports = (await ctx.repos.sections.findBySlug('reports'))!;
    quiet = await buildPublication(ctx, {
      sectionId: reports.id,
      title: 'Quillwort ledger of a river survey',
      body: 'The ledger lists what the survey saw.',
    });
    const other = await buildPublication(ctx, {
      sectionId: reports.id,
      title: 'Quillwort ledger, second volume',
      body: 'A second ledger.',
    });
    const shown = await scene(quiet.id, 'Survey frame one', [jongo.id]);
    await addAnnotation(
      ctx,
      shown,
      { points: '100,80', label: 'Sluicegate', labelKo: '수문지기' },
      SYSTEM_ACTOR,
    );
    await placeScene(ctx, quiet.id, shown.id);
    const hidden = await scene(other.id, 'Xanthoria frame', [jongo.id]);
    await addAnnotation(ctx, hidden, { points: '10,10', label: 'Zebrawood kiln' }, SYSTEM_ACTOR);
    out = mkdtempSync(join(tmpdir(), 'dossier-export-scenes-'));
    await buildStaticSite(ctx, out);
    server = await staticFileServer(out);
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await closePagefind();
    if (out) rmSync(out, { recursive: true, force: true });
    if (t) await closeTestDatabase(t);
  });

  async function exported(q: string): Promise<string[]> {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.origin}/search/?q=${encodeURIComponent(q)}`);
      await page.waitForSelector('#results-heading', { timeout: 20_000 });
      const hrefs = await page.$$eval('.hit .entry-title a', (links) =>
        links.map((a) => a.getAttribute('href') ?? ''),
      );
      return hrefs.map((h) => h.replace(/^\/ko\//, '/')).sort();
    } finally {
      await page.close();
    }
  }

  async function served(q: string): Promise<string[]> {
    const result = await searchArchive(ctx, { q, pageSize: 50 });
    return result.hits.map((h) => `/${h.sectionSlug}/${h.slug}/`).sort();
  }

  it.each(['Jongo-ri', '전거리', "Chŏn'gŏ-ri", 'Sluicegate', '수문지기', 'Zebrawood', 'Xanthoria'])(
    'finds for %s what the server finds',
    async (q) => {
      const path = `/reports/${quiet.slug}/`;
      const expected = await served(q);
      expect(expected.includes(path), q).toBe(!['Zebrawood', 'Xanthoria'].includes(q));
      expect(await exported(q), q).toEqual(expected);
    },
    60_000,
  );
});
