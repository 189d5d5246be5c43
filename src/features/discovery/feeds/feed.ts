/**
 * A feed before it is written out: the same items become RSS 2.0, Atom 1.0 and JSON Feed 1.1.
 * Every URL is absolute; instants are ISO-8601 UTC.
 */
export interface FeedAuthor {
  name: string;
  url: string | null;
}

export interface FeedEnclosure {
  url: string;
  mediaType: string;
  byteSize: number;
  title: string | null;
}

/**
 * An image an item shows: a satellite scene, as its still (the JPEG copy about 960 pixels wide),
 * never its full-resolution file, which a reader fetching media unasked should not download.
 */
export interface FeedMedia {
  url: string;
  mediaType: string;
  byteSize: number | null;
  width: number;
  height: number;
  /** Its caption, marked when the image is illustrative. */
  title: string;
  /** Its alt text, capture date, places, licence, the illustrative note and its page's address. */
  description: string;
  credit: string | null;
}

export interface FeedItem {
  /** The page's address, which is also the item's permanent id. */
  url: string;
  title: string;
  language: string;
  /** The summary rendered as HTML, or null. */
  summaryHtml: string | null;
  summaryText: string | null;
  /** The full text as HTML when the site publishes full content, else null. */
  contentHtml: string | null;
  published: string;
  updated: string;
  authors: FeedAuthor[];
  categories: string[];
  enclosures: FeedEnclosure[];
  media: FeedMedia[];
}

export interface FeedUrls {
  rss: string;
  atom: string;
  json: string;
}

export interface Feed {
  title: string;
  description: string;
  /** The HTML page this feed follows (the home page, a section, a person…). */
  homeUrl: string;
  urls: FeedUrls;
  language: string;
  siteName: string;
  /** The newest change among the items, or the moment of writing for an empty feed. */
  updated: string;
  items: FeedItem[];
}

export const GENERATOR = 'Dossier';
