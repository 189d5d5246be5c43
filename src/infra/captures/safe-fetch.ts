import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { isPublicAddress } from './address-policy.ts';

export interface FetchRules {
  userAgent: string;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Hosts (names or addresses) the operator allows whatever their address (`DOSSIER_CAPTURE_ALLOW_HOSTS`). */
  allowHosts: ReadonlySet<string>;
}

export interface FetchedHop {
  url: string;
  status: number;
  statusText: string;
  /** Response headers as received, in order. */
  headers: Array<[string, string]>;
  requestHeaders: Array<[string, string]>;
  body: Uint8Array;
}

/** A fetch that the rules stop: a sentence for the editor. */
export class FetchRefused extends Error {
  override name = 'FetchRefused';
  constructor(
    message: string,
    readonly kind: 'refused' | 'failed',
  ) {
    super(message);
  }
}

/**
 * Fetches one URL under the rules, following redirects itself so that every hop is checked: the
 * host is resolved, every address it resolves to must be public (address-policy.ts), and the
 * connection goes to the address that was checked, never to a second lookup that could answer
 * differently. The URL parser has already read every spelling of an address (2130706433,
 * 0x7f.1, [::ffff:7f00:1]) into its canonical form, which is what is checked.
 */
export async function fetchChecked(
  start: string,
  rules: FetchRules,
  deadline: number,
): Promise<FetchedHop[]> {
  const hops: FetchedHop[] = [];
  let url = new URL(start);
  for (let i = 0; i <= rules.maxRedirects; i++) {
    const hop = await fetchOnce(url, rules, deadline);
    hops.push(hop);
    const location = hop.headers.find(([k]) => k.toLowerCase() === 'location')?.[1];
    if (![301, 302, 303, 307, 308].includes(hop.status) || !location) return hops;
    url = new URL(location, url);
  }
  throw new FetchRefused(`More than ${rules.maxRedirects} redirects`, 'failed');
}

async function addressFor(url: URL, rules: FetchRules): Promise<string> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchRefused(
      `Only http and https addresses are fetched, not ${url.protocol}`,
      'refused',
    );
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const allowed = rules.allowHosts.has(host.toLowerCase());
  if (isIP(host)) {
    if (!allowed && !isPublicAddress(host)) throw privateAddress(url);
    return host;
  }
  const found = await lookup(host, { all: true, verbatim: true }).catch(() => {
    throw new FetchRefused(`The host ${host} could not be found`, 'failed');
  });
  if (found.length === 0) throw new FetchRefused(`The host ${host} could not be found`, 'failed');
  if (!allowed && found.some((a) => !isPublicAddress(a.address))) throw privateAddress(url);
  return found[0]!.address;
}

function privateAddress(url: URL): FetchRefused {
  return new FetchRefused(
    `${url.host} is a private or local address: sources are fetched only from the public internet`,
    'refused',
  );
}

async function fetchOnce(url: URL, rules: FetchRules, deadline: number): Promise<FetchedHop> {
  const address = await addressFor(url, rules);
  const left = deadline - Date.now();
  if (left <= 0) throw new FetchRefused('The source took too long to answer', 'failed');
  const requestHeaders: Array<[string, string]> = [
    ['Host', url.host],
    ['User-Agent', rules.userAgent],
    ['Accept', 'text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.8'],
    ['Accept-Encoding', 'identity'],
    ['Connection', 'close'],
  ];
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<FetchedHop>((resolve, reject) => {
    const request = client.request({
      host: address,
      port: url.port || (url.protocol === 'https:' ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers: Object.fromEntries(requestHeaders),
      servername: isIP(url.hostname) ? undefined : url.hostname,
      agent: false,
    });
    const timer = setTimeout(() => {
      request.destroy(new FetchRefused('The source took too long to answer', 'failed'));
    }, left);
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.byteLength;
        if (size > rules.maxBytes) {
          request.destroy(
            new FetchRefused(`The source is larger than ${sizeInWords(rules.maxBytes)}`, 'failed'),
          );
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', () => {
        clearTimeout(timer);
        const headers: Array<[string, string]> = [];
        for (let i = 0; i < response.rawHeaders.length; i += 2) {
          headers.push([response.rawHeaders[i]!, response.rawHeaders[i + 1]!]);
        }
        resolve({
          url: url.href,
          status: response.statusCode ?? 0,
          statusText: response.statusMessage ?? '',
          headers,
          requestHeaders,
          body: Buffer.concat(chunks),
        });
      });
      response.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(
        error instanceof FetchRefused
          ? error
          : new FetchRefused(
              `The source could not be reached (${(error as Error).message})`,
              'failed',
            ),
      );
    });
    request.end();
  });
}

/** A byte limit in words: "20 MB", "100 KB". */
function sizeInWords(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${Math.round(bytes / (1024 * 1024))} MB`
    : `${Math.round(bytes / 1024)} KB`;
}
