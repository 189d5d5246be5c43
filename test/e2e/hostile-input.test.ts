import * as cheerio from 'cheerio';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import {
  createPerson,
  createPlace,
  createTopic,
} from '../../src/features/entities/create-entities.ts';
import { createPublication } from '../../src/features/publishing/save-publication.ts';
import { createApp } from '../../src/web/app.tsx';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import { Browserish, makeStaff } from '../support/admin-session.ts';
import { browserAvailable, demoInChromium, signInWithPassword } from '../support/browser.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { XSS_PAYLOADS, XSS_TEXT } from '../support/xss-payloads.ts';

/**
 * Every text field gets every payload; every public and back-office page that shows them is
 * opened in Chromium. A dialog, a console error (a CSP refusal included) or a request to another
 * origin is a failure: no payload may run, and none may even try.
 */
describeEachDatabase(
  'hostile input in every field',
  (db) => {
    let ctx: AppContext;
    let origin: string;
    let browser: Browser;
    let close: () => Promise<void>;
    const publicPaths: string[] = [];
    let adminPaths: string[] = [];

    beforeAll(async () => {
      ({ ctx, origin, browser, close } = await demoInChromium(db()));
      await ctx.repos.settings.set(
        'site',
        { name: `Archive ${XSS_PAYLOADS[1]}`, nameKo: XSS_PAYLOADS[0], tagline: XSS_TEXT },
        new Date().toISOString(),
      );
      const topic = await createTopic(
        ctx,
        { slug: 'hostile-topic', name: XSS_TEXT.slice(0, 190) },
        SYSTEM_ACTOR,
      );
      const person = await createPerson(
        ctx,
        {
          slug: 'hostile-person',
          name: XSS_TEXT.slice(0, 290),
          sortName: 'Hostile',
          bio: XSS_TEXT,
          roles: [{ title: XSS_PAYLOADS[2] }],
        },
        SYSTEM_ACTOR,
      );
      const place = await createPlace(
        ctx,
        {
          slug: 'hostile-place',
          kind: 'town',
          names: XSS_PAYLOADS.slice(0, 8).map((name, i) => ({
            name,
            language: 'en',
            scheme: 'other',
            preferred: i === 0,
          })),
        },
        SYSTEM_ACTOR,
      );
      const section = (await ctx.repos.sections.findBySlug('articles'))!;
      await createPublication(
        ctx,
        {
          sectionId: section.id,
          slug: 'hostile-piece',
          type: 'article',
          title: XSS_TEXT.slice(0, 490),
          subtitle: XSS_PAYLOADS[3],
          summary: XSS_TEXT,
          body: `${XSS_PAYLOADS.join('\n\n')}\n\nNote.[^1]\n\n[^1]: ${XSS_TEXT}`,
          status: 'published',
          publishedAt: '2020-01-01T00:00:00.000Z',
          disclaimer: XSS_TEXT,
          needsAttention: XSS_TEXT,
          externalUrl: 'https://example.org/ok',
          contributions: [{ personId: person.id, affiliationLabel: XSS_PAYLOADS[4] }],
          topicIds: [topic.id],
          placeIds: [place.id],
        },
        SYSTEM_ACTOR,
      );
      publicPaths.push(
        '/',
        '/articles/',
        '/articles/hostile-piece/',
        '/people/hostile-person/',
        '/topics/hostile-topic/',
        '/places/hostile-place/',
        '/ko/articles/hostile-piece/',
        '/search?q=script',
      );
      const pub = (await ctx.repos.publications.findBySlug(section.id, 'hostile-piece'))!;
      adminPaths = [
        '/admin',
        '/admin/publications',
        `/admin/publications/${pub.id}`,
        '/admin/people',
        '/admin/places',
        '/admin/topics',
      ];
    }, 120_000);

    afterAll(() => close?.());

    async function watch(context: BrowserContext) {
      const problems: string[] = [];
      context.on('page', (page) => {
        page.on('dialog', async (d) => {
          problems.push(`dialog: ${d.message()}`);
          await d.dismiss();
        });
        page.on('console', (m) => {
          // Failed loads are reported by URL below, which says more than the console's line.
          if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
            problems.push(`console: ${m.text()}`);
        });
        page.on('response', (r) => {
          if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`);
        });
        page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      });
      context.on('request', (r) => {
        if (!r.url().startsWith(origin) && !r.url().startsWith('data:'))
          problems.push(`request: ${r.url()}`);
      });
      return problems;
    }

    it('runs no payload on any public page', async () => {
      const context = await browser.newContext();
      const problems = await watch(context);
      for (const path of publicPaths) {
        const page = await context.newPage();
        const res = await page.goto(`${origin}${path}`);
        // The search page may not exist on every build of the archive; everything else must.
        if (!path.startsWith('/search')) expect(res?.status(), path).toBeLessThan(400);
        await page.close();
      }
      await context.close();
      expect(problems).toEqual([]);
    }, 120_000);

    it('runs no payload on any back-office page', async () => {
      const account = await makeStaff(ctx, 'admin');
      const context = await browser.newContext();
      const problems = await watch(context);
      const page = await context.newPage();
      await signInWithPassword(page, origin, account);
      for (const path of adminPaths) {
        await page.goto(`${origin}${path}`);
        // Give the preview script time to render the hostile body.
        await page.waitForTimeout(600);
      }
      await context.close();
      expect(problems).toEqual([]);
    }, 120_000);

    it('never lets a javascript: link, an event handler or a script element into the markup', async () => {
      const b = new Browserish(createApp(ctx), origin);
      for (const path of publicPaths.filter((p) => !p.startsWith('/search'))) {
        const $ = cheerio.load(await (await b.request(path)).text());
        const bad: string[] = [];
        $('*').each((_, el) => {
          for (const [name, value] of Object.entries(
            (el as { attribs?: Record<string, string> }).attribs ?? {},
          )) {
            if (/^on/i.test(name)) bad.push(`${name} on <${(el as { name: string }).name}>`);
            if (
              /^(href|src|action|formaction|xlink:href)$/i.test(name) &&
              /^\s*(javascript|vbscript|data:text)/i.test(value)
            )
              bad.push(`${name}=${value}`);
          }
        });
        $('script').each((_, el) => {
          if ($(el).attr('type') !== 'application/ld+json') bad.push('a script element');
        });
        expect(bad, path).toEqual([]);
      }
    });
  },
  { skip: !browserAvailable() },
);
