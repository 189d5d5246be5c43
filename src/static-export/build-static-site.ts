import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import type { AppContext } from '../core/app-context.ts';
import { type ImageService3, levelZeroPaths, tilesOfInfo } from '../core/imagery.ts';
import type { IndexSources } from '../core/index-sources.ts';
import { loadSitemapUrls } from '../features/discovery/sitemap/load-sitemap.ts';
import { publicationPath } from '../features/reading/loaders/entries.ts';
import { type StaticSearchData, staticSearchData } from '../features/search/index.ts';
import { splitLocale } from '../ui/i18n/locales.ts';
import { createApp } from '../web/app.tsx';
import { exportHtml } from './export-html.ts';
import { ExportWriter, type WriteCounts } from './export-writer.ts';
import { PagefindBuilder } from './pagefind-index.ts';
import { fileForStaticUrl, isSearchPath, staticUrl } from './static-paths.ts';
import { staticSearchPage, staticSearchScript } from './static-search-page.ts';

export interface BuildOptions {
  /** The application to render through; built from the context when absent. */
  app?: Hono;
  /** Index inner Korean words (see hangul-substrings.ts). On unless a measurement turns it off. */
  koreanSubstrings?: boolean;
  /** Pages rendered at once. */
  concurrency?: number;
  /** After each public URL is written; `path` is that URL's path. */
  onProgress?: (done: number, queued: number, path?: string) => void;
}

export interface BuildReport extends WriteCounts {
  /** HTML pages exported (both languages, listing pages, the search pages, 404 pages). */
  pages: number;
  /** Every file of the export: pages, feeds, sitemaps, PDFs and images, assets, the index. */
  files: number;
  /** Pages Pagefind indexed: the public publications, in both interface languages. */
  indexed: number;
  seconds: number;
  pagesPerSecond: number;
  /** Same-site links the export cannot hold (OAI-PMH, the API): each with its count. */
  notExported: Record<string, number>;
  /** Links that answered 404 or 410 (a tombstone): absent from the export. */
  missing: string[];
  /** URLs that answered with an error other than 404/410, or whose bytes could not be read. */
  failed: string[];
}

const NEVER = /^\/(?:admin|preview|api|healthz)(?:\/|$)|^\/ko\/(?:admin|preview|api)(?:\/|$)/;

/**
 * Writes the whole public site into `outDir` for a static host: every page rendered by the same
 * application the server runs (`app.request()`), found from the catalog's public URLs (the same
 * list as the sitemap, so the one public rule decides) and by following the links of each page;
 * files, feeds and assets as served; a Pagefind index of the publications for the search page.
 * Incremental: see ExportWriter.
 */
export async function buildStaticSite(
  ctx: ExportContext,
  outDir: string,
  options: BuildOptions = {},
): Promise<BuildReport> {
  const started = performance.now();
  const app = options.app ?? createApp(ctx);
  const publicUrl = ctx.config.publicUrl;
  const now = ctx.clock.now();
  const writer = await ExportWriter.open(outDir);
  const search = await PagefindBuilder.start({
    koreanSubstrings: options.koreanSubstrings ?? true,
  });
  const script = staticSearchScript();
  const indexable = await publicationPaths(ctx, now);
  const searchData = await staticSearchWords(ctx, [...indexable.values()]);
  const placesFile = variantFile(searchData.places);

  const seeds = (await loadSitemapUrls(ctx.repos, publicUrl, now)).map((u) =>
    u.loc.slice(publicUrl.length),
  );
  // Each path is queued once; `head` walks the queue, which grows as pages name new links.
  const queue: string[] = [];
  const seen = new Set<string>();
  let head = 0;
  const push = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    queue.push(path);
  };
  const notExported: Record<string, number> = {};
  const missing: string[] = [];
  const failed: string[] = [];
  let pages = 0;
  let done = 0;

  // A URL that fails keeps its last exported copy, if any: a passing fault in the store should
  // not take a file off the site. The build reports it, and the command exits 1.
  const fail = (path: string, reason: string) => {
    failed.push(`${path}: ${reason}`);
    const url = staticUrl(path);
    const file = url && fileForStaticUrl(url);
    if (file) writer.keep(file);
  };

  const enqueue = (link: string, from: string) => {
    const path = sameSitePath(link, publicUrl, from);
    if (path === null || NEVER.test(path)) return;
    const url = staticUrl(path);
    if (url === null || fileForStaticUrl(url) === null) {
      const key = path.split('?')[0] ?? path;
      notExported[key] = (notExported[key] ?? 0) + 1;
      return;
    }
    push(path);
  };
  for (const path of ['/', '/ko/', '/search', '/ko/search', '/robots.txt', '/sitemap.xml']) {
    push(path);
  }
  for (const path of seeds) push(path);

  // Publication pages take turns for the index in the order they leave the queue, which is
  // the catalog's order: they are all among the seeds.
  let turns = 0;
  const visit = async (path: string) => {
    const [locale, bare] = splitLocale(path);
    const publicationId = path.includes('?') ? undefined : indexable.get(bare);
    const turn = publicationId === undefined ? null : turns++;
    let indexedHtml: string | null = null;
    try {
      await render(path, locale, (html) => {
        indexedHtml = html;
      });
    } finally {
      if (turn !== null) {
        const words = searchData.words.get(publicationId!) ?? '';
        search.add(turn, staticUrl(path)!, indexedHtml, words);
      }
    }
    await search.backlog(32);
  };

  const render = async (path: string, locale: 'en' | 'ko', toIndex: (html: string) => void) => {
    const res = await app.request(`http://localhost${path}`);
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      enqueue(location, path);
      await res.body?.cancel();
      return;
    }
    if (res.status !== 200) {
      // 404 and 410 (a tombstone) stay out of the export; anything else is the build's failure.
      if (res.status === 404 || res.status === 410) missing.push(path);
      else fail(path, `answered ${res.status}`);
      await res.body?.cancel();
      return;
    }
    const file = fileForStaticUrl(staticUrl(path)!)!;
    const type = res.headers.get('content-type') ?? '';
    if (type.includes('text/html')) {
      const html = await res.text();
      for (const link of htmlLinks(html)) enqueue(link, path);
      const page = isSearchPath(path)
        ? staticSearchPage(html, locale, script.path, placesFile.path)
        : html;
      await writer.write(file, exportHtml(page, publicUrl, { wasm: isSearchPath(path) }));
      toIndex(html);
      pages++;
      return;
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await res.arrayBuffer());
    } catch (error) {
      // A file whose bytes cannot be read (missing from the store): the rest of the site goes
      // out, and the build says which files failed.
      fail(path, error instanceof Error ? error.message : String(error));
      return;
    }
    // A IIIF document's ids name canvases and annotations as well as files: they are not links.
    if (/xml|json|text\/plain/.test(type) && !path.startsWith('/iiif/')) {
      for (const link of textLinks(new TextDecoder().decode(bytes))) enqueue(link, path);
    }
    // A scene's info.json names no tile: a viewer works their addresses out. The export holds
    // every one a level 0 viewer may ask for.
    const scene = /^\/iiif\/(\d+)\/info\.json$/.exec(path);
    if (scene) {
      const info = tilesOfInfo(JSON.parse(new TextDecoder().decode(bytes)) as ImageService3);
      for (const tile of levelZeroPaths(info)) enqueue(`/iiif/${scene[1]}/${tile}`, path);
    }
    // A style sheet names its fonts (the site identity's @font-face rules).
    if (type.includes('text/css')) {
      for (const link of cssLinks(new TextDecoder().decode(bytes))) enqueue(link, path);
    }
    await writer.write(file, bytes);
  };

  try {
    const next = () => (head < queue.length ? queue[head++] : undefined);
    await pool(next, options.concurrency ?? 4, async (path) => {
      await visit(path);
      options.onProgress?.(++done, queue.length, path);
    });
  } catch (error) {
    await search.finish().catch(() => {});
    await writer.abandon();
    throw error;
  }

  // Static hosts answer a missing address with /404.html (and some with /ko/404.html).
  for (const prefix of ['', '/ko']) {
    const res = await app.request(`http://localhost${prefix}/dossier-static-export-missing/`);
    const html = exportHtml(await res.text(), publicUrl, { wasm: false });
    await writer.write(`${prefix.slice(1)}${prefix ? '/' : ''}404.html`, html);
    pages++;
  }

  await writer.write(script.path.slice(1), script.body);
  await writer.write(placesFile.path.slice(1), placesFile.body);
  for (const f of await search.finish()) await writer.write(`pagefind/${f.path}`, f.content);
  const indexed = search.pages;
  const counts = await writer.finish();
  const seconds = (performance.now() - started) / 1000;
  return {
    ...counts,
    pages,
    files: counts.written + counts.unchanged,
    indexed,
    seconds,
    pagesPerSecond: pages / seconds,
    notExported,
    missing: missing.sort(),
    failed: failed.sort(),
  };
}

/**
 * The context the export reads: the application's, with the search index's sources, from which
 * the client search's records get what the server's index holds beyond a page's text.
 */
export type ExportContext = AppContext & { search: { sources: IndexSources } };

/** The folder paths (without a language prefix) of every public publication, with its id. */
async function publicationPaths(ctx: AppContext, now: Date): Promise<Map<string, number>> {
  const [pubs, sections] = await Promise.all([
    ctx.repos.catalog.publicDatestamps(now),
    ctx.repos.sections.list(),
  ]);
  const bySection = new Map(sections.map((s) => [s.id, s]));
  const paths = new Map<string, number>();
  for (const p of pubs) {
    const section = bySection.get(p.sectionId);
    // Pages (About) are not searched on the server either.
    if (section && p.type !== 'page') paths.set(publicationPath(section, p), p.id);
  }
  return paths;
}

/** The extra words of each public publication's record, and the places' spellings. */
async function staticSearchWords(ctx: ExportContext, ids: number[]): Promise<StaticSearchData> {
  const gazetteer = await ctx.search.gazetteers.get();
  const sources = [];
  for (let i = 0; i < ids.length; i += 200) {
    sources.push(...(await ctx.search.sources.publications(ids.slice(i, i + 200))));
  }
  return staticSearchData(sources, gazetteer);
}

/** The places' spellings as the search page fetches them, under a fingerprinted name. */
function variantFile(places: StaticSearchData['places']): { path: string; body: Uint8Array } {
  const body = new TextEncoder().encode(JSON.stringify(places));
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  return { path: `/assets/search-places.${hash}.json`, body };
}

/** Runs `work` on each path `next` gives, `width` at a time, until it gives none and all end. */
async function pool(
  next: () => string | undefined,
  width: number,
  work: (path: string) => Promise<void>,
): Promise<void> {
  const running = new Set<Promise<void>>();
  let failure: unknown = null;
  for (;;) {
    while (failure === null && running.size < width) {
      const path = next();
      if (path === undefined) break;
      const task: Promise<void> = work(path)
        .catch((error: unknown) => {
          failure ??= error;
        })
        .finally(() => running.delete(task));
      running.add(task);
    }
    if (running.size === 0) break;
    await Promise.race(running);
  }
  if (failure !== null) throw failure;
}

const HTML_LINK = /\b(?:href|src)="([^"]*)"|\bsrcset="([^"]*)"/g;

function htmlLinks(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(HTML_LINK)) {
    if (m[1] !== undefined) out.push(unescapeAttribute(m[1]));
    else if (m[2] !== undefined) {
      for (const candidate of m[2].split(',')) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) out.push(unescapeAttribute(url));
      }
    }
  }
  return out;
}

/** Absolute links in a feed, a sitemap or JSON; JSON escapes the quotes that end them (`\"`). */
function textLinks(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s"'<>\\]+/g)].map((m) => m[0].replace(/&amp;/g, '&'));
}

function cssLinks(css: string): string[] {
  return [...css.matchAll(/url\(\s*(["']?)([^"')\s]+)\1\s*\)/g)].map((m) => m[2] ?? '');
}

function unescapeAttribute(value: string): string {
  return value.replaceAll('&amp;', '&').replaceAll('&#39;', "'").replaceAll('&quot;', '"');
}

/** A link's path and query on this site, without its fragment; null for other sites. */
function sameSitePath(link: string, publicUrl: string, from: string): string | null {
  try {
    const site = new URL(publicUrl);
    const url = new URL(link, `${site.origin}${from}`);
    if (url.origin !== site.origin) return null;
    return `${url.pathname}${url.search}`;
  } catch {
    return null;
  }
}
