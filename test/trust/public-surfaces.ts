import * as cheerio from 'cheerio';
import { INDEX_PAGES } from '../support/crawl.ts';
import { type Crawled, crawlAnonymously, revealed } from './anonymous-crawl.ts';
import { checkImages, imageProbes } from './image-surfaces.ts';
import { MARKER_PATTERN, typoOf } from './markers.ts';
import { hasTombstone, isPublic, type Model, type Piece, publicNames } from './model.ts';
import { markerRules, onTombstoneSurface } from './visibility-rules.ts';
import type { World } from './world.ts';
import { PUBLIC_URL } from './world.ts';

type Report = (message: string) => void;

const folderOf = (p: Piece) => `/${p.section}/${p.slug.word}/`;
const oaiId = (p: Piece) => `oai:${new URL(PUBLIC_URL).hostname}:${p.id}`;
const API_LIST = '/api/v1/publications?limit=100';
const API_TOMBSTONES = '/api/v1/publications?limit=100&include_withdrawn=true';
const OAI_RECORDS = '/oai?verb=ListRecords&metadataPrefix=oai_dc';
const OAI_IDS = '/oai?verb=ListIdentifiers&metadataPrefix=oai_dc';

/** The few pages a reader looks at between operations (they also fill the render cache). */
function glanceStarts(m: Model): string[] {
  return [
    '/',
    '/reports/',
    '/articles/',
    '/ko/reports/',
    '/feed.xml',
    '/sitemap-1.xml',
    '/people/',
    API_LIST,
    '/search?q=report',
    ...m.pieces.map(folderOf),
    ...imageProbes(m, true),
  ];
}

/** Every kind of anonymous surface, with an address for each thing the model knows. */
function crawlStarts(m: Model): string[] {
  const starts = [
    ...INDEX_PAGES,
    '/ko/places/',
    '/reports/',
    '/articles/',
    '/ko/reports/',
    '/ko/articles/',
    '/sitemap.xml',
    '/robots.txt',
    '/feed.xml',
    '/feed.atom',
    '/feed.json',
    '/reports/feed.xml',
    '/articles/feed.atom',
    '/ko/feed.xml',
    '/ko/feed.atom',
    '/ko/feed.json',
    '/ko/reports/feed.xml',
    OAI_RECORDS,
    OAI_IDS,
    API_LIST,
    API_TOMBSTONES,
    // The gazetteer as map data: only places with public work, on the site and in the API.
    '/places.geojson',
    '/api/v1/places.geojson',
    '/api/v1/people',
    '/api/v1/places',
    '/api/v1/topics',
    '/search?q=report',
    '/api/v1/search?q=report',
    '/ko/search?q=report',
  ];
  for (const p of m.pieces) {
    const folder = folderOf(p);
    starts.push(
      folder,
      `/ko${folder}`,
      `${folder}cite.bib`,
      `${folder}cite.ris`,
      `${folder}cite.json`,
      // Its first timestamped version, record and reply: only while the piece is public.
      `${folder}versions/1/record.json`,
      `${folder}versions/1/record.tsr`,
      ...p.pdfs.map((w) => `${folder}${w.word}.pdf`),
      // The cover drawn from each PDF's first page, served beside it (webp, as the job draws it).
      ...p.pdfs.map((w) => `${folder}${w.word}.pdf.cover.webp`),
      `/api/v1/publications/${p.id}`,
      `/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=${oaiId(p)}`,
      `/search?q=${p.body.word}`,
      `/api/v1/search?q=${p.body.word}`,
      // A misspelt word of this piece beside a misspelt public one: "did you mean" may
      // correct only the public one ("report" is in every title).
      `/search?q=${typoOf(p.title.word)}+OR+reprot`,
      `/api/v1/search?q=${typoOf(p.body.word)}`,
      ...p.pdfs.map((w) => `/search?q=${w.word}`),
      ...p.retired.filter((w) => !w.everPublic).map((w) => `/search?q=${w.word}`),
    );
  }
  // Every copy of every image, shown or not, asked for directly as well as reached from pages.
  starts.push(...imageProbes(m));
  for (const [folder, list] of [
    ['people', m.people],
    ['places', m.places],
    ['topics', m.topics],
  ] as const) {
    for (const n of list) {
      starts.push(
        `/${folder}/${n.slugText}/`,
        `/ko/${folder}/${n.slugText}/`,
        `/${folder}/${n.slugText}/feed.xml`,
        `/ko/${folder}/${n.slugText}/feed.atom`,
        `/api/v1/${folder}/${n.slugText}`,
        `/search?q=${typoOf(n.name.word)}+OR+reprot`,
      );
      if (folder === 'places') {
        starts.push(
          `/places/${n.slugText}/map.geojson`,
          `/api/v1/places/${n.slugText}/map.geojson`,
        );
      }
    }
  }
  return starts;
}

export async function glance(world: World, m: Model, report: Report): Promise<void> {
  const pages = await crawlAnonymously(world.app, PUBLIC_URL, glanceStarts(m), {
    follow: false,
    limit: 200,
  });
  checkPages(pages, m, world.now(), report);
}

export async function crawlEverything(world: World, m: Model, report: Report): Promise<number> {
  const pages = await crawlAnonymously(world.app, PUBLIC_URL, crawlStarts(m), {
    follow: true,
    limit: 1500,
  });
  checkPages(pages, m, world.now(), report);
  return pages.length;
}

/** Both directions: no word shows where the model hides it; each public thing shows where it should. */
export function checkPages(pages: Crawled[], m: Model, now: string, report: Report): void {
  const byPath = new Map(pages.map((p) => [p.path, p]));
  checkNoLeaks(pages, m, now, report);
  checkPieces(byPath, pages, m, now, report);
  checkNames(byPath, m, now, report);
  checkCounts(byPath, m, now, report);
  checkImages(byPath, pages, m, now, report);
}

function checkNoLeaks(pages: Crawled[], m: Model, now: string, report: Report): void {
  const rules = markerRules(m, now);
  const told = new Map<string, number>();
  for (const page of pages) {
    if (page.status >= 500) report(`${page.path} answered ${page.status}`);
    for (const [word] of revealed(page).matchAll(MARKER_PATTERN)) {
      const rule = rules.get(word);
      if (!rule || rule.kind === 'public' || rule.kind === 'unchecked') continue;
      // The reader's own request, repeated back ("no page at /reports/…/"), tells them nothing.
      if (page.path.includes(word)) continue;
      if (rule.kind === 'tombstone' && rule.pieces.some((p) => onTombstoneSurface(page.path, p))) {
        continue;
      }
      const times = told.get(word) ?? 0;
      told.set(word, times + 1);
      if (times < 2) report(`LEAK: ${page.path} (${page.status}) shows ${rule.what}`);
    }
  }
}

function checkPieces(
  byPath: Map<string, Crawled>,
  pages: Crawled[],
  m: Model,
  now: string,
  report: Report,
): void {
  const text = (pattern: RegExp) =>
    pages
      .filter((p) => pattern.test(p.path))
      .map((p) => p.body)
      .join('\n');
  const apiIds = (path: string) => {
    const page = byPath.get(path);
    if (page?.status !== 200) return null;
    return new Set(
      (JSON.parse(page.body) as { items: Array<{ id: number }> }).items.map((i) => i.id),
    );
  };
  const listed = apiIds(API_LIST);
  const listedWithTombstones = apiIds(API_TOMBSTONES);
  const oaiIds = byPath.get(OAI_IDS)?.body;
  const feed = byPath.get('/feed.xml')?.body;
  const oaiRecords = byPath.get(OAI_RECORDS)?.body;
  const sitemaps = text(/^\/sitemap[^/]*\.xml$/);

  for (const p of m.pieces) {
    const folder = folderOf(p);
    const shown = isPublic(p, now);
    const tombstone = hasTombstone(p);
    const expected = shown ? 200 : tombstone ? 410 : 404;
    const name = `${p.slug.word} (${p.purged ? 'purged' : p.trashedAt ? 'in the trash' : p.status})`;
    const expectStatus = (path: string, want: number | 'refused') => {
      const page = byPath.get(path);
      if (!page) return undefined;
      const ok =
        want === 'refused' ? page.status === 404 || page.status === 410 : page.status === want;
      if (!ok) report(`${path} answers ${page.status}, expected ${want} for ${name}`);
      return ok ? page : undefined;
    };
    for (const path of [folder, `/ko${folder}`]) {
      const page = expectStatus(path, expected);
      if (!page) continue;
      const must = shown ? [p.title, p.body] : tombstone ? [p.title] : [];
      if (tombstone && p.reason) must.push(p.reason);
      for (const w of must) {
        if (!page.body.includes(w.word)) report(`${path} does not show ${w.word} of ${name}`);
      }
    }
    expectStatus(`/api/v1/publications/${p.id}`, expected);
    expectStatus(`${folder}cite.bib`, shown ? 200 : 'refused');
    if (!shown) {
      expectStatus(`${folder}versions/1/record.json`, 'refused');
      expectStatus(`${folder}versions/1/record.tsr`, 'refused');
    }
    for (const w of p.pdfs) expectStatus(`${folder}${w.word}.pdf`, expected);
    for (const w of p.pdfs) expectStatus(`${folder}${w.word}.pdf.cover.webp`, expected);
    if (listed) {
      if (listed.has(p.id) !== shown) report(`the API's list ${shown ? 'lacks' : 'holds'} ${name}`);
    }
    if (listedWithTombstones) {
      const want = shown || tombstone;
      if (listedWithTombstones.has(p.id) !== want) {
        report(`the API's list with withdrawn pieces ${want ? 'lacks' : 'holds'} ${name}`);
      }
    }
    if (oaiIds !== undefined) {
      const id = oaiId(p).replace(/\./g, '\\.');
      const header = new RegExp(`<header( status="deleted")?><identifier>${id}</identifier>`).exec(
        oaiIds,
      );
      if (shown && (!header || header[1])) report(`OAI does not list ${name} as a record`);
      if (tombstone && !header?.[1]) report(`OAI does not list ${name} as deleted`);
      if (!shown && !tombstone && (!p.wasPublic || p.purged) && header) {
        report(`LEAK: OAI lists ${name}, which ${p.purged ? 'was purged' : 'was never public'}`);
      }
    }
    const search = byPath.get(`/search?q=${p.body.word}`);
    if (search && shown && !revealed(search).includes(p.title.word)) {
      report(`searching for the body of ${name} does not find it`);
    }
    if (search && !shown && search.body.includes('class="results"')) {
      report(`LEAK: searching for the body of ${name} finds results`);
    }
    const apiSearch = byPath.get(`/api/v1/search?q=${p.body.word}`);
    if (apiSearch?.status === 200) {
      const total = (JSON.parse(apiSearch.body) as { total: number }).total;
      if (total !== (shown ? 1 : 0)) {
        report(`${shown ? '' : 'LEAK: '}the API's search for the body of ${name} counts ${total}`);
      }
    }
    if (!shown) continue;
    for (const w of p.pdfs) {
      const pdfSearch = byPath.get(`/search?q=${w.word}`);
      if (pdfSearch && !revealed(pdfSearch).includes(p.title.word)) {
        report(`searching for the text of a PDF of ${name} does not find it`);
      }
    }
    const listing = text(new RegExp(`^/${p.section}/(\\?page=\\d+)?$`));
    if (listing && !listing.includes(p.title.word)) report(`/${p.section}/ does not list ${name}`);
    if (feed !== undefined && !feed.includes(p.title.word)) report(`/feed.xml lacks ${name}`);
    if (sitemaps && !sitemaps.includes(`${PUBLIC_URL}${folder}`))
      report(`the sitemap lacks ${name}`);
    if (oaiRecords !== undefined && !oaiRecords.includes(p.title.word)) {
      report(`OAI ListRecords lacks ${name}`);
    }
  }
}

function checkNames(byPath: Map<string, Crawled>, m: Model, now: string, report: Report): void {
  const shown = publicNames(m, now);
  for (const [folder, list, set] of [
    ['people', m.people, shown.people],
    ['places', m.places, shown.places],
    ['topics', m.topics, shown.topics],
  ] as const) {
    list.forEach((n, i) => {
      const page = byPath.get(`/${folder}/${n.slugText}/`);
      if (!page) return;
      const want = set.has(i) ? 200 : 404;
      if (page.status !== want) {
        report(`/${folder}/${n.slugText}/ answers ${page.status}, expected ${want}`);
      } else if (want === 200 && !page.body.includes(n.name.word)) {
        report(`/${folder}/${n.slugText}/ does not show the name ${n.name.word}`);
      }
    });
  }
}

function checkCounts(byPath: Map<string, Crawled>, m: Model, now: string, report: Report): void {
  const shown = m.pieces.filter((p) => isPublic(p, now));
  const home = byPath.get('/');
  if (home?.status === 200) {
    for (const section of ['reports', 'articles']) {
      const want = shown.filter((p) => p.section === section).length;
      const found = new RegExp(
        `href="/${section}/">[^<]*</a>\\s*<span class="quiet">\\((\\d+) publications?\\)`,
      ).exec(home.body);
      const count = found ? Number(found[1]) : 0;
      if (count !== want) report(`the home page counts ${count} in /${section}/, expected ${want}`);
    }
  }
  const list = byPath.get(API_LIST);
  if (list?.status === 200) {
    const total = (JSON.parse(list.body) as { total: number }).total;
    if (total !== shown.length)
      report(`the API counts ${total} publications, expected ${shown.length}`);
  }
  const withTombstones = byPath.get(API_TOMBSTONES);
  if (withTombstones?.status === 200) {
    const want = shown.length + m.pieces.filter(hasTombstone).length;
    const total = (JSON.parse(withTombstones.body) as { total: number }).total;
    if (total !== want) report(`the API counts ${total} with withdrawn pieces, expected ${want}`);
  }
  // Every title says "Report": searching for it finds exactly the public work.
  const search = byPath.get('/search?q=report');
  if (search?.status === 200) {
    const heading = cheerio.load(search.body)('#results-heading').text();
    const count = Number(/(\d+)/.exec(heading)?.[1] ?? 0);
    if (count !== shown.length)
      report(`searching for "report" counts ${count}, expected ${shown.length}`);
  }
  const apiSearch = byPath.get('/api/v1/search?q=report');
  if (apiSearch?.status === 200) {
    const total = (JSON.parse(apiSearch.body) as { total: number }).total;
    if (total !== shown.length) {
      report(`the API's search for "report" counts ${total}, expected ${shown.length}`);
    }
  }
}
