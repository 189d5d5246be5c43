import type { PageContext } from '../page-context.ts';
import { href } from './links.ts';

/**
 * Feed autodiscovery (<link rel="alternate"> in the head) for the feeds in one folder: '/' for the
 * whole site, '/articles/' for a section, '/people/{slug}/' for a person, and so on. A page of
 * the Korean interface links the Korean feeds, under /ko/.
 */
export function FeedLinks(props: { ctx: PageContext; folder: string; name: string }) {
  const { ctx, folder, name } = props;
  const base = `${ctx.publicUrl}${href(ctx.locale, folder)}`;
  return (
    <>
      <link
        rel="alternate"
        type="application/rss+xml"
        title={ctx.t('feed.rss', { name })}
        href={`${base}feed.xml`}
      />
      <link
        rel="alternate"
        type="application/atom+xml"
        title={ctx.t('feed.atom', { name })}
        href={`${base}feed.atom`}
      />
      <link
        rel="alternate"
        type="application/feed+json"
        title={ctx.t('feed.json', { name })}
        href={`${base}feed.json`}
      />
    </>
  );
}
