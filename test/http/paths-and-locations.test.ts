import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import { createApp } from '../../src/web/app.tsx';
import { describeEachDatabase } from '../support/databases.ts';
import { buildPublication, buildSection, fixedClock, testContext } from '../support/factories.ts';

const ORIGIN = 'http://localhost';

/** What is wrong with a response's Location, or null: it must be a same-site, encoded path. */
function locationProblem(location: string, base: string): string | null {
  if (!/^[\x21-\x7e]+$/.test(location)) return 'not printable ASCII';
  if (/%(?![0-9A-Fa-f]{2})/.test(location)) return 'a stray %';
  if (!location.startsWith('/') || location.startsWith('//')) return 'not a path on this site';
  const next = new URL(location, base);
  if (next.origin !== ORIGIN) return `leaves for ${next.origin}`;
  if (next.pathname.startsWith('//')) return 'resolves to //';
  return null;
}

describeEachDatabase('paths in, locations out', (db) => {
  let ctx: AppContext;
  let app: ReturnType<typeof createApp>;
  let sectionSlug: string;
  let pieceSlug: string;

  /**
   * Requests `url` and every address it redirects to (up to five), checking each answer: never
   * a 500, and a Location that stays on this site, printable and percent-encoded. Returns the
   * first answer.
   */
  async function follow(url: string): Promise<Response> {
    const first = await app.request(url);
    let res = first;
    let at = url;
    for (let hop = 0; hop < 5; hop++) {
      const label = `${at} → ${res.status}`;
      expect(res.status, label).toBeLessThan(500);
      const location = res.headers.get('Location');
      if (location === null) break;
      expect(locationProblem(location, at), `${label} Location: ${location}`).toBeNull();
      at = new URL(location, at).href;
      res = await app.request(at);
    }
    expect(res.status, at).toBeLessThan(500);
    return first;
  }

  beforeAll(async () => {
    ctx = await testContext(db(), fixedClock('2026-06-01T12:00:00.000Z'));
    app = createApp(ctx);
    const section = await buildSection(ctx, { slug: 'reports' });
    sectionSlug = section.slug;
    const piece = await buildPublication(ctx, {
      sectionId: section.id,
      status: 'published',
      publishedAt: '2026-01-01T00:00:00.000Z',
    });
    pieceSlug = piece.slug;
    // Rows from before redirect rules refused them (or from an old backup): read, never obeyed.
    const at = '2026-01-01T00:00:00.000Z';
    for (const [fromPath, toPath] of [
      ['/old-unsafe', '//evil.example/x'],
      ['/old-backslash', '/\\evil.example/x'],
      ['/old-dots', '/.//evil.example/x'],
      ['/old-cafe', '/reports/café/'],
    ]) {
      await ctx.repos.redirects.insert(
        { fromPath: fromPath!, toPath: toPath!, statusCode: 301 },
        at,
      );
    }
  }, 60_000);

  it('never sends a reader to another site, whatever the path or redirect', async () => {
    const folder = await follow(`${ORIGIN}//evil.example/x`);
    expect(folder.status).toBe(404);
    expect((await follow(`${ORIGIN}/old-cafe`)).headers.get('Location')).toBe(
      '/reports/caf%C3%A9/',
    );
    const segment = fc.oneof(
      fc.constantFrom('', '.', '..', '%2e', '%2E%2e', 'evil.example', 'evil.example:80', '@evil'),
      fc.constantFrom('%2F', '%2f%2f', '%5C', '\\', '%09', '%0A', '%0D', ' ', '%20', 'ko', 'api'),
      fc.constantFrom('admin', 'reports', 'old-unsafe', 'old-backslash', 'old-dots', 'old-cafe'),
      fc.constantFrom(sectionSlug, pieceSlug, 'x.pdf', 'v1', 'publications', 'people'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 6 }), async (segments) => {
        await follow(`${ORIGIN}/${segments.join('/')}`);
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('answers any path without a 500, and every Location is an encoded, same-site header', async () => {
    for (const bad of ['%00', '%0A', '%7F', '%C2%85', '%FF', '%', '%E0%80%80']) {
      for (const prefix of ['/reports/', '/ko/reports/', `/reports/${pieceSlug}/`, '/admin/']) {
        const res = await follow(`${ORIGIN}${prefix}${bad}`);
        expect(res.status, `${prefix}${bad}`).toBe(404);
      }
      const api = await follow(`${ORIGIN}/api/v1/publications/${bad}`);
      expect(api.status).toBe(400);
      expect(api.headers.get('Content-Type')).toBe('application/problem+json');
    }
    // A NUL in the query would reach PostgreSQL, which cannot hold one in text.
    for (const query of ['/api/v1/publications?q=%00', '/api/v1/publications?section=a%00']) {
      expect((await follow(`${ORIGIN}${query}`)).status, query).toBe(400);
    }
    // The search page drops it and searches for the rest.
    expect((await follow(`${ORIGIN}/search?q=a%00b&person=%00`)).status).toBe(200);
    expect((await follow(`${ORIGIN}/ko/search?q=a%00b`)).status).toBe(200);
    const cafe = await follow(`${ORIGIN}/reports/caf%C3%A9`);
    expect(cafe.headers.get('Location')).toBe('/reports/caf%C3%A9/');

    const prefix = fc.constantFrom(
      '/',
      '/ko/',
      '/reports/',
      `/reports/${pieceSlug}/`,
      '/admin/',
      '/search',
      '/api/v1/publications',
    );
    const encodedBytes = fc
      .uint8Array({ maxLength: 12 })
      .map((bytes) => [...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''));
    const tail = fc.oneof(encodedBytes, fc.string({ unit: 'binary', maxLength: 12 }));
    const query = fc.option(fc.tuple(fc.constantFrom('q', 'page', 'section', 'next'), tail), {
      nil: undefined,
    });
    const args = [prefix, fc.array(tail, { maxLength: 3 }), query] as const;
    await fc.assert(
      fc.asyncProperty(...args, async (start, parts, search) => {
        const url = `${ORIGIN}${start}${parts.join('/')}${search ? `?${search[0]}=${search[1]}` : ''}`;
        // Whatever the URL parser makes of it, as a browser or the node server would.
        if (!URL.canParse(url)) return;
        await follow(url);
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});
