import { renderMarkdown } from '../../../core/markdown/markdown.ts';
import { preferredName } from '../../../core/place-name.ts';
import type { CatalogFilter } from '../../../core/repositories/catalog-repository.ts';
import { translator } from '../../../ui/i18n/translate.ts';
import type { ReadingRepos } from '../../reading/index.ts';
import { loadWorks } from '../load-works.ts';
import type { ScholarlyContext } from '../scholarly-context.ts';
import { fullTitle } from '../work.ts';
import type { Feed, FeedItem } from './feed.ts';

/** Whose work a feed follows: the whole site, or one section, person, topic or place. */
export type FeedScope =
  | { kind: 'site' }
  | { kind: 'section' | 'person' | 'topic' | 'place'; slug: string };

/** The folder a scope's feeds live in: '/', '/articles/', '/people/roberta-cohen/'… */
export function feedFolder(scope: FeedScope): string {
  switch (scope.kind) {
    case 'site':
      return '/';
    case 'section':
      return `/${scope.slug}/`;
    case 'person':
      return `/people/${scope.slug}/`;
    case 'topic':
      return `/topics/${scope.slug}/`;
    case 'place':
      return `/places/${scope.slug}/`;
  }
}

/**
 * The newest public work in a scope, as a feed; null when the section, person, topic or place
 * does not exist, or (but for a section) has no public work. Only `catalog.list` supplies items,
 * so only public work can appear.
 */
export async function loadFeed(
  repos: ReadingRepos,
  ctx: ScholarlyContext,
  scope: FeedScope,
  now: Date,
): Promise<Feed | null> {
  const target = await resolveScope(repos, scope);
  if (!target) return null;
  const page = await repos.catalog.list(
    target.filter,
    { limit: ctx.syndication.feedItems, offset: 0 },
    now,
  );
  // Like their pages, a person, topic or place with no public work has no feed: one named only
  // in a draft stays unnamed.
  if (scope.kind !== 'site' && scope.kind !== 'section' && page.total === 0) return null;
  const works = await loadWorks(repos, ctx, page.items);
  const items: FeedItem[] = works.map(({ work, publication }) => ({
    url: work.url,
    title: fullTitle(work),
    language: work.language,
    summaryHtml: publication.summary ? renderMarkdown(publication.summary) : null,
    summaryText: work.abstract,
    contentHtml:
      ctx.syndication.feedContent === 'full' && publication.bodyHtml ? publication.bodyHtml : null,
    published: publication.publishedAt ?? publication.createdAt,
    updated: publication.revisedAt ?? publication.publishedAt ?? publication.createdAt,
    authors: work.authors.map((a) => ({ name: a.displayName, url: a.profileUrl })),
    categories: work.keywords,
    enclosures: work.files
      .filter((f) => f.mediaType === 'application/pdf')
      .sort((a, b) => Number(b.main) - Number(a.main))
      .map((f) => ({ url: f.url, mediaType: f.mediaType, byteSize: f.byteSize, title: f.title })),
  }));
  const folder = `${ctx.publicUrl}${feedFolder(scope)}`;
  const newest = items
    .map((i) => i.updated)
    .sort()
    .at(-1);
  return {
    title: target.title ? `${ctx.siteName}: ${target.title}` : ctx.siteName,
    description: target.description ?? ctx.siteName,
    homeUrl: folder,
    urls: { rss: `${folder}feed.xml`, atom: `${folder}feed.atom`, json: `${folder}feed.json` },
    language: 'en',
    siteName: ctx.siteName,
    updated: newest ?? now.toISOString(),
    items,
  };
}

/** Feeds are written in English, the language of the site's main interface. */
const en = translator('en');

async function resolveScope(
  repos: ReadingRepos,
  scope: FeedScope,
): Promise<{ filter: CatalogFilter; title: string | null; description: string | null } | null> {
  switch (scope.kind) {
    case 'site': {
      const site = await repos.settings.get<{ tagline?: string }>('site');
      return { filter: {}, title: null, description: site?.tagline ?? null };
    }
    case 'section': {
      const section = await repos.sections.findBySlug(scope.slug);
      return section
        ? {
            filter: { sectionId: section.id },
            title: section.title,
            description: section.description,
          }
        : null;
    }
    case 'person': {
      const person = await repos.people.findBySlug(scope.slug);
      return person
        ? {
            filter: { personId: person.id },
            title: person.name,
            description: en('feed.personWork', { name: person.name }),
          }
        : null;
    }
    case 'topic': {
      const topic = await repos.topics.findBySlug(scope.slug);
      return topic
        ? {
            filter: { topicId: topic.id },
            title: topic.name,
            description: en('feed.topicWork', { name: topic.name }),
          }
        : null;
    }
    case 'place': {
      const place = await repos.places.findBySlug(scope.slug);
      if (!place) return null;
      const name = preferredName(place.names);
      const placeIds = await repos.places.descendantIds(place.id);
      return { filter: { placeIds }, title: name, description: en('feed.placeWork', { name }) };
    }
  }
}
