import { renderMarkdown } from '../../../core/markdown/markdown.ts';
import { preferredName } from '../../../core/place-name.ts';
import type { CatalogFilter } from '../../../core/repositories/catalog-repository.ts';
import { href } from '../../../ui/components/links.ts';
import type { Locale } from '../../../ui/i18n/locales.ts';
import { translator } from '../../../ui/i18n/translate.ts';
import type { ReadingRepos } from '../../reading/index.ts';
import { loadWorks } from '../load-works.ts';
import { loadWorkScenes } from '../scene-media.ts';
import type { ScholarlyContext } from '../scholarly-context.ts';
import { fullTitle } from '../work.ts';
import { absoluteLinks } from './absolute-links.ts';
import type { Feed, FeedItem } from './feed.ts';
import { feedMedia } from './feed-media.ts';

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
 *
 * The Korean feeds (/ko/feed.xml and the rest under /ko/) list the same pieces as the English
 * ones: the archive's pieces are mostly in English, and a reader of the Korean interface follows
 * the archive, not only its translations. What changes is the interface: the feed's title,
 * description and home page are Korean, its language is `ko`. Each item keeps its own language
 * and its one canonical address, so the same piece has the same id in both feeds.
 */
export async function loadFeed(
  repos: ReadingRepos,
  ctx: ScholarlyContext,
  scope: FeedScope,
  now: Date,
  locale: Locale = 'en',
): Promise<Feed | null> {
  const target = await resolveScope(repos, scope, locale);
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
  const scenes = await loadWorkScenes(
    repos,
    ctx.publicUrl,
    works.map((w) => w.publication),
    now,
  );
  const items: FeedItem[] = works.map(({ work, publication }) => ({
    url: work.url,
    title: fullTitle(work),
    language: work.language,
    // Readers show an item away from its page, so every link in it is made absolute against the
    // piece's address: "#fn1" would otherwise point nowhere.
    summaryHtml: publication.summary
      ? absoluteLinks(renderMarkdown(publication.summary), work.url)
      : null,
    summaryText: work.abstract,
    contentHtml:
      ctx.syndication.feedContent === 'full' && publication.bodyHtml
        ? absoluteLinks(publication.bodyHtml, work.url)
        : null,
    published: publication.publishedAt ?? publication.createdAt,
    updated: publication.revisedAt ?? publication.publishedAt ?? publication.createdAt,
    authors: [...work.authors, ...work.collaborators].map((a) => ({
      name: a.displayName,
      url: a.profileUrl,
    })),
    categories: work.keywords,
    enclosures: work.files
      .filter((f) => f.mediaType === 'application/pdf')
      .sort((a, b) => Number(b.main) - Number(a.main))
      .map((f) => ({ url: f.url, mediaType: f.mediaType, byteSize: f.byteSize, title: f.title })),
    // The public scenes it shows, as images with their words in the feed's language.
    media: (scenes.get(publication.id) ?? [])
      .map((s) => feedMedia(s, locale))
      .filter((m) => m !== null),
  }));
  const folder = `${ctx.publicUrl}${href(locale, feedFolder(scope))}`;
  const siteName = locale === 'ko' ? (ctx.siteNameKo ?? ctx.siteName) : ctx.siteName;
  const newest = items
    .map((i) => i.updated)
    .sort()
    .at(-1);
  return {
    title: target.title ? `${siteName}: ${target.title}` : siteName,
    description: target.description ?? siteName,
    homeUrl: folder,
    urls: { rss: `${folder}feed.xml`, atom: `${folder}feed.atom`, json: `${folder}feed.json` },
    language: locale,
    siteName,
    updated: newest ?? now.toISOString(),
    items,
  };
}

async function resolveScope(
  repos: ReadingRepos,
  scope: FeedScope,
  locale: Locale,
): Promise<{ filter: CatalogFilter; title: string | null; description: string | null } | null> {
  const t = translator(locale);
  const ko = locale === 'ko';
  switch (scope.kind) {
    case 'site': {
      const site = await repos.settings.get<{ tagline?: string; taglineKo?: string }>('site');
      const tagline = ko ? (site?.taglineKo ?? site?.tagline) : site?.tagline;
      return { filter: {}, title: null, description: tagline ?? null };
    }
    case 'section': {
      const section = await repos.sections.findBySlug(scope.slug);
      return section
        ? {
            filter: { sectionId: section.id },
            title: (ko ? section.titleKo : null) ?? section.title,
            description: (ko ? section.descriptionKo : null) ?? section.description,
          }
        : null;
    }
    case 'person': {
      const person = await repos.people.findBySlug(scope.slug);
      if (!person) return null;
      // A Korean name only where its source is recorded, as on the person's page.
      const name = ko && person.nameKo && person.nameKoSource ? person.nameKo : person.name;
      return {
        filter: { personId: person.id },
        title: name,
        description: t('feed.personWork', { name }),
      };
    }
    case 'topic': {
      const topic = await repos.topics.findBySlug(scope.slug);
      if (!topic) return null;
      const name = (ko ? topic.nameKo : null) ?? topic.name;
      return {
        filter: { topicId: topic.id },
        title: name,
        description: t('feed.topicWork', { name }),
      };
    }
    case 'place': {
      const place = await repos.places.findBySlug(scope.slug);
      if (!place) return null;
      const name = preferredName(place.names);
      const placeIds = await repos.places.descendantIds(place.id);
      return { filter: { placeIds }, title: name, description: t('feed.placeWork', { name }) };
    }
  }
}
