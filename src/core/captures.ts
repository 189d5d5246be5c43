/**
 * Captures of the sources a piece cites: each external link in its body and footnotes, fetched
 * once, politely, and kept as a web archive (WARC) with a hash of what came back, so that the
 * piece's citations outlive the pages they point to.
 */
export const CAPTURE_JOB = 'sources.capture';

export type CaptureState = 'captured' | 'failed' | 'refused';

/** What fetching one source gave. */
export interface CaptureResult {
  state: CaptureState;
  /** The address after redirects (the one that answered). */
  finalUrl: string | null;
  httpStatus: number | null;
  contentType: string | null;
  /** The WARC file (request and response records), when anything came back. */
  warc: Uint8Array | null;
  /** SHA-256 of the response body as received. */
  bodySha256: string | null;
  bodyBytes: number | null;
  /** The page's words, without markup, for search and for an editor to check. */
  text: string | null;
  /** Why nothing was kept, in a sentence (refused address, robots.txt, too large, timeout). */
  reason: string | null;
}

/** Fetches a source under the archive's rules (address policy, robots.txt, limits). */
export interface SourceCapturer {
  capture(url: string): Promise<CaptureResult>;
}

const LINK = /\bhttps?:\/\/[^\s<>()[\]"'`]+/giu;
const TRAILING = /[.,;:!?'"’”)\]]+$/u;

/**
 * The external links a piece cites, in order of first appearance: every http(s) address in its
 * Markdown body (footnotes included) and its link to the original. Trailing punctuation that a
 * sentence put after an address is not part of it.
 */
export function citedLinks(body: string, externalUrl: string | null = null): string[] {
  const seen = new Set<string>();
  const found = [...(body.match(LINK) ?? []), ...(externalUrl ? [externalUrl] : [])];
  for (const raw of found) {
    const trimmed = raw.replace(TRAILING, '');
    try {
      const url = new URL(trimmed);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
      url.hash = '';
      seen.add(url.href);
    } catch {}
  }
  return [...seen];
}
