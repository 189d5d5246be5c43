import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { AxeBuilder } from '@axe-core/playwright';
import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import type { StoredIdentity } from '../../src/features/reading/settings/identity.ts';
import type { createApp } from '../../src/web/app.tsx';
import type { Browserish } from '../support/admin-session.ts';
import { browserAvailable, launchBrowser } from '../support/browser.ts';
import {
  closeTestDatabase,
  describeEachDatabase,
  openTestDatabase,
  type TestDatabase,
} from '../support/databases.ts';
import { buildPublication } from '../support/factories.ts';
import { liveServer } from '../support/live-server.ts';
import { backOfficeAs, fieldValue, sentBack } from './back-office-support.ts';

const require = createRequire(import.meta.url);

/** Noto Sans KR's Latin subset, a real WOFF2 the project already ships (SIL OFL 1.1). */
const WOFF2 = readFileSync(
  require.resolve('@fontsource/noto-sans-kr/files/noto-sans-kr-latin-400-normal.woff2'),
);
/** The same face as WOFF 1, which is not accepted. */
const WOFF1 = readFileSync(
  require.resolve('@fontsource/noto-sans-kr/files/noto-sans-kr-latin-400-normal.woff'),
);
/** A TrueType font from pdf.js's standard fonts (Liberation, SIL OFL 1.1). */
const TTF = readFileSync(
  require
    .resolve('pdfjs-dist/package.json')
    .replace(/package\.json$/, 'standard_fonts/LiberationSans-Regular.ttf'),
);

const GOOD_COLOURS = {
  brand: '#7a1f3d',
  accent: '#0b5d7a',
  text: '#1a1a1a',
  background: '#fffdf7',
};

/** Everything an SVG can use to run code or reach another site, around two harmless shapes. */
const HOSTILE_SVG = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 40 40" onload="alert('load')">
  <script>alert('script')</script>
  <script xlink:href="http://evil.example/x.js"/>
  <style>rect { fill: url(http://evil.example/style.png) }</style>
  <defs><linearGradient id="ok"><stop offset="0" stop-color="#1f3a5f"/></linearGradient></defs>
  <rect width="40" height="40" fill="url(#ok)" onclick="alert('click')" style="fill:url(http://evil.example/attr.png)"/>
  <a href="javascript:alert('link')"><text x="2" y="20">Click me</text></a>
  <image href="http://evil.example/pixel.png" width="1" height="1"/>
  <foreignObject width="40" height="40"><iframe xmlns="http://www.w3.org/1999/xhtml" src="http://evil.example/frame"/></foreignObject>
  <use xlink:href="http://evil.example/sprite.svg#icon"/>
  <use href="sprite.svg#icon"/>
  <circle cx="20" cy="20" r="8" fill="url(http://evil.example/paint.svg#p)" stroke="url('#ok')"/>
  <text x="2" y="38" onmouseover="alert('hover')">CHRNK</text>
</svg>`;

const SAFE_ELEMENTS = new Set([
  'svg',
  'defs',
  'lineargradient',
  'stop',
  'rect',
  'use',
  'circle',
  'text',
]);

describeEachDatabase('the look of the public site, set in the back office', (db) => {
  let ctx: AppContext;
  let app: ReturnType<typeof createApp>;
  let admin: Browserish;
  let adminId: number;
  let editor: Browserish;
  let contributor: Browserish;

  beforeAll(async () => {
    const office = await backOfficeAs(db(), 'admin', 'editor', 'contributor');
    ({ ctx, app, admin, editor, contributor } = office);
    adminId = office.accounts.admin.userId;
    await buildPublication(ctx, { title: 'Flooding at Kyo-hwa-so No. 12' });
  }, 60_000);

  const identity = async () => (await ctx.repos.settings.get<StoredIdentity>('identity')) ?? {};
  const identityChanges = async () =>
    (await ctx.repos.audit.list({ action: 'settings.update' })).filter(
      (e) => e.subjectId === 'identity',
    );
  const get = (path: string) => app.request(`http://localhost${path}`);

  /** Posts a multipart form as the settings page sends it: the CSRF token first. */
  async function upload(
    as: Browserish,
    action: string,
    fields: Array<[string, string | File]>,
  ): Promise<Response> {
    const page = await (await as.request('/admin')).text();
    const form = new FormData();
    form.append('_csrf', /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '');
    for (const [k, v] of fields) form.append(k, v);
    return as.request(action, { method: 'POST', body: form });
  }

  const fontFields = (file: File, family = 'Noto Sans KR'): Array<[string, string | File]> => [
    ['family', family],
    ['use', 'body'],
    ['weight', '400'],
    ['style', 'normal'],
    ['font', file],
  ];

  /** The identity stylesheet a public page links, fetched; null when it links none. */
  async function identityStylesheetOf(path: string) {
    const $ = cheerio.load(await (await get(path)).text());
    const href = $('link[rel="stylesheet"][href^="/identity/"]').attr('href');
    return href ? { href, res: await get(href) } : null;
  }

  it('refuses text that reads below 4.5:1 on the background, naming the ratio, and saves nothing', async () => {
    const before = await identity();
    const audited = (await identityChanges()).length;
    const page = cheerio.load(
      await sentBack(
        admin.submit('/admin/settings', '/admin/settings/colours', {
          ...GOOD_COLOURS,
          text: '#777777',
          background: '#ffffff',
        }),
      ),
    );
    expect(page('#f-text-error').text()).toBe(
      'Text on background (#777777 on #ffffff) has a contrast of 4.48:1; WCAG AA needs at least 4.5:1',
    );
    expect(page('#f-text').attr('aria-invalid')).toBe('true');
    expect(fieldValue(page.html(), 'text')).toBe('#777777');
    expect(await identity()).toEqual(before);
    expect(await identityChanges()).toHaveLength(audited);
  });

  it('refuses links that read below 4.5:1 on the background', async () => {
    const page = cheerio.load(
      await sentBack(
        admin.submit('/admin/settings', '/admin/settings/colours', {
          ...GOOD_COLOURS,
          accent: '#5b9bd5',
        }),
      ),
    );
    expect(page('#f-accent-error').text()).toMatch(/has a contrast of 2\.\d\d:1; WCAG AA/);
    expect((await identity()).colours ?? null).toBeNull();
  });

  it('refuses a brand colour on which neither white nor black text reaches 4.5:1', async () => {
    const page = cheerio.load(
      await sentBack(
        admin.submit('/admin/settings', '/admin/settings/colours', {
          ...GOOD_COLOURS,
          brand: '#777777',
        }),
      ),
    );
    expect(page('#f-brand-error').text()).toBe(
      'Text on the brand colour (#ffffff on #777777) has a contrast of 4.48:1; WCAG AA needs at least 4.5:1',
    );
    expect((await identity()).colours ?? null).toBeNull();
  });

  it('puts saved colours on every public page in both languages as a stylesheet of custom properties, never inline', async () => {
    const res = await admin.submit('/admin/settings', '/admin/settings/colours', GOOD_COLOURS);
    expect(res.status).toBe(303);
    expect((await identity()).colours).toEqual(GOOD_COLOURS);
    const [event] = await identityChanges();
    expect(event).toMatchObject({ actorUserId: adminId, detail: { change: 'colours' } });

    const english = await identityStylesheetOf('/');
    const korean = await identityStylesheetOf('/ko/');
    expect(english?.href).toMatch(/^\/identity\/[0-9a-f]{20}\.css$/);
    expect(korean?.href).toBe(english?.href);
    const css = await english!.res.text();
    expect(english!.res.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(english!.res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(css).toContain('--brand:#7a1f3d;--brand-contrast:#ffffff');
    expect(css).toContain('--accent:#0b5d7a;--text:#1a1a1a;--background:#fffdf7');

    for (const path of ['/', '/ko/', '/ko/search?q=flooding']) {
      const page = await get(path);
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      const $ = cheerio.load(await page.text());
      expect($('[style]').length, path).toBe(0);
      expect($('style').length, path).toBe(0);
    }
  });

  it('mixes the muted text and surface shades from the saved colours, and keeps them off the printed page', async () => {
    const res = await admin.submit('/admin/settings', '/admin/settings/colours', {
      brand: '#2b5d8a',
      accent: '#8fc1ff',
      text: '#e8e8e8',
      background: '#1b1f24',
    });
    expect(res.status).toBe(303);
    const css = await (await identityStylesheetOf('/'))!.res.text();
    expect(css).toContain(
      '@media screen and (prefers-color-scheme: light){:root{--accent:#8fc1ff;--text:#e8e8e8;--background:#1b1f24;--surface:#25292e;--muted:#b5b6b7}}',
    );
    expect(css).not.toMatch(/^:root\{--brand/m);
  });

  it('goes back to the standard colours, linking no identity stylesheet when nothing else is set', async () => {
    const res = await admin.submit('/admin/settings', '/admin/settings/colours', {
      ...GOOD_COLOURS,
      reset: '1',
    });
    expect(res.status).toBe(303);
    expect((await identity()).colours).toBeNull();
    expect(await identityStylesheetOf('/')).toBeNull();
    expect((await identityChanges())[0]?.detail).toMatchObject({ change: 'colours' });
  });

  it('serves an SVG logo rewritten without scripts, handlers or outside references, from this site, under a policy that runs nothing', async () => {
    const res = await upload(admin, '/admin/settings/logo', [
      ['logo', new File([HOSTILE_SVG], 'logo.svg', { type: 'image/svg+xml' })],
    ]);
    expect(res.status).toBe(303);
    expect((await identityChanges())[0]?.detail).toMatchObject({ change: 'logo' });

    for (const path of ['/', '/ko/']) {
      const src = cheerio
        .load(await (await get(path)).text())('img.site-logo')
        .attr('src');
      expect(src, path).toMatch(/^\/identity\/[0-9a-f]{64}\.svg$/);
    }
    const src = cheerio
      .load(await (await get('/')).text())('img.site-logo')
      .attr('src')!;
    const logo = await get(src);
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/svg+xml');
    expect(logo.headers.get('x-content-type-options')).toBe('nosniff');
    expect(logo.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
    const svg = await logo.text();

    for (const bad of [
      'script',
      'onload',
      'onclick',
      'onmouseover',
      'alert',
      'javascript:',
      'evil.example',
      'foreignObject',
      'iframe',
      'image',
      'style',
      'sprite.svg',
      'Click me',
    ]) {
      expect(svg, bad).not.toContain(bad);
    }
    const $ = cheerio.load(svg, { xml: true });
    const elements = $('*')
      .toArray()
      .filter((node): node is Element => node.type === 'tag');
    const names = new Set(elements.map((el) => el.tagName.toLowerCase()));
    expect([...names].filter((n) => !SAFE_ELEMENTS.has(n))).toEqual([]);
    const outside = elements
      .flatMap((el) => Object.entries(el.attribs))
      .filter(([k, v]) => !k.startsWith('xmlns') && /https?:|\/\//.test(v));
    expect(outside).toEqual([]);
    expect($('use').length).toBe(2);
    expect($('use[href], use[xlink\\:href]').length).toBe(0);
    expect($('rect').attr('fill')).toBe('url(#ok)');
    expect($('circle').attr('stroke')).toBe("url('#ok')");
    expect($('text').text()).toBe('CHRNK');
  });

  it('refuses an SVG that declares entities, and keeps the logo it had', async () => {
    const before = (await identity()).logo;
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>`;
    const page = cheerio.load(
      await sentBack(
        upload(admin, '/admin/settings/logo', [['logo', new File([bomb], 'bomb.svg')]]),
      ),
    );
    expect(page('#f-logo-error').text()).toContain('a DOCTYPE is not accepted');
    expect((await identity()).logo).toEqual(before);
  });

  it('serves a PNG logo re-encoded without its metadata', async () => {
    const png = await sharp({
      create: { width: 8, height: 8, channels: 3, background: { r: 122, g: 31, b: 61 } },
    })
      .png()
      .withExif({ IFD0: { Artist: 'Kim Secret-Source', Make: 'LeakyPhone' } })
      .toBuffer();
    expect(png.includes('Kim Secret-Source')).toBe(true);
    const res = await upload(admin, '/admin/settings/logo', [
      ['logo', new File([png], 'logo.png')],
    ]);
    expect(res.status).toBe(303);
    const src = cheerio
      .load(await (await get('/ko/')).text())('img.site-logo')
      .attr('src')!;
    expect(src).toMatch(/^\/identity\/[0-9a-f]{64}\.png$/);
    const served = await get(src);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const bytes = Buffer.from(await served.arrayBuffer());
    expect(bytes.includes('Kim Secret-Source')).toBe(false);
    expect(bytes.includes('LeakyPhone')).toBe(false);
    const meta = await sharp(bytes).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 8, height: 8 });
    expect(meta.exif).toBeUndefined();
  });

  it('removes the logo from the pages, and its address stops answering', async () => {
    const src = cheerio
      .load(await (await get('/')).text())('img.site-logo')
      .attr('src')!;
    const res = await upload(admin, '/admin/settings/logo', [['remove', '1']]);
    expect(res.status).toBe(303);
    expect(cheerio.load(await (await get('/')).text())('img.site-logo')).toHaveLength(0);
    expect((await get(src)).status).toBe(404);
  });

  it('refuses a font that is not WOFF2, saying so, and saves nothing', async () => {
    const before = await identity();
    const audited = (await identityChanges()).length;
    for (const file of [
      new File([TTF], 'LiberationSans-Regular.ttf', { type: 'font/ttf' }),
      new File([WOFF1], 'noto.woff', { type: 'font/woff' }),
      new File(['this is not a font, only text'.repeat(4)], 'renamed.woff2'),
    ]) {
      const page = cheerio.load(
        await sentBack(upload(admin, '/admin/settings/fonts', fontFields(file))),
      );
      expect(page('#f-font-error').text(), file.name).toBe(
        'Upload a WOFF2 font file (it starts with “wOF2”)',
      );
    }
    expect(await identity()).toEqual(before);
    expect(await identityChanges()).toHaveLength(audited);
  });

  it('serves a WOFF2 font from this site, cached for a year, named by an @font-face the pages link', async () => {
    const res = await upload(
      admin,
      '/admin/settings/fonts',
      fontFields(new File([WOFF2], 'noto.woff2')),
    );
    expect(res.status).toBe(303);
    expect((await identityChanges())[0]).toMatchObject({
      actorUserId: adminId,
      detail: { change: 'font' },
    });
    const [font] = (await identity()).fonts ?? [];
    expect(font).toMatchObject({ family: 'Noto Sans KR', weight: 400, use: 'body' });

    const sheet = await identityStylesheetOf('/ko/');
    const css = await sheet!.res.text();
    const url = `/identity/${font!.sha256}.woff2`;
    expect(css).toContain(
      `@font-face{font-family:"Noto Sans KR";src:url(${url}) format("woff2");font-weight:400;font-style:normal;font-display:swap}`,
    );
    expect(css).toContain('--font-body:"Noto Sans KR", system-ui');
    expect((await get('/')).headers.get('content-security-policy')).toContain("font-src 'self'");

    const served = await get(url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('font/woff2');
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(served.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(Buffer.from(await served.arrayBuffer()).equals(WOFF2)).toBe(true);
  });

  it('keeps the font out of the page weight: HTML and style sheets only, the font fetched on its own', async () => {
    const [font] = (await identity()).fonts ?? [];
    for (const path of ['/', '/ko/']) {
      const html = await (await get(path)).text();
      expect(html).not.toContain('.woff2');
      const sheets = cheerio
        .load(html)('link[rel="stylesheet"]')
        .map((_, el) => el.attribs.href)
        .get();
      expect(sheets).toHaveLength(2);
      for (const href of sheets) {
        const css = await (await get(href)).text();
        // Referenced by address, never inlined, so the style sheets stay as light as before.
        expect(css).not.toContain('data:');
      }
    }
    const identitySheet = await identityStylesheetOf('/');
    const packed = await app.request(`http://localhost${identitySheet!.href}`, {
      headers: { 'Accept-Encoding': 'br' },
    });
    expect((await packed.arrayBuffer()).byteLength).toBeLessThan(1024);
    expect(WOFF2.byteLength).toBeGreaterThan(10 * 1024);
    // The font is named by its own address in the identity style sheet, fetched apart.
    const plain = await (await app.request(`http://localhost${identitySheet!.href}`)).text();
    expect(plain).toContain(`/identity/${font!.sha256}.woff2`);
  });

  it('takes a font off the pages when it is removed, and its address stops answering', async () => {
    const [font] = (await identity()).fonts ?? [];
    const url = `/identity/${font!.sha256}.woff2`;
    const audited = (await identityChanges()).length;
    const res = await admin.submit('/admin/settings', '/admin/settings/fonts/remove', {
      sha256: font!.sha256,
    });
    expect(res.status).toBe(303);
    expect((await identity()).fonts).toEqual([]);
    expect((await get(url)).status).toBe(404);
    expect(await identityStylesheetOf('/')).toBeNull();
    expect(await identityChanges()).toHaveLength(audited + 1);
  });

  it('lets only those who manage settings change the look, and records nothing for the others', async () => {
    const before = await identity();
    const audited = (await identityChanges()).length;
    for (const [who, browser] of [
      ['editor', editor],
      ['contributor', contributor],
    ] as const) {
      expect((await browser.request('/admin/settings')).status, who).toBe(403);
      const colours = await browser.submit('/admin', '/admin/settings/colours', GOOD_COLOURS);
      expect(colours.status, who).toBe(403);
      const logo = await upload(browser, '/admin/settings/logo', [
        ['logo', new File([HOSTILE_SVG], 'logo.svg')],
      ]);
      expect(logo.status, who).toBe(403);
      const font = await upload(
        browser,
        '/admin/settings/fonts',
        fontFields(new File([WOFF2], 'f.woff2')),
      );
      expect(font.status, who).toBe(403);
      const remove = await browser.submit('/admin', '/admin/settings/fonts/remove', {
        sha256: '0'.repeat(64),
      });
      expect(remove.status, who).toBe(403);
    }
    expect(await identity()).toEqual(before);
    expect(await identityChanges()).toHaveLength(audited);
  });
});

describe.skipIf(!browserAvailable())('the look of the public site in Chromium', () => {
  let t: TestDatabase;
  let server: Awaited<ReturnType<typeof liveServer>>;
  let office: Awaited<ReturnType<typeof backOfficeAs<'admin'>>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;

  beforeAll(async () => {
    t = await openTestDatabase('sqlite');
    office = await backOfficeAs(t, 'admin');
    await buildPublication(office.ctx, { title: 'Flooding at Kyo-hwa-so No. 12' });
    server = await liveServer(office.app);
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await closeTestDatabase(t);
  });

  it('shows light text on a dark background with every text at AA contrast, and loads the font from this site only', async () => {
    const colours = await office.admin.submit('/admin/settings', '/admin/settings/colours', {
      brand: '#2b5d8a',
      accent: '#8fc1ff',
      text: '#e8e8e8',
      background: '#1b1f24',
    });
    expect(colours.status).toBe(303);
    const page = await (await office.admin.request('/admin')).text();
    const form = new FormData();
    form.append('_csrf', /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '');
    form.append('family', 'Archive Sans');
    form.append('use', 'heading');
    form.append('font', new File([WOFF2], 'archive-sans.woff2'));
    const font = await office.admin.request('/admin/settings/fonts', {
      method: 'POST',
      body: form,
    });
    expect(font.status).toBe(303);

    const context = await browser.newContext({ colorScheme: 'light' });
    const elsewhere: string[] = [];
    const violations: string[] = [];
    context.on('request', (r) => {
      if (!r.url().startsWith(server.origin) && !r.url().startsWith('data:'))
        elsewhere.push(r.url());
    });
    for (const path of ['/', '/ko/']) {
      const tab = await context.newPage();
      await tab.goto(`${server.origin}${path}`);
      const loaded = await tab.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].map((f) => `${f.family} ${f.status}`);
      });
      expect(loaded, path).toContain('Archive Sans loaded');
      const result = await new AxeBuilder({ page: tab }).withRules(['color-contrast']).analyze();
      for (const v of result.violations)
        for (const n of v.nodes)
          violations.push(`${path} ${n.target.join(' ')}: ${n.failureSummary}`);
      await tab.close();
    }
    await context.close();
    expect(violations).toEqual([]);
    expect(elsewhere).toEqual([]);
  }, 60_000);
});
