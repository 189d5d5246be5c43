import { webSiteJsonLd } from '../head/site-jsonld.ts';
import { type SocialPage, shortDescription, socialTags } from '../head/social-tags.ts';
import type { PageContext } from '../page-context.ts';
import { FeedLinks } from './feed-links.tsx';
import { JsonLd } from './json-ld.tsx';
import { href } from './links.ts';
import { localizedText } from './localized.tsx';
import { MetaTags } from './meta-tags.tsx';

/** What a page may say about itself beyond its title; every field is optional. */
export interface PageMetaInput {
  description?: string | null;
  /** "?page=2" on later pages of a listing, so that each page is its own canonical address. */
  canonicalQuery?: string;
  article?: SocialPage['article'];
}

/**
 * The head tags every public page carries: its canonical address (from the configured public
 * URL, never the request's Host), Open Graph and Twitter card tags, the site's feeds, and on
 * the home page the WebSite with its SearchAction as JSON-LD.
 */
export function PageMeta(props: { ctx: PageContext; title: string; meta?: PageMetaInput }) {
  const { ctx, meta } = props;
  const siteName = localizedText(ctx.locale, ctx.site.name, ctx.site.nameKo);
  const url = `${ctx.publicUrl}${href(ctx.locale, ctx.path)}${meta?.canonicalQuery ?? ''}`;
  const isHome = ctx.path === '/';
  const tagline = localizedText(ctx.locale, ctx.site.tagline ?? '', ctx.site.taglineKo) || null;
  // Every page says what it is, for search engines' result lines; a page that has nothing of its
  // own to say names itself and the site.
  const description = shortDescription(
    meta?.description ??
      (isHome ? tagline : null) ??
      ctx.t('meta.default', { title: props.title, site: siteName }),
  );
  return (
    <>
      <link rel="canonical" href={url} />
      {description ? <meta name="description" content={description} /> : null}
      <MetaTags
        tags={socialTags({
          title: props.title,
          description,
          url,
          siteName,
          locale: ctx.locale,
          image: ctx.site.logoPath ? `${ctx.publicUrl}${ctx.site.logoPath}` : null,
          article: meta?.article,
        })}
      />
      <FeedLinks ctx={ctx} folder="/" name={siteName} />
      {isHome ? (
        <JsonLd
          data={webSiteJsonLd({
            name: ctx.site.name,
            alternateName: ctx.site.nameKo,
            url: ctx.publicUrl,
            language: ctx.locale,
          })}
        />
      ) : null}
    </>
  );
}
