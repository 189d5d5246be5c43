import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import { searchArchive } from '../../src/features/search/search-archive.ts';
import { buildStaticSite } from '../../src/static-export/build-static-site.ts';
import { closePagefind } from '../../src/static-export/pagefind-index.ts';
import { CONFORMANCE_QUERIES } from '../search/conformance-queries.ts';
import { browserAvailable, launchBrowser } from '../support/browser.ts';
import { closeTestDatabase, openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { demoContext } from '../support/demo-context.ts';
import { staticFileServer } from './static-file-server.ts';

/**
 * The static export's search keeps the server's promise: every conformance query, typed into the
 * exported search page in Chromium (a plain static server, no application code), finds exactly
 * the publications the server's search finds, in both interface languages.
 */
describe.skipIf(!browserAvailable())('the static export searches as the server does', () => {
  let t: TestDatabase;
  let ctx: WiredContext;
  let out: string;
  let server: Awaited<ReturnType<typeof staticFileServer>>;
  let browser: Browser;

  beforeAll(async () => {
    t = await openTestDatabase('sqlite');
    ctx = await demoContext(t);
    out = mkdtempSync(join(tmpdir(), 'dossier-export-parity-'));
    await buildStaticSite(ctx, out);
    server = await staticFileServer(out);
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await closePagefind();
    if (out) rmSync(out, { recursive: true, force: true });
    if (t) await closeTestDatabase(t);
  });

  /** The publications the exported search page lists for a query, as language-free paths. */
  async function exported(prefix: '' | '/ko', q: string): Promise<string[]> {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.origin}${prefix}/search/?q=${encodeURIComponent(q)}`);
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

  for (const prefix of ['', '/ko'] as const) {
    it.each(CONFORMANCE_QUERIES.map((c) => c.q))(
      `finds for %s on ${prefix || '/'}search what the server finds`,
      async (q) => {
        expect(await exported(prefix, q), q).toEqual(await served(q));
      },
      60_000,
    );
  }
});
