import type {
  Article,
  Book,
  CreativeWork,
  MediaObject,
  NewsArticle,
  Person,
  Place,
  Report,
  ScholarlyArticle,
  WebPage,
  WithContext,
} from 'schema-dts';
import { compact, organization, withContext } from '../../../ui/head/schema-org.ts';
import type { Locale } from '../../../ui/i18n/locales.ts';
import type { WorkScene } from '../scene-media.ts';
import {
  doiUrl,
  fullTitle,
  type ScholarlyWork,
  type WorkContributor,
  type WorkKind,
} from '../work.ts';
import { sceneImageObject } from './scene-jsonld.ts';

/**
 * schema.org JSON-LD for a publication page. The type follows how the piece is cited: Report for
 * reports, Book, NewsArticle for interviews (they appeared in news outlets), ScholarlyArticle for
 * articles first published in a journal, Article for the rest, WebPage for About-style pages.
 */
export type PublicationJsonLd = WithContext<
  Report | Book | NewsArticle | ScholarlyArticle | Article | WebPage
>;

const TYPES: Record<
  WorkKind,
  'Report' | 'Book' | 'NewsArticle' | 'ScholarlyArticle' | 'Article' | 'WebPage'
> = {
  report: 'Report',
  book: 'Book',
  interview: 'NewsArticle',
  'journal-article': 'ScholarlyArticle',
  speech: 'Article',
  'web-article': 'Article',
  page: 'WebPage',
};

/**
 * `scenes` are the publication's public satellite scenes: each is an `image` of it, and one of its
 * `associatedMedia` by reference, with its words in the page's `locale`.
 */
export function publicationJsonLd(
  work: ScholarlyWork,
  pageUrl: string,
  scenes: readonly WorkScene[] = [],
  locale: Locale = 'en',
): PublicationJsonLd {
  const images = scenes.map((s) => sceneImageObject(s, locale));
  const common: CreativeWork & { '@type': string } = {
    '@type': TYPES[work.kind],
    '@id': `${work.url}#work`,
    // The piece's one canonical address; the page in the other interface language is its twin.
    url: work.url,
    name: fullTitle(work),
    headline:
      work.kind === 'page' || work.kind === 'book' || work.kind === 'report'
        ? undefined
        : headline(work.title),
    alternativeHeadline: work.subtitle ?? undefined,
    inLanguage: work.language,
    datePublished: work.issued,
    dateModified: work.revised ?? undefined,
    description: work.abstract ?? undefined,
    author: optionalList(work.authors.map(person)),
    editor: optionalList(work.editors.map(person)),
    translator: optionalList(work.translators.map(person)),
    contributor: optionalList(
      [...work.collaborators, ...work.interviewers, ...work.others].map(person),
    ),
    publisher: organization(work.publisher),
    keywords: work.keywords.length > 0 ? work.keywords.join(', ') : undefined,
    isPartOf: isPartOf(work),
    spatialCoverage: optionalList(work.places.map(place)),
    encoding: optionalList(work.files.map(media)),
    image: optionalList(images),
    associatedMedia: optionalList(scenes.map((s) => ({ '@id': `${s.pageUrl}#image` }))),
    identifier: work.doi
      ? { '@type': 'PropertyValue', propertyID: 'DOI', value: work.doi, url: doiUrl(work.doi) }
      : undefined,
    sameAs: work.doi ? doiUrl(work.doi) : undefined,
    mainEntityOfPage: work.kind === 'page' ? undefined : pageUrl,
  };
  const typed =
    work.kind === 'report' && work.reportNumber
      ? { ...common, reportNumber: work.reportNumber }
      : common;
  return withContext(compact(typed) as PublicationJsonLd);
}

/** Search engines cut headlines at 110 characters; the name keeps the whole title. */
function headline(title: string): string {
  return title.length <= 110 ? title : `${title.slice(0, 109)}…`;
}

function person(c: WorkContributor): Person {
  return {
    '@type': 'Person',
    name: c.displayName,
    url: c.profileUrl,
    affiliation: c.institution ? { '@type': 'Organization', name: c.institution } : undefined,
    sameAs: c.orcid ? `https://orcid.org/${c.orcid}` : undefined,
  };
}

/** The series a report belongs to, and the journal or outlet an article first appeared in. */
function isPartOf(work: ScholarlyWork): CreativeWork[] | undefined {
  const parts: CreativeWork[] = [];
  if (work.series) {
    parts.push({
      '@type': 'CreativeWorkSeries',
      name: work.series.title,
      position: work.series.position,
    });
  }
  if (work.venue && work.kind === 'journal-article') {
    parts.push({ '@type': 'Periodical', name: work.venue.name, url: work.venue.url ?? undefined });
  }
  return optionalList(parts);
}

function place(p: ScholarlyWork['places'][number]): Place {
  return {
    '@type': 'Place',
    name: p.name,
    geo:
      p.latitude !== null && p.longitude !== null
        ? { '@type': 'GeoCoordinates', latitude: p.latitude, longitude: p.longitude }
        : undefined,
  };
}

function media(f: ScholarlyWork['files'][number]): MediaObject {
  return {
    '@type': 'MediaObject',
    contentUrl: f.url,
    encodingFormat: f.mediaType,
    contentSize: `${f.byteSize} B`,
    name: f.title ?? undefined,
  };
}

function optionalList<T>(items: T[]): T[] | undefined {
  return items.length > 0 ? items : undefined;
}
