import * as cheerio from 'cheerio';

/** Fetches a page through the app and parses it, for assertions on structure, not strings. */
export async function getPage(
  app: { request: (url: string, init?: RequestInit) => Response | Promise<Response> },
  path: string,
) {
  const res = await app.request(`http://localhost${path}`);
  const body = await res.text();
  return { res, body, $: cheerio.load(body) };
}

export function text($: cheerio.CheerioAPI, selector: string): string {
  return $(selector).text().replace(/\s+/g, ' ').trim();
}

/** The text of each element the selector finds, in document order, as it stands. */
export function texts($: cheerio.CheerioAPI, selector: string): string[] {
  return $(selector)
    .map((_, e) => $(e).text())
    .get();
}
