/**
 * Addresses on this site, as text. A path comes in percent-decoded by the router and goes out
 * again in a Location header, a link or a menu; every way it must stay on this site. A browser
 * reads '//host' and '/\host' as another site's address, drops tabs and newlines before it reads
 * anything, and resolves '.' and '..', so '/.//host' becomes '//host' on the next request.
 */

/** `%` and two hex digits: an escape already made, kept as it is. */
const ESCAPE = /^%[0-9A-Fa-f]{2}/;
/** What RFC 3986 allows unescaped in a path, query or fragment. */
const PLAIN = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/?#]$/;
const DOT_SEGMENT = /(?:^|\/)(?:\.|%2e){1,2}(?:\/|$)/i;
const utf8 = new TextEncoder();
const PROBE_ORIGIN = 'http://site.invalid';

/** The part of a target before its query or fragment. */
function pathPart(target: string): string {
  return target.split(/[?#]/, 1)[0] ?? target;
}

/**
 * Percent-encodes what may not stand in a URL as UTF-8 bytes (spaces, controls, backslashes,
 * letters beyond ASCII), keeping escapes already made: the result is printable ASCII, a valid
 * header value, meaning what the text meant.
 */
export function percentEncode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; ) {
    const made = ESCAPE.exec(text.slice(i, i + 3))?.[0];
    if (made) {
      out += made;
      i += 3;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(i)!);
    if (PLAIN.test(char)) out += char;
    else
      for (const byte of utf8.encode(char))
        out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    i += char.length;
  }
  return out;
}

/**
 * `target` (a path on this site, with any query and fragment) as a Location header value, or
 * null when a browser could read it as leaving the site: not a path, '//', or a path whose dot
 * segments resolve to '//'.
 */
export function siteLocation(target: string): string | null {
  if (!target.startsWith('/')) return null;
  const encoded = percentEncode(target);
  if (encoded.startsWith('//')) return null;
  const resolved = new URL(encoded, `${PROBE_ORIGIN}/a/b`);
  if (resolved.origin !== PROBE_ORIGIN || resolved.pathname.startsWith('//')) return null;
  return encoded;
}

/**
 * Why a path an editor typed (a redirect's end, a menu link) is not a plain address on this
 * site, or null. Dot segments are refused outright: no address of the site has one, and they
 * are how '/.//host' turns into another site's address.
 */
export function sitePathProblem(path: string): string | null {
  if (!path.startsWith('/')) return 'A path starts with /';
  if (path.startsWith('//') || path.includes('\\')) return 'This would lead to another site';
  if (/[\s\p{Cc}]/u.test(path)) return 'No spaces or control characters';
  if (DOT_SEGMENT.test(pathPart(path)))
    return 'No . or .. in a path: it could lead to another site';
  if (siteLocation(path) === null) return 'This would lead to another site';
  return null;
}

/**
 * Why a request's path (as it arrived, still percent-encoded) can name nothing here, or null:
 * an escape that is not two hex digits or not UTF-8, a control character or a backslash once
 * decoded, or '//' where the path starts (after the '/ko' of the Korean interface), which pages
 * would echo into links that lead to another site.
 */
export function requestPathProblem(rawPath: string): string | null {
  let decoded: string;
  try {
    if (/%(?![0-9A-Fa-f]{2})/.test(rawPath)) throw new URIError('a stray %');
    decoded = decodeURIComponent(rawPath);
  } catch {
    return 'malformed escape';
  }
  if (/\p{Cc}/u.test(decoded)) return 'control character';
  if (decoded.includes('\\')) return 'backslash';
  if (/^\/(?:ko\/)?\//.test(rawPath)) return 'another site';
  return null;
}

/**
 * Why a request's query (as it arrived) cannot be answered, or null: a NUL character, which no
 * PostgreSQL text value can hold, so any parameter carrying one would fail the query it reaches.
 */
export function requestQueryProblem(rawQuery: string): string | null {
  return /%00/.test(rawQuery) ? 'a NUL character in the query' : null;
}
