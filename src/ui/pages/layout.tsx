import { hash } from 'node:crypto';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { escapeToBuffer } from 'hono/utils/html';
import { href } from '../components/links.ts';
import { Localized, localizedText } from '../components/localized.tsx';
import { PageMeta, type PageMetaInput } from '../components/page-meta.tsx';
import { compileTemplate, DOCTYPE, fillTemplate, type SlotValue, slot } from '../frame-template.ts';
import { pathInLocale } from '../i18n/locales.ts';
import type { PageContext } from '../page-context.ts';

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  /** Extra tags for <head>: canonical links, feeds, citation and structured data. */
  head?: Child;
  /** Description, canonical query and article facts for the canonical, Open Graph and Twitter tags. */
  meta?: PageMetaInput;
  /**
   * Head tags rendered ahead of time, meta tags included (a stored publication page): they take
   * the place of `meta` and `head`.
   */
  headHtml?: string;
  children?: Child;
}

/**
 * The frame of every public page. No inline script or style anywhere, so that the pages can be
 * cached, exported as static files and served under a strict Content-Security-Policy.
 */
export function Layout(props: LayoutProps) {
  const { ctx } = props;
  const siteName = localizedText(ctx.locale, ctx.site.name, ctx.site.nameKo);
  const other = ctx.locale === 'en' ? 'ko' : 'en';
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title === siteName ? siteName : `${props.title} — ${siteName}`}</title>
        <link rel="stylesheet" href={ctx.cssPath} integrity={ctx.cssIntegrity} />
        {ctx.site.identityCss ? <link rel="stylesheet" href={ctx.site.identityCss} /> : null}
        <link rel="icon" href={ctx.iconPath} type="image/svg+xml" />
        <meta name="color-scheme" content="light dark" />
        <link
          rel="alternate"
          hreflang="en"
          href={`${ctx.publicUrl}${pathInLocale(ctx.path, 'en')}`}
        />
        <link
          rel="alternate"
          hreflang="ko"
          href={`${ctx.publicUrl}${pathInLocale(ctx.path, 'ko')}`}
        />
        {props.headHtml !== undefined ? (
          raw(props.headHtml)
        ) : (
          <>
            <PageMeta ctx={ctx} title={props.title} meta={props.meta} />
            {props.head}
          </>
        )}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {ctx.t('site.skip')}
        </a>
        <header class="site-header">
          <div class="wrap site-bar">
            <a class="site-name" href={href(ctx.locale, '/')}>
              {ctx.site.logoPath ? (
                <img class="site-logo" src={ctx.site.logoPath} alt="" width="40" height="40" />
              ) : null}
              <span>{siteName}</span>
            </a>
            {/* The visible name comes first in the accessible name (WCAG 2.5.3), in its own
                language; the hint after it is for screen readers only. */}
            <a class="language-switch" href={pathInLocale(ctx.path, other)} hreflang={other}>
              <span lang={other}>{ctx.t('site.switchTo')}</span>
              <span class="visually-hidden"> — {ctx.t('site.switchToLabel')}</span>
            </a>
          </div>
          <div class="wrap site-tools">
            <nav class="site-nav" aria-label={ctx.t('site.menu')}>
              <ul>
                {ctx.nav.map((link) => (
                  <li>
                    <a
                      href={href(ctx.locale, link.path)}
                      aria-current={ctx.path === link.path ? 'page' : undefined}
                    >
                      <Localized locale={ctx.locale} en={link.label} ko={link.labelKo} />
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            {/* The search page has its own form: one search box per page. */}
            {ctx.path === '/search' ? null : (
              <form class="site-search" action={href(ctx.locale, '/search')} method="get">
                <label for="site-search-q" class="visually-hidden">
                  {ctx.t('site.search')}
                </label>
                <input
                  id="site-search-q"
                  type="search"
                  name="q"
                  placeholder={ctx.t('site.searchPlaceholder')}
                />
                <button type="submit">{ctx.t('site.search')}</button>
              </form>
            )}
          </div>
        </header>
        <main id="main" class="wrap" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{localizedText(ctx.locale, ctx.site.footer ?? siteName, ctx.site.footerKo)}</p>
            <p>
              <a href={href(ctx.locale, '/people/')}>{ctx.t('site.people')}</a> ·{' '}
              <a href={href(ctx.locale, '/topics/')}>{ctx.t('site.topics')}</a> ·{' '}
              <a href={href(ctx.locale, '/places/')}>{ctx.t('site.places')}</a> ·{' '}
              <a href={href(ctx.locale, '/years/')}>{ctx.t('site.years')}</a>
            </p>
            <p class="quiet">
              {ctx.t('site.footer.archive')} {ctx.t('site.footer.noTracking')}
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** A page ready to send: its bytes and the ETag that names them. */
export interface RenderedPage {
  bytes: Buffer<ArrayBuffer>;
  /** A strong validator: two pages with the same ETag have the same bytes (quotes not included). */
  etag: string;
}

/**
 * A whole document in the frame, as the Layout renders it, from HTML already made: for pages
 * served from stored parts, where rendering the frame's elements again cost more than everything
 * else.
 *
 * The frame is rendered by the Layout itself once per frame and language, with slots where the
 * title, the path, the head tags and the content go (frame-template.ts), and kept in
 * `ctx.frameMemo`; each page fills it in with the same escaping. A page the menu links to (its
 * link is marked current), or titled like the site, differs in more than these, and is rendered
 * in full.
 *
 * `digest` stands for the head tags and the content: pages given the same digest must have the
 * same `headHtml` and `main`. The bytes of a page filled into the frame follow from the frame,
 * the title, the path and those, so its ETag is a hash of their digests and is made without
 * hashing the whole page again, which would be a sizeable share of serving a stored page.
 */
export async function renderInFrame(
  ctx: PageContext,
  page: { title: string; headHtml: string; main: SlotValue; digest: string },
): Promise<RenderedPage> {
  const siteName = localizedText(ctx.locale, ctx.site.name, ctx.site.nameKo);
  if (page.title === siteName || ctx.nav.some((link) => link.path === ctx.path)) {
    const main = typeof page.main === 'string' ? page.main : page.main.join('');
    const full = (
      <Layout ctx={ctx} title={page.title} headHtml={page.headHtml}>
        {raw(main)}
      </Layout>
    );
    const bytes = Buffer.from(`${DOCTYPE}${await full.toString()}`);
    return { bytes, etag: hash('sha1', bytes) };
  }
  const key = `layout:${ctx.locale}`;
  let template = ctx.frameMemo.get(key);
  if (template === undefined) {
    const marked = (
      <Layout ctx={{ ...ctx, path: slot('path') }} title={slot('title')} headHtml={slot('head')}>
        {raw(slot('main'))}
      </Layout>
    );
    template = compileTemplate(`${DOCTYPE}${await marked.toString()}`);
    ctx.frameMemo.set(key, template);
  }
  const bytes = fillTemplate(template, {
    title: escapeText(page.title),
    path: escapeText(ctx.path),
    head: page.headHtml,
    main: page.main,
  });
  const inputs = JSON.stringify([template.digest, page.title, ctx.path, page.digest]);
  return { bytes, etag: hash('sha1', inputs) };
}

function escapeText(text: string): string {
  const buffer: [string] = [''];
  escapeToBuffer(text, buffer);
  return buffer[0];
}
