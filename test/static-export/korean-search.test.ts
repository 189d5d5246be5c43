import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStaticSite } from '../../src/static-export/build-static-site.ts';
import { MANIFEST_FILE } from '../../src/static-export/export-writer.ts';
import { closePagefind } from '../../src/static-export/pagefind-index.ts';
import { browserAvailable, launchBrowser } from '../support/browser.ts';
import { closeTestDatabase, openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { demoContext } from '../support/demo-context.ts';
import { staticFileServer } from './static-file-server.ts';

const HANGUL_RUN = /[\uAC00-\uD7A3]{3,}/g;

interface Measure {
  queries: number;
  expected: number;
  found: number;
  missed: string[];
}

/**
 * Measures how often Pagefind finds a two-syllable Korean word that sits inside a longer word
 * (인권 in 북한인권) on the Korean search page of the demo archive's export, with Pagefind's own
 * index and with the export's extra Hangul suffixes. The pages a word should find are those whose
 * indexed text (the <main> Pagefind reads) contains it; search runs in Chromium, as readers do.
 */
describe.skipIf(!browserAvailable())('Pagefind and Korean words inside longer ones', () => {
  let t: TestDatabase;
  let browser: Browser;
  const outs: string[] = [];
  const servers: Array<Awaited<ReturnType<typeof staticFileServer>>> = [];
  let truth: Map<string, Set<string>>;
  let prefixTruth: Map<string, Set<string>>;

  beforeAll(async () => {
    t = await openTestDatabase('sqlite');
    const ctx = await demoContext(t);
    for (const koreanSubstrings of [false, true]) {
      const out = mkdtempSync(join(tmpdir(), 'dossier-export-ko-'));
      outs.push(out);
      await buildStaticSite(ctx, out, { koreanSubstrings });
      servers.push(await staticFileServer(out));
    }
    ({ inner: truth, prefix: prefixTruth } = groundTruth(outs[0]!));
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    for (const s of servers) await s.close();
    await closePagefind();
    for (const out of outs) rmSync(out, { recursive: true, force: true });
    if (t) await closeTestDatabase(t);
  });

  async function measure(origin: string, words: Map<string, Set<string>>): Promise<Measure> {
    const page = await browser.newPage();
    await page.goto(`${origin}/ko/search/`);
    // A string, so that the test runner leaves the browser's own import() alone.
    const found = (await page.evaluate(`(async (queries) => {
      const pagefind = await import(location.origin + '/pagefind/pagefind.js');
      const out = {};
      for (const q of queries) {
        const search = await pagefind.search(q);
        out[q] = await Promise.all(search.results.map(async (r) => (await r.data()).url));
      }
      return out;
    })(${JSON.stringify([...words.keys()])})`)) as Record<string, string[]>;
    await page.close();
    let expected = 0;
    let hits = 0;
    const missed: string[] = [];
    for (const [word, pages] of words) {
      expected += pages.size;
      for (const p of pages) {
        if (found[word]?.includes(p)) hits++;
        else missed.push(`${word} ${p}`);
      }
    }
    return { queries: words.size, expected, found: hits, missed };
  }

  it('finds inner two-syllable words with the extra suffixes, which Pagefind alone misses', async () => {
    expect(truth.size).toBeGreaterThan(20);
    const before = await measure(servers[0]!.origin, truth);
    const after = await measure(servers[1]!.origin, truth);
    const controlBefore = await measure(servers[0]!.origin, prefixTruth);
    const controlAfter = await measure(servers[1]!.origin, prefixTruth);
    const rate = (m: Measure) =>
      `${m.found}/${m.expected} (${((100 * m.found) / m.expected).toFixed(1)}%)`;
    console.info(
      `Korean inner words (${before.queries} words): Pagefind alone ${rate(before)}, ` +
        `with suffixes ${rate(after)}. Word starts (${controlBefore.queries} words): ` +
        `${rate(controlBefore)} → ${rate(controlAfter)}. Korean index: ` +
        `${koIndexBytes(outs[0]!)} → ${koIndexBytes(outs[1]!)} bytes.`,
    );
    expect(after.missed).toEqual([]);
    expect(before.found).toBeLessThan(after.found);
    // The suffixes lose nothing Pagefind found by itself.
    expect(controlAfter.found).toBeGreaterThanOrEqual(controlBefore.found);
  }, 180_000);
});

/** Bytes of the Korean interface's Pagefind index and fragments, as a browser downloads them. */
function koIndexBytes(out: string): number {
  const files = JSON.parse(readFileSync(join(out, MANIFEST_FILE), 'utf8')).files as object;
  return Object.keys(files)
    .filter((f) => /^pagefind\/(index|fragment)\/ko_/.test(f))
    .reduce((sum, f) => sum + statSync(join(out, f)).size, 0);
}

/**
 * Two-syllable words of the Korean publication pages: those that occur only inside longer words
 * (never at a word's start) and those at a word's start, each with the pages that contain it.
 */
function groundTruth(out: string) {
  const files = Object.keys(JSON.parse(readFileSync(join(out, MANIFEST_FILE), 'utf8')).files);
  const inner = new Map<string, Set<string>>();
  const prefix = new Map<string, Set<string>>();
  const texts = new Map<string, string>();
  // Publication pages only: scene pages (iiif/) are not indexed, their piece is.
  for (const file of files) {
    if (
      !/^ko\/(?!people|topics|places|years|search|about|iiif)[^/]+\/[^/]+\/index\.html$/.test(file)
    )
      continue;
    const $ = cheerio.load(readFileSync(join(out, file), 'utf8'));
    $('main nav, main svg, main form, main script, main .cite-block').remove();
    // Elements are word boundaries, as they are for Pagefind.
    const text = cheerio.load(($('main').html() ?? '').replace(/<[^>]+>/g, ' ')).text();
    texts.set(`/${file.replace(/index\.html$/, '')}`, text);
  }
  const starts = new Set<string>();
  for (const text of texts.values()) {
    for (const [run] of text.matchAll(/[\uAC00-\uD7A3]{2,}/g)) starts.add(run.slice(0, 2));
  }
  for (const text of texts.values()) {
    for (const [run] of text.matchAll(HANGUL_RUN)) {
      for (let i = 1; i + 2 <= run.length; i++) {
        const word = run.slice(i, i + 2);
        if (!starts.has(word)) inner.set(word, new Set());
      }
    }
  }
  for (const word of starts) prefix.set(word, new Set());
  for (const [url, text] of texts) {
    for (const [word, pages] of [...inner, ...prefix]) if (text.includes(word)) pages.add(url);
  }
  return { inner, prefix };
}
