/**
 * The rules of JSON Feed 1.1 (jsonfeed.org/version/1.1), as a checker returning every breach.
 * Written from the specification's text, field by field; used to hold the archive's feeds to it.
 */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

type Json = Record<string, unknown>;

const isString = (v: unknown): v is string => typeof v === 'string';
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function checkAuthors(where: string, authors: unknown, problems: string[]): void {
  if (authors === undefined) return;
  if (!Array.isArray(authors)) {
    problems.push(`${where}.authors is not an array`);
    return;
  }
  authors.forEach((a, i) => {
    if (!isObject(a)) problems.push(`${where}.authors[${i}] is not an object`);
    // "at least one of name, url or avatar must be present"
    else if (![a.name, a.url, a.avatar].some(isString))
      problems.push(`${where}.authors[${i}] has no name, url or avatar`);
  });
}

export function jsonFeedProblems(doc: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(doc)) return ['the feed is not a JSON object'];
  if (doc.version !== 'https://jsonfeed.org/version/1.1')
    problems.push(`version is ${String(doc.version)}`);
  if (!isString(doc.title) || doc.title === '') problems.push('title is missing');
  for (const key of ['home_page_url', 'feed_url', 'description', 'language', 'icon', 'favicon']) {
    if (doc[key] !== undefined && !isString(doc[key])) problems.push(`${key} is not a string`);
  }
  // 1.1 deprecates the single `author` in favour of `authors`.
  if (doc.author !== undefined) problems.push('the deprecated top-level author is used');
  checkAuthors('feed', doc.authors, problems);
  if (!Array.isArray(doc.items)) return [...problems, 'items is not an array'];
  const ids = new Set<string>();
  doc.items.forEach((item, i) => {
    const at = `items[${i}]`;
    if (!isObject(item)) {
      problems.push(`${at} is not an object`);
      return;
    }
    if (!isString(item.id) || item.id === '') problems.push(`${at}.id is missing`);
    else if (ids.has(item.id)) problems.push(`${at}.id repeats ${item.id}`);
    else ids.add(item.id);
    if (!isString(item.content_html) && !isString(item.content_text))
      problems.push(`${at} has neither content_html nor content_text`);
    for (const key of [
      'url',
      'external_url',
      'title',
      'summary',
      'image',
      'banner_image',
      'language',
    ]) {
      if (item[key] !== undefined && !isString(item[key]))
        problems.push(`${at}.${key} is not a string`);
    }
    for (const key of ['date_published', 'date_modified']) {
      if (item[key] !== undefined && !(isString(item[key]) && RFC3339.test(item[key])))
        problems.push(`${at}.${key} is not RFC 3339`);
    }
    if (item.author !== undefined) problems.push(`${at} uses the deprecated author`);
    checkAuthors(at, item.authors, problems);
    if (item.tags !== undefined && !(Array.isArray(item.tags) && item.tags.every(isString)))
      problems.push(`${at}.tags is not a list of strings`);
    if (item.attachments !== undefined) {
      if (!Array.isArray(item.attachments)) problems.push(`${at}.attachments is not an array`);
      else
        item.attachments.forEach((a, j) => {
          if (!isObject(a) || !isString(a.url) || !isString(a.mime_type))
            problems.push(`${at}.attachments[${j}] lacks url or mime_type`);
          else if (a.size_in_bytes !== undefined && typeof a.size_in_bytes !== 'number')
            problems.push(`${at}.attachments[${j}].size_in_bytes is not a number`);
        });
    }
  });
  return problems;
}
