import type { Child } from 'hono/jsx';
import type { EntryView, ListingPage as Listing } from '../../../core/public-views.ts';
import { Breadcrumbs, type Crumb } from '../../../ui/components/breadcrumbs.tsx';
import { Pagination } from '../../../ui/components/pagination.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { Layout } from '../../../ui/pages/layout.tsx';
import { EntryCard } from './entry-card.tsx';

/**
 * Any paginated list of entries: a section, a person's work, a topic, a year, as a grid of
 * cards that fills a wide screen. A disclaimer worded for a list is said once, above the
 * entries, never under each of them.
 */
export function ListingPage(props: {
  ctx: PageContext;
  title: string;
  titleLang?: string;
  trail: Crumb[];
  basePath: string;
  listing: Listing<EntryView>;
  intro?: Child;
  disclaimer?: string | null;
  /** The page's meta description; by default, what the list holds. */
  description?: string | null;
  head?: Child;
}) {
  const { ctx, listing } = props;
  const heading =
    listing.pages > 1
      ? `${props.title} (${ctx.t('listing.page', { page: listing.page, pages: listing.pages })})`
      : props.title;
  return (
    <Layout
      ctx={ctx}
      title={heading}
      head={props.head}
      meta={{
        canonicalQuery: listing.page > 1 ? `?page=${listing.page}` : undefined,
        description:
          props.description ?? ctx.t('meta.listing', { title: props.title, count: listing.total }),
      }}
    >
      <Breadcrumbs ctx={ctx} trail={props.trail} />
      <h1 lang={props.titleLang}>{props.title}</h1>
      {props.intro}
      {props.disclaimer ? (
        <aside class="disclaimer" aria-label={ctx.t('pub.disclaimer')}>
          <p>{props.disclaimer}</p>
        </aside>
      ) : null}
      {listing.total === 0 ? <p>{ctx.t('listing.empty')}</p> : null}
      <div class="entries">
        {listing.items.map((entry) => (
          <EntryCard ctx={ctx} entry={entry} headingLevel={2} />
        ))}
      </div>
      <Pagination ctx={ctx} basePath={props.basePath} page={listing.page} pages={listing.pages} />
    </Layout>
  );
}
