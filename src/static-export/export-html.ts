import { PUBLIC_CSP } from '../web/middleware/security-headers.ts';
import { staticUrl } from './static-paths.ts';

/**
 * The policy a static page carries in a <meta> tag, since a static host sends no headers of
 * ours. It is the server's public policy less `frame-ancestors`, which browsers ignore in a
 * <meta> tag (CSP 3, §6.1: "not supported in the meta element"). The search page also allows
 * 'wasm-unsafe-eval': Pagefind's search runs as WebAssembly fetched from this site.
 */
export function exportPolicy(options: { wasm: boolean }): string {
  return PUBLIC_CSP.split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .map((d) => (options.wasm && d.startsWith('script-src') ? `${d} 'wasm-unsafe-eval'` : d))
    .join('; ');
}

const ATTRIBUTE = /\b(href|action|src)="([^"]*)"/g;

/**
 * A page as the server rendered it, made fit for a static host: the policy as a <meta> tag, and
 * links to query-string URLs (listing pages, the search page) pointed at their static folders.
 * Nothing else changes, so the page reads exactly as the server's.
 */
export function exportHtml(html: string, publicUrl: string, options: { wasm: boolean }): string {
  const policy = `<meta http-equiv="Content-Security-Policy" content="${exportPolicy(options)}"/>`;
  const withPolicy = html.replace(/<meta charset="utf-8"\/?>/i, (m) => `${m}${policy}`);
  return withPolicy.replace(ATTRIBUTE, (whole, name: string, value: string) => {
    const rewritten = rewriteLink(value.replaceAll('&amp;', '&'), publicUrl);
    return rewritten === null ? whole : `${name}="${rewritten.replaceAll('&', '&amp;')}"`;
  });
}

/** A same-site link's static form, or null to leave the link as it is. */
export function rewriteLink(link: string, publicUrl: string): string | null {
  let base = '';
  let rest = link;
  if (link.startsWith(`${publicUrl}/`)) {
    base = publicUrl;
    rest = link.slice(publicUrl.length);
  } else if (!link.startsWith('/') || link.startsWith('//')) {
    return null;
  }
  const hashAt = rest.indexOf('#');
  const hash = hashAt === -1 ? '' : rest.slice(hashAt);
  const pathAndQuery = hashAt === -1 ? rest : rest.slice(0, hashAt);
  const url = staticUrl(pathAndQuery);
  if (url === null || url === pathAndQuery) return null;
  return `${base}${url}${hash}`;
}
