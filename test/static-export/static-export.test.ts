import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import type { AppContext } from '../../src/core/app-context.ts';
import { levelZeroPaths } from '../../src/core/imagery.ts';
import { changeStatus } from '../../src/features/publishing/workflow.ts';
import { addFont } from '../../src/features/reading/settings/identity.ts';
import { type BuildReport, buildStaticSite } from '../../src/static-export/build-static-site.ts';
import { MANIFEST_FILE } from '../../src/static-export/export-writer.ts';
import { closePagefind } from '../../src/static-export/pagefind-index.ts';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import { browserAvailable, launchBrowser } from '../support/browser.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { demoContext } from '../support/demo-context.ts';
import { buildPublication } from '../support/factories.ts';
import { crawlStatic, exportedFiles } from './export-files.ts';
import { staticFileServer } from './static-file-server.ts';

const PUBLIC_URL = 'https://archive.example.org';
const GULAG = 'reports/the-parallel-gulag/';

/** Words that exist only in work the public must not see. */
const SECRETS = [
  'zqxdraftword',
  '기밀초안단어',
  'zqxembargoword',
  'zqxwithdrawnword',
  // The demo archive's own drafts: the first two parts of the Camp No. 25 series.
  'North Korea: Camp No. 25 Update<',
  'north-korea-camp-no-25/',
  'north-korea-camp-no-25-update/',
];

const hasBrowser = browserAvailable();

/** A self-hosted typeface for the site identity (Noto Sans KR, OFL-1.1, from @fontsource). */
const WOFF2 = readFileSync(
  createRequire(import.meta.url).resolve(
    '@fontsource/noto-sans-kr/files/noto-sans-kr-latin-400-normal.woff2',
  ),
);
const WOFF2_NAME = `identity/${createHash('sha256').update(WOFF2).digest('hex')}.woff2`;

const manifestOf = (out: string): Record<string, string> =>
  JSON.parse(readFileSync(join(out, MANIFEST_FILE), 'utf8')).files;

describeEachDatabase('dossier build: the static export', (db) => {
  let ctx: WiredContext;
  let out: string;
  let first: BuildReport;
  let server: Awaited<ReturnType<typeof staticFileServer>>;
  let browser: Browser | undefined;

  beforeAll(async () => {
    ctx = await demoContext(db(), '2026-06-01T12:00:00.000Z', PUBLIC_URL);
    const reports = (await ctx.repos.sections.list()).find((s) => s.slug === 'reports')!;
    await buildPublication(ctx, {
      sectionId: reports.id,
      slug: 'secret-draft',
      status: 'draft',
      title: 'A zqxdraftword memo',
      body: 'The zqxdraftword body, 기밀초안단어 in Korean.',
    });
    await buildPublication(ctx, {
      sectionId: reports.id,
      slug: 'secret-embargo',
      title: 'An embargoed report',
      body: 'Held back: zqxembargoword.',
      embargoUntil: '2027-01-01T00:00:00.000Z',
    });
    const once = await buildPublication(ctx, {
      sectionId: reports.id,
      slug: 'secret-withdrawn',
      title: 'A withdrawn report',
      body: 'Taken down: zqxwithdrawnword.',
    });
    await changeStatus(
      ctx,
      { id: once.id, version: once.version, to: 'withdrawn', withdrawnReason: 'x' },
      SYSTEM_ACTOR,
    );
    await addFont(
      ctx,
      { bytes: WOFF2, family: 'Noto Sans KR', weight: '400', style: 'normal', use: 'body' },
      SYSTEM_ACTOR,
    );
    out = mkdtempSync(join(tmpdir(), 'dossier-export-'));
    first = await buildStaticSite(ctx, out);
    server = await staticFileServer(out);
    if (hasBrowser) browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await closePagefind();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('writes every page in both languages, listing pages as folders, and the public files', async () => {
    const files = manifestOf(out);
    for (const path of [
      'index.html',
      'ko/index.html',
      `${GULAG}index.html`,
      `ko/${GULAG}index.html`,
      `${GULAG}hrnk-the-parallel-gulag-2017.pdf`,
      `${GULAG}cite.bib`,
      'people/roberta-cohen/index.html',
      'ko/topics/north-korea/page/2/index.html',
      'places/kyo-hwa-so-no-12/index.html',
      'years/2016/index.html',
      'search/index.html',
      'ko/search/index.html',
      'feed.xml',
      'sitemap.xml',
      'robots.txt',
      '404.html',
      'pagefind/pagefind.js',
    ]) {
      expect(files, path).toHaveProperty([path]);
    }
    expect(Object.keys(files).some((f) => /^assets\/site\.[0-9a-f]{10}\.css$/.test(f))).toBe(true);
    // The site identity's style sheet and the typeface it names, from the site's own folder.
    expect(Object.keys(files).some((f) => /^identity\/[0-9a-f]+\.css$/.test(f))).toBe(true);
    expect(files).toHaveProperty([WOFF2_NAME]);
    // The flooding report's figure, in every format and width its <picture> offers.
    const flood = await ctx.repos.publications.findBySlug(
      (await ctx.repos.sections.findBySlug('reports'))!.id,
      'north-korea-flooding-at-kyo-hwa-so-no-12-jongo-ri',
    );
    const figure = (await ctx.repos.images.ofPublication(flood!.id)).find(
      (i) => i.fallbackType === 'image/png',
    )!;
    for (const format of ['avif', 'webp', 'png']) {
      expect(files, format).toHaveProperty([`images/${figure.id}/480.${format}`]);
    }
    // Its illustrative scenes: their pages, descriptions and every tile a viewer may ask for.
    const scenes = await ctx.repos.scenes.findMany(
      (await ctx.repos.images.ofPublication(flood!.id)).map((i) => i.id),
    );
    expect(scenes).toHaveLength(2);
    for (const scene of scenes) {
      for (const file of ['index.html', 'info.json', 'manifest.json', 'annotations.json']) {
        expect(files, file).toHaveProperty([`iiif/${scene.imageId}/${file}`]);
      }
      for (const tile of levelZeroPaths(scene.tiles!)) {
        expect(files, tile).toHaveProperty([`iiif/${scene.imageId}/${tile}`]);
      }
    }
    expect(first.pages).toBeGreaterThan(100);
    // The demo's 15 public pieces in both interface languages; its About pages are not searched,
    // on the server either.
    expect(first.indexed).toBe(30);
    expect(first.notExported).toEqual({});
  });

  it('serves from a plain static server with every internal link resolving', async () => {
    const fetched = await crawlStatic(server.origin, PUBLIC_URL, [
      '/',
      '/ko/',
      '/sitemap.xml',
      '/robots.txt',
      '/search/',
    ]);
    expect(fetched.filter((f) => f.status !== 200)).toEqual([]);
    // And every page of the export is reached by following links (the 404 pages aside).
    const reached = new Set(fetched.map((f) => f.url));
    const pages = Object.keys(manifestOf(out))
      .filter((f) => f.endsWith('.html') && !f.endsWith('404.html'))
      .map((f) => `/${f.replace(/index\.html$/, '')}`);
    expect(pages.length).toBeGreaterThan(100);
    expect(pages.filter((p) => !reached.has(p))).toEqual([]);
  });

  it('carries the public policy in the pages, with WebAssembly allowed only for search', () => {
    const home = readFileSync(join(out, 'index.html'), 'utf8');
    const search = readFileSync(join(out, 'search/index.html'), 'utf8');
    const policy = (html: string) =>
      /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
    expect(policy(home)).toContain("script-src 'self';");
    expect(policy(search)).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(policy(home)).not.toContain('frame-ancestors');
    expect(home).not.toMatch(/<script(?![^>]*type="application\/ld\+json")[^>]*>/);
    expect(search).toMatch(
      /<script type="module" src="\/assets\/static-search\.[0-9a-f]{10}\.js">/,
    );
  });

  it('keeps pages as the server renders them apart from the policy and static links', async () => {
    const served = await (await createAppFor(ctx)).request(`http://localhost/${GULAG}`);
    const exported = readFileSync(join(out, GULAG, 'index.html'), 'utf8');
    const undone = exported
      .replace(/<meta http-equiv="Content-Security-Policy"[^>]*\/>/, '')
      .replace('action="/search/"', 'action="/search"');
    expect(undone).toBe(await served.text());
  });

  it('holds no draft, embargoed or withdrawn text anywhere, the search index included', () => {
    const files = exportedFiles(out);
    const leaks: string[] = [];
    for (const [path, bytes] of files) {
      for (const secret of SECRETS) if (bytes.includes(secret)) leaks.push(`${path}: ${secret}`);
    }
    expect(leaks).toEqual([]);
    // The check can fail: the index is readable, and holds public words.
    const index = [...files].filter(([p]) => p.startsWith('pagefind/fragment/'));
    expect(index.some(([, b]) => b.includes('Parallel Gulag'))).toBe(true);
  });

  it('rewrites nothing on a second build of an unchanged archive', async () => {
    const again = await buildStaticSite(ctx, out);
    expect({ written: again.written, removed: again.removed }).toEqual({ written: 0, removed: 0 });
    expect(again.unchanged).toBe(first.files);
    expect(again.pagesPerSecond).toBeGreaterThan(0);
  }, 120_000);

  it('removes a withdrawn piece and rewrites only the pages that changed', async () => {
    const before = manifestOf(out);
    const reports = (await ctx.repos.sections.list()).find((s) => s.slug === 'reports')!;
    const gulag = (await ctx.repos.publications.findBySlug(reports.id, 'the-parallel-gulag'))!;
    await changeStatus(
      ctx,
      {
        id: gulag.id,
        version: gulag.version,
        to: 'withdrawn',
        withdrawnReason: 'x',
      },
      SYSTEM_ACTOR,
    );
    const next = await buildStaticSite(ctx, out);
    const after = manifestOf(out);
    const gone = Object.keys(before).filter((f) => !(f in after));
    const changed = Object.keys(after).filter((f) => before[f] !== after[f]);
    expect(gone).toEqual(
      expect.arrayContaining([
        `${GULAG}index.html`,
        `ko/${GULAG}index.html`,
        `${GULAG}hrnk-the-parallel-gulag-2017.pdf`,
        `${GULAG}cite.ris`,
      ]),
    );
    expect(next.removed).toBe(gone.length);
    expect(next.written).toBe(changed.length);
    expect(next.unchanged).toBe(Object.keys(after).length - changed.length);
    expect(changed).toEqual(expect.arrayContaining(['reports/index.html', 'feed.xml']));
    expect(changed).not.toContain('people/roberta-cohen/index.html');
    expect(exportedFiles(out).has(`${GULAG}index.html`)).toBe(false);
    const stillLinked = await crawlStatic(server.origin, PUBLIC_URL, ['/', '/ko/', '/sitemap.xml']);
    expect(stillLinked.filter((f) => f.status !== 200)).toEqual([]);
  }, 120_000);

  it('reports a public file missing from the store and keeps its last exported copy', async () => {
    const pdf =
      'articles/empty-marching-in-korea/cooper-scarlatoiu-empty-marching-in-korea-2015.pdf';
    const bytes = readFileSync(join(out, pdf));
    const hash = createHash('sha256').update(bytes).digest('hex');
    rmSync(join(ctx.config.filesDir, hash.slice(0, 2), hash.slice(2, 4), hash));
    const next = await buildStaticSite(ctx, out);
    expect(next.failed).toEqual([expect.stringContaining(`/${pdf}: `)]);
    expect(next.removed).toBe(0);
    expect(readFileSync(join(out, pdf)).equals(bytes)).toBe(true);
    expect(manifestOf(out)).toHaveProperty([pdf]);
  }, 120_000);

  it.skipIf(!hasBrowser)(
    'finds a publication from the search box in Chromium',
    async () => {
      const page = await browser!.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(`${server.origin}/`);
      await page.fill('#site-search-q', 'imagery');
      await page.press('#site-search-q', 'Enter');
      await page.waitForURL(/\/search\/\?q=imagery/);
      const first = page.locator('#static-search-results .hit a').first();
      await first.waitFor({ timeout: 15_000 });
      expect(await page.locator('#static-search-results .hit').count()).toBeGreaterThan(0);
      expect(await page.locator('#static-search-results mark').first().textContent()).toMatch(
        /imagery/i,
      );
      await first.click();
      await page.waitForLoadState();
      expect(new URL(page.url()).pathname).toMatch(/^\/(reports|articles)\/[a-z0-9-]+\/$/);
      expect(problems).toEqual([]);
      await page.close();
    },
    60_000,
  );

  it.skipIf(!hasBrowser)(
    'opens a scene in the deep-zoom viewer from the plain static server, its tiles included',
    async () => {
      const page = await browser!.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('response', (r) => {
        if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
      });
      const tiles: string[] = [];
      page.on('request', (r) => {
        if (/\/iiif\/\d+\/.+\/default\.jpg$/.test(r.url())) tiles.push(r.url());
      });
      const flood = await ctx.repos.publications.findBySlug(
        (await ctx.repos.sections.findBySlug('reports'))!.id,
        'north-korea-flooding-at-kyo-hwa-so-no-12-jongo-ri',
      );
      const [scene] = await ctx.repos.scenes.findMany(
        (await ctx.repos.images.ofPublication(flood!.id)).map((i) => i.id),
      );
      await page.goto(`${server.origin}/iiif/${scene!.imageId}/`);
      await page.locator('.scene-still.is-zoomable').waitFor({ timeout: 15_000 });
      // Read from the static server, not from the public address info.json names.
      expect(tiles.length).toBeGreaterThan(0);
      expect(tiles.every((t) => t.startsWith(server.origin))).toBe(true);
      expect(problems).toEqual([]);
      await page.close();
    },
    60_000,
  );

  it.skipIf(!hasBrowser)(
    'finds a Korean word inside a longer one on the Korean search page',
    async () => {
      const page = await browser!.newPage();
      await page.goto(`${server.origin}/ko/search/?q=${encodeURIComponent('인권')}`);
      const hit = page.locator('#static-search-results .hit a', { hasText: '교화소' }).first();
      await hit.waitFor({ timeout: 15_000 });
      expect(await hit.getAttribute('href')).toBe('/ko/reports/kyo-hwa-so-no-12-flooding-ko/');
      await page.close();
    },
    60_000,
  );
});

async function createAppFor(ctx: AppContext) {
  const { createApp } = await import('../../src/web/app.tsx');
  return createApp(ctx);
}
