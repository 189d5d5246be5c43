import { SaxesParser, type SaxesTagNS } from 'saxes';

/**
 * A streaming reader for WordPress eXtended RSS (WXR 1.0–1.2). It hands over one record at a
 * time (an author, a term, an item) and keeps only the record being read, so memory stays flat
 * whatever the file's size. Elements are matched by namespace URI, not prefix, because the
 * exports of different WordPress versions bind `wp:` to different URIs (http and https, 1.0 to
 * 1.2).
 */
export interface WxrChannel {
  title: string;
  link: string;
  baseSiteUrl: string;
  baseBlogUrl: string;
  wxrVersion: string;
}

export interface WxrAuthor {
  login: string;
  email: string;
  displayName: string;
  firstName: string;
  lastName: string;
}

export interface WxrTerm {
  taxonomy: 'category' | 'post_tag' | string;
  slug: string;
  name: string;
  parent: string;
  description: string;
}

export interface WxrItemCategory {
  domain: string;
  nicename: string;
  name: string;
}

export interface WxrItem {
  /** The line of the item's opening tag, for messages. */
  line: number;
  title: string;
  link: string;
  creator: string;
  guid: string;
  content: string;
  excerpt: string;
  postId: string;
  postDate: string;
  postDateGmt: string;
  postName: string;
  status: string;
  postParent: string;
  menuOrder: string;
  postType: string;
  attachmentUrl: string;
  /** `wp:post_password`: WordPress shows the post's text only to readers who know it. */
  postPassword: string;
  categories: WxrItemCategory[];
  meta: Record<string, string>;
  commentCount: number;
}

export type WxrRecord =
  | { kind: 'channel'; channel: WxrChannel }
  | { kind: 'author'; author: WxrAuthor }
  | { kind: 'term'; term: WxrTerm }
  | { kind: 'item'; item: WxrItem };

/** A file that is not well-formed WXR: where, and why. */
export class WxrFormatError extends Error {
  override name = 'WxrFormatError';
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

export const SUPPORTED_WXR_VERSIONS = ['1.0', '1.1', '1.2'] as const;

const CONTENT_NS = 'http://purl.org/rss/1.0/modules/content/';
const DC_NS = 'http://purl.org/dc/elements/1.1/';

/** `wp:post_id` for the WordPress namespace, `excerpt:encoded`, `content:encoded`, `dc:creator`. */
function canonicalName(tag: SaxesTagNS): string {
  const uri = tag.uri;
  if (/^https?:\/\/wordpress\.org\/export\/1\.\d\/excerpt\/?$/.test(uri)) {
    return `excerpt:${tag.local}`;
  }
  if (/^https?:\/\/wordpress\.org\/export\/1\.\d\/?$/.test(uri)) return `wp:${tag.local}`;
  if (uri === CONTENT_NS) return `content:${tag.local}`;
  if (uri === DC_NS) return `dc:${tag.local}`;
  return uri ? `{${uri}}${tag.local}` : tag.local;
}

type Frame = { name: string; text: string };

/** The channel's own elements, and the fields they fill. */
const CHANNEL_FIELDS = new Map<string, keyof WxrChannel>([
  ['title', 'title'],
  ['link', 'link'],
  ['wp:base_site_url', 'baseSiteUrl'],
  ['wp:base_blog_url', 'baseBlogUrl'],
  ['wp:wxr_version', 'wxrVersion'],
]);

/** The elements of a <wp:author>, and the fields they fill. */
const AUTHOR_FIELDS = new Map<string, keyof WxrAuthor>([
  ['wp:author_login', 'login'],
  ['wp:author_email', 'email'],
  ['wp:author_display_name', 'displayName'],
  ['wp:author_first_name', 'firstName'],
  ['wp:author_last_name', 'lastName'],
]);

/**
 * Reads the stream and calls `onRecord` for each record, awaiting it between chunks so a slow
 * consumer (the database) holds the reading back. Throws a WxrFormatError at the first problem;
 * records before it have already been handed over, so callers that must not write anything from
 * a broken file read it once through (`validateWxr`) before importing.
 */
export async function readWxr(
  source: AsyncIterable<Uint8Array | string>,
  onRecord: (record: WxrRecord) => void | Promise<void>,
): Promise<void> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const pending: WxrRecord[] = [];
  const stack: Frame[] = [];
  const channel: WxrChannel = {
    title: '',
    link: '',
    baseSiteUrl: '',
    baseBlogUrl: '',
    wxrVersion: '',
  };
  let channelSent = false;
  let sawRss = false;
  let sawChannel = false;
  let item: WxrItem | null = null;
  let author: Partial<WxrAuthor> | null = null;
  let term: (Partial<WxrTerm> & { tag: string }) | null = null;
  let meta: { key: string; value: string } | null = null;
  let category: { domain: string; nicename: string } | null = null;
  let inComment = 0;
  let failure: WxrFormatError | null = null;

  const fail = (reason: string) => {
    failure ??= new WxrFormatError(parser.line, reason);
    throw failure;
  };
  const sendChannel = () => {
    if (channelSent) return;
    if (!channel.wxrVersion) fail('wp:wxr_version is missing: this is not a WordPress export');
    if (!(SUPPORTED_WXR_VERSIONS as readonly string[]).includes(channel.wxrVersion)) {
      fail(`WXR version ${channel.wxrVersion} is not supported (1.0, 1.1 or 1.2)`);
    }
    channelSent = true;
    pending.push({ kind: 'channel', channel: { ...channel } });
  };

  parser.on('error', (error) => {
    failure ??= new WxrFormatError(parser.line, error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, ''));
    throw failure;
  });
  parser.on('opentag', (tag) => {
    const name = canonicalName(tag);
    const depth = stack.length;
    if (depth === 0 && name !== 'rss') fail(`the root element is <${tag.name}>, not <rss>`);
    if (depth === 0) sawRss = true;
    if (depth === 1 && name === 'channel') sawChannel = true;
    stack.push({ name, text: '' });
    if (inComment > 0 || name === 'wp:comment') {
      inComment++;
      return;
    }
    if (depth === 2 && stack[1]?.name === 'channel') {
      if (name === 'item') {
        sendChannel();
        item = emptyItem(parser.line);
      } else if (name === 'wp:author') {
        sendChannel();
        author = {};
      } else if (name === 'wp:category' || name === 'wp:tag' || name === 'wp:term') {
        sendChannel();
        term = { tag: name };
      }
    }
    if (item && depth === 3 && name === 'category') {
      category = {
        domain: String(tag.attributes.domain?.value ?? ''),
        nicename: String(tag.attributes.nicename?.value ?? ''),
      };
    }
    if (item && depth === 3 && name === 'wp:postmeta') meta = { key: '', value: '' };
  });
  const onText = (text: string) => {
    const top = stack[stack.length - 1];
    if (top && inComment === 0) top.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    const frame = stack.pop();
    if (!frame) return;
    const depth = stack.length;
    if (inComment > 0) {
      inComment--;
      if (frame.name === 'wp:comment' && item && inComment === 0) item.commentCount++;
      return;
    }
    const value = frame.text;
    if (depth === 2 && stack[1]?.name === 'channel') {
      if (frame.name === 'item' && item) {
        if (!item.postId) fail('an <item> has no wp:post_id');
        pending.push({ kind: 'item', item });
        item = null;
      } else if (frame.name === 'wp:author' && author) {
        if (!author.login) fail('a <wp:author> has no wp:author_login');
        pending.push({
          kind: 'author',
          author: {
            login: author.login ?? '',
            email: author.email ?? '',
            displayName: author.displayName ?? '',
            firstName: author.firstName ?? '',
            lastName: author.lastName ?? '',
          },
        });
        author = null;
      } else if (term && frame.name === term.tag) {
        const taxonomy =
          term.tag === 'wp:category'
            ? 'category'
            : term.tag === 'wp:tag'
              ? 'post_tag'
              : term.taxonomy;
        if (!term.slug) fail(`a <${term.tag}> has no slug`);
        pending.push({
          kind: 'term',
          term: {
            taxonomy: taxonomy ?? '',
            slug: term.slug ?? '',
            name: term.name || term.slug || '',
            parent: term.parent ?? '',
            description: term.description ?? '',
          },
        });
        term = null;
      } else if (!item && !author && !term) {
        const field = CHANNEL_FIELDS.get(frame.name);
        if (field) channel[field] = value.trim();
      }
      return;
    }
    if (author && depth === 3) {
      const field = AUTHOR_FIELDS.get(frame.name);
      if (field) author[field] = value.trim();
      return;
    }
    if (term && depth === 3) {
      const v = value.trim();
      switch (frame.name) {
        case 'wp:category_nicename':
        case 'wp:tag_slug':
        case 'wp:term_slug':
          term.slug = v;
          break;
        case 'wp:cat_name':
        case 'wp:tag_name':
        case 'wp:term_name':
          term.name = v;
          break;
        case 'wp:category_parent':
        case 'wp:term_parent':
          term.parent = v;
          break;
        case 'wp:category_description':
        case 'wp:tag_description':
        case 'wp:term_description':
          term.description = v;
          break;
        case 'wp:term_taxonomy':
          term.taxonomy = v;
          break;
      }
      return;
    }
    if (item && meta && depth === 4) {
      if (frame.name === 'wp:meta_key') meta.key = value.trim();
      if (frame.name === 'wp:meta_value') meta.value = value;
      return;
    }
    if (item && depth === 3) {
      if (frame.name === 'wp:postmeta' && meta) {
        if (meta.key) item.meta[meta.key] = meta.value;
        meta = null;
      } else if (frame.name === 'category' && category) {
        item.categories.push({ ...category, name: value.trim() });
        category = null;
      } else {
        setItemField(item, frame.name, value);
      }
    }
  });

  // What the consumer throws (a database error, say) is its own failure, never the file's.
  const hand = async () => {
    for (const record of pending.splice(0)) {
      try {
        await onRecord(record);
      } catch (error) {
        throw new ConsumerFailure(error);
      }
    }
  };
  try {
    for await (const chunk of source) {
      parser.write(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      await hand();
    }
    parser.close();
  } catch (error) {
    if (error instanceof ConsumerFailure) throw error.cause;
    if (failure) throw failure;
    if (error instanceof WxrFormatError) throw error;
    throw new WxrFormatError(parser.line, error instanceof Error ? error.message : String(error));
  }
  if (!sawRss) throw new WxrFormatError(parser.line, 'the file is empty or has no <rss> element');
  if (!sawChannel) throw new WxrFormatError(parser.line, 'the <rss> element has no <channel>');
  sendChannel();
  for (const record of pending.splice(0)) await onRecord(record);
}

/** Carries an error of `onRecord` past the reader's own error handling, unchanged. */
class ConsumerFailure {
  constructor(readonly cause: unknown) {}
}

function emptyItem(line: number): WxrItem {
  return {
    line,
    title: '',
    link: '',
    creator: '',
    guid: '',
    content: '',
    excerpt: '',
    postId: '',
    postDate: '',
    postDateGmt: '',
    postName: '',
    status: '',
    postParent: '',
    menuOrder: '',
    postType: '',
    attachmentUrl: '',
    postPassword: '',
    categories: [],
    meta: {},
    commentCount: 0,
  };
}

const ITEM_FIELDS: Record<string, keyof WxrItem> = {
  title: 'title',
  link: 'link',
  'dc:creator': 'creator',
  guid: 'guid',
  'content:encoded': 'content',
  'excerpt:encoded': 'excerpt',
  'wp:post_id': 'postId',
  'wp:post_date': 'postDate',
  'wp:post_date_gmt': 'postDateGmt',
  'wp:post_name': 'postName',
  'wp:status': 'status',
  'wp:post_parent': 'postParent',
  'wp:menu_order': 'menuOrder',
  'wp:post_type': 'postType',
  'wp:attachment_url': 'attachmentUrl',
  'wp:post_password': 'postPassword',
};

/**
 * Body fields keep their whitespace; the rest are trimmed, as WordPress's importer does. A
 * password is kept as written: WordPress protects a post whose password is any non-empty text.
 */
function setItemField(item: WxrItem, name: string, value: string): void {
  const field = ITEM_FIELDS[name];
  if (!field) return;
  const keep = field === 'content' || field === 'excerpt' || field === 'postPassword';
  (item as unknown as Record<string, string>)[field] = keep ? value : value.trim();
}
