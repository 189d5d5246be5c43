import { href } from '../../../ui/components/links.ts';
import { Localized, localizedText } from '../../../ui/components/localized.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { Layout } from '../../../ui/pages/layout.tsx';
import type { HomeView } from '../loaders/listings.ts';
import { EntryCard } from './entry-card.tsx';

/**
 * The front page: the featured report large beside the sections, then the latest work as a
 * grid of cards.
 */
export function HomePage(props: { ctx: PageContext; home: HomeView }) {
  const { ctx, home } = props;
  const siteName = localizedText(ctx.locale, ctx.site.name, ctx.site.nameKo);
  const tagline = localizedText(ctx.locale, ctx.site.tagline ?? '', ctx.site.taglineKo);
  return (
    <Layout ctx={ctx} title={siteName}>
      <h1 class="visually-hidden">{siteName}</h1>
      {tagline ? <p class="tagline">{tagline}</p> : null}
      <div class="home-lead">
        {home.featured ? (
          <section class="featured" aria-labelledby="featured-heading">
            <h2 id="featured-heading" class="section-label">
              {ctx.t('home.featured')}
            </h2>
            <EntryCard ctx={ctx} entry={home.featured} />
          </section>
        ) : null}
        <section class="home-sections" aria-labelledby="sections-heading">
          <h2 id="sections-heading" class="section-label">
            {ctx.t('home.sections')}
          </h2>
          <ul class="section-list">
            {home.sections.map(({ section, count }) => (
              <li>
                <a href={href(ctx.locale, `/${section.slug}/`)}>
                  <Localized locale={ctx.locale} en={section.title} ko={section.titleKo} />
                </a>{' '}
                <span class="quiet">({ctx.t('listing.count', { count })})</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading" class="section-label">
          {ctx.t('home.latest')}
        </h2>
        {home.latest.length === 0 ? <p>{ctx.t('listing.empty')}</p> : null}
        <div class="entries">
          {home.latest.map((entry) => (
            <EntryCard ctx={ctx} entry={entry} />
          ))}
        </div>
      </section>
    </Layout>
  );
}
