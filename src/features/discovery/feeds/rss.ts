import { attributes, element, XML_DECLARATION, xmlText } from '../xml.ts';
import { type Feed, type FeedItem, type FeedMedia, GENERATOR } from './feed.ts';

/**
 * RSS 2.0 (rssboard.org/rss-specification). RSS's own <author> wants an e-mail address, which the
 * archive does not publish, so every author is a dc:creator, in order. The full text, when the
 * site publishes it, goes in content:encoded; <description> always carries the summary. RSS
 * allows one enclosure an item: the main PDF. The images an item shows (its satellite scenes) are
 * Media RSS `media:content` elements, which may be many, each with its title, description and
 * credit.
 */
export function rss(feed: Feed): string {
  const channel = [
    element('title', feed.title),
    element('link', feed.homeUrl),
    element('description', feed.description),
    element('language', feed.language),
    element('lastBuildDate', rfc822(feed.updated)),
    element('generator', GENERATOR),
    element('docs', 'https://www.rssboard.org/rss-specification'),
    `<atom:link${attributes({ href: feed.urls.rss, rel: 'self', type: 'application/rss+xml' })}/>`,
    ...feed.items.map(item),
  ];
  return `${XML_DECLARATION}<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/">\n<channel>\n${channel.join('\n')}\n</channel>\n</rss>\n`;
}

function item(i: FeedItem): string {
  const pdf = i.enclosures[0];
  const parts = [
    element('title', i.title),
    element('link', i.url),
    element('guid', i.url, { isPermaLink: 'true' }),
    element('pubDate', rfc822(i.published)),
    ...i.authors.map((a) => element('dc:creator', a.name)),
    ...i.categories.map((c) => element('category', c)),
    element('description', i.summaryHtml ?? i.summaryText ?? ''),
    i.contentHtml ? `<content:encoded>${escapedHtml(i.contentHtml)}</content:encoded>` : '',
    pdf
      ? `<enclosure${attributes({ url: pdf.url, length: pdf.byteSize, type: pdf.mediaType })}/>`
      : '',
    ...i.media.map(mediaContent),
  ];
  return `<item>\n${parts.filter(Boolean).join('\n')}\n</item>`;
}

function mediaContent(m: FeedMedia): string {
  const attrs = attributes({
    url: m.url,
    type: m.mediaType,
    medium: 'image',
    fileSize: m.byteSize ?? undefined,
    width: m.width,
    height: m.height,
  });
  const parts = [
    element('media:title', m.title, { type: 'plain' }),
    element('media:description', m.description, { type: 'plain' }),
    m.credit ? element('media:credit', m.credit) : '',
  ];
  return `<media:content${attrs}>${parts.join('')}</media:content>`;
}

/** RFC 822 (with a four-digit year, as RFC 1123 and every reader expect): "Mon, 25 Jul 2016 00:00:00 GMT". */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

/** HTML as escaped text rather than CDATA, which would break on HTML that itself holds "]]>". */
function escapedHtml(html: string): string {
  return xmlText(html);
}
