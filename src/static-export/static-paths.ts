/**
 * Where each URL of the site lives in a static export, so that a plain static server (or a
 * CDN bucket) answers the same address: a folder URL `/reports/` is `reports/index.html`, files
 * and feeds keep their names. The few URLs that depend on a query string get a folder of their
 * own: listing pages `/reports/?page=2` become `/reports/page/2/`, and the search page `/search`
 * becomes `/search/`, where Pagefind answers `?q=` in the browser.
 */

const PAGE_QUERY = /^\?page=([1-9][0-9]{0,6})$/;

/** The URL a page has in the export: its path and query rewritten as above, or null if none. */
export function staticUrl(pathAndQuery: string): string | null {
  const q = pathAndQuery.indexOf('?');
  const path = q === -1 ? pathAndQuery : pathAndQuery.slice(0, q);
  const query = q === -1 ? '' : pathAndQuery.slice(q);
  if (isSearchPath(path)) return `${path}/`;
  if (query === '') return path;
  const page = PAGE_QUERY.exec(query)?.[1];
  if (page && path.endsWith('/')) return page === '1' ? path : `${path}page/${page}/`;
  return null;
}

export function isSearchPath(path: string): boolean {
  return path === '/search' || path === '/ko/search';
}

/**
 * The file, relative to the export folder, that holds a URL of the export (as `staticUrl`
 * gives it), or null when no file may hold it: a path without an extension that is not a
 * folder, or one whose decoded segments would leave the folder.
 */
export function fileForStaticUrl(url: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(url);
  } catch {
    return null;
  }
  if (!path.startsWith('/') || path.includes('\0') || path.includes('\\')) return null;
  const segments = path.slice(1).split('/');
  if (segments.some((s) => s === '.' || s === '..')) return null;
  if (path.endsWith('/')) return `${path.slice(1)}index.html`;
  const last = segments[segments.length - 1] ?? '';
  if (!/\.[A-Za-z0-9]{1,8}$/.test(last)) return null;
  return path.slice(1);
}
