import { createHash } from 'node:crypto';
import { raw } from 'hono/html';
import { describe, expect, it } from 'vitest';
import { compileTemplate, fillTemplate, slot } from '../../src/ui/frame-template.ts';
import type { Locale } from '../../src/ui/i18n/locales.ts';
import { translator } from '../../src/ui/i18n/translate.ts';
import type { PageContext } from '../../src/ui/page-context.ts';
import { Layout, renderInFrame } from '../../src/ui/pages/layout.tsx';

function context(locale: Locale, path: string): PageContext {
  return {
    locale,
    t: translator(locale),
    path,
    site: {
      name: 'Archive & "Friends"',
      nameKo: '기록 보관소',
      tagline: null,
      taglineKo: null,
      logoPath: '/files/logo.svg',
      footer: null,
      footerKo: null,
    },
    nav: [
      { label: 'Reports', labelKo: '보고서', path: '/reports/' },
      { label: 'About', labelKo: null, path: '/about/about/' },
    ],
    cssPath: '/assets/site.0123abcd.css',
    cssIntegrity: 'sha384-abc',
    iconPath: '/assets/icon.svg',
    publicUrl: 'https://archive.example.org',
    frameMemo: new Map(),
  };
}

const page = {
  title: 'Camps <No. 25> & "Kyo-hwa-so" \'12\'',
  headHtml: '<meta name="citation_title" content="x"/>',
  // In pieces, as a stored page's parts are: they are written one after another.
  main: ['<article class="publication">', '<h1>함경북도 …</h1>', '</article>'],
  digest: 'digest of the head and the main',
};

async function byLayout(ctx: PageContext, p: typeof page): Promise<string> {
  const html = await (
    <Layout ctx={ctx} title={p.title} headHtml={p.headHtml}>
      {raw(p.main.join(''))}
    </Layout>
  ).toString();
  return `<!DOCTYPE html>${html}`;
}

async function inFrame(ctx: PageContext, p: typeof page): Promise<string> {
  return (await renderInFrame(ctx, p)).bytes.toString('utf8');
}

describe('a page filled into the kept frame', () => {
  it('is byte for byte what the Layout renders, in both languages, with escaping', async () => {
    for (const locale of ['en', 'ko'] as const) {
      const ctx = context(locale, "/reports/camp-25-&-'more'/");
      expect(await inFrame(ctx, page)).toBe(await byLayout(ctx, page));
      // The second page comes from the kept frame.
      expect(ctx.frameMemo.size).toBe(1);
      const other = { ...ctx, path: '/articles/another/' };
      const second = { ...page, title: 'Another' };
      expect(await inFrame(other, second)).toBe(await byLayout(other, second));
    }
  });

  it('renders in full a page the menu links to, whose link is marked current', async () => {
    const ctx = context('en', '/about/about/');
    const html = await inFrame(ctx, page);
    expect(html).toBe(await byLayout(ctx, page));
    expect(html).toContain('aria-current="page"');
    expect(ctx.frameMemo.size).toBe(0);
  });

  it("renders in full a page titled like the site, whose title is the site's name alone", async () => {
    const ctx = context('en', '/reports/x/');
    const titled = { ...page, title: 'Archive & "Friends"' };
    expect(await inFrame(ctx, titled)).toBe(await byLayout(ctx, titled));
  });
});

describe("a page's ETag from the kept frame", () => {
  const etag = async (ctx: PageContext, p: typeof page) => (await renderInFrame(ctx, p)).etag;

  it('is the same for the same page, and differs when anything the bytes follow from differs', async () => {
    const ctx = context('en', '/reports/camp-25/');
    const tag = await etag(ctx, page);
    expect(await etag(ctx, page)).toBe(tag);
    const others = [
      await etag(ctx, { ...page, title: 'Camp No. 25' }),
      await etag(ctx, { ...page, digest: 'another digest' }),
      await etag({ ...ctx, path: '/reports/camp-26/' }, page),
      await etag(context('ko', '/reports/camp-25/'), page),
    ];
    // The frame itself: the same page in a site with another name.
    const renamed = context('en', '/reports/camp-25/');
    renamed.site = { ...renamed.site, name: 'Another archive' };
    others.push(await etag(renamed, page));
    expect(new Set([tag, ...others]).size).toBe(others.length + 1);
  });

  it('is the hash of the bytes for a page rendered in full', async () => {
    const ctx = context('en', '/about/about/');
    const rendered = await renderInFrame(ctx, page);
    expect(rendered.etag).toBe(createHash('sha1').update(rendered.bytes).digest('hex'));
  });
});

describe('a frame template', () => {
  const template = compileTemplate(`<title>${slot('title')}</title><p>한국어 ${slot('main')}</p>`);

  it("writes every slot's value between its fixed bytes, in UTF-8", () => {
    const page = fillTemplate(template, {
      title: 'Jongo-ri',
      main: ['함경', '북도', ' — Hamgyŏng'],
    });
    expect(page.toString('utf8')).toBe('<title>Jongo-ri</title><p>한국어 함경북도 — Hamgyŏng</p>');
    expect(page.byteLength).toBe(Buffer.byteLength(page.toString('utf8')));
  });

  it('refuses to send a page with a slot left empty', () => {
    expect(() => fillTemplate(template, { title: 'x' })).toThrow(/no value for main/);
  });
});
