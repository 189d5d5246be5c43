import { attributes, element, XML_DECLARATION } from '../xml.ts';
import { type Feed, type FeedItem, GENERATOR } from './feed.ts';

/**
 * Atom 1.0 (RFC 4287). The feed has an author (the site), so an entry without authors is still
 * valid (4.1.1); each entry lists every author in order, the summary, the full text when the site
 * publishes it, and every PDF and every image it shows (the still of each satellite scene) as an
 * enclosure link with its length.
 */
export function atom(feed: Feed): string {
  const parts = [
    element('id', feed.urls.atom),
    element('title', feed.title),
    element('subtitle', feed.description),
    element('updated', feed.updated),
    `<link${attributes({ rel: 'self', type: 'application/atom+xml', href: feed.urls.atom })}/>`,
    `<link${attributes({ rel: 'alternate', type: 'text/html', href: feed.homeUrl })}/>`,
    `<author>${element('name', feed.siteName)}</author>`,
    element('generator', GENERATOR),
    ...feed.items.map(entry),
  ];
  return `${XML_DECLARATION}<feed xmlns="http://www.w3.org/2005/Atom"${attributes({ 'xml:lang': feed.language })}>\n${parts.join('\n')}\n</feed>\n`;
}

function entry(i: FeedItem): string {
  const parts = [
    element('id', i.url),
    element('title', i.title),
    `<link${attributes({ rel: 'alternate', type: 'text/html', href: i.url })}/>`,
    element('published', i.published),
    element('updated', i.updated),
    ...i.authors.map((a) => `<author>${element('name', a.name)}${element('uri', a.url)}</author>`),
    ...i.categories.map((c) => `<category${attributes({ term: c })}/>`),
    i.summaryHtml ? element('summary', i.summaryHtml, { type: 'html' }) : '',
    i.contentHtml ? element('content', i.contentHtml, { type: 'html', 'xml:base': i.url }) : '',
    ...i.enclosures.map(
      (e) =>
        `<link${attributes({ rel: 'enclosure', type: e.mediaType, length: e.byteSize, href: e.url, title: e.title })}/>`,
    ),
    ...i.media.map(
      (m) =>
        `<link${attributes({ rel: 'enclosure', type: m.mediaType, length: m.byteSize ?? undefined, href: m.url, title: m.title })}/>`,
    ),
  ];
  return `<entry${attributes({ 'xml:lang': i.language })}>\n${parts.filter(Boolean).join('\n')}\n</entry>`;
}
