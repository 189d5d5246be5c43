import type { Feed, FeedItem } from './feed.ts';

/**
 * JSON Feed 1.1 (jsonfeed.org/version/1.1): `authors` arrays (1.1 replaced 1.0's single
 * `author`), `language`, and PDFs and the stills of satellite scenes as attachments. Each item has
 * content_html (the full text when published in full, else the summary) or, failing both,
 * content_text, as the spec requires.
 */
export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

export function jsonFeed(feed: Feed): string {
  const doc = {
    version: JSON_FEED_VERSION,
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.urls.json,
    description: feed.description,
    language: feed.language,
    authors: [{ name: feed.siteName, url: feed.homeUrl }],
    items: feed.items.map(item),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function item(i: FeedItem) {
  const html = i.contentHtml ?? i.summaryHtml;
  return dropEmpty({
    id: i.url,
    url: i.url,
    title: i.title,
    content_html: html ?? undefined,
    content_text: html ? undefined : (i.summaryText ?? i.title),
    summary: i.summaryText ?? undefined,
    date_published: i.published,
    date_modified: i.updated,
    authors:
      i.authors.length > 0
        ? i.authors.map((a) => dropEmpty({ name: a.name, url: a.url ?? undefined }))
        : undefined,
    tags: i.categories.length > 0 ? i.categories : undefined,
    language: i.language,
    attachments:
      i.enclosures.length + i.media.length > 0
        ? [
            ...i.enclosures.map((e) =>
              dropEmpty({
                url: e.url,
                mime_type: e.mediaType,
                size_in_bytes: e.byteSize,
                title: e.title ?? undefined,
              }),
            ),
            ...i.media.map((m) =>
              dropEmpty({
                url: m.url,
                mime_type: m.mediaType,
                size_in_bytes: m.byteSize ?? undefined,
                title: m.title,
              }),
            ),
          ]
        : undefined,
  });
}

function dropEmpty<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
