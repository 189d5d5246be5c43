import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { CaptureResult, SourceCapturer } from '../../core/captures.ts';
import { FetchRefused, type FetchRules, fetchChecked } from './safe-fetch.ts';
import { writeWarc } from './warc.ts';

export interface CaptureRules {
  /** Who is asking, with a way to reach the archive: robots.txt rules are matched against it. */
  userAgent: string;
  timeoutMs?: number;
  maxBytes?: number;
  allowHosts?: readonly string[];
}

/** robots-parser is CommonJS whose types declare an ES default export: required as it is. */
const robotsParser = createRequire(import.meta.url)('robots-parser') as (
  url: string,
  text: string,
) => { isAllowed(url: string, userAgent?: string): boolean | undefined };

const ROBOTS_MAX_BYTES = 512 * 1024;
const TEXT_MAX_CHARS = 200_000;

/**
 * Captures a cited source once, politely: robots.txt is asked first (a source that forbids this
 * agent is not fetched), with a clear user agent, a size and a time bound, and every hop checked
 * against the address policy. What came back is kept as a WARC with the SHA-256 of the body and a
 * text extract; a refusal or failure is a sentence, never an exception.
 */
export class HttpSourceCapturer implements SourceCapturer {
  readonly #rules: FetchRules;
  readonly #clock: () => Date;

  constructor(rules: CaptureRules, clock: () => Date = () => new Date()) {
    this.#rules = {
      userAgent: rules.userAgent,
      timeoutMs: rules.timeoutMs ?? 20_000,
      maxBytes: rules.maxBytes ?? 20 * 1024 * 1024,
      maxRedirects: 5,
      allowHosts: new Set((rules.allowHosts ?? []).map((h) => h.toLowerCase())),
    };
    this.#clock = clock;
  }

  async capture(url: string): Promise<CaptureResult> {
    const deadline = Date.now() + this.#rules.timeoutMs;
    try {
      if (!(await this.#robotsAllow(url, deadline))) {
        return nothing('refused', 'The site’s robots.txt asks archives not to fetch this page');
      }
      const hops = await fetchChecked(url, this.#rules, deadline);
      const last = hops.at(-1)!;
      const contentType =
        last.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? null;
      const warc = await writeWarc(hops, this.#rules.userAgent, this.#clock());
      const ok = last.status >= 200 && last.status < 300;
      return {
        state: ok ? 'captured' : 'failed',
        finalUrl: last.url,
        httpStatus: last.status,
        contentType,
        warc,
        bodySha256: createHash('sha256').update(last.body).digest('hex'),
        bodyBytes: last.body.byteLength,
        text: ok ? await textOf(last.body, contentType) : null,
        reason: ok ? null : `The source answered ${last.status} ${last.statusText}`.trimEnd(),
      };
    } catch (error) {
      if (error instanceof FetchRefused) return nothing(error.kind, error.message);
      return nothing('failed', `The source could not be fetched (${(error as Error).message})`);
    }
  }

  async #robotsAllow(url: string, deadline: number): Promise<boolean> {
    const robotsUrl = new URL('/robots.txt', url).href;
    const rules = { ...this.#rules, maxBytes: ROBOTS_MAX_BYTES, maxRedirects: 2 };
    const hops = await fetchChecked(robotsUrl, rules, deadline).catch((error) => {
      // A site whose robots.txt cannot be read states no rule; an address refused is refused.
      if (error instanceof FetchRefused && error.kind === 'refused') throw error;
      return null;
    });
    const last = hops?.at(-1);
    if (last?.status !== 200) return true;
    const robots = robotsParser(robotsUrl, Buffer.from(last.body).toString('utf8'));
    return robots.isAllowed(url, this.#rules.userAgent) !== false;
  }
}

function nothing(state: 'refused' | 'failed', reason: string): CaptureResult {
  return {
    state,
    finalUrl: null,
    httpStatus: null,
    contentType: null,
    warc: null,
    bodySha256: null,
    bodyBytes: null,
    text: null,
    reason,
  };
}

/**
 * The words of an HTML or plain-text answer; nothing for other types. cheerio is loaded on the
 * first capture: a server that never captures never loads it.
 */
async function textOf(body: Uint8Array, contentType: string | null): Promise<string | null> {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const decoded = Buffer.from(body).toString('utf8');
  if (type === 'text/plain') return decoded.slice(0, TEXT_MAX_CHARS);
  if (type !== 'text/html' && type !== 'application/xhtml+xml') return null;
  const cheerio = await import('cheerio');
  const $ = cheerio.load(decoded);
  $('script, style, noscript, template').remove();
  // Blocks end with a space, so that a heading and the paragraph after it stay two words.
  $('br, p, div, li, h1, h2, h3, h4, h5, h6, tr, td, th, blockquote, section, article').append(' ');
  return $('body').text().replace(/\s+/g, ' ').trim().slice(0, TEXT_MAX_CHARS);
}
