import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Locale } from '../ui/i18n/locales.ts';
import { translator } from '../ui/i18n/translate.ts';

/** The search page's script, under a fingerprinted name like the site's other assets. */
export function staticSearchScript(): { path: string; body: Uint8Array } {
  const body = readFileSync(new URL('./static-search.js', import.meta.url));
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  return { path: `/assets/static-search.${hash}.js`, body: new Uint8Array(body) };
}

/**
 * The server's search page (rendered without a query) turned into the export's: the query box
 * stays, the options only the server can answer (sort, years) and its query-syntax help go, and
 * a results region and the script that asks Pagefind take their place.
 */
export function staticSearchPage(
  html: string,
  locale: Locale,
  scriptPath: string,
  placesPath: string,
): string {
  const t = translator(locale);
  const results =
    `<div id="static-search-results" class="results" aria-live="polite"` +
    ` data-bundle="/pagefind/" data-places="${escapeAttribute(placesPath)}" data-count="${escapeAttribute(t('search.count'))}"` +
    ` data-none="${escapeAttribute(t('search.none'))}"` +
    ` data-failed="${escapeAttribute(t('search.failed'))}"></div>`;
  return html
    .replace(/<p id="search-help"[^>]*>[\s\S]*?<\/p>/, '')
    .replace(/ aria-describedby="search-help"/, '')
    .replace(/<div class="search-options">[\s\S]*?<\/div>\s*<\/form>/, '</form>')
    .replace(/<\/form>/, (m) => `${m}${results}`)
    .replace('</body>', `<script type="module" src="${scriptPath}"></script></body>`);
}

function escapeAttribute(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}
